/** Who a session belongs to. Shared by the auth options and the session helpers. */
export type SessionRole = "APPLICANT" | "ADMIN";
export type SessionUser = { id: string; role: SessionRole; name: string; sessionVersion: number };

/** Idle sessions end after 30 minutes; every session ends 12 hours after sign-in (issue 4). */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
