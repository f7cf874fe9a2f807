import "server-only";
import { assertRegistrationOpen } from "@/domain/registration/window";
import { getRegistrationWindow, type RegistrationWindow } from "@/server/registration/get-registration-window";

/** Throws REGISTRATION_NOT_OPEN / REGISTRATION_CLOSED unless the current period is open now. */
export async function assertRegistrationIsOpen(): Promise<RegistrationWindow> {
  const window = await getRegistrationWindow();
  assertRegistrationOpen(window.now, window);
  return window;
}
