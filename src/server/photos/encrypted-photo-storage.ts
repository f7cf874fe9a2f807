import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import {
  decryptPhoto,
  encryptPhoto,
  isPlainJpeg,
  photoBlobKeyId,
  PhotoDecryptionError,
  type PhotoKeyring,
} from "@/server/photos/photo-encryption";
import type { AccountPhoto, PhotoStorage, StoredItem } from "@/server/storage";

/** What re-encrypting one photo found: already under the current key, moved to it, or nothing stored. */
export type ReencryptOutcome = "current" | "reencrypted" | "missing";

/**
 * The photo storage port with encryption at rest (photo-encryption.ts), around whichever adapter
 * `src/server/deps.ts` chose: photos are sealed before they reach it and opened after, so a
 * directory or the database only ever holds ciphertext, and `putInTransaction` still writes in the
 * account's own transaction. A blob that does not open (wrong key, changed, or a plain photo from
 * before encryption) is an error, never bytes handed to a browser.
 */
export class EncryptedPhotoStorage implements PhotoStorage {
  readonly putInTransaction?: (client: Prisma.TransactionClient, photos: readonly AccountPhoto[]) => Prisma.PrismaPromise<unknown>[];
  readonly listItems?: () => AsyncIterable<StoredItem>;
  readonly removeItem?: (name: string) => Promise<void>;

  constructor(
    readonly inner: PhotoStorage,
    readonly keyring: PhotoKeyring,
  ) {
    // Offered exactly when the adapter offers them (createAccount and the sweep ask).
    const { putInTransaction, listItems, removeItem } = inner;
    if (putInTransaction) {
      this.putInTransaction = (client, photos) =>
        putInTransaction.call(
          inner,
          client,
          photos.map((photo) => ({ ...photo, bytes: encryptPhoto(keyring, photo.key, photo.bytes) })),
        );
    }
    if (listItems) this.listItems = () => listItems.call(inner);
    if (removeItem) this.removeItem = (name) => removeItem.call(inner, name);
  }

  put(key: string, bytes: Uint8Array): Promise<void> {
    return this.inner.put(key, encryptPhoto(this.keyring, key, bytes));
  }

  async get(key: string): Promise<Buffer | null> {
    const blob = await this.inner.get(key);
    return blob === null ? null : decryptPhoto(this.keyring, key, blob);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  async replace(key: string, bytes: Uint8Array): Promise<boolean> {
    if (!this.inner.replace) throw new Error("This photo storage cannot replace a photo");
    return this.inner.replace(key, encryptPhoto(this.keyring, key, bytes));
  }

  /**
   * Moves one photo to the current key (`npm run photos:reencrypt`): opened with the key it names
   * (or, once, taken as it is when it is a plain JPEG stored before encryption existed), sealed
   * again, written in place, and read back before it counts. A photo already under the current
   * key is left alone, so a run that stopped half-way is simply run again.
   */
  async reencrypt(key: string): Promise<ReencryptOutcome> {
    const blob = await this.inner.get(key);
    if (blob === null) return "missing";
    if (photoBlobKeyId(blob) === this.keyring.current.id) {
      decryptPhoto(this.keyring, key, blob); // still sound: a damaged blob is reported, not skipped
      return "current";
    }
    let photo: Buffer;
    try {
      photo = decryptPhoto(this.keyring, key, blob);
    } catch (error) {
      if (!(error instanceof PhotoDecryptionError && error.reason === "not-encrypted" && isPlainJpeg(blob))) throw error;
      photo = blob;
    }
    if (!(await this.replace(key, photo))) return "missing";
    const written = await this.get(key);
    if (!written?.equals(photo)) throw new Error("A re-encrypted photo did not read back the same");
    return "reencrypted";
  }
}
