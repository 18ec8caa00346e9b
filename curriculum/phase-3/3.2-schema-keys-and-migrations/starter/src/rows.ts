// The row shapes the four queries in queries.ts return. Read-only: the tests import them too.
// Every id is a string because the ids are bigint columns, and node-postgres hands bigint
// (int8) back as a string so that ids above 2^53 survive.

/** One room and how many people belong to it. */
export interface RoomMemberCount {
  /** rooms.id */
  roomId: string;
  /** rooms.name */
  name: string;
  /** The number of memberships of this room, as a JS number (0 for an empty room). */
  members: number;
}

/** A room, named. */
export interface RoomRef {
  /** rooms.id */
  roomId: string;
  /** rooms.name */
  name: string;
}

/** The newest message of one room. */
export interface LastMessage {
  /** messages.room_id */
  roomId: string;
  /** messages.id */
  messageId: string;
  /** messages.author_id */
  authorId: string;
  /** messages.body */
  body: string;
  /** messages.sent_at (node-postgres turns timestamptz into a Date) */
  sentAt: Date;
}

/** A user, named. */
export interface UserRef {
  /** users.id */
  userId: string;
  /** users.username */
  username: string;
}
