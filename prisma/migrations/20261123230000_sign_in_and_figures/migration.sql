-- Sign-in throttling (SPEC "Password": failures counted per account and per IP, kept in the database
-- so several app instances share them) and the registration refusals behind the admin's figures.

CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX "SignInAttempt_scope_subject_createdAt_idx" ON "SignInAttempt"("scope", "subject", "createdAt");

CREATE TABLE "RegistrationRefusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "agencyCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX "RegistrationRefusal_createdAt_idx" ON "RegistrationRefusal"("createdAt");
