-- The chat schema from 3.2 (migrations 001-003 squashed), trimmed to the three tables this task
-- queries and stripped of its secondary indexes: adding those is your job, in
-- migrations/004_indexes.sql. This file is read-only. The tests run it, seed about 200,000
-- messages, apply your migration, then ANALYZE so the planner has fresh statistics.

CREATE TABLE users (
  id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- COLLATE "und-x-icu" compares text by Unicode's language-aware rules, as a server created
  -- with the common en_US.UTF-8 locale does. PGlite defaults to the plain byte order "C";
  -- pinning the collation here makes every test database behave like a typical production one.
  -- It decides which indexes LIKE 'abc%' can use (see the lesson).
  username text NOT NULL UNIQUE COLLATE "und-x-icu"
           CHECK (username ~ '^[a-z0-9_]{3,20}$')
);

CREATE TABLE rooms (
  id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name <> '')
);

CREATE TABLE messages (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  room_id    integer NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  author_id  integer NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  body       text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
