-- Initial schema of the SSCASN "Buat Akun" portal (SQLite). Written to match prisma/schema.prisma;
-- tests/unit/db/migrations.test.ts checks that the migrated tables and the model agree.

CREATE TABLE "Agency" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "formationStatus" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "SelectionPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "originallyOpensAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registrationNumber" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "nik" TEXT NOT NULL,
    "kk" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthPlace" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "agencyCode" TEXT NOT NULL,
    "ktpPhotoKey" TEXT NOT NULL,
    "selfieKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Account_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "SelectionPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Account_agencyCode_fkey" FOREIGN KEY ("agencyCode") REFERENCES "Agency" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "Credential" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "passwordHash" TEXT NOT NULL,
    "securityQuestion1" TEXT NOT NULL,
    "securityAnswer1Hash" TEXT NOT NULL,
    "securityQuestion2" TEXT NOT NULL,
    "securityAnswer2Hash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Credential_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE "Citizen" (
    "nik" TEXT NOT NULL PRIMARY KEY,
    "kk" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthPlace" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT NOT NULL
);

CREATE TABLE "Captcha" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answer" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "AdminUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE UNIQUE INDEX "Account_registrationNumber_key" ON "Account"("registrationNumber");
CREATE INDEX "Account_agencyCode_idx" ON "Account"("agencyCode");
CREATE UNIQUE INDEX "Account_periodId_nik_key" ON "Account"("periodId", "nik");
CREATE UNIQUE INDEX "Account_periodId_email_key" ON "Account"("periodId", "email");
CREATE UNIQUE INDEX "Account_periodId_phone_key" ON "Account"("periodId", "phone");
CREATE INDEX "Citizen_kk_idx" ON "Citizen"("kk");
CREATE INDEX "Captcha_expiresAt_idx" ON "Captcha"("expiresAt");
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");
CREATE UNIQUE INDEX "AdminUser_username_key" ON "AdminUser"("username");

-- Confirmed accounts are immutable (SPEC "Immutability"): no UPDATE of an account row, whatever
-- the client. The password and security answers live in "Credential", which may change.
CREATE TRIGGER "Account_immutable"
BEFORE UPDATE ON "Account"
BEGIN
    SELECT RAISE(ABORT, 'ACCOUNT_IMMUTABLE: confirmed accounts cannot be changed');
END;
