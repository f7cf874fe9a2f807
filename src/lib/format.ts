/** Display formats for the wizard's pages (Indonesian). */
import { parseIsoDate } from "@/domain/calendar";
import { MONTHS_ID } from "@/domain/registration/window";


/** "1998-05-12" → "12 Mei 1998"; anything else is returned as it is. */
export function formatIsoDateId(iso: string): string {
  const date = parseIsoDate(iso.trim());
  if (!date) return iso;
  return `${date.day} ${MONTHS_ID[date.month - 1]} ${date.year}`;
}
