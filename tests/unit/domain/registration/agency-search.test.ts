import { describe, expect, it } from "vitest";
import { agencyMatches, agencyNamed, normalizeSearchText, searchAgencies } from "@/domain/registration/agency-search";

const AGENCIES = [
  { code: "BKN", name: "Badan Kepegawaian Negara" },
  { code: "KEMHAN", name: "Kementerian Pertahanan" },
  { code: "BMKG", name: "Badan Meteorologi, Klimatologi, dan Geofisika" },
  { code: "KAB-3204", name: "Pemerintah Kabupaten Bandung" },
  { code: "KOTA-3273", name: "Pemerintah Kota Bandung" },
];

const codes = (query: string) => searchAgencies(AGENCIES, query).map((agency) => agency.code);

describe("normalizeSearchText", () => {
  it("ignores case, accents, punctuation and extra spaces", () => {
    expect(normalizeSearchText("  Badan   Meteorologi, Klimatologi ")).toBe("badan meteorologi klimatologi");
    expect(normalizeSearchText("KOTA-3273")).toBe("kota 3273");
    expect(normalizeSearchText("Bupatí")).toBe("bupati");
  });
});

describe("searchAgencies", () => {
  it("lists every agency, in order, for an empty or blank query", () => {
    expect(codes("")).toEqual(AGENCIES.map((a) => a.code));
    expect(codes("  ,  ")).toEqual(AGENCIES.map((a) => a.code));
  });

  it("finds an agency by part of its name, in any case", () => {
    expect(codes("pertahanan")).toEqual(["KEMHAN"]);
    expect(codes("PERTAHAN")).toEqual(["KEMHAN"]);
    expect(codes("hanan")).toEqual(["KEMHAN"]);
  });

  it("needs every word, wherever it stands in the name", () => {
    expect(codes("bandung")).toEqual(["KAB-3204", "KOTA-3273"]);
    expect(codes("kab bandung")).toEqual(["KAB-3204"]);
    expect(codes("bandung kota")).toEqual(["KOTA-3273"]);
    expect(codes("meteorologi geofisika")).toEqual(["BMKG"]);
    expect(codes("meteorologi jember")).toEqual([]);
  });

  it("finds an agency by its code, punctuation ignored", () => {
    expect(codes("kemhan")).toEqual(["KEMHAN"]);
    expect(codes("kota-3273")).toEqual(["KOTA-3273"]);
    expect(codes("3204")).toEqual(["KAB-3204"]);
  });

  it("treats punctuation typed in the query as a space", () => {
    expect(codes("meteorologi,klimatologi")).toEqual(["BMKG"]);
    expect(agencyMatches(AGENCIES[2]!, "Badan Meteorologi, Klimatologi, dan Geofisika")).toBe(true);
  });
});

describe("agencyNamed", () => {
  it("is the agency whose whole name or code was typed", () => {
    expect(agencyNamed(AGENCIES, "kementerian  pertahanan")?.code).toBe("KEMHAN");
    expect(agencyNamed(AGENCIES, "bkn")?.code).toBe("BKN");
  });

  it("is nothing for part of a name or an empty text", () => {
    expect(agencyNamed(AGENCIES, "pertahanan")).toBeUndefined();
    expect(agencyNamed(AGENCIES, "")).toBeUndefined();
  });
});
