import { FORMATION_STATUS_LABELS, isFormationStatus } from "@/domain/registration/readiness";

/** An agency's formation status as a coloured pill: green when verified, amber otherwise. */
export function FormationStatusBadge({ status, compact = false }: { status: string; compact?: boolean }) {
  const verified = status === "VERIFIED";
  const label = isFormationStatus(status) ? FORMATION_STATUS_LABELS[status] : FORMATION_STATUS_LABELS.IN_VERIFICATION;
  return (
    <span
      className={`inline-flex w-fit rounded-full font-medium ${compact ? "px-2 py-0.5 text-xs" : "px-3 py-1 text-sm"} ${verified ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-950"}`}
    >
      {label}
    </span>
  );
}
