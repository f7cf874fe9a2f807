import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeReturnPath } from "@/lib/safe-path";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Masuk Admin" };

export default async function AdminSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "/admin");
  const user = await getSessionUser();
  if (user?.role === "ADMIN") redirect(callbackUrl);

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">Masuk Admin</h1>
      <p className="text-slate-700">Khusus petugas BKN dan operator instansi.</p>
      <SignInForm
        provider="admin"
        identifier={{ name: "username", label: "Nama pengguna", autoComplete: "username" }}
        callbackUrl={callbackUrl}
      />
    </div>
  );
}
