import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as summaryRoute from "@/app/api/registrations/[registrationNumber]/route";
import * as cardRoute from "@/app/api/registrations/[registrationNumber]/card/route";
import * as photoRoute from "@/app/api/registrations/[registrationNumber]/photos/[kind]/route";
import { deps, withDeps } from "@/server/deps";
import { createCardToken } from "@/server/registration/card-token";
import { renderAccountCard } from "@/server/registration/render-account-card";
import { makeJpeg } from "../../fixtures/photos";
import { BUDI, PASSWORD_STEP, SITI, registrationForm, solveCaptcha, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";

// Route handlers run outside a Next request here, so the session lookup is replaced by one the
// tests control; `null` is "not signed in".
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "APPLICANT" | "ADMIN"; name: string } }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));

const env = useTestServer();
let budi: { registrationNumber: string; createdAt: string; cardToken: string };
let siti: { registrationNumber: string; createdAt: string; cardToken: string };

beforeAll(async () => {
  for (const [identity, set] of [
    [BUDI, (r: typeof budi) => (budi = r)],
    [SITI, (r: typeof siti) => (siti = r)],
  ] as const) {
    const form = await registrationForm({ ...identity, ...PASSWORD_STEP, ...(await solveCaptcha(env.prisma)) });
    const { status, body } = await submit(form);
    expect(status).toBe(201);
    set(body as typeof budi);
  }
});

type Endpoint = "summary" | "card" | "selfie" | "ktp";

function get(endpoint: Endpoint, registrationNumber: string, token?: string): Promise<Response> {
  const suffix = endpoint === "summary" ? "" : endpoint === "card" ? "/card" : `/photos/${endpoint}`;
  const query = token === undefined ? "" : `?token=${encodeURIComponent(token)}`;
  const request = new Request(`http://localhost/api/registrations/${registrationNumber}${suffix}${query}`);
  if (endpoint === "selfie" || endpoint === "ktp") {
    return photoRoute.GET(request, { params: Promise.resolve({ registrationNumber, kind: endpoint }) });
  }
  return (endpoint === "card" ? cardRoute : summaryRoute).GET(request, { params: Promise.resolve({ registrationNumber }) });
}

async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  // pdf.js takes the buffer over (detaches it): give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes.slice(0)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

describe("GET /api/registrations/{number}/card", () => {
  it("downloads the Kartu Informasi Akun as a PDF holding the account's data, with extractable text", async () => {
    const response = await get("card", budi.registrationNumber, budi.cardToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="kartu-informasi-akun-${budi.registrationNumber}.pdf"`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const bytes = await response.arrayBuffer();
    expect(Buffer.from(bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const text = await pdfText(bytes);
    for (const expected of [
      "KARTU INFORMASI AKUN",
      "Nomor Pendaftaran",
      budi.registrationNumber,
      "NIK",
      BUDI.nik,
      "Nama Lengkap",
      "BUDI SANTOSO",
      "Tempat/Tanggal Lahir",
      "BANDUNG, 12 Mei 1998",
      "Jenis Kelamin",
      "Laki-laki",
      "Instansi",
      "Pemerintah Kota Bandung",
      "Waktu Pembuatan Akun",
      "25 September 2023 pukul 10.0",
      "WIB",
      "tidak dapat diubah",
      "pertanyaan keamanan",
    ]) {
      expect(text).toContain(expected);
    }
    // The selfie is embedded as a JPEG image.
    expect(Buffer.from(bytes).toString("latin1")).toContain("/DCTDecode");
  });

  it("renders names the standard font cannot encode without failing", async () => {
    const selfie = await makeJpeg(300, 400);
    const bytes = await renderAccountCard(
      {
        registrationNumber: "202300000000000",
        createdAt: new Date("2023-09-20T01:02:03Z"),
        nik: "3273011205980001",
        fullName: "ŁUKASZ ĀDITYA Ōʻ 😀 ЖУК",
        birthPlace: "TANJUNG—PINANG",
        birthDate: "1998-05-12",
        gender: "LAKI_LAKI",
        agency: { code: "X", name: "Pemerintah Kabupaten Bandung Barat dengan Nama yang Sangat Panjang Sekali Hingga Harus Dipotong ke Baris Berikutnya" },
      },
      selfie,
    );
    const text = await pdfText(bytes);
    expect(text).toContain("LUKASZ ADITYA O'");
    expect(text).toContain("20 September 2023 pukul 08.02 WIB");
    expect(text).toContain("Baris Berikutnya");
  });
});

describe("GET /api/registrations/{number}", () => {
  it("answers the print view's summary", async () => {
    const response = await get("summary", budi.registrationNumber, budi.cardToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({
      registrationNumber: budi.registrationNumber,
      createdAt: budi.createdAt,
      nik: BUDI.nik,
      fullName: "BUDI SANTOSO",
      birthPlace: "BANDUNG",
      birthDate: "1998-05-12",
      gender: "LAKI_LAKI",
      agency: { code: "KOTA-3273", name: "Pemerintah Kota Bandung" },
    });
  });
});

describe("GET /api/registrations/{number}/photos/{kind}", () => {
  it("answers the stored, re-encoded selfie", async () => {
    const response = await get("selfie", siti.registrationNumber, siti.cardToken);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    const bytes = Buffer.from(await response.arrayBuffer());
    const account = await env.prisma.account.findUniqueOrThrow({ where: { registrationNumber: siti.registrationNumber } });
    expect(bytes).toEqual(fs.readFileSync(path.join(env.storageDir, account.selfieKey)));
    expect((await sharp(bytes).metadata()).format).toBe("jpeg");
  });
});

describe("card tokens", () => {
  const endpoints: Endpoint[] = ["summary", "card", "selfie", "ktp"];

  for (const endpoint of endpoints) {
    it(`${endpoint}: 401 without a token, with a forged or expired one; 403 with another account's; 404 for an unknown number`, async () => {
      const missing = await get(endpoint, budi.registrationNumber);
      expect(missing.status).toBe(401);
      expect((await missing.json()).error.code).toBe("UNAUTHORIZED");

      expect((await get(endpoint, budi.registrationNumber, "garbage")).status).toBe(401);
      const [number, expires, mac] = budi.cardToken.split(".") as [string, string, string];
      const flipped = mac.slice(0, -1) + (mac.endsWith("A") ? "B" : "A");
      expect((await get(endpoint, budi.registrationNumber, `${number}.${expires}.${flipped}`)).status).toBe(401);
      // A later expiry without a new signature is a forgery too.
      expect((await get(endpoint, budi.registrationNumber, `${number}.${Number(expires) + 3600}.${mac}`)).status).toBe(401);

      const threeHoursAgo = new Date(Date.parse(budi.createdAt) - 3 * 60 * 60 * 1000);
      const expired = createCardToken(budi.registrationNumber, threeHoursAgo);
      const expiredResponse = await get(endpoint, budi.registrationNumber, expired);
      expect(expiredResponse.status).toBe(401);
      expect((await expiredResponse.json()).error.message).toMatch(/kedaluwarsa/);

      const other = await get(endpoint, budi.registrationNumber, siti.cardToken);
      expect(other.status).toBe(403);
      expect((await other.json()).error.code).toBe("FORBIDDEN");

      const unknownNumber = "202399999999999";
      const unknown = await get(endpoint, unknownNumber, createCardToken(unknownNumber));
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error.code).toBe("NOT_FOUND");
    });
  }

  it("are signed with the auth secret: a token from a server with another secret is refused", async () => {
    const token = budi.cardToken;
    const otherServer = { env: { ...deps().env, authSecret: "another-secret-another-secret-another-secret" } };
    const response = await withDeps(otherServer, () =>
      summaryRoute.GET(new Request(`http://localhost/api/registrations/${budi.registrationNumber}?token=${token}`), {
        params: Promise.resolve({ registrationNumber: budi.registrationNumber }),
      }),
    );
    expect(response.status).toBe(401);
  });
});

describe("signed-in access (no token)", () => {
  afterEach(() => {
    session.user = null;
  });

  it("lets the owner see their own card, summary and photos, and nobody else's", async () => {
    const budiAccount = await env.prisma.account.findUniqueOrThrow({ where: { registrationNumber: budi.registrationNumber } });
    session.user = { id: budiAccount.id, role: "APPLICANT", name: budiAccount.fullName };
    for (const endpoint of ["summary", "card", "selfie", "ktp"] as const) {
      expect((await get(endpoint, budi.registrationNumber)).status, endpoint).toBe(200);
      const other = await get(endpoint, siti.registrationNumber);
      expect(other.status, endpoint).toBe(403);
      expect((await other.json()).error.code).toBe("FORBIDDEN");
    }
    const ktp = Buffer.from(await (await get("ktp", budi.registrationNumber)).arrayBuffer());
    expect(ktp).toEqual(fs.readFileSync(path.join(env.storageDir, budiAccount.ktpPhotoKey)));
  });

  it("lets an admin see any applicant's data, and writes each view to the audit log", async () => {
    const admin = await env.prisma.adminUser.create({ data: { id: "admin-card", username: "admin-card", passwordHash: "x" } });
    session.user = { id: admin.id, role: "ADMIN", name: admin.username };
    expect((await get("ktp", siti.registrationNumber)).status).toBe(200);
    expect((await get("card", siti.registrationNumber)).status).toBe(200);
    const views = await env.prisma.auditLog.findMany({ where: { actorId: admin.id }, orderBy: { createdAt: "asc" } });
    expect(views.map((v) => [v.action, v.target, v.after])).toEqual([
      ["APPLICANT_VIEWED", `account:${siti.registrationNumber}`, JSON.stringify({ view: "ktp" })],
      ["APPLICANT_VIEWED", `account:${siti.registrationNumber}`, JSON.stringify({ view: "card" })],
    ]);
  });

  it("answers 404 for a photo kind that does not exist", async () => {
    session.user = { id: "x", role: "ADMIN", name: "x" };
    const request = new Request(`http://localhost/api/registrations/${budi.registrationNumber}/photos/passport`);
    const response = await photoRoute.GET(request, { params: Promise.resolve({ registrationNumber: budi.registrationNumber, kind: "passport" }) });
    expect(response.status).toBe(404);
  });
});
