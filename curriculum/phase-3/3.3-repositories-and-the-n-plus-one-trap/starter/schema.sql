-- The notes schema. The tests apply it to a fresh database and empty both tables before each test;
-- you can apply it by hand too:   psql "$DATABASE_URL" -f schema.sql
-- Read-only: verify uses this copy whatever you change here.

CREATE TABLE users (
  id    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name  text NOT NULL CHECK (name <> ''),
  email text NOT NULL UNIQUE
);

CREATE TABLE notes (
  -- uuid, not text: Postgres refuses a malformed id like 'n-1' with SQLSTATE 22P02
  -- (invalid_text_representation) before it looks for a row at all.
  id         uuid PRIMARY KEY,
  -- NULL for notes written through the NotesApi, which has no idea of users yet (that comes
  -- with authentication in phase 6). ON DELETE SET NULL: a leaving user's notes stay.
  author_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  title      text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  body       text NOT NULL DEFAULT '' CHECK (char_length(body) <= 10000),
  -- Set by the application (its clock), to the millisecond, so that a Note's ISO string and the
  -- stored value name exactly the same instant - which a keyset cursor relies on.
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Serves list(): ORDER BY created_at, id and the keyset condition (created_at, id) > (…).
CREATE INDEX notes_created_at_id_idx ON notes (created_at, id);
-- Postgres does not index the referencing side of a foreign key by itself.
CREATE INDEX notes_author_id_idx ON notes (author_id);
