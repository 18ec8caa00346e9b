-- One index per column, just in case.
CREATE INDEX messages_room_id_idx ON messages (room_id);
CREATE INDEX messages_author_id_idx ON messages (author_id);
CREATE INDEX messages_body_idx ON messages (body);
CREATE INDEX messages_created_at_idx ON messages (created_at);
CREATE INDEX users_username_idx ON users (username);
