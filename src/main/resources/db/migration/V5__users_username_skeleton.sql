-- A username's confusable skeleton (Unicode UTS #39, from ICU's SpoofChecker, of its lower case):
-- names that look alike ("bam" and "barn", a Cyrillic "jаke" and "jake") have the same one, and
-- the unique index lets one user have it, as users_username_key does for the lower case.
--
-- The skeleton comes from ICU's confusables data, which SQL does not have, so it cannot be
-- backfilled here. The column is nullable instead (NULLs never conflict in a unique index): the
-- service writes it with every username it stores, and at start (SchemaMigration, right after
-- the migrations, in one transaction under an advisory lock) fills it in for rows that have
-- none: rows from before V5 and rows seeded by SQL. Simplest correct: no Java migration, no second
-- copy of ICU's rules in SQL, and a row that lacks one is found by a partial index. Two rows that
-- were lookalikes already before V5 both stay: the first keeps the skeleton, the other none.
ALTER TABLE users ADD COLUMN username_skeleton text;

CREATE UNIQUE INDEX users_username_skeleton_key ON users (username_skeleton);

CREATE INDEX users_without_skeleton ON users (id) WHERE username_skeleton IS NULL;
