import { describe, expect, it } from "vitest";
import {
  BIRTH_PLACE_MAX,
  FULL_NAME_MAX,
  FULL_NAME_MIN,
  nameParts,
  normalizeBirthPlace,
  normalizeFullName,
} from "@/domain/registration/name";

describe("normalizeFullName", () => {
  it("trims, collapses inner whitespace and upper-cases, as on the KTP", () => {
    expect(normalizeFullName("  siti   nurhaliza\t binti  ahmad ")).toEqual({ ok: true, value: "SITI NURHALIZA BINTI AHMAD" });
  });

  it("allows . ' and -", () => {
    expect(normalizeFullName("Drs. R.A. Kartini-Putri O'Neil")).toEqual({ ok: true, value: "DRS. R.A. KARTINI-PUTRI O'NEIL" });
  });

  it("reads typographic apostrophes as '", () => {
    expect(normalizeFullName("Ma’ruf Amin")).toEqual({ ok: true, value: "MA'RUF AMIN" });
  });

  it("allows accented Latin letters, composed or decomposed", () => {
    expect(normalizeFullName("José Müller")).toEqual({ ok: true, value: "JOSÉ MÜLLER" });
    expect(normalizeFullName("Jose\u0301")).toEqual({ ok: true, value: "JOSÉ" });
  });

  it.each(["Budi 2", "Budi_Santoso", "Budi@Santoso", "Budi, S.Kom", "محمد", "王小明", "Budi 😀", "Budi\u200bSantoso"])(
    "refuses %j",
    (input) => {
      expect(normalizeFullName(input)).toEqual({
        ok: false,
        message: "Nama lengkap hanya boleh berisi huruf, spasi, titik (.), apostrof ('), dan tanda hubung (-).",
      });
    },
  );

  it("asks for a name when empty or blank", () => {
    expect(normalizeFullName("   ")).toEqual({ ok: false, message: "Nama lengkap wajib diisi." });
  });

  it("requires a letter first", () => {
    expect(normalizeFullName("-- ")).toEqual({ ok: false, message: "Nama lengkap harus diawali huruf." });
    expect(normalizeFullName(".Budi")).toEqual({ ok: false, message: "Nama lengkap harus diawali huruf." });
  });

  it("counts 2 to 60 characters after normalizing", () => {
    const lengthMessage = "Nama lengkap harus 2–60 karakter.";
    expect(normalizeFullName("A")).toEqual({ ok: false, message: lengthMessage });
    expect(normalizeFullName("Al")).toEqual({ ok: true, value: "AL" });
    expect(normalizeFullName("A".repeat(FULL_NAME_MAX))).toEqual({ ok: true, value: "A".repeat(60) });
    expect(normalizeFullName("A".repeat(FULL_NAME_MAX + 1))).toEqual({ ok: false, message: lengthMessage });
    // Collapsed spaces do not count.
    expect(normalizeFullName(`${"A".repeat(30)}     ${"B".repeat(29)}`).ok).toBe(true);
    // An accented letter counts once.
    expect(normalizeFullName("É".repeat(60)).ok).toBe(true);
    expect(FULL_NAME_MIN).toBe(2);
  });
});

describe("normalizeBirthPlace", () => {
  it("normalizes like a name", () => {
    expect(normalizeBirthPlace("  kab.  tana toraja ")).toEqual({ ok: true, value: "KAB. TANA TORAJA" });
    expect(normalizeBirthPlace("Pangkal-Pinang")).toEqual({ ok: true, value: "PANGKAL-PINANG" });
  });

  it("refuses other characters with its own message", () => {
    expect(normalizeBirthPlace("Km 5")).toEqual({
      ok: false,
      message: "Tempat lahir hanya boleh berisi huruf, spasi, titik (.), apostrof ('), dan tanda hubung (-).",
    });
    expect(normalizeBirthPlace("")).toEqual({ ok: false, message: "Tempat lahir wajib diisi." });
    expect(normalizeBirthPlace("'Solo")).toEqual({ ok: false, message: "Tempat lahir harus diawali huruf." });
  });

  it("allows 2 to 50 characters", () => {
    const lengthMessage = "Tempat lahir harus 2–50 karakter.";
    expect(normalizeBirthPlace("X")).toEqual({ ok: false, message: lengthMessage });
    expect(normalizeBirthPlace("Ko").ok).toBe(true);
    expect(normalizeBirthPlace("B".repeat(BIRTH_PLACE_MAX)).ok).toBe(true);
    expect(normalizeBirthPlace("B".repeat(BIRTH_PLACE_MAX + 1))).toEqual({ ok: false, message: lengthMessage });
  });
});

describe("nameParts", () => {
  it("gives the lower-case words of 3+ characters, split at spaces and punctuation", () => {
    expect(nameParts("MUHAMMAD AL-FATIH O'NEIL S. PD")).toEqual(["muhammad", "fatih", "neil"]);
  });

  it("keeps accented letters and drops duplicates", () => {
    expect(nameParts("JOSÉ JOSÉ")).toEqual(["josé"]);
  });

  it("gives nothing for short names", () => {
    expect(nameParts("AL")).toEqual([]);
  });
});
