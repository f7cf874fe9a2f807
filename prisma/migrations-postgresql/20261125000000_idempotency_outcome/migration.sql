-- The PostgreSQL twin of prisma/migrations/20261125000000_idempotency_outcome. An idempotency
-- record keeps what the first submission ended with in the domain's terms (ADR 0002):
-- `{"value": {registrationNumber, createdAt}}` or `{"refusal": {code, fields?, message?}}`,
-- no longer an HTTP status and response body. The route turns either into the same answer again.

ALTER TABLE "IdempotencyRecord" ADD COLUMN "outcome" TEXT;

-- Answers stored before this migration (kept for a day at most) are carried over, so a retry
-- across the upgrade still gets its first answer.
UPDATE "IdempotencyRecord"
SET "outcome" = CASE
    WHEN "responseStatus" = 201 THEN json_build_object('value', json_build_object(
        'registrationNumber', "responseBody"::json ->> 'registrationNumber',
        'createdAt', "responseBody"::json ->> 'createdAt'))::text
    ELSE json_build_object('refusal', "responseBody"::json -> 'error')::text
END
WHERE "state" = 'DONE' AND "responseBody" IS NOT NULL;

ALTER TABLE "IdempotencyRecord" DROP COLUMN "responseStatus";
ALTER TABLE "IdempotencyRecord" DROP COLUMN "responseBody";
