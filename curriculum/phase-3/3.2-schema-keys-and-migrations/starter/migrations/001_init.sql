-- 001_init.sql: the chat schema. The lesson's "The exercise" lists every column and rule.
-- users is written for you as a pattern; write rooms, memberships and messages below it.

CREATE TABLE users (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- surrogate key
  username   text NOT NULL UNIQUE
             CHECK (username ~ '^[a-z0-9_]{3,20}$'),           -- 3-20 of a-z, 0-9, _
  created_at timestamptz NOT NULL DEFAULT now()
);

-- TODO: rooms (id, name, created_at)

-- TODO: memberships (room_id, user_id, joined_at), primary key (room_id, user_id)

-- TODO: messages (id, room_id, author_id, body, sent_at)
