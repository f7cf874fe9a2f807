import Link from "next/link";
import type { ReactNode } from "react";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireAdminPage } from "@/server/auth/require-page";

const SECTIONS = [
  { href: "/admin", label: "Ringkasan" },
  { href: "/admin/instansi", label: "Instansi" },
  { href: "/admin/jadwal", label: "Jadwal" },
  { href: "/admin/pelamar", label: "Cari Pelamar" },
  { href: "/admin/audit", label: "Log Audit" },
];

/** Every console page requires an admin session (pages check again; the proxy only redirects). */
export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireAdminPage();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">
          Konsol Admin — masuk sebagai <strong>{user.name}</strong>
        </p>
        <SignOutButton callbackUrl="/admin/masuk" />
      </div>
      <nav aria-label="Menu admin">
        <ul className="flex flex-wrap gap-2">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Link href={section.href} className="inline-block rounded-md border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SessionKeepAlive />
      {children}
    </div>
  );
}
