// migrations/001_init.sql, run straight on an empty database: the catalog must show the keys
// and foreign keys of the contract, and bad rows must be refused with the right SQLSTATE.
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { db } from "./db.ts";
import { addMember, addMessage, addRoom, addUser, applyInit, count, expectSqlState } from "./helpers.ts";

// One outer describe per file: verify bundles the test files into one module, where a hook at
// the top level of one file would also run before every other file's tests.
describe("migrations/001_init.sql", () => {
  beforeEach(() => applyInit(db()));

  /** The primary-key columns of `table`, in key order. */
  async function primaryKey(table: string): Promise<string[]> {
    const { rows } = await db().query<{ column: string }>(
      `SELECT a.attname AS column
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, pos)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       WHERE c.contype = 'p' AND c.conrelid = to_regclass($1)
       ORDER BY k.pos`,
      [`public.${table}`],
    );
    return rows.map((r) => r.column);
  }

  describe("the tables, as the catalog sees them", () => {
    test("every column of the contract exists with its type and NOT NULL", async () => {
      const { rows } = await db().query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
        `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name IN ('users', 'rooms', 'memberships', 'messages')`,
      );
      const found = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, `${r.data_type}, nullable: ${r.is_nullable}`]));
      const ts = "timestamp with time zone";
      const expected: Array<[string, string]> = [
        ["users.id", "bigint"],
        ["users.username", "text"],
        ["users.created_at", ts],
        ["rooms.id", "bigint"],
        ["rooms.name", "text"],
        ["rooms.created_at", ts],
        ["memberships.room_id", "bigint"],
        ["memberships.user_id", "bigint"],
        ["memberships.joined_at", ts],
        ["messages.id", "bigint"],
        ["messages.room_id", "bigint"],
        ["messages.author_id", "bigint"],
        ["messages.body", "text"],
        ["messages.sent_at", ts],
      ];
      for (const [column, type] of expected) {
        assert.equal(found.get(column), `${type}, nullable: NO`, `${column} must be a NOT NULL ${type} column`);
      }
    });

    test("users, rooms and messages are keyed by a generated id; memberships by (room_id, user_id)", async () => {
      for (const table of ["users", "rooms", "messages"]) {
        assert.deepEqual(await primaryKey(table), ["id"], `${table} must have PRIMARY KEY (id)`);
      }
      const { rows } = await db().query<{ generated: boolean }>(
        `SELECT bool_and(is_identity = 'YES' OR column_default LIKE 'nextval(%') AS generated
         FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'id' AND table_name IN ('users', 'rooms', 'messages')`,
      );
      assert.equal(rows[0]?.generated, true, "the database must generate ids (GENERATED ALWAYS AS IDENTITY), so inserts leave id out");
      assert.deepEqual(
        await primaryKey("memberships"),
        ["room_id", "user_id"],
        "memberships must have the composite PRIMARY KEY (room_id, user_id): the pair is the membership, and no surrogate id",
      );
    });

    test("foreign keys point at the right tables with the ON DELETE rules of the contract", async () => {
      const { rows } = await db().query<{ fk: string; rule: string }>(
        `SELECT c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text AS fk,
                CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION'
                                   WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END AS rule
         FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
         WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
      );
      const rules = new Map(rows.map((r) => [r.fk, r.rule]));
      const expected: Array<[string, string[], string]> = [
        ["memberships.room_id -> rooms", ["CASCADE"], "deleting a room removes its memberships"],
        ["memberships.user_id -> users", ["CASCADE"], "deleting a user removes their memberships"],
        ["messages.room_id -> rooms", ["CASCADE"], "deleting a room removes its messages"],
        ["messages.author_id -> users", ["RESTRICT", "NO ACTION"], "a user who wrote messages cannot be deleted"],
      ];
      for (const [fk, allowed, why] of expected) {
        const rule = rules.get(fk);
        assert.ok(rule !== undefined, `there must be a foreign key ${fk}`);
        assert.ok(
          allowed.includes(rule),
          `${fk} must be ON DELETE ${allowed.join(" (or ")}${allowed.length > 1 ? ")" : ""}: ${why}; it is ${rule}`,
        );
      }
    });
  });

  describe("bad rows are refused with the right SQLSTATE", () => {
    test("rows that point at a missing room or user fail with 23503", async () => {
      const alice = await addUser(db(), "alice");
      const general = await addRoom(db(), "general");
      const missing = "999999";
      await expectSqlState(addMember(db(), missing, alice), "23503", "a membership in a room that does not exist");
      await expectSqlState(addMember(db(), general, missing), "23503", "a membership of a user who does not exist");
      await expectSqlState(addMessage(db(), missing, alice, "hi"), "23503", "a message in a room that does not exist");
      await expectSqlState(addMessage(db(), general, missing, "hi"), "23503", "a message by an author who does not exist");
    });

    test("the same user joining the same room twice fails with 23505", async () => {
      const alice = await addUser(db(), "alice");
      const general = await addRoom(db(), "general");
      await addMember(db(), general, alice);
      await expectSqlState(addMember(db(), general, alice), "23505", "a second membership of alice in general");
      assert.equal(await count(db(), "memberships"), 1, "alice must belong to general exactly once");
    });

    test("a taken username or room name fails with 23505", async () => {
      await addUser(db(), "alice");
      await addRoom(db(), "general");
      await expectSqlState(addUser(db(), "alice"), "23505", "a second user named alice");
      await expectSqlState(addRoom(db(), "general"), "23505", "a second room named general");
    });

    test("values outside the CHECK rules fail with 23514", async () => {
      for (const name of ["al", "a".repeat(21), "Alice", "al ice", "al-ice"]) {
        await expectSqlState(addUser(db(), name), "23514", `the username ${JSON.stringify(name)} (3-20 of a-z, 0-9, _ only)`);
      }
      for (const name of ["abc", "a".repeat(20), "bob_2"]) await addUser(db(), name);
      await expectSqlState(addRoom(db(), ""), "23514", "a room with an empty name");
      const room = await addRoom(db(), "general");
      const author = await addUser(db(), "alice");
      await expectSqlState(addMessage(db(), room, author, ""), "23514", "an empty message body");
      await expectSqlState(addMessage(db(), room, author, "x".repeat(2001)), "23514", "a message body of 2,001 characters");
      await addMessage(db(), room, author, "x".repeat(2000));
    });

    test("leaving out a required value fails with 23502", async () => {
      const alice = await addUser(db(), "alice");
      const general = await addRoom(db(), "general");
      await expectSqlState(db().query("INSERT INTO users (username) VALUES (NULL)"), "23502", "a user without a username");
      await expectSqlState(db().query("INSERT INTO rooms (name) VALUES (NULL)"), "23502", "a room without a name");
      await expectSqlState(db().query("INSERT INTO memberships (room_id) VALUES ($1)", [general]), "23502", "a membership without user_id");
      await expectSqlState(
        db().query("INSERT INTO messages (room_id, author_id) VALUES ($1, $2)", [general, alice]),
        "23502",
        "a message without a body",
      );
    });
  });

  describe("deleting rows follows the ON DELETE rules", () => {
    test("deleting a room removes its memberships and messages, and nothing of other rooms", async () => {
      const alice = await addUser(db(), "alice");
      const general = await addRoom(db(), "general");
      const random = await addRoom(db(), "random");
      await addMember(db(), general, alice);
      await addMember(db(), random, alice);
      await addMessage(db(), general, alice, "bye");
      await addMessage(db(), random, alice, "stays");
      await db().query("DELETE FROM rooms WHERE id = $1", [general]);
      assert.equal(
        await count(db(), "memberships", "room_id = $1", [general]),
        0,
        "the deleted room's memberships must go with it (CASCADE)",
      );
      assert.equal(await count(db(), "messages", "room_id = $1", [general]), 0, "the deleted room's messages must go with it (CASCADE)");
      assert.equal(await count(db(), "memberships"), 1, "alice's membership of random must stay");
      assert.equal(await count(db(), "messages"), 1, "the message in random must stay");
    });

    test("deleting a user removes their memberships, but a user who wrote messages cannot be deleted (23001 or 23503)", async () => {
      const alice = await addUser(db(), "alice");
      const bob = await addUser(db(), "bob");
      const general = await addRoom(db(), "general");
      await addMember(db(), general, alice);
      await addMember(db(), general, bob);
      await addMessage(db(), general, bob, "history");
      await db().query("DELETE FROM users WHERE id = $1", [alice]);
      assert.equal(
        await count(db(), "memberships", "user_id = $1", [alice]),
        0,
        "a deleted user's memberships must go with them (CASCADE)",
      );
      // RESTRICT reports 23001 from PostgreSQL 18 on (23503 before); NO ACTION reports 23503.
      await expectSqlState(db().query("DELETE FROM users WHERE id = $1", [bob]), ["23001", "23503"], "deleting bob, who wrote a message");
      assert.equal(await count(db(), "messages"), 1, "bob's message must survive the refused delete");
    });
  });
});
