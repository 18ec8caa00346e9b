-- 001_init.sql: the chat schema. Every rule the application relies on is written here, so the
-- database refuses bad rows from any client, not only from code that remembers to check.

CREATE TABLE users (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- surrogate key
  username   text NOT NULL UNIQUE
             CHECK (username ~ '^[a-z0-9_]{3,20}$'),           -- 3-20 of a-z, 0-9, _
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rooms (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE CHECK (name <> ''),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The association table. Its key is the pair itself: a user is in a room once or not at all,
-- and the primary key's index (room_id first) serves "who is in this room?".
CREATE TABLE memberships (
  room_id   bigint NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (room_id, user_id)
);
-- Postgres does not index the referencing side of a foreign key; "which rooms is this user
-- in?" and the cascade on user delete both look memberships up by user_id.
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

CREATE TABLE messages (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  room_id   bigint NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  -- RESTRICT: a user who has written messages cannot vanish and take the history with them.
  author_id bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  body      text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  sent_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_author_id_idx ON messages (author_id);
