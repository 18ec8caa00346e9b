// The four read queries, against a small chat: four rooms (one empty, one without messages),
// five users, and messages whose timestamps tie or arrive out of order.
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { db } from "./db.ts";
import { addMember, addMessage, addRoom, addUser, applyInit } from "./helpers.ts";
import { emptyRooms, lastMessagePerRoom, roomsWithMemberCounts, usersInBothRooms } from "./src/queries.ts";
import type { LastMessage } from "./src/rows.ts";

// One outer describe per file: verify bundles the test files into one module, where a hook at
// the top level of one file would also run before every other file's tests.
describe("the four queries", () => {
  interface Chat {
    users: Record<"alice" | "bob" | "carol" | "dave" | "erin", string>;
    rooms: Record<"general" | "random" | "lobby" | "ops", string>;
    /** The message each room's lastMessagePerRoom row must show. */
    last: Record<"general" | "random", LastMessage>;
  }
  let chat: Chat;

  async function seed(): Promise<Chat> {
    const q = db();
    const users = {
      alice: await addUser(q, "alice"),
      bob: await addUser(q, "bob"),
      carol: await addUser(q, "carol"),
      dave: await addUser(q, "dave"),
      erin: await addUser(q, "erin"),
    };
    const rooms = {
      general: await addRoom(q, "general"),
      random: await addRoom(q, "random"),
      lobby: await addRoom(q, "lobby"), // nobody joins, nobody writes
      ops: await addRoom(q, "ops"), // one member, no messages
    };
    for (const u of [users.alice, users.bob, users.carol]) await addMember(q, rooms.general, u);
    for (const u of [users.erin, users.carol, users.bob]) await addMember(q, rooms.random, u);
    await addMember(q, rooms.ops, users.dave);

    // general: the last two messages share a timestamp, so the higher id wins.
    await addMessage(q, rooms.general, users.alice, "morning", "2024-05-01T09:00:00Z");
    await addMessage(q, rooms.general, users.bob, "same second, lower id", "2024-05-01T09:30:00Z");
    const tieWinner = await addMessage(q, rooms.general, users.carol, "same second, higher id", "2024-05-01T09:30:00Z");
    // random: the newest message is not the last one inserted.
    await addMessage(q, rooms.random, users.erin, "first", "2024-05-01T08:00:00Z");
    const newest = await addMessage(q, rooms.random, users.carol, "newest", "2024-05-01T11:00:00Z");
    await addMessage(q, rooms.random, users.bob, "backfilled later", "2024-05-01T10:00:00Z");

    return {
      users,
      rooms,
      last: {
        general: {
          roomId: rooms.general,
          messageId: tieWinner,
          authorId: users.carol,
          body: "same second, higher id",
          sentAt: new Date("2024-05-01T09:30:00Z"),
        },
        random: {
          roomId: rooms.random,
          messageId: newest,
          authorId: users.carol,
          body: "newest",
          sentAt: new Date("2024-05-01T11:00:00Z"),
        },
      },
    };
  }

  beforeEach(async () => {
    await applyInit(db());
    chat = await seed();
  });

  describe("roomsWithMemberCounts", () => {
    test("lists every room with its member count as a number, empty rooms with 0, ordered by name", async () => {
      const { rooms } = chat;
      const rows = await roomsWithMemberCounts(db());
      assert.equal(
        typeof rows[0]?.members,
        "number",
        "members must be a JS number: count() is bigint, which pg returns as a string; cast it with ::int",
      );
      const lobby = rows.find((r) => r.name === "lobby");
      assert.ok(lobby, "the room without members (lobby) must be listed: an inner join drops it, a LEFT JOIN keeps it");
      assert.equal(lobby.members, 0, "lobby has no members: count a membership column (NULL in the padded row), not count(*)");
      assert.deepEqual(
        rows,
        [
          { roomId: rooms.general, name: "general", members: 3 },
          { roomId: rooms.lobby, name: "lobby", members: 0 },
          { roomId: rooms.ops, name: "ops", members: 1 },
          { roomId: rooms.random, name: "random", members: 3 },
        ],
        "every room, ordered by name, with its number of members",
      );
    });
  });

  describe("emptyRooms", () => {
    test("lists the rooms nobody belongs to, ordered by name", async () => {
      const { rooms, users } = chat;
      assert.deepEqual(await emptyRooms(db()), [{ roomId: rooms.lobby, name: "lobby" }], "only lobby has no members");
      await db().query("DELETE FROM memberships WHERE user_id = $1", [users.dave]);
      assert.deepEqual(
        await emptyRooms(db()),
        [
          { roomId: rooms.lobby, name: "lobby" },
          { roomId: rooms.ops, name: "ops" },
        ],
        "after its only member leaves, ops is empty too",
      );
    });
  });

  describe("lastMessagePerRoom", () => {
    test("one row per room with messages, the latest sent_at, ordered by room id", async () => {
      const rows = await lastMessagePerRoom(db());
      assert.deepEqual(
        rows.map((r) => r.roomId),
        [chat.rooms.general, chat.rooms.random],
        "exactly one row for general and one for random, in room id order; lobby and ops have no messages and are left out",
      );
      assert.deepEqual(
        rows[1],
        chat.last.random,
        "random's newest message is 'newest' (11:00), though 'backfilled later' (10:00) was inserted after it",
      );
    });

    test("two messages with the same sent_at: the one with the higher id wins", async () => {
      const rows = await lastMessagePerRoom(db());
      assert.deepEqual(
        rows.find((r) => r.roomId === chat.rooms.general),
        chat.last.general,
        "general's two newest messages share 09:30; order by sent_at DESC, then id DESC, so the answer is always the same row",
      );
    });
  });

  describe("usersInBothRooms", () => {
    test("the members of both rooms, ordered by username, whichever room comes first", async () => {
      const { rooms, users } = chat;
      const expected = [
        { userId: users.bob, username: "bob" },
        { userId: users.carol, username: "carol" },
      ];
      assert.deepEqual(await usersInBothRooms(db(), rooms.general, rooms.random), expected, "bob and carol are in general and in random");
      assert.deepEqual(await usersInBothRooms(db(), rooms.random, rooms.general), expected, "swapping the rooms gives the same users");
    });

    test("a room with itself gives its members; rooms nobody shares give none", async () => {
      const { rooms, users } = chat;
      assert.deepEqual(
        await usersInBothRooms(db(), rooms.general, rooms.general),
        [
          { userId: users.alice, username: "alice" },
          { userId: users.bob, username: "bob" },
          { userId: users.carol, username: "carol" },
        ],
        "everyone in general is in general and in general",
      );
      assert.deepEqual(await usersInBothRooms(db(), rooms.ops, rooms.random), [], "nobody is in both ops and random");
      assert.deepEqual(await usersInBothRooms(db(), rooms.general, rooms.lobby), [], "nobody is in the empty lobby");
    });
  });
});
