/**
 * Finding an agency by what an applicant types: every word of the query must appear somewhere in
 * the agency's name or code, ignoring case, accents and punctuation, so "kab bandung", "pertahanan"
 * and "kemhan" each narrow a list of hundreds to the few that fit. One rule for the wizard's picker,
 * the landing page's list and the admin's table.
 */

/** Lower case, accents and punctuation gone, one space between words. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("id-ID")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function agencyMatches(agency: { name: string; code: string }, query: string): boolean {
  const words = normalizeSearchText(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = ` ${normalizeSearchText(agency.name)} ${normalizeSearchText(agency.code)} `;
  return words.every((word) => haystack.includes(word));
}

/** The agencies that match, in their given order (all of them for an empty query). */
export function searchAgencies<T extends { name: string; code: string }>(agencies: readonly T[], query: string): T[] {
  return normalizeSearchText(query) === "" ? [...agencies] : agencies.filter((agency) => agencyMatches(agency, query));
}

/** The agency whose name or code is exactly what was typed (any case, spacing, punctuation), if one is. */
export function agencyNamed<T extends { name: string; code: string }>(agencies: readonly T[], text: string): T | undefined {
  const typed = normalizeSearchText(text);
  if (typed === "") return undefined;
  return agencies.find((agency) => normalizeSearchText(agency.name) === typed || normalizeSearchText(agency.code) === typed);
}
