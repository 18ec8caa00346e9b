/**
 * Server tasks end to end on the real curriculum: a wrong 2.2 fails verify with a replay
 * script, and that script, pasted into a shell in the workspace, shows the same wrong answer
 * from the learner's own server started by `ts-dojo run` — and leaves nothing running.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { accepting } from "../kit/harness/leaks.js";
import { curriculumRoot } from "../store/paths.js";
import { BIN, cli, cliEnv } from "../testing/cli.js";

const C = curriculumRoot({});
const TASK = "phase-2/2.2-rest-crud-api";
let parent: string;
let ws: string;
let port: number;
const env = () => ({ TS_DOJO_CURRICULUM: C, TS_DOJO_REPRO_PORT: String(port) });

before(async () => {
  parent = await mkdtemp(join(tmpdir(), "ts-dojo-server-"));
  ws = join(parent, "dojo");
  port = await freePort();
  const r = await cli(["init", ws], parent, env());
  assert.equal(r.code, 0, r.stderr);
});
after(() => rm(parent, { recursive: true, force: true }));

test("a 2.2 that answers 200 on create fails with a replay that reproduces the 200", async () => {
  await copyFile(join(C, TASK, "bad/created-200/src/notes-server.ts"), join(ws, "exercises", TASK, "src/notes-server.ts"));
  const r = await cli(["verify", "2.2"], ws, env());
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /POST \/notes answered 200; expected 201/);
  assert.match(r.stdout, /request sent:\n\s+POST \/notes HTTP\/1\.1/, "the failure shows the request");
  const script = replayScript(r.stdout);
  assert.match(script, new RegExp(`npx ts-dojo run 2\\.2 --port ${port} &`));

  const out = await bash(script, ws);
  assert.match(out, /HTTP\/1\.1 200/, `the replay shows the server's 200:\n${out}`);
  // `kill %1` stops npx; the dojo under it notices and closes the server within a second or so.
  for (let i = 0; i < 50 && (await accepting(port)); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await accepting(port), false, "the replay's server is stopped at the end");
});

/** The indented block under "Reproduce it", as the learner would copy it. */
function replayScript(stdout: string): string {
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => l.includes("Reproduce it"));
  assert.ok(start !== -1, `no replay in:\n${stdout}`);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("      ")) break;
    block.push(line.slice(6));
  }
  return block.join("\n");
}

function bash(script: string, cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile("bash", ["-c", script], { cwd, env: cliEnv(env()), timeout: 60_000 }, (_err, stdout, stderr) => resolve(stdout + stderr));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

test("ts-dojo run serves the learner's server until Ctrl-C, then closes it and leaves nothing behind", async () => {
  const runs = await mkdtemp(join(tmpdir(), "ts-dojo-runs-"));
  const p = await freePort();
  const child = spawn(process.execPath, [BIN, "run", "2.2", "--port", String(p)], {
    cwd: ws,
    env: cliEnv({ ...env(), TS_DOJO_RUNS_DIR: runs }),
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  for (let i = 0; i < 150 && !out.includes("listening on"); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(out, new RegExp(`2\\.2-rest-crud-api listening on http://127\\.0\\.0\\.1:${p}`));
  const res = await fetch(`http://127.0.0.1:${p}/notes`);
  assert.equal(res.status, 200, "the learner's server answers");
  await res.arrayBuffer();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGINT");
  assert.equal(await exited, 0, out);
  assert.match(out, /closed/);
  assert.equal(await accepting(p), false, "the port is free again");
  assert.deepEqual(await readdir(runs), [], "its run folder is removed");
  await rm(runs, { recursive: true, force: true });
});
