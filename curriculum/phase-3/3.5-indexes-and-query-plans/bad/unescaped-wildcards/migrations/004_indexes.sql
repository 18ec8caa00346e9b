-- 004_indexes.sql: one index per access path the application really uses.

-- recentMessages: WHERE room_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2.
-- Equality column first, then the sort columns in the query's order: the index jumps to the
-- room and its entries are already newest-first, so the query reads `limit` entries and stops,
-- whether the room is busy or went quiet a year ago. (created_at, room_id) would not: it would
-- walk the whole timeline backwards until it met enough of this room's messages.
CREATE INDEX messages_room_created_idx ON messages (room_id, created_at DESC, id DESC);

-- messagesByAuthorSince: WHERE author_id = $1 AND created_at >= $2. Equality first, range
-- last: the matching entries then sit side by side, from `since` to the author's newest.
-- It also serves the foreign key: deleting a user looks their messages up by author_id.
CREATE INDEX messages_author_created_idx ON messages (author_id, created_at);

-- usernamePrefix: WHERE username LIKE 'abc%'. The UNIQUE constraint's index sorts by the
-- column's language-aware collation, where "starts with abc" is not one contiguous range, so
-- the planner cannot use it for LIKE. text_pattern_ops sorts by plain character codes, where it is.
CREATE INDEX users_username_pattern_idx ON users (username text_pattern_ops);
