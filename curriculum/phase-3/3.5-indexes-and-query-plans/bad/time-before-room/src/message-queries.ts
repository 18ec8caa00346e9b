import type { Queryable } from "ts-dojo/kit";
import type { Message } from "./message.ts";

// Column aliases give the rows the Message shape directly; pg returns bigint ids as strings.
const COLUMNS = `id, room_id AS "roomId", author_id AS "authorId", body, created_at AS "createdAt"`;

/** The newest `limit` messages of room `roomId`, newest first. */
export async function recentMessages(db: Queryable, roomId: number, limit: number): Promise<Message[]> {
  // id breaks ties between messages sent in the same microsecond; the index carries it too,
  // so the tie-break costs no sort.
  const { rows } = await db.query<Message>(
    `SELECT ${COLUMNS} FROM messages WHERE room_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [roomId, limit],
  );
  return rows;
}

/** Every message `userId` wrote at or after `since`, oldest first. */
export async function messagesByAuthorSince(db: Queryable, userId: number, since: Date): Promise<Message[]> {
  const { rows } = await db.query<Message>(
    `SELECT ${COLUMNS} FROM messages WHERE author_id = $1 AND created_at >= $2 ORDER BY created_at, id`,
    [userId, since],
  );
  return rows;
}

/** Backslash, % and _ are special in a LIKE pattern; a backslash before each makes it literal. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The usernames that start with `prefix`, in the database's order (ORDER BY username). The
 * prefix is what someone typed into a search box: `%`, `_` and `\` in it are ordinary characters.
 */
export async function usernamePrefix(db: Queryable, prefix: string): Promise<string[]> {
  // The pattern goes in as a parameter. The planner still sees its fixed start ('abc' of
  // 'abc%'), because an unnamed statement is planned with its parameter values.
  const { rows } = await db.query<{ username: string }>("SELECT username FROM users WHERE username LIKE $1 ORDER BY username", [
    `${escapeLike(prefix)}%`,
  ]);
  return rows.map((r) => r.username);
}
