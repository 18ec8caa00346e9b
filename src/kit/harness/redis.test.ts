/**
 * The Redis harness against the real server (CI starts one; MACHINE.md): key spaces that never
 * meet, clean-up after a file and after a killed run, and the skip that turns "no Redis" into
 * advice instead of a connection error.
 */
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { LOCAL_REDIS_URL, NEEDS_REDIS } from "../redis-url.js";
import { openRedis, redisAnswers } from "./redis.js";

const url = process.env.REDIS_URL || LOCAL_REDIS_URL;
const up = await redisAnswers(url);
// CI always has Redis; elsewhere say why these were not run rather than fail on a connection error.
const needsRedis = up ? {} : { skip: "no Redis on this machine (CI starts one)" };

describe("openRedis", needsRedis, () => {
  test("each opening gets its own prefix; keys() and flush() touch only that key space", async () => {
    const a = await openRedis(url);
    const b = await openRedis(url);
    try {
      assert.notEqual(a.prefix, b.prefix);
      assert.match(a.prefix, new RegExp(`^ts-dojo:${process.pid}:[0-9a-f]{8}:$`));
      await a.client.set(a.key("x"), "1");
      await a.client.set(a.key("y"), "2");
      await b.client.set(b.key("x"), "3");
      assert.deepEqual(await a.keys(), [a.key("x"), a.key("y")]);
      await a.flush();
      assert.deepEqual(await a.keys(), []);
      assert.equal(await b.client.get(b.key("x")), "3", "flushing one key space must leave another alone");
    } finally {
      await a.close();
      await b.close();
    }
  });

  test("close() deletes the file's keys and ends its connections", async () => {
    const r = await openRedis(url);
    const learner = r.connect();
    await learner.set(r.key("k"), "v");
    const key = r.key("k");
    await r.close();
    const check = await openRedis(url);
    try {
      assert.equal(await check.client.exists(key), 0);
      assert.equal(learner.status, "end", "connections handed to learner code are closed too");
    } finally {
      await check.close();
    }
  });

  test("opening sweeps the keys a killed run left, and keeps those of live processes", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const probe = await openRedis(url);
    const orphan = `ts-dojo:${dead}:deadbeef:left`;
    const live = `ts-dojo:${process.pid}:cafebabe:kept`;
    await probe.client.set(orphan, "1");
    await probe.client.set(live, "1");
    await probe.close();
    const next = await openRedis(url);
    try {
      assert.equal(await next.client.exists(orphan), 0, "a dead pid's keys are swept");
      assert.equal(await next.client.exists(live), 1, "a live pid's keys are not");
    } finally {
      await next.client.del(live);
      await next.close();
    }
  });
});

describe("a test file using useRedis()", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "ts-dojo-redis-"));
    const harness = pathToFileURL(join(import.meta.dirname, "index.js")).href;
    // Server tests that hand a fresh connection to "learner code": the connection must not
    // count as the server's leak, and the keys must be gone afterwards. The second server sits
    // inside a describe, where useServer's leak check runs before the file-level hooks of
    // useRedis (afterEach hooks run innermost first).
    await writeFile(
      join(dir, "file.test.mjs"),
      `import assert from "node:assert/strict";
import { createServer } from "node:http";
import { describe } from "node:test";
import { useRedis, redisTest, useServer } from ${JSON.stringify(harness)};
const redis = await useRedis();
describe("a server that counts hits", () => {
let client;
const server = useServer(async () => {
  client = redis().connect();
  const s = createServer(async (req, res) => res.end(String(await client.incr(redis().key("hits")))));
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address();
  return { port, url: "http://127.0.0.1:" + port, close: () => new Promise((r) => s.close(() => r())) };
});
redisTest("counts hits in Redis", async () => {
  assert.equal((await server.get("/")).text, "1");
  assert.equal((await server.get("/")).text, "2");
  console.log("PREFIX=" + redis().prefix);
});
redisTest("starts from an empty key space", async () => {
  assert.equal((await server.get("/")).text, "1");
});
});
describe("a server started inside a describe", () => {
  const nested = useServer(async () => {
    const own = redis().connect();
    const s = createServer(async (req, res) => res.end(String(await own.incr(redis().key("nested")))));
    await new Promise((r) => s.listen(0, "127.0.0.1", r));
    const { port } = s.address();
    return { port, url: "http://127.0.0.1:" + port, close: () => new Promise((r) => s.close(() => r())) };
  });
  redisTest("its factory's connection is not counted as the server's leak", async () => {
    assert.equal((await nested.get("/")).text, "1");
  });
});
`,
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const run = (env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const childEnv = { ...process.env, ...env };
      delete childEnv.NODE_TEST_CONTEXT;
      execFile(
        process.execPath,
        ["--test", "--test-reporter=tap", "file.test.mjs"],
        { cwd: dir, env: childEnv, timeout: 30_000 },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, out: stdout + stderr }),
      );
    });

  test("with Redis: passes, no leak reported, keys flushed between tests and deleted after", needsRedis, async () => {
    const r = await run({ REDIS_URL: url });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /# pass 3/);
    const prefix = /PREFIX=(\S+)/.exec(r.out)?.[1];
    assert.ok(prefix, r.out);
    const check = await openRedis(url);
    try {
      assert.equal(await check.client.exists(`${prefix}hits`), 0, "the file's keys are deleted after it");
    } finally {
      await check.close();
    }
  });

  test("without Redis: the tests are skipped with the reason verify turns into advice", async () => {
    const r = await run({ REDIS_URL: "redis://127.0.0.1:1" });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /# skipped 3/);
    assert.ok(r.out.includes(`# SKIP ${NEEDS_REDIS}`), r.out);
  });
});
