import "server-only";
import { assertRegistrationOpen } from "@/domain/registration/window";
import { getRegistrationWindow } from "@/server/registration/get-registration-window";

/** Throws REGISTRATION_NOT_OPEN / REGISTRATION_CLOSED unless the current period is open now. */
export async function assertRegistrationIsOpen(): Promise<void> {
  const window = await getRegistrationWindow();
  assertRegistrationOpen(window.now, window);
}
