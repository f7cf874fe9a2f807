import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { AccountPhoto, PhotoStorage } from "@/server/storage";

/**
 * `PHOTO_STORAGE=database`: photo bytes in the StoredPhoto table, so that every app instance on
 * the same database serves them (SPEC "Running at national scale"). A photo is only ever stored
 * together with its account, inside the account's transaction (`putInTransaction`): a crash can
 * leave neither an orphan photo nor an account without its photos. Rows go with their account
 * (ON DELETE CASCADE).
 */
export class DatabasePhotoStorage implements PhotoStorage {
  constructor(private readonly prisma: PrismaClient) {}

  /** Refused: a photo needs its account, which only putInTransaction has. */
  async put(): Promise<void> {
    throw new Error("The database photo storage stores photos only with their account (putInTransaction)");
  }

  async get(key: string): Promise<Buffer | null> {
    const row = await this.prisma.storedPhoto.findUnique({ where: { key }, select: { bytes: true } });
    return row ? Buffer.from(row.bytes) : null;
  }

  async delete(key: string): Promise<void> {
    await this.prisma.storedPhoto.deleteMany({ where: { key } });
  }

  putInTransaction(client: Prisma.TransactionClient, photos: readonly AccountPhoto[]): Prisma.PrismaPromise<unknown>[] {
    return [
      client.storedPhoto.createMany({
        // Prisma takes a Uint8Array over a plain ArrayBuffer; a copy of a photo costs nothing here.
        data: photos.map(({ key, accountId, kind, bytes }) => ({ key, accountId, kind, bytes: new Uint8Array(bytes) })),
      }),
    ];
  }
}
