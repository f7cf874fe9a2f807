-- Request rate limits per client address for the endpoints that answer without a captcha
-- (identity validation, new captchas), kept in the database so several app instances share them.

CREATE TABLE "RateLimitHit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bucket" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX "RateLimitHit_bucket_subject_createdAt_idx" ON "RateLimitHit"("bucket", "subject", "createdAt");
