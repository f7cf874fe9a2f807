"use client";

/**
 * The target agency, grouped by kind. Agencies whose formation is still being verified are marked
 * in the list, and choosing one explains at once, before any submission, that accounts cannot be
 * created for it yet and what to do (SPEC "Agency formation readiness").
 */
import { SelectField } from "@/components/registration/form-field";
import { type AgencyOption } from "@/components/registration/wizard-provider";
import { AGENCY_KINDS, AGENCY_KIND_LABELS } from "@/domain/registration/readiness";

// Short, so a 360 px select cuts less of it; the full explanation shows below once chosen.
/** Where the identity step puts "Beri tahu saya" (outside its form: forms do not nest). */
export const NOTIFY_SECTION_ID = "beri-tahu-saya";

export const IN_VERIFICATION_SUFFIX = " (masih diverifikasi)";

export function AgencySelect({
  agencies,
  value,
  errors,
  onChange,
  onBlur,
}: {
  agencies: AgencyOption[];
  value: string;
  errors: string[] | undefined;
  onChange: (code: string) => void;
  onBlur: () => void;
}) {
  const selected = agencies.find((agency) => agency.code === value);
  const inVerification = selected !== undefined && selected.formationStatus !== "VERIFIED";
  return (
    <SelectField
      name="agencyCode"
      label="Instansi"
      hint="Instansi yang formasinya ingin Anda lamar. Instansi yang formasinya masih diverifikasi ditandai."
      value={value}
      errors={errors}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      warning={
        inVerification ? (
          <div role="status">
            <p className="font-semibold">Formasi {selected.name} masih dalam proses verifikasi.</p>
            <p className="mt-1">
              Akun belum dapat dibuat untuk instansi ini. Silakan cek SSCASN secara berkala dan pantau akun media sosial
              resmi BKN serta {selected.name}. Anda dapat kembali ke halaman ini setelah formasinya diverifikasi, atau
              memilih instansi lain yang formasinya sudah diverifikasi.
            </p>
            <p className="mt-1">
              <a href={`#${NOTIFY_SECTION_ID}`} className="font-medium underline underline-offset-2">
                Minta email pemberitahuan
              </a>{" "}
              saat formasinya sudah diverifikasi.
            </p>
          </div>
        ) : undefined
      }
    >
      <option value="">Pilih instansi</option>
      {AGENCY_KINDS.map((kind) => {
        const group = agencies.filter((agency) => agency.kind === kind);
        if (group.length === 0) return null;
        return (
          <optgroup key={kind} label={AGENCY_KIND_LABELS[kind]}>
            {group.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {agency.name}
                {agency.formationStatus === "VERIFIED" ? "" : IN_VERIFICATION_SUFFIX}
              </option>
            ))}
          </optgroup>
        );
      })}
    </SelectField>
  );
}
