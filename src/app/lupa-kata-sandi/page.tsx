import type { Metadata } from "next";
import { PasswordRecoveryForm } from "@/components/auth/password-recovery-form";

export const metadata: Metadata = { title: "Lupa Kata Sandi" };

export default function PasswordRecoveryPage() {
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">Lupa Kata Sandi</h1>
      <p className="text-slate-700">
        Buktikan bahwa akun ini milik Anda dengan NIK, Nomor KK, tanggal lahir dan jawaban salah satu pertanyaan keamanan,
        lalu buat kata sandi baru. Data akun Anda tidak berubah.
      </p>
      <PasswordRecoveryForm />
    </div>
  );
}
