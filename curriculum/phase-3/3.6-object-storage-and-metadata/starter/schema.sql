-- The catalog's one table. The tests create it before each test; you may apply it by hand too:
--   psql "$DATABASE_URL" -f schema.sql
-- Read-only: verify uses this copy whatever you change here.
CREATE TABLE images (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  owner        text        NOT NULL CHECK (owner <> ''),
  -- Where the bytes live in the blob store. UNIQUE: two rows never share one blob, and the
  -- index behind it makes "which of these keys have a row?" cheap for the orphan sweep.
  blob_key     text        NOT NULL UNIQUE,
  -- bigint comes back from pg as a string: Number() it.
  size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
  sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
