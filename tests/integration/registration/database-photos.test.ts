/**
 * PHOTO_STORAGE=database (SPEC "Running at national scale"): a registration keeps both photos in
 * the StoredPhoto table, written in the account's own transaction (nothing under STORAGE_DIR), and
 * the photo route serves them from there; an account insert that fails leaves no photo behind.
 * On the run's engine: SQLite, and PostgreSQL in the integration-postgresql project.
 */
import { describe, expect, it } from "vitest";
import type { IdentityValues } from "@/schemas/identity";
import * as photoRoute from "@/app/api/registrations/[registrationNumber]/photos/[kind]/route";
import { buildDeps, deps, setDepsForTest, withDeps } from "@/server/deps";
import type { EncryptedPhotoStorage } from "@/server/photos/encrypted-photo-storage";
import { createPhotoKeyring, decryptPhoto, generatePhotoKey, photoBlobKeyId } from "@/server/photos/photo-encryption";
import { reencryptPhotos } from "@/server/photos/reencrypt-photos";
import { createAccount } from "@/server/registration/create-account";
import { BUDI, PASSWORD_STEP, registrationForm, solveCaptcha, storedFiles, submit } from "../../setup/registration-harness";
import { useTestServer } from "../../setup/test-server";

const server = useTestServer({ env: () => ({ PHOTO_STORAGE: "database" }) });

describe("PHOTO_STORAGE=database", () => {
  async function photo(kind: "ktp" | "selfie", registrationNumber: string, token: string): Promise<Response> {
    const request = new Request(`http://localhost/api/registrations/${registrationNumber}/photos/${kind}`, { headers: { authorization: `Bearer ${token}` } });
    return photoRoute.GET(request, { params: Promise.resolve({ registrationNumber, kind }) });
  }

  it("stores both photos in the database with the account, none on disk, and serves them from there", async () => {
    const form = await registrationForm({ ...BUDI, ...PASSWORD_STEP, ...(await solveCaptcha(server.prisma)) });
    const { status, body } = await submit(form);
    expect(status).toBe(201);

    const account = await server.prisma.account.findUniqueOrThrow({ where: { registrationNumber: body.registrationNumber } });
    const rows = await server.prisma.storedPhoto.findMany({ where: { accountId: account.id }, orderBy: { kind: "asc" } });
    expect(rows.map(({ key, kind }) => ({ key, kind }))).toEqual([
      { key: account.ktpPhotoKey, kind: "KTP" },
      { key: account.selfieKey, kind: "SELFIE" },
    ]);
    // Encrypted like the directory's files (issue 9, item 6): the rows hold no JPEG.
    for (const row of rows) expect(Buffer.from(row.bytes.subarray(0, 4)).toString("latin1")).toBe("SSPE");
    expect(storedFiles(server.storageDir)).toEqual([]);

    for (const [kind, row] of [["ktp", rows[0]!], ["selfie", rows[1]!]] as const) {
      const response = await photo(kind, body.registrationNumber, body.cardToken);
      expect(response.status, kind).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      const served = Buffer.from(await response.arrayBuffer());
      expect([...served.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      const keyring = (deps().photoStorage as EncryptedPhotoStorage).keyring;
      expect(served.equals(decryptPhoto(keyring, row.key, Buffer.from(row.bytes))), kind).toBe(true);
    }
  });

  it("re-encrypts the rows under a new key (photos:reencrypt), and the route reads them with it", async () => {
    const before = deps();
    const newKey = generatePhotoKey();
    // What a restart after a rotation runs with: the new key, the old one listed for reading.
    const rotated = buildDeps({ ...before.env, photoEncryptionKey: newKey, PHOTO_ENCRYPTION_KEYS: [before.env.photoEncryptionKey] }, { db: server.prisma });
    const report = await withDeps(rotated, () => reencryptPhotos());
    expect(report).toMatchObject({ photos: 2, reencrypted: 2, failed: 0 });
    const newId = createPhotoKeyring(newKey).current.id;
    for (const row of await server.prisma.storedPhoto.findMany()) expect(photoBlobKeyId(Buffer.from(row.bytes))).toBe(newId);
    const account = await server.prisma.account.findFirstOrThrow({ where: { nik: BUDI.nik } });
    const only = buildDeps({ ...before.env, photoEncryptionKey: newKey, PHOTO_ENCRYPTION_KEYS: [] }, { db: server.prisma });
    expect((await withDeps(only, () => deps().photoStorage.get(account.selfieKey)))?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    setDepsForTest(only);
  });

  it("stores no photo when the account's transaction fails (here: the NIK is already registered)", async () => {
    const existing = await server.prisma.account.findFirstOrThrow({ where: { nik: BUDI.nik } });
    const before = await server.prisma.storedPhoto.count();
    const identity = {
      nik: existing.nik,
      kk: existing.kk,
      fullName: existing.fullName,
      birthPlace: existing.birthPlace,
      birthDate: existing.birthDate,
      gender: existing.gender,
      phone: "+6281200000001",
      email: "lain@example.com",
      agencyCode: existing.agencyCode,
    } as IdentityValues;
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    await expect(
      createAccount({
          identity,
          ktpPhotoJpeg: jpeg,
          selfieJpeg: jpeg,
          credential: { passwordHash: "h", securityQuestion1: "q1", securityAnswer1Hash: "a1", securityQuestion2: "q2", securityAnswer2Hash: "a2" },
          createdAt: new Date(),
      }),
    ).rejects.toMatchObject({ code: "NIK_ALREADY_REGISTERED" });
    expect(await server.prisma.storedPhoto.count()).toBe(before);
    expect(storedFiles(server.storageDir)).toEqual([]);
  });

  it("deletes an account's photos with the account (the retention job's way out)", async () => {
    const account = await server.prisma.account.findFirstOrThrow({ where: { nik: BUDI.nik } });
    // Only under the retention job's permit, as the job does it (a trigger refuses any other DELETE).
    await server.prisma.$transaction([
      server.prisma.accountDeletionPermit.create({ data: { periodId: account.periodId, grantedAt: new Date() } }),
      server.prisma.credential.delete({ where: { accountId: account.id } }),
      server.prisma.account.delete({ where: { id: account.id } }),
      server.prisma.accountDeletionPermit.delete({ where: { periodId: account.periodId } }),
    ]);
    expect(await server.prisma.storedPhoto.count({ where: { accountId: account.id } })).toBe(0);
    expect(await deps().photoStorage.get(account.ktpPhotoKey)).toBeNull();
    // And a photo never goes in on its own, without an account.
    await expect(deps().photoStorage.put("ktp/alone.jpg", new Uint8Array([1]))).rejects.toThrow(/only with their account/);
  });
});
