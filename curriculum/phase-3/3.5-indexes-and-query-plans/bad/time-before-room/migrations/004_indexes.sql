-- Time first, "because every query filters on time": busy rooms look fine, quiet rooms crawl.
CREATE INDEX messages_room_created_idx ON messages (created_at DESC, room_id);
CREATE INDEX messages_author_created_idx ON messages (author_id, created_at);
CREATE INDEX users_username_pattern_idx ON users (username text_pattern_ops);
