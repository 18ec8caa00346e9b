// Four read queries over the chat schema of migrations/001_init.sql. Each is one SQL statement;
// columns are aliased to the camelCase names of rows.ts with double quotes (AS "roomId").
import type { Queryable } from "ts-dojo/kit";
import type { LastMessage, RoomMemberCount, RoomRef, UserRef } from "./rows.ts";

/** Every room with its number of members, empty rooms included (members: 0), ordered by name. */
export async function roomsWithMemberCounts(db: Queryable): Promise<RoomMemberCount[]> {
  // LEFT JOIN keeps rooms without members as one row with NULLs on the membership side;
  // count(m.user_id) skips those NULLs, where count(*) would count that row as 1.
  // count() is bigint, which pg returns as a string: ::int makes it a JS number.
  const { rows } = await db.query<RoomMemberCount>(`
    SELECT r.id AS "roomId", r.name, count(m.user_id)::int AS members
    FROM rooms r
    LEFT JOIN memberships m ON m.room_id = r.id
    GROUP BY r.id, r.name
    ORDER BY r.name`);
  return rows;
}

/** The rooms nobody belongs to, ordered by name. */
export async function emptyRooms(db: Queryable): Promise<RoomRef[]> {
  const { rows } = await db.query<RoomRef>(`
    SELECT r.id AS "roomId", r.name
    FROM rooms r
    WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.room_id = r.id)
    ORDER BY r.name`);
  return rows;
}

/**
 * The newest message of each room that has messages (latest sent_at; on a tie, the highest
 * message id), ordered by room id. Rooms without messages are left out.
 */
export async function lastMessagePerRoom(db: Queryable): Promise<LastMessage[]> {
  // DISTINCT ON keeps the first row of each room in the ORDER BY; m.id DESC makes "first"
  // one definite row when two messages share a timestamp.
  const { rows } = await db.query<LastMessage>(`
    SELECT DISTINCT ON (m.room_id)
           m.room_id AS "roomId", m.id AS "messageId", m.author_id AS "authorId",
           m.body, m.sent_at AS "sentAt"
    FROM messages m
    ORDER BY m.room_id, m.sent_at DESC, m.id DESC`);
  return rows;
}

/** The users who are members of both rooms (roomA and roomB are room ids, as strings), ordered by username. */
export async function usersInBothRooms(db: Queryable, roomA: string, roomB: string): Promise<UserRef[]> {
  // Two membership rows of the same user, one per room. Because (room_id, user_id) is the
  // primary key, each join finds at most one row, so no user comes out twice.
  const { rows } = await db.query<UserRef>(
    `SELECT u.id AS "userId", u.username
     FROM memberships a
     JOIN memberships b ON b.user_id = a.user_id
     JOIN users u ON u.id = a.user_id
     WHERE a.room_id = $1 AND b.room_id = $2
     ORDER BY u.username`,
    [roomA, roomB],
  );
  return rows;
}
