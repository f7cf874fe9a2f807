import { describe, expect, it } from "vitest";
import { genderLabel } from "@/domain/registration/account";

describe("genderLabel", () => {
  it("names each stored gender in Indonesian and shows anything else as it is", () => {
    expect(genderLabel("LAKI_LAKI")).toBe("Laki-laki");
    expect(genderLabel("PEREMPUAN")).toBe("Perempuan");
    expect(genderLabel("X")).toBe("X");
    expect(genderLabel("toString")).toBe("toString");
  });
});
