import type { Metadata } from "next";
import { WizardEntry } from "@/components/registration/wizard-entry";

export const metadata: Metadata = { title: "Buat Akun" };

/** /daftar: straight to the latest step the applicant may be on. */
export default function RegistrationStartPage() {
  return <WizardEntry />;
}
