// Four read queries over the chat schema of migrations/001_init.sql. Each is one SQL statement;
// alias columns to the camelCase names of rows.ts with double quotes (AS "roomId").
import type { Queryable } from "ts-dojo/kit";
import type { LastMessage, RoomMemberCount, RoomRef, UserRef } from "./rows.ts";

/** Every room with its number of members, empty rooms included (members: 0), ordered by name. */
export async function roomsWithMemberCounts(db: Queryable): Promise<RoomMemberCount[]> {
  throw new Error("TODO: LEFT JOIN memberships, count the members, return every room ordered by name");
}

/** The rooms nobody belongs to, ordered by name. */
export async function emptyRooms(db: Queryable): Promise<RoomRef[]> {
  throw new Error("TODO: select the rooms that have no membership row, ordered by name");
}

/**
 * The newest message of each room that has messages (latest sent_at; on a tie, the highest
 * message id), ordered by room id. Rooms without messages are left out.
 */
export async function lastMessagePerRoom(db: Queryable): Promise<LastMessage[]> {
  throw new Error("TODO: one row per room: the message with the latest sent_at, ties broken by the highest id");
}

/** The users who are members of both rooms (roomA and roomB are room ids, as strings), ordered by username. */
export async function usersInBothRooms(db: Queryable, roomA: string, roomB: string): Promise<UserRef[]> {
  throw new Error("TODO: the users with a membership in roomA and a membership in roomB");
}
