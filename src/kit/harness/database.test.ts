/**
 * database.ts: one contract run against both kinds of test database (PGlite, and a scratch
 * database on the real server at DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
 * then what is particular to each. PGlite instances cost ~1.5 s each, so tests share them.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import type { Queryable } from "../types.js";
import { NEEDS_POSTGRES, openDatabase, pgTest, realPostgres, type TestDatabase, useDatabase } from "./database.js";
import { accepting } from "./leaks.js";
import { openPglite, snapshotPath, writeSnapshot } from "./pglite-snapshot.js";

// The tests choose the server themselves; a DATABASE_URL in the shell only says where the real one is.
const REAL_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
delete process.env.DATABASE_URL;

async function connect(url: string): Promise<pg.Client | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  return client.connect().then(
    () => client,
    () => undefined,
  );
}
const probe = await connect(REAL_URL);
await probe?.end();
const noServer = probe ? false : `no PostgreSQL at ${REAL_URL}`;

const resources = () => process.getActiveResourcesInfo().sort();
const count = async (q: Queryable, table: string) =>
  Number((await q.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]?.n);
const exists = async (q: Queryable, table: string) =>
  (await q.query<{ r: string | null }>("select to_regclass($1) as r", [table])).rows[0]?.r !== null;

/** What every test database promises, whichever server is behind it. */
function contract(open: () => Promise<TestDatabase>, closed: (db: TestDatabase) => Promise<void>) {
  let a: TestDatabase;
  let b: TestDatabase;
  let baseline: string[];
  before(async () => {
    baseline = resources();
    [a, b] = await Promise.all([open(), open()]);
  });
  beforeEach(() => a.reset());
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it("gives each database its own tables, and learner code reaches the same one through url", async () => {
    await a.query("create table only_in_a (x int)");
    assert.equal(await exists(b, "only_in_a"), false);
    const learner = new pg.Client(a.url);
    await learner.connect();
    try {
      assert.equal(await exists(learner, "only_in_a"), true);
    } finally {
      await learner.end();
    }
  });

  it("commits a transaction and returns what its function returns", async () => {
    await a.query("create table t (x int)");
    const r = await a.transaction(async (tx) => (await tx.query("insert into t values (1), (2)")).rowCount);
    assert.equal(r, 2);
    assert.equal(await count(a, "t"), 2);
  });

  it("rolls back and rethrows when the function throws, and the connection is usable after", async () => {
    await a.query("create table t (x int)");
    const boom = new Error("boom");
    const thrown = a.transaction(async (tx) => {
      await tx.query("insert into t values (1)");
      throw boom;
    });
    await assert.rejects(thrown, (err) => err === boom);
    await assert.rejects(
      a.transaction(async (tx) => {
        await tx.query("insert into t values (2)");
        await tx.query("insert into no_such_table values (1)");
      }),
      /no_such_table/,
    );
    assert.equal(await count(a, "t"), 0);
  });

  it("applies the isolation level asked for", async () => {
    const level = (opts?: Parameters<TestDatabase["transaction"]>[1]) =>
      a.transaction(async (tx) => (await tx.query<{ transaction_isolation: string }>("SHOW transaction_isolation")).rows[0], opts);
    assert.deepEqual(await level({ isolation: "serializable" }), { transaction_isolation: "serializable" });
    assert.deepEqual(await level({ isolation: "repeatable read" }), { transaction_isolation: "repeatable read" });
    assert.deepEqual(await level(), { transaction_isolation: "read committed" });
  });

  it("rejects an isolation level it does not know", async () => {
    const bad = { isolation: "constructor" } as unknown as { isolation: "serializable" };
    await assert.rejects(
      a.transaction(async () => {}, bad),
      /unknown isolation level "constructor"/,
    );
  });

  it("refuses a transaction's tx once the transaction is over", async () => {
    let kept: Queryable | undefined;
    await a.transaction(async (tx) => {
      kept = tx;
    });
    await assert.rejects(kept?.query("select 1") ?? Promise.resolve(), /already finished/);
  });

  it("reset() empties schema public and leaves it usable", async () => {
    await a.query("create table t (x int); insert into t values (1); create type mood as enum ('ok')");
    await a.reset();
    assert.equal(await exists(a, "t"), false);
    await a.query("create table t (m text)");
    assert.equal(await count(a, "t"), 0);
  });

  it("close() releases every socket and timer it opened", async () => {
    await Promise.all([a.close(), b.close()]);
    assert.deepEqual(resources(), baseline);
    await closed(a);
  });
}

describe("on PGlite", () => {
  contract(
    () => openDatabase(),
    async (db) => {
      assert.equal(db.mode, "pglite");
      assert.equal(await accepting(Number(new URL(db.url).port)), false, "the socket server is stopped");
    },
  );
});

describe("on a real PostgreSQL", { skip: noServer }, () => {
  let admin: pg.Client;
  before(async () => {
    admin = new pg.Client(REAL_URL);
    await admin.connect();
  });
  after(() => admin?.end());
  const databaseExists = async (name: string) => (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;

  describe("the contract", () => {
    contract(
      () => openDatabase({ url: REAL_URL }),
      async (db) => {
        assert.equal(db.mode, "postgres");
        assert.equal(await databaseExists(new URL(db.url).pathname.slice(1)), false, "close() drops the database");
      },
    );
  });

  it("uses DATABASE_URL when no url is given", async () => {
    process.env.DATABASE_URL = REAL_URL;
    try {
      assert.equal(realPostgres(), true);
      const db = await openDatabase();
      await db.close();
      assert.equal(db.mode, "postgres");
    } finally {
      delete process.env.DATABASE_URL;
    }
    assert.equal(realPostgres(), false);
  });

  it("drops scratch databases of dead processes when it opens, but not live or busy ones", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const names = { dead: `ts_dojo_${dead}_x`, busy: `ts_dojo_${dead}_busy`, live: `ts_dojo_${process.ppid}_x` };
    for (const name of Object.values(names)) await admin.query(`CREATE DATABASE ${name}`);
    const busyUrl = new URL(REAL_URL);
    busyUrl.pathname = `/${names.busy}`;
    const user = await connect(busyUrl.toString());
    try {
      assert.ok(user, "connected to the busy database");
      const db = await openDatabase({ url: REAL_URL });
      await db.close();
      assert.equal(await databaseExists(names.dead), false);
      assert.equal(await databaseExists(names.busy), true, "someone is connected: not ours to drop");
      assert.equal(await databaseExists(names.live), true);
    } finally {
      await user?.end();
      for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it("closes even when a client taken from the pool was never released, and says so", async () => {
    const baseline = resources();
    const db = await openDatabase({ url: REAL_URL });
    await db.pool.connect(); // and never release()
    await assert.rejects(db.close(), /1 connection\(s\) taken with pool.connect\(\) were never given back.*client\.release\(\)/);
    assert.equal(await databaseExists(new URL(db.url).pathname.slice(1)), false);
    assert.deepEqual(resources(), baseline);
  });

  describe("useDatabase({ concurrent: true }) with a server", () => {
    const db = useDatabase({ concurrent: true, url: REAL_URL });
    it("opens a database whose pool holds several sessions at once", async () => {
      const clients = await Promise.all([db().pool.connect(), db().pool.connect()]);
      const pids = await Promise.all(clients.map(async (c) => (await c.query("select pg_backend_pid() as p")).rows[0]?.p));
      for (const c of clients) c.release();
      assert.notEqual(pids[0], pids[1]);
    });
    it("discards a connection that dies inside a transaction, and keeps working", async () => {
      const killed = db().transaction(async (tx) => {
        await tx.query("select pg_terminate_backend(pg_backend_pid())");
      });
      await assert.rejects(killed, /terminat/);
      assert.deepEqual((await db().transaction((tx) => tx.query("select 1 as x"))).rows, [{ x: 1 }]);
    });
    it("resets before each test", async () => {
      await db().query("create table t (x int)");
    });
    it("so the last test's table is gone", async () => {
      assert.equal(await exists(db(), "t"), false);
    });
  });
});

describe("without a server", () => {
  const db = useDatabase({ concurrent: true });
  it("useDatabase({ concurrent: true }) opens nothing and its accessor says to use pgTest", () => {
    assert.throws(db, /concurrent: true.*DATABASE_URL is not set.*pgTest/s);
  });
  it("openDatabase({ concurrent: true }) refuses too", async () => {
    await assert.rejects(openDatabase({ concurrent: true }), /pgTest/);
  });
  // Shows as "skipped" in the summary on purpose: that is the behaviour under test, and were
  // it not skipped, its body would fail the run.
  pgTest("pgTest is skipped", async () => {
    assert.fail(`pgTest ran without DATABASE_URL; it should be skipped with "${NEEDS_POSTGRES}"`);
  });
  let ran = false;
  process.env.DATABASE_URL = REAL_URL;
  pgTest("pgTest runs when DATABASE_URL is set", async () => {
    ran = true;
  });
  delete process.env.DATABASE_URL;
  it("the pgTest declared with DATABASE_URL set did run", () => assert.equal(ran, true));
  it("a server that cannot be reached fails with where it looked and what to do", async () => {
    const closed = "postgres://learner:s3cret@127.0.0.1:1/postgres";
    await assert.rejects(openDatabase({ url: closed }), (err: Error) => {
      assert.match(err.message, /DATABASE_URL=postgres:\/\/learner:\*\*\*@127\.0\.0\.1:1\/postgres: .*ECONNREFUSED/);
      assert.match(err.message, /ts-dojo doctor.*docker compose up -d postgres/);
      assert.doesNotMatch(err.message, /s3cret/);
      return true;
    });
  });
});

describe("the PGlite snapshot cache", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "ts-dojo-snapshot-test-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("replaces a corrupt snapshot with a fresh one, which the next open then uses", async () => {
    const file = snapshotPath(dir);
    await writeFile(file, "not a tarball");
    const built = await openPglite({ dir });
    assert.equal(built.source, "built");
    assert.deepEqual((await built.db.query("select 1 as x")).rows, [{ x: 1 }]);
    await built.db.close();
    assert.equal(
      gunzipSync(await readFile(file))
        .subarray(257, 262)
        .toString(),
      "ustar",
    );

    const restored = await openPglite({ dir });
    assert.equal(restored.source, "snapshot");
    assert.deepEqual((await restored.db.query("select count(*)::int as n from pg_tables where schemaname = 'public'")).rows, [{ n: 0 }]);
    await restored.db.close();
  });

  it("concurrent writers leave one whole file and no temp files, and old temp files are swept", async () => {
    const file = join(dir, "race.tgz");
    const abandoned = `${file}.1-dead.tmp`;
    await writeFile(abandoned, "half");
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(abandoned, hourAgo, hourAgo);
    const bodies = Array.from({ length: 6 }, (_, i) => Buffer.alloc(1 << 20, i));
    await Promise.all(bodies.map((body) => writeSnapshot(file, body)));
    const written = await readFile(file);
    assert.ok(
      bodies.some((body) => body.equals(written)),
      "the file is exactly one writer's bytes",
    );
    assert.deepEqual((await readdir(dir)).filter((name) => name.startsWith("race")).sort(), ["race.tgz"]);
  });
});
