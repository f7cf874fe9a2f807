/**
 * How an applicant's identity compares with the population registry's record (SPEC "Population
 * registry"). Only the KK is named when it differs; for the name and birth date the answer does not
 * say which field is wrong, so the registry cannot be mined one field at a time.
 */
export type RegistryRecord = { nik: string; kk: string; fullName: string; birthDate: string };
export type RegistryClaim = { nik: string; kk: string; fullName: string; birthDate: string };
export type RegistryMatch = "MATCH" | "NIK_NOT_FOUND" | "KK_MISMATCH" | "DATA_MISMATCH";

/** Names compare as the KTP prints them: upper case, single spaces. */
export function comparableName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleUpperCase("id-ID");
}

export function matchRegistryRecord(record: RegistryRecord | null, claim: RegistryClaim): RegistryMatch {
  if (!record) return "NIK_NOT_FOUND";
  if (record.kk !== claim.kk) return "KK_MISMATCH";
  if (comparableName(record.fullName) !== comparableName(claim.fullName) || record.birthDate !== claim.birthDate) {
    return "DATA_MISMATCH";
  }
  return "MATCH";
}
