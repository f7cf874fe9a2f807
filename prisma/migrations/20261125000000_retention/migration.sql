-- Retention (UU PDP No. 27/2022; SPEC "Added contract": Retention). `npm run data:retention`
-- deletes a selection period's accounts, credentials and photos RETENTION_DAYS after it closed
-- (src/server/retention/apply-retention.ts). Before deleting, it adds the accounts it deletes to
-- "RetainedAccountCount" (per period, agency, WIB day and hour: no personal data), so the admin's
-- figures still add up afterwards.

CREATE TABLE "RetainedAccountCount" (
    "periodId" TEXT NOT NULL,
    "agencyCode" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    PRIMARY KEY ("periodId", "agencyCode", "day", "hour")
);

-- Accounts are never updated (trigger "Account_immutable") and deleted only by the retention job:
-- the job inserts a permit for the period, deletes, and removes the permit, all in one
-- transaction, so a permit never outlives it. Any other DELETE of an account is refused.
CREATE TABLE "AccountDeletionPermit" (
    "periodId" TEXT NOT NULL PRIMARY KEY,
    "grantedAt" DATETIME NOT NULL
);

CREATE TRIGGER "Account_delete_only_by_retention"
BEFORE DELETE ON "Account"
WHEN NOT EXISTS (SELECT 1 FROM "AccountDeletionPermit" WHERE "periodId" = OLD."periodId")
BEGIN
    SELECT RAISE(ABORT, 'ACCOUNT_DELETE_REFUSED: accounts are deleted only by the retention job');
END;
