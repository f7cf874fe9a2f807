-- The PostgreSQL twin of prisma/migrations/20261124120000_agency_notifications. "Beri tahu saya"
-- (SPEC "Added contract"): addresses waiting for an agency's formation to be verified. A row lives
-- only until its one mail is sent (or the subscriber unsubscribes).

CREATE TABLE "AgencyNotification" (
    "id" TEXT NOT NULL,
    "agencyCode" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgencyNotification_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AgencyNotification_agencyCode_emailKey_key" ON "AgencyNotification"("agencyCode", "emailKey");
CREATE INDEX "AgencyNotification_emailKey_idx" ON "AgencyNotification"("emailKey");

ALTER TABLE "AgencyNotification" ADD CONSTRAINT "AgencyNotification_agencyCode_fkey" FOREIGN KEY ("agencyCode") REFERENCES "Agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
