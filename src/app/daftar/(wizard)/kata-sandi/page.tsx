import type { Metadata } from "next";
import { PasswordStep } from "@/components/registration/password-step";

export const metadata: Metadata = { title: "Kata Sandi — Buat Akun" };

export default function Page() {
  return <PasswordStep />;
}
