-- The bank's one table. The tests create it before each test; you may apply it by hand too:
--   psql "$DATABASE_URL" -f schema.sql
-- Read-only: verify uses this copy whatever you change here.
CREATE TABLE accounts (
  id            text   PRIMARY KEY,
  -- Money in whole cents, never floats. bigint comes back from pg as a string: Number() it.
  balance_cents bigint NOT NULL,
  -- The last line of defence: no statement, however it is written, can leave a balance below zero.
  -- A violation fails the statement with SQLSTATE 23514 (check_violation).
  CONSTRAINT balance_not_negative CHECK (balance_cents >= 0)
);
