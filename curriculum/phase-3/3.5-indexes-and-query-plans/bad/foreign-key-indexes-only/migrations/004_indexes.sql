-- Index the foreign keys, and let the database sort the rest out.
CREATE INDEX messages_room_id_idx ON messages (room_id);
CREATE INDEX messages_author_id_idx ON messages (author_id);
CREATE INDEX users_username_pattern_idx ON users (username text_pattern_ops);
