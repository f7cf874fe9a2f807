import { formatWib } from "@/domain/registration/window";

/**
 * Says loudly when the server runs on a simulated clock (APP_CLOCK), so no one mistakes a demo
 * or test server for the real schedule.
 */
export function SimulatedClockBanner({ simulatedNow }: { simulatedNow: Date | null }) {
  if (!simulatedNow) return null;
  return (
    <div role="note" aria-label="Waktu simulasi" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      <strong>Waktu simulasi:</strong> server ini berjalan dengan waktu {formatWib(simulatedNow)}, bukan waktu
      sebenarnya.
    </div>
  );
}
