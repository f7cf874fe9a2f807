import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeReturnPath } from "@/lib/safe-path";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Masuk" };

export default async function ApplicantSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/akun");
  const user = await getSessionUser();
  if (user?.role === "APPLICANT") redirect(callbackUrl);

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">Masuk ke Akun SSCASN</h1>
      <p className="text-slate-700">Masuk dengan NIK dan kata sandi yang Anda buat saat pendaftaran akun.</p>
      <SignInForm
        provider="applicant"
        identifier={{ name: "nik", label: "NIK", hint: "16 digit Nomor Induk Kependudukan sesuai KTP.", numeric: true, autoComplete: "username" }}
        callbackUrl={callbackUrl}
      />
      <ul className="space-y-2 border-t border-slate-200 pt-4">
        <li>
          <Link href="/lupa-kata-sandi" className="font-medium text-brand-700 underline underline-offset-2">
            Lupa kata sandi?
          </Link>
        </li>
        <li>
          Belum punya akun?{" "}
          <Link href="/daftar" className="font-medium text-brand-700 underline underline-offset-2">
            Buat Akun
          </Link>
        </li>
      </ul>
    </div>
  );
}
