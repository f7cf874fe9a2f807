import type { ReactNode } from "react";
import { RegistrationNotOpen } from "@/components/registration/registration-not-open";
import { getRegistrationWindow } from "@/server/registration/get-registration-window";

/** The wizard's steps exist only while registration is open; otherwise say when it opens or closed. */
export default async function WizardStepsLayout({ children }: { children: ReactNode }) {
  const window = await getRegistrationWindow();
  if (window.status !== "open") {
    return <RegistrationNotOpen status={window.status} opensAt={window.opensAt.toISOString()} closesAt={window.closesAt.toISOString()} />;
  }
  return children;
}
