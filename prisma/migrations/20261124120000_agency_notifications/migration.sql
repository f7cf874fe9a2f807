-- "Beri tahu saya" (SPEC "Added contract"): addresses waiting for an agency's formation to be
-- verified. A row lives only until its one mail is sent (or the subscriber unsubscribes).

CREATE TABLE "AgencyNotification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyCode" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AgencyNotification_agencyCode_fkey" FOREIGN KEY ("agencyCode") REFERENCES "Agency" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "AgencyNotification_agencyCode_emailKey_key" ON "AgencyNotification"("agencyCode", "emailKey");
CREATE INDEX "AgencyNotification_emailKey_idx" ON "AgencyNotification"("emailKey");
