import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/domain/registration/phone";

describe("normalizePhone", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+6281234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["0812.3456.7890", "+6281234567890"],
    ["(0812) 3456-7890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["+62 (0)812 3456 7890", "+6281234567890"],
    ["  081234567890 ", "+6281234567890"],
  ])("accepts %j as %s", (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected });
  });

  it("accepts 10 to 13 digits in national form", () => {
    expect(normalizePhone("0812345678")).toEqual({ ok: true, value: "+62812345678" });
    expect(normalizePhone("0812345678901")).toEqual({ ok: true, value: "+62812345678901" });
    expect(normalizePhone("62812345678")).toEqual({ ok: true, value: "+62812345678" });
  });

  it("refuses numbers outside 10 to 13 digits", () => {
    const message = "Nomor HP harus 10–13 digit (contoh: 081234567890).";
    expect(normalizePhone("081234567")).toEqual({ ok: false, message });
    expect(normalizePhone("08123456789012")).toEqual({ ok: false, message });
    expect(normalizePhone("+628123456789012")).toEqual({ ok: false, message });
    expect(normalizePhone("6281234567")).toEqual({ ok: false, message: "Nomor HP harus 10–13 digit (contoh: 081234567890)." });
  });

  it.each(["0212345678", "+6221234567", "6221234567", "81234567890", "+6581234567", "+1 812 345 6789"])(
    "refuses %j, which is not an Indonesian mobile number",
    (input) => {
      expect(normalizePhone(input)).toEqual({ ok: false, message: "Nomor HP harus diawali 08, 628, atau +628." });
    },
  );

  it.each(["0812345678a", "0812/345/678", "08123+45678", "++6281234567"])("refuses %j with other characters", (input) => {
    expect(normalizePhone(input)).toEqual({ ok: false, message: "Nomor HP hanya boleh berisi angka (boleh diawali +)." });
  });

  it("asks for a number when empty", () => {
    expect(normalizePhone(" - ")).toEqual({ ok: false, message: "Nomor HP wajib diisi." });
  });
});
