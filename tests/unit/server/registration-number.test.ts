import { describe, expect, it } from "vitest";
import { REGISTRATION_NUMBER_LENGTH, generateRegistrationNumber, isRegistrationNumber } from "@/server/registration/registration-number";

describe("registration numbers", () => {
  it("are 15 digits starting with 2023, never NIK-length, with a valid check digit", () => {
    for (let i = 0; i < 200; i++) {
      const number = generateRegistrationNumber();
      expect(number).toMatch(/^2023\d{11}$/);
      expect(number).toHaveLength(REGISTRATION_NUMBER_LENGTH);
      expect(isRegistrationNumber(number)).toBe(true);
    }
  });

  it("detect any single mistyped digit", () => {
    const number = generateRegistrationNumber();
    for (let i = 4; i < number.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === number[i]) continue;
        expect(isRegistrationNumber(number.slice(0, i) + d + number.slice(i + 1))).toBe(false);
      }
    }
    // Luhn over 2023 + ten zeros: 2 + 0 + 2 + (3×2) = 10, so the check digit is 0.
    expect(generateRegistrationNumber(() => 0)).toBe("202300000000000");
    expect(generateRegistrationNumber(() => 1)).toBe("202311111111115");
    expect(isRegistrationNumber("202300000000006")).toBe(false);
    expect(isRegistrationNumber("3273011205980001")).toBe(false);
  });
});
