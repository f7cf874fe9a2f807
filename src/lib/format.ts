/** Display formats for the wizard's pages (Indonesian). */
import { parseIsoDate } from "@/domain/calendar";
import { MONTHS_ID } from "@/domain/registration/window";


/** "1998-05-12" → "12 Mei 1998"; anything else is returned as it is. */
export function formatIsoDateId(iso: string): string {
  const date = parseIsoDate(iso.trim());
  if (!date) return iso;
  return `${date.day} ${MONTHS_ID[date.month - 1]} ${date.year}`;
}

/** "1 KB"-style sizes for photo limits and previews. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString("id-ID", { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("id-ID")} KB`;
}
