CREATE INDEX messages_room_created_idx ON messages (room_id, created_at DESC, id DESC);
CREATE INDEX messages_author_created_idx ON messages (author_id, created_at);
-- A plain index, in the column's collation: LIKE 'abc%' cannot use it.
CREATE INDEX users_username_idx ON users (username);
