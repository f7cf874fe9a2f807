/**
 * Photos at rest (issue 9, item 6): AES-256-GCM with a key id in each blob's header, so keys can
 * rotate. A blob that does not authenticate (wrong key, one bit changed, moved to another key) is
 * refused, never returned.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EncryptedPhotoStorage } from "@/server/photos/encrypted-photo-storage";
import {
  createPhotoKeyring,
  decodePhotoKey,
  decryptPhoto,
  encryptPhoto,
  generatePhotoKey,
  photoBlobKeyId,
  PhotoDecryptionError,
  photoKeyId,
} from "@/server/photos/photo-encryption";
import { LocalDirectoryPhotoStorage } from "@/server/storage";
import { makeJpeg } from "../../fixtures/photos";

const OLD_KEY = generatePhotoKey();
const NEW_KEY = generatePhotoKey();
const KTP_KEY = "ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg";
const OTHER_KEY = "ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c002.jpg";

const isJpeg = (bytes: Buffer) => bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));

function refusal(fn: () => unknown): PhotoDecryptionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PhotoDecryptionError) return error;
    throw error;
  }
  throw new Error("expected a PhotoDecryptionError, the photo was returned");
}

describe("photo encryption", () => {
  it("seals a JPEG into a blob that is not a JPEG, names its key, and opens to the same bytes", async () => {
    const jpeg = await makeJpeg(320, 240);
    const keyring = createPhotoKeyring(NEW_KEY);
    const blob = encryptPhoto(keyring, KTP_KEY, jpeg);
    expect(isJpeg(blob)).toBe(false);
    expect(blob.includes(jpeg.subarray(0, 64))).toBe(false);
    expect(blob.subarray(0, 4).toString("ascii")).toBe("SSPE");
    expect(photoBlobKeyId(blob)).toBe(keyring.current.id);
    expect(decryptPhoto(keyring, KTP_KEY, blob).equals(jpeg)).toBe(true);
    // A fresh IV each time: the same photo never seals to the same bytes.
    expect(encryptPhoto(keyring, KTP_KEY, jpeg).equals(blob)).toBe(false);
  });

  it("refuses a blob under a wrong key, one changed by a bit anywhere, a truncated one, or one moved to another photo", async () => {
    const jpeg = await makeJpeg(160, 120);
    const keyring = createPhotoKeyring(NEW_KEY);
    const blob = encryptPhoto(keyring, KTP_KEY, jpeg);

    // Another key under the same id cannot happen (ids come from the key), so a wrong key shows as an unknown id…
    expect(refusal(() => decryptPhoto(createPhotoKeyring(OLD_KEY), KTP_KEY, blob)).reason).toBe("unknown-key");
    // …and a key forged into the keyring under this id fails the tag.
    const forged = { current: keyring.current, byId: new Map([[keyring.current.id, { id: keyring.current.id, key: decodePhotoKey(OLD_KEY)! }]]) };
    expect(refusal(() => decryptPhoto(forged, KTP_KEY, blob)).reason).toBe("authentication");

    const headerLength = 4 + 2 + keyring.current.id.length + 12;
    for (const offset of [headerLength - 1 /* IV */, headerLength + 3 /* tag */, headerLength + 16 + 10 /* data */, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[offset]! ^= 0x01;
      expect(refusal(() => decryptPhoto(keyring, KTP_KEY, tampered)).reason, `bit flipped at ${offset}`).toBe("authentication");
    }
    expect(refusal(() => decryptPhoto(keyring, KTP_KEY, blob.subarray(0, blob.length - 5))).reason).toBe("authentication");
    expect(refusal(() => decryptPhoto(keyring, KTP_KEY, blob.subarray(0, 20))).reason).toBe("malformed");
    expect(refusal(() => decryptPhoto(keyring, OTHER_KEY, blob)).reason).toBe("authentication");
    // A plain JPEG (stored before encryption, or put there by hand) is not served either.
    expect(refusal(() => decryptPhoto(keyring, KTP_KEY, jpeg)).reason).toBe("not-encrypted");
  });

  it("reads photos sealed with an older key listed for reading, and seals new ones with the current key", async () => {
    const jpeg = await makeJpeg(160, 120);
    const before = createPhotoKeyring(OLD_KEY);
    const blob = encryptPhoto(before, KTP_KEY, jpeg);
    const rotated = createPhotoKeyring(NEW_KEY, [OLD_KEY]);
    expect(photoBlobKeyId(blob)).toBe(before.current.id);
    expect(rotated.current.id).not.toBe(before.current.id);
    expect(decryptPhoto(rotated, KTP_KEY, blob).equals(jpeg)).toBe(true);
    expect(photoBlobKeyId(encryptPhoto(rotated, KTP_KEY, jpeg))).toBe(rotated.current.id);
    // Dropped from the list, the old key's photos are refused, by id.
    const error = refusal(() => decryptPhoto(createPhotoKeyring(NEW_KEY), KTP_KEY, blob));
    expect(error).toMatchObject({ reason: "unknown-key", keyId: before.current.id });
  });

  it("takes keys of exactly 32 bytes in standard or URL-safe base64, and names each by a stable id", () => {
    const key = decodePhotoKey(NEW_KEY)!;
    expect(key).toHaveLength(32);
    expect(decodePhotoKey(NEW_KEY.replace(/=$/, ""))?.equals(key)).toBe(true);
    expect(decodePhotoKey(key.toString("base64url"))?.equals(key)).toBe(true);
    for (const bad of ["", "short", Buffer.alloc(16, 7).toString("base64"), Buffer.alloc(33, 7).toString("base64"), `${NEW_KEY}x`]) {
      expect(decodePhotoKey(bad), bad).toBeNull();
    }
    expect(photoKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(photoKeyId(key)).toBe(photoKeyId(Buffer.from(key)));
    expect(photoKeyId(key)).not.toBe(photoKeyId(decodePhotoKey(OLD_KEY)!));
  });
});

describe("EncryptedPhotoStorage over a directory", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-sealed-"));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("writes only ciphertext to disk and gives the photo back; a changed file is an error, not bytes", async () => {
    const jpeg = await makeJpeg(320, 240);
    const storage = new EncryptedPhotoStorage(new LocalDirectoryPhotoStorage(root), createPhotoKeyring(NEW_KEY));
    await storage.put(KTP_KEY, jpeg);
    const onDisk = fs.readFileSync(path.join(root, KTP_KEY));
    expect(isJpeg(onDisk)).toBe(false);
    expect((await storage.get(KTP_KEY))?.equals(jpeg)).toBe(true);
    expect(await storage.get(OTHER_KEY)).toBeNull();

    onDisk[onDisk.length - 100]! ^= 0x80;
    fs.writeFileSync(path.join(root, KTP_KEY), onDisk);
    await expect(storage.get(KTP_KEY)).rejects.toMatchObject({ name: "PhotoDecryptionError", reason: "authentication" });
    // Copied over another photo's file, a sealed photo does not open there either.
    await storage.put(OTHER_KEY, jpeg);
    fs.copyFileSync(path.join(root, OTHER_KEY), path.join(root, KTP_KEY));
    await expect(storage.get(KTP_KEY)).rejects.toMatchObject({ reason: "authentication" });
  });

  it("re-encrypts under the current key: old-key and plain photos move, current ones stay, and a second pass changes nothing", async () => {
    const jpeg = await makeJpeg(160, 120);
    const directory = new LocalDirectoryPhotoStorage(root);
    await new EncryptedPhotoStorage(directory, createPhotoKeyring(OLD_KEY)).put(KTP_KEY, jpeg);
    await directory.put(OTHER_KEY, jpeg); // a plain photo from before encryption

    const rotated = new EncryptedPhotoStorage(directory, createPhotoKeyring(NEW_KEY, [OLD_KEY]));
    await expect(rotated.get(OTHER_KEY)).rejects.toMatchObject({ reason: "not-encrypted" });
    expect(await rotated.reencrypt(KTP_KEY)).toBe("reencrypted");
    expect(await rotated.reencrypt(OTHER_KEY)).toBe("reencrypted");
    expect(await rotated.reencrypt("selfie/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c003.jpg")).toBe("missing");
    for (const key of [KTP_KEY, OTHER_KEY]) {
      expect(photoBlobKeyId(fs.readFileSync(path.join(root, key)))).toBe(rotated.keyring.current.id);
      // Readable with the new key alone.
      expect((await new EncryptedPhotoStorage(directory, createPhotoKeyring(NEW_KEY)).get(key))?.equals(jpeg)).toBe(true);
    }
    const after = fs.readFileSync(path.join(root, KTP_KEY));
    expect(await rotated.reencrypt(KTP_KEY)).toBe("current");
    expect(fs.readFileSync(path.join(root, KTP_KEY)).equals(after)).toBe(true);
  });
});
