-- Photos kept in the database (PHOTO_STORAGE=database), so that every app instance can read them
-- and they are written in the same transaction as their account. Deleted with the account.
-- PostgreSQL twin of prisma/migrations/20261124130000_database_photos.

-- CreateTable
CREATE TABLE "StoredPhoto" (
    "key" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredPhoto_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoredPhoto_accountId_kind_key" ON "StoredPhoto"("accountId", "kind");

-- AddForeignKey
ALTER TABLE "StoredPhoto" ADD CONSTRAINT "StoredPhoto_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
