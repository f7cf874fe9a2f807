import type { Metadata } from "next";
import { IdentityStep } from "@/components/registration/identity-step";

export const metadata: Metadata = { title: "Identitas — Buat Akun" };

export default function Page() {
  return <IdentityStep />;
}
