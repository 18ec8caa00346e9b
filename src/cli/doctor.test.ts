/** ts-dojo doctor: the toolchain and services, with a way to fix each thing that is missing. */
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { test } from "node:test";
import { cli } from "../testing/cli.js";

test("doctor reports the toolchain, and a service that is down with how to start it", async () => {
  // A port that is certainly closed: bind one, note it, close it.
  const closed = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
  const r = await cli(["doctor"], "/", { REDIS_URL: `redis://127.0.0.1:${closed}` });
  assert.equal(r.code, 0, "services only limit tasks; the toolchain is fine");
  for (const line of [
    /✓ Node\.js\s+v\d+/,
    /✓ git\s+git version/,
    /✓ TypeScript \(native tsc\)\s+Version 7/,
    /✓ esbuild/,
    /✓ curriculum\s+2 tasks/,
  ])
    assert.match(r.stdout, line);
  assert.match(r.stdout, new RegExp(`! redis \\(127\\.0\\.0\\.1:${closed}\\)\\s+not reachable\\n\\s+→ docker compose up -d redis`));
  assert.match(r.stdout, /! workspace\s+not inside one\n\s+→ ts-dojo init my-dojo/);
  assert.match(r.stdout, /2 of 2 tasks can run now/);
});

test("doctor: PGlite is always there; a DATABASE_URL that does not answer is named, password hidden, with the fix", async () => {
  const r = await cli(["doctor"], "/", { DATABASE_URL: "postgres://learner:hunter2@127.0.0.1:1/dojo" });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /! postgres \(DATABASE_URL\)\s+postgres:\/\/learner:\*\*\*@127\.0\.0\.1:1\/dojo: connect ECONNREFUSED/);
  assert.doesNotMatch(r.stdout, /hunter2/);
  assert.match(r.stdout, /→ docker compose up -d postgres/);
  const local = await cli(["doctor"], "/", { DATABASE_URL: "" });
  assert.match(local.stdout, /✓ postgres\s+built-in PGlite/);
});
