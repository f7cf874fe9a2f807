import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import {
  COMMON_PASSWORD_COUNT,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type PasswordContext,
  type PasswordRuleId,
  checkPassword,
  isCommonPassword,
} from "@/domain/registration/password";

const CONTEXT = {
  nik: "3171011708950001",
  kk: "3273022505120003",
  birthDate: { year: 1995, month: 8, day: 7 },
  fullName: "SITI NUR AISYAH AL-FATIH",
};
const GOOD = "kuda lumping makan beling";

function failedRules(password: string, context: PasswordContext = CONTEXT): PasswordRuleId[] {
  return checkPassword(password, context)
    .rules.filter((r) => !r.passed)
    .map((r) => r.id);
}

describe("checkPassword: result shape", () => {
  it("lists every rule with an Indonesian label, in checklist order", () => {
    const result = checkPassword(GOOD, CONTEXT);
    expect(result).toEqual({
      ok: true,
      issues: [],
      rules: [
        { id: "length", label: "12–128 karakter", passed: true },
        { id: "common", label: "Bukan kata sandi yang umum dipakai", passed: true },
        { id: "nik", label: "Tidak memuat NIK", passed: true },
        { id: "kk", label: "Tidak memuat nomor KK", passed: true },
        { id: "birthDate", label: "Tidak memuat tanggal lahir", passed: true },
        { id: "name", label: "Tidak memuat bagian dari nama", passed: true },
      ],
    });
  });

  it("passes the context rules when there is no context yet", () => {
    expect(checkPassword(GOOD)).toMatchObject({ ok: true, issues: [] });
  });

  it("reports every broken rule at once", () => {
    const result = checkPassword(`siti${CONTEXT.nik}`, CONTEXT);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual(["Kata sandi tidak boleh memuat NIK.", "Kata sandi tidak boleh memuat bagian dari nama Anda."]);
  });
});

describe("length", () => {
  it("is 12 to 128 characters", () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MAX).toBe(128);
    expect(checkPassword("x".repeat(11) + "q").ok).toBe(true);
    expect(checkPassword("xyzxyzxyzxy").issues).toEqual(["Kata sandi minimal 12 karakter."]);
    expect(checkPassword("").issues).toEqual(["Kata sandi minimal 12 karakter."]);
    expect(checkPassword("ab".repeat(64)).ok).toBe(true);
    expect(checkPassword("ab".repeat(64) + "c").issues).toEqual(["Kata sandi maksimal 128 karakter."]);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    // 12 emoji are 24 UTF-16 units: still 12 characters.
    expect(checkPassword("🔒".repeat(12)).ok).toBe(true);
    expect(checkPassword("🔒".repeat(11)).issues).toEqual(["Kata sandi minimal 12 karakter."]);
    expect(checkPassword("🔒".repeat(128)).ok).toBe(true);
    expect(checkPassword("🔒".repeat(129)).issues).toEqual(["Kata sandi maksimal 128 karakter."]);
  });

  it("accepts any characters, with no forced character classes", () => {
    expect(checkPassword("semuanyahurufkecil").ok).toBe(true);
    expect(checkPassword("kata sandi dengan spasi").ok).toBe(true);
    expect(checkPassword("ŝ¿ĥ€ ĝ日本語パスワード").ok).toBe(true);
  });
});

describe("common passwords", () => {
  const common = dictionary["passwords-common"];

  it("refuses the 10,000 most common, ignoring case", () => {
    expect(COMMON_PASSWORD_COUNT).toBe(10_000);
    const long = common.slice(0, COMMON_PASSWORD_COUNT).filter((p) => [...p].length >= PASSWORD_MIN);
    expect(long.length).toBeGreaterThan(10);
    for (const password of long) {
      expect(checkPassword(password).issues).toEqual([
        "Kata sandi ini termasuk yang paling umum dipakai sehingga mudah ditebak. Gunakan kata sandi lain.",
      ]);
    }
    const example = long[0]!;
    expect(isCommonPassword(example.toUpperCase())).toBe(true);
  });

  it("includes rank 10,000 and excludes rank 10,001", () => {
    expect(isCommonPassword(common[COMMON_PASSWORD_COUNT - 1]!)).toBe(true);
    const next = common[COMMON_PASSWORD_COUNT]!;
    const inHead = common.slice(0, COMMON_PASSWORD_COUNT).some((p) => p.toLowerCase() === next.toLowerCase());
    expect(isCommonPassword(next)).toBe(inHead);
  });

  it("refuses short common ones too, under both rules", () => {
    expect(failedRules("password", {})).toEqual(["length", "common"]);
  });
});

describe("NIK and KK", () => {
  it("refuses a password containing the NIK or the KK number", () => {
    expect(failedRules(`aku${CONTEXT.nik}`)).toEqual(["nik"]);
    expect(failedRules(`${CONTEXT.kk}!!`)).toEqual(["kk"]);
    expect(checkPassword(`${CONTEXT.kk}!!`, CONTEXT).issues).toEqual(["Kata sandi tidak boleh memuat nomor KK."]);
  });

  it("sees through separators", () => {
    expect(failedRules("nik 3171-0117-0895-0001")).toEqual(["nik"]);
    expect(failedRules("kk 3273 0225 0512 0003")).toEqual(["kk"]);
  });

  it("allows parts of them", () => {
    expect(failedRules("31710117089500x1 zz")).toEqual([]);
  });
});

describe("birth date", () => {
  // 7 August 1995
  it.each([
    "07081995",
    "19950807",
    "08071995",
    "070895",
    "950807",
    "07-08-1995",
    "07/08/1995",
    "07.08.1995",
    "07 08 1995",
    "1995-08-07",
    "1995/08/07",
    "7-8-1995",
    "7/8/1995",
    "1995-8-7",
    "7.8.95",
    "07agustus1995",
    "7 Agustus 1995",
    "7-AGU-1995",
    "07aug1995",
    "agustus071995",
  ])("refuses a password containing %s", (form) => {
    const result = checkPassword(`kopi tubruk ${form}`, CONTEXT);
    expect(result.issues).toEqual(["Kata sandi tidak boleh memuat tanggal lahir."]);
  });

  it("allows the year alone and other dates", () => {
    expect(failedRules("kopi tubruk 1995")).toEqual([]);
    expect(failedRules("kopi tubruk 08-07-1996")).toEqual([]);
    expect(failedRules("kopi tubruk 17081945")).toEqual([]);
  });
});

describe("name parts", () => {
  it("refuses a password containing a name part of 3+ letters, ignoring case", () => {
    expect(failedRules("aisyahsayang123")).toEqual(["name"]);
    expect(failedRules("xxFATIHxx2023")).toEqual(["name"]);
    expect(failedRules("pakai nama Nur saja")).toEqual(["name"]);
  });

  it("ignores name parts shorter than 3 letters", () => {
    expect(failedRules("al al al al al al", { ...CONTEXT, fullName: "AL AB" })).toEqual([]);
  });
});

describe("the committed common-password list", () => {
  it("is zxcvbn-ts's list as `npm run data:passwords` renders it now", async () => {
    const { readFileSync } = await import("node:fs");
    const { OUTPUT_PATH, renderCommonPasswords } = await import("../../../../scripts/generate-common-passwords");
    expect(readFileSync(OUTPUT_PATH, "utf8")).toBe(renderCommonPasswords());
  });
});

describe("the common-password rule without its list", () => {
  it("never fails open on the server: it throws until the list is provided", async () => {
    const { vi } = await import("vitest");
    vi.resetModules();
    const fresh = await import("@/domain/registration/password");
    expect(fresh.commonPasswordsLoaded()).toBe(false);
    expect(() => fresh.isCommonPassword("password")).toThrow(/not loaded/);
    await fresh.loadCommonPasswords();
    expect(fresh.isCommonPassword("password")).toBe(true);
    const { COMMON_PASSWORDS } = await import("@/domain/registration/common-passwords.data");
    const longCommon = COMMON_PASSWORDS.split("\n").find((p) => p.length >= 12)!;
    expect(fresh.checkPassword(longCommon).issues).toContain(fresh.PASSWORD_MESSAGES.common);
  });
});
