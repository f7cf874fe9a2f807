import "server-only";
import { redirect } from "next/navigation";
import { getSessionUser, type SignedInUser } from "@/server/auth/session";

/** For pages: the signed-in admin, or a redirect to the admin sign-in. */
export async function requireAdminPage(): Promise<SignedInUser> {
  const user = await getSessionUser();
  if (!user || user.role !== "ADMIN") redirect("/admin/masuk");
  return user;
}

/** For pages: the signed-in applicant, or a redirect to the sign-in that comes back here. */
export async function requireApplicantPage(returnTo: string): Promise<SignedInUser> {
  const user = await getSessionUser();
  if (!user || user.role !== "APPLICANT") redirect(`/masuk?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
