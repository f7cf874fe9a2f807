import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireAdminPage } from "@/server/auth/require-page";

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
      <AdminNav />
      <SessionKeepAlive />
      {children}
    </div>
  );
}
