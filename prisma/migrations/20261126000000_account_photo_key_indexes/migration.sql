-- The orphan photo sweep (npm run photos:sweep, and at every start) asks, a batch of stored files at
-- a time, which of their keys an account still names. Without these indexes each batch read every
-- account: at a million accounts about 1.5 s a batch, hours for a directory of a million photos.

CREATE INDEX "Account_ktpPhotoKey_idx" ON "Account"("ktpPhotoKey");

CREATE INDEX "Account_selfieKey_idx" ON "Account"("selfieKey");
