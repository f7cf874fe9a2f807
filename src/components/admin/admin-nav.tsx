"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Ringkasan" },
  { href: "/admin/instansi", label: "Instansi" },
  { href: "/admin/jadwal", label: "Jadwal" },
  { href: "/admin/pelamar", label: "Cari Pelamar" },
  { href: "/admin/audit", label: "Log Audit" },
];

/** The console's menu; the section on screen is marked, for eyes and for screen readers (aria-current). */
export function AdminNav() {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Menu admin">
      <ul className="flex flex-wrap gap-2">
        {SECTIONS.map((section) => {
          const current = isCurrent(section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-md border border-brand-700 px-3 py-2 text-sm font-medium ${
                  current ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
