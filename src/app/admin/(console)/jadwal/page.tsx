import type { Metadata } from "next";
import { ScheduleForm } from "@/components/admin/schedule-form";
import { formatWib } from "@/domain/registration/window";
import { requireAdminPage } from "@/server/auth/require-page";
import { getRegistrationWindow } from "@/server/registration/get-registration-window";

export const metadata: Metadata = { title: "Jadwal Pendaftaran" };

export default async function AdminSchedulePage() {
  await requireAdminPage();
  const window = await getRegistrationWindow();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Jadwal pendaftaran</h1>
      <p>
        Saat ini: dibuka {formatWib(window.opensAt)}, ditutup {formatWib(window.closesAt)}. Semua waktu dalam WIB (UTC+7).
      </p>
      <ScheduleForm opensAt={window.opensAt.toISOString()} closesAt={window.closesAt.toISOString()} />
    </div>
  );
}
