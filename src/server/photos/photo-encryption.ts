import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Photos at rest (SPEC "Added contract": photo encryption): AES-256-GCM under
 * `PHOTO_ENCRYPTION_KEY`, one random 96-bit IV per blob. A stored blob is a small header, then the
 * ciphertext:
 *
 *   "SSPE" (4) | version 1 (1) | key id length n (1) | key id (n, ASCII) | IV (12) | tag (16) | ciphertext
 *
 * The key id names the key that sealed the blob, so keys can rotate: old keys stay readable
 * (`PHOTO_ENCRYPTION_KEYS`) until `npm run photos:reencrypt` has moved every photo to the current
 * one. The id is derived from the key itself (an HMAC, which says nothing about the key), so an
 * operator lists old keys without naming them. The header and the storage key are authenticated
 * data: a blob changed by one bit, or moved to another photo's key (one applicant's selfie served
 * as another's), fails the tag and is refused, never served.
 */
const MAGIC = Buffer.from("SSPE", "ascii");
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const PHOTO_KEY_BYTES = 32;

export type PhotoKey = { id: string; key: Buffer };
/** The key new photos are sealed with, and every key a stored photo may name. */
export type PhotoKeyring = { current: PhotoKey; byId: ReadonlyMap<string, PhotoKey> };

/** Why a stored blob was not opened; the message names no photo and no key material. */
export type PhotoDecryptionFailure = "not-encrypted" | "malformed" | "unknown-key" | "authentication";

export class PhotoDecryptionError extends Error {
  constructor(
    readonly reason: PhotoDecryptionFailure,
    readonly keyId: string | null = null,
  ) {
    super(
      {
        "not-encrypted": "The stored photo is not encrypted (run npm run photos:reencrypt)",
        malformed: "The stored photo's header is malformed",
        "unknown-key": `The stored photo names a key that is not configured (key id ${keyId}; add it to PHOTO_ENCRYPTION_KEYS)`,
        authentication: "The stored photo failed authentication (wrong key, or changed)",
      }[reason],
    );
    this.name = "PhotoDecryptionError";
  }
}

/** A stable, public name for a key: the first 8 bytes of HMAC-SHA256(key, label), in hex. */
export function photoKeyId(key: Buffer): string {
  return createHmac("sha256", key).update("sscasn photo key id v1").digest("hex").slice(0, 16);
}

/** 32 bytes from base64 (standard or URL-safe, padding optional), or null. */
export function decodePhotoKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return key.length === PHOTO_KEY_BYTES ? key : null;
}

/** A fresh key, as `PHOTO_ENCRYPTION_KEY` takes it (what scripts/start.mjs writes locally). */
export function generatePhotoKey(): string {
  return randomBytes(PHOTO_KEY_BYTES).toString("base64");
}

/** The current key (base64) and older ones still to be read (base64 each; duplicates are fine). */
export function createPhotoKeyring(current: string, older: readonly string[] = []): PhotoKeyring {
  const toKey = (text: string): PhotoKey => {
    const key = decodePhotoKey(text);
    if (!key) throw new Error("A photo encryption key must be 32 bytes in base64");
    return { id: photoKeyId(key), key };
  };
  const currentKey = toKey(current);
  const byId = new Map<string, PhotoKey>();
  for (const key of [currentKey, ...older.map(toKey)]) byId.set(key.id, key);
  return { current: currentKey, byId };
}

function headerOf(keyId: string, iv: Buffer): Buffer {
  const id = Buffer.from(keyId, "ascii");
  return Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, iv]);
}

/** What authenticates a blob beside its ciphertext: its header and the key it is stored under. */
function additionalData(header: Buffer, storageKey: string): Buffer {
  return Buffer.concat([header, Buffer.from(storageKey, "utf8")]);
}

export function encryptPhoto(keyring: PhotoKeyring, storageKey: string, plaintext: Uint8Array): Buffer {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const header = headerOf(id, iv);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(header, storageKey));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([header, cipher.getAuthTag(), ciphertext]);
}

type ParsedBlob = { header: Buffer; keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer };

function parseBlob(blob: Buffer): ParsedBlob {
  if (blob.length < MAGIC.length || !blob.subarray(0, MAGIC.length).equals(MAGIC)) throw new PhotoDecryptionError("not-encrypted");
  const idLength = blob[MAGIC.length + 1] ?? 0;
  const ivStart = MAGIC.length + 2 + idLength;
  const tagStart = ivStart + IV_BYTES;
  const dataStart = tagStart + TAG_BYTES;
  if (blob[MAGIC.length] !== VERSION || idLength === 0 || blob.length < dataStart) throw new PhotoDecryptionError("malformed");
  const keyId = blob.subarray(MAGIC.length + 2, ivStart).toString("ascii");
  if (!/^[0-9a-f]+$/.test(keyId)) throw new PhotoDecryptionError("malformed");
  return {
    header: blob.subarray(0, tagStart),
    keyId,
    iv: blob.subarray(ivStart, tagStart),
    tag: blob.subarray(tagStart, dataStart),
    ciphertext: blob.subarray(dataStart),
  };
}

/** The id of the key a blob is sealed with; null for a blob that is not in this format. */
export function photoBlobKeyId(blob: Buffer): string | null {
  try {
    return parseBlob(blob).keyId;
  } catch {
    return null;
  }
}

/** The photo, or PhotoDecryptionError: a blob that does not authenticate is never returned. */
export function decryptPhoto(keyring: PhotoKeyring, storageKey: string, blob: Buffer): Buffer {
  const { header, keyId, iv, tag, ciphertext } = parseBlob(blob);
  const key = keyring.byId.get(keyId);
  if (!key) throw new PhotoDecryptionError("unknown-key", keyId);
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(header, storageKey));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new PhotoDecryptionError("authentication", keyId);
  }
}

/** A stored photo from before encryption: a plain JPEG, which only re-encryption may take in. */
export function isPlainJpeg(blob: Buffer): boolean {
  return blob.length >= 3 && blob[0] === 0xff && blob[1] === 0xd8 && blob[2] === 0xff;
}

/**
 * A placeholder rather than a key ("AAAA…=", a repeated pattern): 32 random bytes almost surely
 * hold 25 or more distinct values; fewer than 16 is refused at start.
 */
export function isWeakPhotoKey(key: Buffer): boolean {
  return new Set(key).size < 16;
}
