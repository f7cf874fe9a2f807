-- Photos kept in the database (PHOTO_STORAGE=database), so that every app instance can read them
-- and they are written in the same transaction as their account. Deleted with the account.

CREATE TABLE "StoredPhoto" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredPhoto_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "StoredPhoto_accountId_kind_key" ON "StoredPhoto"("accountId", "kind");
