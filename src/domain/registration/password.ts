/**
 * Password policy (OWASP ASVS 5.0 §6.2, NIST SP 800-63B): length and blocklists only, no forced
 * character classes. Returns every rule with its outcome so the form can show a live checklist.
 * Strength metering (zxcvbn) guides the applicant in the UI and is deliberately not a rule here.
 */
import { type CalendarDate, pad2 } from "@/domain/calendar";
import { nameParts } from "@/domain/registration/name";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
/** The list is frequency-ranked; its head is SPEC's "10,000 most common passwords". */
export const COMMON_PASSWORD_COUNT = 10_000;

export type PasswordContext = {
  nik?: string;
  kk?: string;
  birthDate?: CalendarDate;
  fullName?: string;
};

export type PasswordRuleId = "length" | "common" | "nik" | "kk" | "birthDate" | "name";

export type PasswordRule = { id: PasswordRuleId; label: string; passed: boolean };

export type PasswordCheck = { ok: boolean; rules: PasswordRule[]; issues: string[] };

export const PASSWORD_RULE_LABELS: Record<PasswordRuleId, string> = {
  length: `${PASSWORD_MIN}–${PASSWORD_MAX} karakter`,
  common: "Bukan kata sandi yang umum dipakai",
  nik: "Tidak memuat NIK",
  kk: "Tidak memuat nomor KK",
  birthDate: "Tidak memuat tanggal lahir",
  name: "Tidak memuat bagian dari nama",
};

export const PASSWORD_MESSAGES = {
  tooShort: `Kata sandi minimal ${PASSWORD_MIN} karakter.`,
  tooLong: `Kata sandi maksimal ${PASSWORD_MAX} karakter.`,
  common: "Kata sandi ini termasuk yang paling umum dipakai sehingga mudah ditebak. Gunakan kata sandi lain.",
  nik: "Kata sandi tidak boleh memuat NIK.",
  kk: "Kata sandi tidak boleh memuat nomor KK.",
  birthDate: "Kata sandi tidak boleh memuat tanggal lahir.",
  name: "Kata sandi tidak boleh memuat bagian dari nama Anda.",
} as const;

/**
 * The 10,000 most common passwords (about 40 kB gzip) are not part of any page's first load: the
 * server loads them when it starts (src/server/deps.ts), the browser when the password step or
 * the recovery form is shown (`loadCommonPasswords`). Until then the browser's checklist cannot
 * judge this one rule and leaves it to the server, which checks every password again; the server
 * itself never judges without the list (it throws instead of failing open).
 */
let commonPasswords: Set<string> | undefined;

export function provideCommonPasswords(newlineSeparated: string): void {
  commonPasswords ??= new Set(newlineSeparated.split("\n"));
}

export function commonPasswordsLoaded(): boolean {
  return commonPasswords !== undefined;
}

/** Fetches the list as a chunk of its own (the browser's way); resolves at once when loaded. */
export async function loadCommonPasswords(): Promise<void> {
  if (commonPasswords) return;
  const { COMMON_PASSWORDS } = await import("@/domain/registration/common-passwords.data");
  provideCommonPasswords(COMMON_PASSWORDS);
}

/** True/false once the list is loaded; null in a browser that is still fetching it. */
export function isCommonPassword(password: string): boolean | null {
  if (!commonPasswords) {
    if (typeof window === "undefined") throw new Error("The common-password list is not loaded (provideCommonPasswords)");
    return null;
  }
  return commonPasswords.has(password.toLowerCase());
}

const MONTH_NAMES: readonly (readonly string[])[] = [
  ["januari", "january", "jan"],
  ["februari", "february", "feb", "pebruari"],
  ["maret", "march", "mar"],
  ["april", "apr"],
  ["mei", "may"],
  ["juni", "june", "jun"],
  ["juli", "july", "jul"],
  ["agustus", "august", "agu", "agt", "aug"],
  ["september", "sept", "sep"],
  ["oktober", "october", "okt", "oct"],
  ["november", "nopember", "nov", "nop"],
  ["desember", "december", "des", "dec"],
];

/** Separators people put inside dates and numbers; removed before the "squashed" comparisons. */
const SEPARATORS = /[\s\-/._,]/g;

/**
 * Written forms of a birth date. Padded numeric forms and month-name forms are matched against
 * the password with separators removed (so 17-08-1945, 17/08/1945 and 17.08.1945 all match
 * 17081945); unpadded forms (1-7-1945) only with a separator, since "171945" alone is ambiguous.
 */
function birthDateForms(date: CalendarDate): { squashed: string[]; separated: string[] } {
  const yyyy = String(date.year).padStart(4, "0");
  const yy = yyyy.slice(2);
  const dd = pad2(date.day);
  const mm = pad2(date.month);
  const d = String(date.day);
  const m = String(date.month);
  const months = MONTH_NAMES[date.month - 1] ?? [];
  const squashed = [
    dd + mm + yyyy,
    yyyy + mm + dd,
    mm + dd + yyyy,
    dd + mm + yy,
    yy + mm + dd,
    ...months.flatMap((name) => [dd + name + yyyy, d + name + yyyy, dd + name + yy, name + dd + yyyy, name + d + yyyy]),
  ];
  const separated = ["-", "/", ".", " "].flatMap((s) => [d + s + m + s + yyyy, yyyy + s + m + s + d, d + s + m + s + yy]);
  return { squashed, separated };
}

function containsBirthDate(password: string, date: CalendarDate): boolean {
  const lower = password.toLowerCase();
  const squashed = lower.replace(SEPARATORS, "");
  const forms = birthDateForms(date);
  return forms.squashed.some((form) => squashed.includes(form)) || forms.separated.some((form) => lower.includes(form));
}

function containsNumber(password: string, number: string | undefined): boolean {
  const digits = number?.trim() ?? "";
  if (digits === "") return false;
  return password.includes(digits) || password.replace(SEPARATORS, "").includes(digits);
}

function containsNamePart(password: string, fullName: string | undefined): boolean {
  if (!fullName) return false;
  const lower = password.normalize("NFC").toLowerCase();
  return nameParts(fullName).some((part) => lower.includes(part));
}

export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  // Code points, not UTF-16 units: an emoji is one character to the applicant.
  const length = [...password].length;
  const lengthIssue = length < PASSWORD_MIN ? PASSWORD_MESSAGES.tooShort : length > PASSWORD_MAX ? PASSWORD_MESSAGES.tooLong : null;

  const outcomes: { id: PasswordRuleId; failed: boolean; issue: string }[] = [
    { id: "length", failed: lengthIssue !== null, issue: lengthIssue ?? "" },
    // Not yet known in the browser (the list is loading): not counted here; the server decides.
    { id: "common", failed: isCommonPassword(password) === true, issue: PASSWORD_MESSAGES.common },
    { id: "nik", failed: containsNumber(password, context.nik), issue: PASSWORD_MESSAGES.nik },
    { id: "kk", failed: containsNumber(password, context.kk), issue: PASSWORD_MESSAGES.kk },
    {
      id: "birthDate",
      failed: context.birthDate !== undefined && containsBirthDate(password, context.birthDate),
      issue: PASSWORD_MESSAGES.birthDate,
    },
    { id: "name", failed: containsNamePart(password, context.fullName), issue: PASSWORD_MESSAGES.name },
  ];

  const rules = outcomes.map(({ id, failed }) => ({ id, label: PASSWORD_RULE_LABELS[id], passed: !failed }));
  const issues = outcomes.filter((o) => o.failed).map((o) => o.issue);
  return { ok: issues.length === 0, rules, issues };
}
