// migrate(): applies each new .sql file once, in name order, each in its own transaction with
// its schema_migrations row, and leaves no trace of a file that fails.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { db } from "./db.ts";
import {
  addRoom,
  BROKEN_003,
  count,
  FIXED_003,
  MIGRATIONS_DIR,
  recordedVersions,
  schemaSnapshot,
  TAGS_002,
  type TempMigrations,
  tableExists,
  tempMigrations,
} from "./helpers.ts";
import { migrate } from "./src/migrate.ts";
import { recordsVersion, watchedDb } from "./watched-db.ts";

// One outer describe per file: verify bundles the test files into one module, where a hook at
// the top level of one file would also run before every other file's tests.
describe("migrate()", () => {
  // Every call goes through the watcher, so calling db.query() inside an open transaction fails
  // with an explanation instead of waiting forever for PGlite's only connection.
  const guarded = () => watchedDb(db());

  /** Run `fn` with a temp migrations folder (001 + `files`), and remove the folder afterwards. */
  async function withFolder(files: Record<string, string>, fn: (folder: TempMigrations) => Promise<void>): Promise<void> {
    const folder = await tempMigrations(files);
    try {
      await fn(folder);
    } finally {
      await folder.remove();
    }
  }

  describe("applies each file once", () => {
    test("applies migrations/001_init.sql to an empty database and records it in schema_migrations", async () => {
      assert.deepEqual(await migrate(guarded(), MIGRATIONS_DIR), { applied: ["001_init.sql"] }, "the first run must apply 001_init.sql");
      assert.deepEqual(
        await recordedVersions(db()),
        ["001_init.sql"],
        "schema_migrations must hold the file name 001_init.sql as its version",
      );
      for (const table of ["users", "rooms", "memberships", "messages"]) {
        assert.ok(await tableExists(db(), table), `after migrating, table ${table} must exist`);
      }
    });

    test("a second run applies nothing and changes nothing", async () => {
      await migrate(guarded(), MIGRATIONS_DIR);
      await addRoom(db(), "general");
      const before = await schemaSnapshot(db());
      assert.deepEqual(
        await migrate(guarded(), MIGRATIONS_DIR),
        { applied: [] },
        "a file recorded in schema_migrations must not run again",
      );
      assert.deepEqual(await schemaSnapshot(db()), before, "a run with nothing to apply must not change the schema");
      assert.deepEqual(await recordedVersions(db()), ["001_init.sql"], "schema_migrations must still hold one row");
      assert.equal(await count(db(), "rooms"), 1, "a run with nothing to apply must keep the data");
    });

    test("a file added later is the only one the next run applies", async () => {
      await withFolder({}, async (folder) => {
        assert.deepEqual(await migrate(guarded(), folder.url), { applied: ["001_init.sql"] });
        await folder.write("002_tags.sql", TAGS_002);
        assert.deepEqual(await migrate(guarded(), folder.url), { applied: ["002_tags.sql"] }, "only the new file 002_tags.sql must run");
        assert.ok(await tableExists(db(), "tags"), "002_tags.sql must have created table tags");
        assert.deepEqual(await recordedVersions(db()), ["001_init.sql", "002_tags.sql"]);
      });
    });

    test("files run in name order (002 before 009 before 010) and files that are not .sql are ignored", async () => {
      // Each file needs the one before it; they are written out of order, and the folder may list them in any order.
      const files = {
        "010_tag_color_index.sql": "CREATE INDEX tags_color_idx ON tags (color);",
        "README.md": "this is not a migration",
        "002_tags.sql": TAGS_002,
        "009_tag_color.sql": "ALTER TABLE tags ADD COLUMN color text;",
      };
      await withFolder(files, async (folder) => {
        const result = await migrate(guarded(), folder.url);
        assert.deepEqual(
          result.applied,
          ["001_init.sql", "002_tags.sql", "009_tag_color.sql", "010_tag_color_index.sql"],
          "files must be applied sorted by name, and only .sql files",
        );
      });
    });
  });

  describe("is all or nothing per file", () => {
    test("a broken 003 leaves the schema exactly as before, is not recorded, and migrate rejects naming it", async () => {
      await withFolder({ "002_tags.sql": TAGS_002 }, async (folder) => {
        await migrate(guarded(), folder.url);
        await addRoom(db(), "general"); // with a row in rooms, 003's last statement fails
        const before = await schemaSnapshot(db());
        await folder.write("003_room_topics.sql", BROKEN_003);
        await assert.rejects(
          migrate(guarded(), folder.url),
          (err: Error) => err.message.includes("003_room_topics.sql"),
          "migrate must reject with an error whose message names the failing file, 003_room_topics.sql",
        );
        assert.deepEqual(
          await schemaSnapshot(db()),
          before,
          "003's first two statements (CREATE TABLE reactions, ADD COLUMN edited_at) must be rolled back with its failing third",
        );
        assert.deepEqual(await recordedVersions(db()), ["001_init.sql", "002_tags.sql"], "a failed file must not be recorded");
        assert.equal(await count(db(), "rooms"), 1, "the data must be untouched");

        await folder.write("003_room_topics.sql", FIXED_003);
        assert.deepEqual(
          await migrate(guarded(), folder.url),
          { applied: ["003_room_topics.sql"] },
          "once fixed, 003 must apply on the next run",
        );
      });
    });

    test("a file and its schema_migrations row commit together: if recording 002 fails, 002's changes are undone", async () => {
      await withFolder({ "002_tags.sql": TAGS_002 }, async (folder) => {
        await assert.rejects(
          migrate(watchedDb(db(), { failRecording: "002_tags.sql" }), folder.url),
          "migrate must reject when recording a version fails",
        );
        assert.equal(
          await tableExists(db(), "tags"),
          false,
          "002's table must be rolled back when its schema_migrations row could not be written; otherwise the next run applies 002 again",
        );
        assert.deepEqual(await recordedVersions(db()), ["001_init.sql"], "only 001 must be recorded");
        assert.deepEqual(await migrate(guarded(), folder.url), { applied: ["002_tags.sql"] }, "the next run must apply 002");
      });
    });

    test("each file runs in its own db.transaction() together with the row that records it", async () => {
      await withFolder({ "002_tags.sql": TAGS_002 }, async (folder) => {
        const watched = watchedDb(db());
        await migrate(watched, folder.url);
        const creates = /create\s+table\s+(?:if\s+not\s+exists\s+)?"?(?:users|rooms|memberships|messages|tags)\b/i;
        assert.deepEqual(
          watched.outside.filter((s) => creates.test(s.sql)).map((s) => s.sql.trim().slice(0, 60)),
          [],
          "a migration file's SQL must go through tx.query() inside db.transaction(), not db.query(): a pool may run each db.query() " +
            "on another connection, outside any BEGIN",
        );
        for (const [version, table] of [
          ["001_init.sql", "users"],
          ["002_tags.sql", "tags"],
        ] as const) {
          const creating = new RegExp(`create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?"?${table}\\b`, "i");
          const holders = watched.transactions.filter((log) => log.some((s) => creating.test(s.sql)));
          assert.equal(holders.length, 1, `${version}'s SQL must run in exactly one db.transaction()`);
          const records = holders[0]?.filter((s) => recordsVersion(s)) ?? [];
          assert.ok(
            records.length === 1 && recordsVersion(records[0] ?? { sql: "", params: [] }, version),
            `the transaction that runs ${version} must also insert its row into schema_migrations, and no other file's row`,
          );
        }
      });
    });
  });
});
