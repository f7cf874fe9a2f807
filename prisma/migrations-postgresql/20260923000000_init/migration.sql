-- Initial schema of the SSCASN "Buat Akun" portal (PostgreSQL): the twin of
-- prisma/migrations/20260923000000_init, in the types Prisma uses for PostgreSQL.
-- tests/integration/db/postgres-migrations.test.ts checks that the migrated tables and the model agree.

-- CreateTable
CREATE TABLE "Agency" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "formationStatus" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SelectionPeriod" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "originallyOpensAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelectionPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Credential" (
    "accountId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "securityQuestion1" TEXT NOT NULL,
    "securityAnswer1Hash" TEXT NOT NULL,
    "securityQuestion2" TEXT NOT NULL,
    "securityAnswer2Hash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "Citizen" (
    "nik" TEXT NOT NULL,
    "kk" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthPlace" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "gender" TEXT NOT NULL,

    CONSTRAINT "Citizen_pkey" PRIMARY KEY ("nik")
);

-- CreateTable
CREATE TABLE "Captcha" (
    "id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Captcha_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AdminUser" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminUser_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_registrationNumber_key" ON "Account"("registrationNumber");

-- CreateIndex
CREATE INDEX "Account_agencyCode_idx" ON "Account"("agencyCode");

-- CreateIndex
CREATE UNIQUE INDEX "Account_periodId_nik_key" ON "Account"("periodId", "nik");

-- CreateIndex
CREATE UNIQUE INDEX "Account_periodId_email_key" ON "Account"("periodId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Account_periodId_phone_key" ON "Account"("periodId", "phone");

-- CreateIndex
CREATE INDEX "Citizen_kk_idx" ON "Citizen"("kk");

-- CreateIndex
CREATE INDEX "Captcha_expiresAt_idx" ON "Captcha"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AdminUser_username_key" ON "AdminUser"("username");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "SelectionPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_agencyCode_fkey" FOREIGN KEY ("agencyCode") REFERENCES "Agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Credential" ADD CONSTRAINT "Credential_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Confirmed accounts are immutable (SPEC "Immutability"): no UPDATE of an account row, whatever
-- the client, exactly as the SQLite trigger "Account_immutable" (BEFORE UPDATE, every column).
-- DELETE stays possible (as on SQLite) for the retention job. The password and security answers
-- live in "Credential", which may change.
CREATE FUNCTION "Account_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ACCOUNT_IMMUTABLE: confirmed accounts cannot be changed';
END;
$$;

CREATE TRIGGER "Account_immutable"
BEFORE UPDATE ON "Account"
FOR EACH ROW
EXECUTE FUNCTION "Account_immutable"();
