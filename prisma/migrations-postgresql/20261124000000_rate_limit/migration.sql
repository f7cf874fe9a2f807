-- Request rate limits per client address for the endpoints that answer without a captcha
-- (identity validation, new captchas), kept in the database so several app instances share them.
-- PostgreSQL twin of prisma/migrations/20261124000000_rate_limit.

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_bucket_subject_createdAt_idx" ON "RateLimitHit"("bucket", "subject", "createdAt");
