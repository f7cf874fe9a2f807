import type { ReactNode } from "react";
import { WizardProvider } from "@/components/registration/wizard-provider";
import { getRegistrationWindow } from "@/server/registration/get-registration-window";
import { listAgencies } from "@/server/registration/list-agencies";
import "./print.css";

/**
 * /daftar: the account registration wizard. The answers live in a client-side provider that spans
 * every step and the done page; the schedule and the agencies come from the server with the page.
 */
export default async function RegistrationLayout({ children }: { children: ReactNode }) {
  const [window, agencies] = await Promise.all([getRegistrationWindow(), listAgencies()]);
  return (
    <WizardProvider
      config={{
        opensAt: window.opensAt.toISOString(),
        closesAt: window.closesAt.toISOString(),
        agencies: agencies.map(({ code, name, kind, formationStatus }) => ({ code, name, kind, formationStatus })),
      }}
    >
      {children}
    </WizardProvider>
  );
}
