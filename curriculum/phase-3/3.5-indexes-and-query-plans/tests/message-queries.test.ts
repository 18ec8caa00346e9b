/**
 * The three queries against ~200,000 seeded messages: first that they return the right rows,
 * then that PostgreSQL runs them through the learner's indexes (EXPLAIN ANALYZE plan and pages
 * touched), then that answers.ts names those indexes. PGlite is PostgreSQL's own planner compiled
 * to WebAssembly, so the plans match a real server's; the page budgets leave room for versions.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { useDatabase } from "ts-dojo/harness";
import type { Queryable } from "ts-dojo/kit";
import { answers } from "./answers.ts";
import { idOf, type Setup, setUp } from "./fixtures.ts";
import { type Explained, expectIndexSearch, expectPagesAtMost, explainCall, indexesSearched } from "./plans.ts";
import type { Message } from "./src/message.ts";
import { messagesByAuthorSince, recentMessages, usernamePrefix } from "./src/message-queries.ts";
import type { QueryId } from "./types.ts";

describe("three chat queries on 200,000 seeded messages", () => {
  // One database for the whole file, seeded once (a few seconds): the tests only read it.
  const db = useDatabase({ reset: false });
  let setup: Setup = {};
  before(async () => {
    setup = await setUp(db());
  });

  function expectMigrated(): void {
    assert.equal(
      setup.migrationError,
      undefined,
      `migrations/004_indexes.sql should apply cleanly; it failed with: ${setup.migrationError}`,
    );
  }

  async function ids(sql: string, params: unknown[]): Promise<string[]> {
    return (await db().query<{ id: string }>(sql, params)).rows.map((r) => r.id);
  }
  const newestIds = (roomId: number, limit: number) =>
    ids("SELECT id FROM messages WHERE room_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2", [roomId, limit]);
  const authorIds = (userId: number, since: Date) =>
    ids("SELECT id FROM messages WHERE author_id = $1 AND created_at >= $2 ORDER BY created_at, id", [userId, since]);
  async function namesStartingWith(prefix: string): Promise<string[]> {
    const { rows } = await db().query<{ username: string }>(
      "SELECT username FROM users WHERE starts_with(username, $1) ORDER BY username",
      [prefix],
    );
    return rows.map((r) => r.username);
  }

  /** Who is who in the seed (fixtures.ts): the ids, looked up by name. */
  const fixture = {
    busyRoom: () => idOf(db(), "rooms", "room-7"),
    quietRoom: () => idOf(db(), "rooms", "room-150"),
    emptyRoom: () => idOf(db(), "rooms", "room-199"),
    archive: () => idOf(db(), "rooms", "archive"),
    bot: () => idOf(db(), "users", "alan_1"),
    annLee: () => idOf(db(), "users", "ann_lee"),
    someone: () => idOf(db(), "users", "ken_37"),
  };
  const LAST_DAYS = new Date("2024-05-10T00:00:00Z"); // the seed's last nine days or so

  /** The plan of each query, run the way the plan tests and the answers tests both use. */
  const plans: Record<QueryId, () => Promise<Explained>> = {
    recentMessages: async () => {
      const room = await fixture.busyRoom();
      return explainCall(db(), "recentMessages", (q) => recentMessages(q, room, 50));
    },
    messagesByAuthorSince: async () => {
      const bot = await fixture.bot();
      return explainCall(db(), "messagesByAuthorSince", (q) => messagesByAuthorSince(q, bot, LAST_DAYS));
    },
    usernamePrefix: () => explainCall(db(), "usernamePrefix", (q: Queryable) => usernamePrefix(q, "grace_12")),
  };

  describe("migrations/004_indexes.sql", () => {
    test("applies cleanly on top of the schema and the seeded rows", () => {
      expectMigrated();
    });

    test("leaves messages with at most four indexes, its primary key included", async () => {
      expectMigrated();
      const { rows } = await db().query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'messages' ORDER BY indexname",
      );
      const names = rows.map((r) => r.indexname);
      assert.ok(
        names.length <= 4,
        `messages has ${names.length} indexes (${names.join(", ")}); keep it to 4 at most. Every index is written on ` +
          "every INSERT and takes disk space: add the ones your queries use, not one per column.",
      );
    });
  });

  describe("recentMessages", () => {
    test("returns a room's newest messages first, at most limit of them", async () => {
      const got = await recentMessages(db(), await fixture.archive(), 3);
      assert.deepEqual(
        got.map((m) => m.body),
        ["old 30", "old 29", "old 28"],
        "the archive's three newest messages, newest first",
      );
    });

    test("returns each message as { id, roomId, authorId, body, createdAt }", async () => {
      const archive = await fixture.archive();
      const [first] = await recentMessages(db(), archive, 1);
      const { rows } = await db().query<{ id: string; author_id: number; created_at: Date }>(
        "SELECT id, author_id, created_at FROM messages WHERE body = 'old 30'",
      );
      const row = rows[0];
      assert.ok(first && row, "recentMessages(archive, 1) should return one message");
      const expected: Message = { id: row.id, roomId: archive, authorId: row.author_id, body: "old 30", createdAt: row.created_at };
      assert.deepEqual({ ...first }, expected, "id as a string (pg's choice for bigint), the ids as numbers, createdAt as a Date");
    });

    test("returns every message of a room smaller than limit, and none of an empty room", async () => {
      assert.equal((await recentMessages(db(), await fixture.archive(), 100)).length, 30, "the archive holds 30 messages");
      assert.deepEqual(await recentMessages(db(), await fixture.emptyRoom(), 10), [], "room-199 has no messages");
    });

    test("returns the same messages as a full sort would, in a busy room", async () => {
      const room = await fixture.busyRoom();
      const got = await recentMessages(db(), room, 50);
      assert.deepEqual(
        got.map((m) => m.id),
        await newestIds(room, 50),
        "room-7's 50 newest message ids, newest first",
      );
    });

    test("reads a busy room's newest messages straight from an index, with no Seq Scan and no Sort", async () => {
      expectMigrated();
      const plan = await plans.recentMessages();
      expectIndexSearch(plan, "messages", "recentMessages(room-7, 50)");
      const sorted = plan.nodes.some((n) => n["Node Type"] === "Sort");
      assert.ok(
        !sorted,
        "recentMessages(room-7, 50) sorts the room's 8,000 rows to find the newest 50: an index whose columns " +
          `are the room, then the time, hands them over already in order.\nIts plan:\n${plan.outline}`,
      );
      expectPagesAtMost(plan, 100, "recentMessages(room-7, 50)");
    });

    test("stays cheap for rooms that have gone quiet, not only for busy ones", async () => {
      expectMigrated();
      for (const [name, room, limit] of [
        ["room-150", await fixture.quietRoom(), 50],
        ["archive", await fixture.archive(), 20],
      ] as const) {
        const what = `recentMessages(${name}, ${limit})`;
        const plan = await explainCall(db(), what, (q) => recentMessages(q, room, limit));
        assert.deepEqual(
          (await recentMessages(db(), room, limit)).map((m) => m.id),
          await newestIds(room, limit),
          `${what}: the newest ids`,
        );
        expectIndexSearch(plan, "messages", what);
        expectPagesAtMost(plan, 100, what);
      }
    });
  });

  describe("messagesByAuthorSince", () => {
    test("returns the author's messages from since on, oldest first, one at exactly since included", async () => {
      const got = await messagesByAuthorSince(db(), await fixture.annLee(), new Date("2023-06-01T05:00:00Z"));
      const expected = [5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29].map((k) => `old ${k}`);
      assert.deepEqual(
        got.map((m) => m.body),
        expected,
        "ann_lee's messages at 05:00 and later (she wrote the odd hours), oldest first",
      );
    });

    test("returns the same messages as the plain query for a prolific and an occasional author", async () => {
      const bot = await fixture.bot();
      const botGot = await messagesByAuthorSince(db(), bot, LAST_DAYS);
      assert.deepEqual(
        botGot.map((m) => m.id),
        await authorIds(bot, LAST_DAYS),
        "the bot's messages since 2024-05-10, oldest first",
      );
      const someone = await fixture.someone();
      const since = new Date("2024-03-01T00:00:00Z");
      const got = await messagesByAuthorSince(db(), someone, since);
      assert.deepEqual(
        got.map((m) => m.id),
        await authorIds(someone, since),
        "ken_37's messages since 2024-03-01, oldest first",
      );
    });

    test("reads only the requested days of a prolific author's 20,000 messages, through an index", async () => {
      expectMigrated();
      const plan = await plans.messagesByAuthorSince();
      expectIndexSearch(plan, "messages", "messagesByAuthorSince(bot, 2024-05-10)");
      expectPagesAtMost(plan, 400, "messagesByAuthorSince(bot, 2024-05-10), which returns about 1,300 rows,");
    });
  });

  describe("usernamePrefix", () => {
    test("returns the usernames that start with the prefix, in the database's order", async () => {
      assert.deepEqual(await usernamePrefix(db(), "ann"), await namesStartingWith("ann"), "ann, ann_lee, ann_smith, anne and annika");
      const grace = await usernamePrefix(db(), "grace_12");
      assert.equal(grace.length, 70, "70 generated users start with grace_12");
      assert.deepEqual(grace, await namesStartingWith("grace_12"), "the grace_12 names, ORDER BY username");
    });

    test("treats _ in the prefix as an underscore, not as 'any one character'", async () => {
      assert.deepEqual(
        await usernamePrefix(db(), "ann_"),
        ["ann_lee", "ann_smith"],
        "'ann_' must not match anne or annika: in LIKE an unescaped _ matches any character; escape it as \\_",
      );
    });

    test("treats % and \\ in the prefix as themselves", async () => {
      assert.deepEqual(
        await usernamePrefix(db(), "ann%"),
        [],
        "no username contains %, so 'ann%' matches nothing; an unescaped % matches anything",
      );
      assert.deepEqual(
        await usernamePrefix(db(), "an\\n"),
        [],
        "no username contains a backslash, so 'an\\n' matches nothing; LIKE reads an unescaped \\ as the escape character, so escape it too",
      );
    });

    test("passes the prefix as a parameter, so a quote is just a character", async () => {
      assert.deepEqual(await usernamePrefix(db(), "ann'--"), [], "a prefix with a quote matches nothing and breaks nothing");
    });

    test("finds names through an index on users, not by reading all 20,000", async () => {
      expectMigrated();
      const plan = await plans.usernamePrefix();
      expectIndexSearch(plan, "users", "usernamePrefix('grace_12')");
      expectPagesAtMost(plan, 40, "usernamePrefix('grace_12'), which returns 70 names,");
    });
  });

  describe("answers.whichIndexServes", () => {
    const table: Record<QueryId, string> = { recentMessages: "messages", messagesByAuthorSince: "messages", usernamePrefix: "users" };
    for (const id of Object.keys(table) as QueryId[]) {
      test(`names the index that ${id}'s plan searches`, async () => {
        expectMigrated();
        const named = answers.whichIndexServes[id];
        const searched = indexesSearched(await plans[id](), table[id]);
        assert.ok(
          searched.includes(named),
          `answers.whichIndexServes.${id} is ${JSON.stringify(named)}, but the plan searches ` +
            `${searched.length ? searched.join(", ") : "no index"} on ${table[id]}. Name the index EXPLAIN shows.`,
        );
      });
    }
  });
});
