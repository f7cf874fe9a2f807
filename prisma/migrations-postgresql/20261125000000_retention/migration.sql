-- Retention (UU PDP No. 27/2022; SPEC "Added contract": Retention): the PostgreSQL twin of
-- prisma/migrations/20261125000000_retention. `npm run data:retention` adds the accounts it deletes
-- to "RetainedAccountCount" (per period, agency, WIB day and hour: no personal data) first, so the admin's
-- figures still add up afterwards.

CREATE TABLE "RetainedAccountCount" (
    "periodId" TEXT NOT NULL,
    "agencyCode" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    CONSTRAINT "RetainedAccountCount_pkey" PRIMARY KEY ("periodId", "agencyCode", "day", "hour")
);

-- Accounts are never updated (trigger "Account_immutable") and deleted only by the retention job:
-- the job inserts a permit for the period, deletes, and removes the permit, all in one
-- transaction, so a permit never outlives it. Any other DELETE of an account is refused.
CREATE TABLE "AccountDeletionPermit" (
    "periodId" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AccountDeletionPermit_pkey" PRIMARY KEY ("periodId")
);

CREATE FUNCTION "Account_delete_only_by_retention"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM "AccountDeletionPermit" WHERE "periodId" = OLD."periodId") THEN
        RAISE EXCEPTION 'ACCOUNT_DELETE_REFUSED: accounts are deleted only by the retention job';
    END IF;
    RETURN OLD;
END;
$$;

CREATE TRIGGER "Account_delete_only_by_retention"
BEFORE DELETE ON "Account"
FOR EACH ROW
EXECUTE FUNCTION "Account_delete_only_by_retention"();
