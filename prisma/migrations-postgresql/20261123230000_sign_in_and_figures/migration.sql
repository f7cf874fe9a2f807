-- Sign-in throttling (SPEC "Password": failures counted per account and per IP, kept in the database
-- so several app instances share them) and the registration refusals behind the admin's figures.
-- PostgreSQL twin of prisma/migrations/20261123230000_sign_in_and_figures.

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInAttempt_scope_subject_createdAt_idx" ON "SignInAttempt"("scope", "subject", "createdAt");

-- CreateTable
CREATE TABLE "RegistrationRefusal" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "agencyCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegistrationRefusal_createdAt_idx" ON "RegistrationRefusal"("createdAt");
