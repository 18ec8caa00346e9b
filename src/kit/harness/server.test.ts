/**
 * useServer end to end: small test files that use it run in a real test child (the dojo's own
 * reporter on fd 3), because what must be proved is that a hook failure reaches the learner as
 * a failed test with the right words. Each fixture runs in its own process, all in parallel.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { startTestProcess, type TestOutcome } from "../../runner/run-tests.js";

const HARNESS = new URL("./index.js", import.meta.url).href;

// Every fixture gets `start(opts)`: a node:http server on an ephemeral port that answers "ok",
// with hooks to misbehave in its request handler or its close().
const PRELUDE = `
import { describe, test } from "node:test";
import { createServer } from "node:http";
import { useServer } from ${JSON.stringify(HARNESS)};
async function start({ onRequest, close } = {}) {
  const server = createServer((req, res) => { onRequest?.(req, res); res.end("ok"); });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  const stop = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return { port, url: "http://127.0.0.1:" + port, close: close ? () => close(stop) : stop };
}
`;

let dir: string;
after(() => rm(dir, { recursive: true, force: true }));

interface FixtureRun {
  readonly tests: Map<string, TestOutcome>;
  /** Everything worth showing when an assertion about the run fails. */
  readonly shown: string;
}

/**
 * Run `body` (after the prelude) as a test file and collect its reported tests. A server that
 * leaks keeps the child's event loop alive, so the run ends as soon as every name in `awaited`
 * has been reported rather than waiting for the child to exit.
 */
async function runFixture(name: string, body: string, awaited: readonly string[], env: Record<string, string> = {}): Promise<FixtureRun> {
  const file = join(dir, `${name}.mjs`);
  await writeFile(file, PRELUDE + body);
  const stop = new AbortController();
  const seen = new Set<string>();
  const run = await startTestProcess().run(file, {
    timeoutMs: 10_000,
    signal: stop.signal,
    env,
    onTest: (t) => {
      seen.add(t.name);
      if (awaited.every((n) => seen.has(n))) stop.abort();
    },
  });
  const tests = new Map(run.tests.map((t) => [t.name, t]));
  const shown = `tests: ${JSON.stringify(run.tests, null, 2)}\noutput: ${run.output}`;
  for (const n of awaited) assert.ok(tests.has(n), `the fixture "${name}" reported no test "${n}":\n${shown}`);
  return { tests, shown };
}

function failed(run: FixtureRun, name: string, message: RegExp): void {
  const t = run.tests.get(name);
  assert.equal(t?.ok, false, `"${name}" should fail:\n${run.shown}`);
  assert.match(t?.failure?.message ?? "", message, run.shown);
}

function passed(run: FixtureRun, ...names: string[]): void {
  for (const name of names) assert.equal(run.tests.get(name)?.ok, true, `"${name}" should pass:\n${run.shown}`);
}

const UNCAUGHT = "no uncaught errors in your code";

// All fixtures start at once: each is a Node start (~0.5 s) that mostly waits.
const runs = {
  good: () =>
    runFixture(
      "good",
      `const api = useServer(() => start());
test("first", async () => { (await api.get("/")).expectStatus(200); });
test("second, on a fresh server", async () => { (await api.get("/again")).expectStatus(200); });`,
      ["first", "second, on a fresh server"],
    ),
  timer: () =>
    runFixture(
      "timer",
      `const api = useServer(() => start({ close: (stop) => { setInterval(() => {}, 60_000); return stop(); } }));
test("leaves a timer", async () => { (await api.get("/")).expectStatus(200); });`,
      ["leaves a timer"],
    ),
  listening: () =>
    runFixture(
      "listening",
      `const api = useServer(() => start({ close: async () => {} }));
test("never stops listening", async () => { (await api.get("/")).expectStatus(200); });`,
      ["never stops listening"],
    ),
  hangingClose: () =>
    runFixture(
      "hanging-close",
      `const api = useServer(() => start({ close: () => new Promise(() => {}) }), { closeTimeoutMs: 300 });
test("close hangs", async () => { (await api.get("/")).expectStatus(200); });`,
      ["close hangs"],
    ),
  hangingStart: () =>
    runFixture(
      "hanging-start",
      `const api = useServer(() => new Promise(() => {}), { startTimeoutMs: 300 });
test("start hangs", () => {});`,
      ["start hangs"],
    ),
  portZero: () =>
    runFixture(
      "port-zero",
      `const api = useServer(async () => ({ port: 0, url: "http://127.0.0.1:0", close: async () => {} }));
test("reports port 0", () => {});`,
      ["reports port 0"],
    ),
  two: () =>
    runFixture(
      "two",
      `const outer = useServer(() => start());
test("outer alone", async () => { (await outer.get("/")).expectStatus(200); });
describe("inner", () => {
  const inner = useServer(() => start());
  test("both", async () => {
    (await outer.get("/")).expectStatus(200);
    (await inner.get("/")).expectStatus(200);
    if (outer.port === inner.port) throw new Error("the two servers share a port");
  });
});`,
      ["outer alone", "inner › both"],
    ),
  uncaught: () =>
    runFixture(
      "uncaught",
      `const api = useServer(() => start({ onRequest: () => setImmediate(() => { throw new Error("kaboom in the handler"); }) }));
test("request", async () => {
  (await api.get("/")).expectStatus(200);
  await new Promise((r) => setTimeout(r, 50));
});`,
      [UNCAUGHT],
    ),
  replay: () =>
    runFixture(
      "replay",
      `const task = useServer(() => start());
const other = useServer(() => start(), { replay: false });
test("the task's server", async () => { (await task.get("/")).expectStatus(201); });
test("another server", async () => { (await other.get("/")).expectStatus(201); });`,
      ["the task's server", "another server"],
      { TS_DOJO_TASK: "4.3-http-caching-and-cdns" },
    ),
};
type Case = keyof typeof runs;
let results: Record<Case, FixtureRun>;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "ts-dojo-harness-"));
  const entries = await Promise.all(Object.entries(runs).map(async ([k, f]) => [k, await f()] as const));
  results = Object.fromEntries(entries) as Record<Case, FixtureRun>;
});

describe("useServer in a test child", () => {
  test("a server that closes cleanly passes, test after test", () => {
    passed(results.good, "first", "second, on a fresh server");
  });

  test("close() that leaves a setInterval running fails, naming a timer", () => {
    failed(results.timer, "leaves a timer", /close\(\) resolved but left open: 1 × timer/);
  });

  test("close() that resolves while the server still listens fails", () => {
    failed(results.listening, "never stops listening", /after close\(\) the server still accepts connections on port \d+/);
  });

  test("close() that never resolves fails at the close timeout", () => {
    failed(results.hangingClose, "close hangs", /close\(\) did not finish within 300 ms/);
  });

  test("start() that never resolves fails at the start timeout", () => {
    failed(results.hangingStart, "start hangs", /start\(\) did not resolve within 300 ms/);
  });

  test("start() resolving { port: 0 } fails with what start() must resolve to", () => {
    failed(results.portZero, "reports port 0", /start\(\) must resolve to \{ port, url, close\(\) \} with the real port/);
  });

  test("a top-level server and one in a describe are not each other's leaks", () => {
    passed(results.two, "outer alone", "inner › both");
  });

  test("a failure replays against `ts-dojo run`, except on a server marked replay: false", () => {
    failed(results.replay, "the task's server", /answered 200; expected 201/);
    failed(results.replay, "another server", /answered 200; expected 201/);
    assert.match(
      results.replay.tests.get("the task's server")?.failure?.repro ?? "",
      /^npx ts-dojo run 4\.3 --port \d+ &/,
      results.replay.shown,
    );
    const other = results.replay.tests.get("another server")?.failure;
    assert.equal(other?.repro, undefined, "a server that ts-dojo run does not start gets no replay script");
    assert.match(other?.context ?? "", /request sent:/, "but still shows the exchange");
  });

  test("an error thrown by the request handler outside any test fails the run", () => {
    failed(results.uncaught, UNCAUGHT, /kaboom in the handler/);
  });
});
