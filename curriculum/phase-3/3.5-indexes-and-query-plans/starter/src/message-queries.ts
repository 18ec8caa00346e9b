import type { Queryable } from "ts-dojo/kit";
import type { Message } from "./message.ts";

/** The newest `limit` messages of room `roomId`, newest first. */
export async function recentMessages(db: Queryable, roomId: number, limit: number): Promise<Message[]> {
  throw new Error("TODO: select the room's messages, newest first, at most `limit` of them");
}

/** Every message `userId` wrote at or after `since`, oldest first. */
export async function messagesByAuthorSince(db: Queryable, userId: number, since: Date): Promise<Message[]> {
  throw new Error("TODO: select the author's messages with created_at >= since, oldest first");
}

/**
 * The usernames that start with `prefix`, in the database's order (ORDER BY username). The
 * prefix is what someone typed into a search box: `%`, `_` and `\` in it are ordinary characters.
 */
export async function usernamePrefix(db: Queryable, prefix: string): Promise<string[]> {
  throw new Error("TODO: a LIKE 'prefix%' query with the prefix's wildcards escaped");
}
