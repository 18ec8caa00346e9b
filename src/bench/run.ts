/**
 * npm run bench: ts-dojo's speed beside its peers, measured side by side in one run, interleaved
 * so machine noise hits every contender alike. Prints medians and ratios; asserts nothing.
 *   1. verify (tests + type check + git record) vs `vitest run` vs `node --import tsx --test`
 *      on the same test file and module
 *   2. watch mode: save → test verdict printed
 *   3. `ts-dojo status` from a cold start, on the full curriculum
 *   4. the web dashboard
 *   5. a server task: verify 2.2 (36 black-box HTTP checks, leak checks, type check, git record)
 *      vs learnyounode's `verify` on its HTTP JSON API SERVER exercise
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../store/paths.js";

const BIN = join(packageRoot, "bin", "ts-dojo.js");
const MINI = join(packageRoot, "test", "fixtures", "mini");
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** BENCH_ONLY=1,5 runs those sections alone (for tuning one thing); all of them by default. */
const ONLY = new Set((process.env.BENCH_ONLY ?? "1,2,3,4,5").split(",").map((n) => n.trim()));
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
delete env.NODE_TEST_CONTEXT;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function timed(cmd: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(cmd, args, { cwd, env: { ...env, ...extra } }, (err, stdout, stderr) => {
      const ms = performance.now() - start;
      if (err && err.code !== 0) reject(new Error(`${cmd} ${args.join(" ")} failed: ${stderr || stdout}`));
      else resolve(ms);
    });
  });
}

async function setup(root: string) {
  const ws = join(root, "ws");
  await timed(process.execPath, [BIN, "init", ws], root, { TS_DOJO_CURRICULUM: MINI });
  const task = join(ws, "exercises/phase-0/0.1-add");
  await cp(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(task, "src/add.ts"));
  // The peers get the very same test file and module, in a folder of their own.
  const peer = join(root, "peer");
  await mkdir(join(peer, "src"), { recursive: true });
  await cp(join(MINI, "phase-0/0.1-add/tests/add.test.ts"), join(peer, "add.test.ts"));
  await cp(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(peer, "src/add.ts"));
  await symlink(join(packageRoot, "node_modules"), join(peer, "node_modules"), "dir");
  await writeFile(join(peer, "package.json"), '{ "type": "module" }\n');
  // vitest runs node:test files unchanged when node:test resolves to vitest's own test API.
  await writeFile(
    join(peer, "vitest.config.mjs"),
    'export default { test: { include: ["add.test.ts"], watch: false }, resolve: { alias: { "node:test": "vitest" } } };\n',
  );
  const full = join(root, "full");
  await timed(process.execPath, [BIN, "init", full], root);
  await fillHistory(full);
  return { ws, peer, full, task };
}

async function benchVerify(ws: string, peer: string) {
  const vitest = join(packageRoot, "node_modules", "vitest", "vitest.mjs");
  const contenders: Array<[string, () => Promise<number>]> = [
    ["ts-dojo verify (tests + types + git)", () => timed(process.execPath, [BIN, "verify", "0.1-add"], ws, { TS_DOJO_CURRICULUM: MINI })],
    ["vitest run (tests only)", () => timed(process.execPath, [vitest, "run"], peer)],
    ["node --import tsx --test (tests only)", () => timed(process.execPath, ["--import", "tsx", "--test", "add.test.ts"], peer)],
    ["node -e 0 (bare start, for scale)", () => timed(process.execPath, ["-e", "0"], peer)],
  ];
  const times = new Map(contenders.map(([name]) => [name, [] as number[]]));
  for (const [, fn] of contenders) await fn(); // warm file caches
  for (let i = 0; i < RUNS; i++) for (const [name, fn] of contenders) times.get(name)?.push(await fn());
  return contenders.map(([name]) => [name, median(times.get(name) ?? [])] as const);
}

async function benchWatch(ws: string, task: string): Promise<number[]> {
  const child = spawn(process.execPath, [BIN, "watch", "0.1-add"], { cwd: ws, env: { ...env, TS_DOJO_CURRICULUM: MINI } });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const count = (re: RegExp) => out.match(re)?.length ?? 0;
  const until = async (pred: () => boolean) => {
    const deadline = Date.now() + 20_000;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error(`watch did not answer:\n${out}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  await until(() => count(/watching /g) >= 1);
  await new Promise((r) => setTimeout(r, 300));
  const latencies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const verdicts = count(/tests: \d+\/\d+ passed/g);
    const done = count(/watching /g);
    const start = performance.now();
    await writeFile(join(task, "src/add.ts"), `export function add(a: number, b: number): number {\n  return a + b; // save ${i}\n}\n`);
    await until(() => count(/tests: \d+\/\d+ passed/g) > verdicts);
    latencies.push(performance.now() - start);
    await until(() => count(/watching /g) > done);
    // Let the pre-started test process for the next save finish booting, as it would between saves.
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGINT");
  return latencies;
}

/**
 * A thousand verify records over 200 days, as a learner might have after a year of use: the
 * status, dashboard and server-task sections run against a workspace with a real history.
 */
async function fillHistory(ws: string) {
  const { writeAttempt, readAttempts } = await import("../store/attempts.js");
  const { workspaceAt } = await import("../store/workspace.js");
  const { verifyRecord } = await import("../core/record.js");
  const { loadCurriculum } = await import("../store/load-curriculum.js");
  const { curriculum } = await loadCurriculum(join(packageRoot, "curriculum"));
  const workspace = workspaceAt(ws);
  const tasks = curriculum?.tasks ?? [];
  const start = Date.now() - 200 * 86_400_000;
  for (let i = 0; i < 1000; i++) {
    const task = tasks[i % tasks.length];
    if (!task) break;
    const tests = [{ name: "t", ok: i % 3 !== 0, skip: false }];
    const at = new Date(start + i * 17_280_000);
    await writeAttempt(
      workspace,
      verifyRecord(task.id, { status: i % 3 ? "passed" : "failed", tests, typeErrors: 0, durationMs: 200 }, at, {
        hintsUsed: 0,
        solutionSeen: false,
        curriculumVersion: "bench",
      }),
    );
  }
  await readAttempts(workspace);
}

/** Time the dashboard through the app itself. */
async function benchDashboard(ws: string) {
  const { createApp } = await import("../web/app.js");
  const { createColors } = await import("picocolors");
  const io = {
    cwd: ws,
    env,
    out: () => {},
    err: () => {},
    interactive: false,
    color: createColors(false),
    now: () => new Date(),
    confirm: async () => false,
    ask: async () => undefined,
    columns: 100,
  };
  const app = createApp({ io, port: () => 4873, secret: "bench" });
  const get = async (path: string) => {
    const t = performance.now();
    const body = await (await app.request(path, { headers: { host: "127.0.0.1:4873" } })).text();
    return { ms: performance.now() - t, bytes: Buffer.byteLength(body) };
  };
  const first = (await get("/")).ms;
  const times: number[] = [];
  let page = 0;
  for (let i = 0; i < 30; i++) {
    const r = await get("/");
    times.push(r.ms);
    page = r.bytes;
  }
  const css = (await get("/assets/style.css")).bytes;
  const js = (await get("/assets/client.js")).bytes;
  return { median: median(times), first, page, css, js, total: page + css + js };
}

async function benchServerTask(full: string, root: string) {
  const task = join(full, "exercises/phase-2/2.2-rest-crud-api");
  await cp(join(packageRoot, "curriculum/phase-2/2.2-rest-crud-api/solution/src/notes-server.ts"), join(task, "src/notes-server.ts"));
  // learnyounode keeps the selected exercise under $HOME/.config; give it a home of its own.
  const home = join(root, "lyn-home");
  const peer = join(root, "lyn");
  await mkdir(home, { recursive: true });
  await mkdir(peer, { recursive: true });
  await cp(join(packageRoot, "bench/learnyounode-http-json-api-server.cjs"), join(peer, "program.js"));
  const lyn = join(packageRoot, "node_modules", "learnyounode", "bin", "learnyounode");
  await timed(process.execPath, [lyn, "select", "HTTP JSON API SERVER"], peer, { HOME: home });
  const contenders: Array<[string, () => Promise<number>]> = [
    ["ts-dojo verify 2.2 (tests + types + git)", () => timed(process.execPath, [BIN, "verify", "2.2"], full)],
    ["learnyounode verify (HTTP JSON API SERVER)", () => timed(process.execPath, [lyn, "verify", "program.js"], peer, { HOME: home })],
  ];
  const times = new Map(contenders.map(([name]) => [name, [] as number[]]));
  for (const [, fn] of contenders) await fn();
  for (let i = 0; i < RUNS; i++) for (const [name, fn] of contenders) times.get(name)?.push(await fn());
  return contenders.map(([name]) => [name, median(times.get(name) ?? [])] as const);
}

async function main() {
  const root = await mkdtemp(join(tmpdir(), "ts-dojo-bench-"));
  try {
    const { ws, peer, full, task } = await setup(root);
    console.log(`ts-dojo bench · node ${process.version} · ${RUNS} runs each, interleaved · medians\n`);
    // vitest's time is the yardstick of sections 1 and 2.
    let vitest = Number.NaN;

    if (ONLY.has("1")) {
      const verify = await benchVerify(ws, peer);
      const [ours] = verify;
      vitest = verify[1]?.[1] ?? Number.NaN;
      console.log("1. one unit task, same test file");
      for (const [name, ms] of verify)
        console.log(`   ${name.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / vitest).toFixed(2)}× vitest`);
      console.log(`   target: verify ≤ 0.40× vitest run → ${(ours?.[1] ?? 0) / vitest <= 0.4 ? "met" : "NOT met"}\n`);
    }

    if (ONLY.has("2")) {
      const watch = await benchWatch(ws, task);
      const w = median(watch);
      console.log("2. watch mode: save → test verdict on screen");
      console.log(
        `   median ${w.toFixed(0)} ms (min ${Math.min(...watch).toFixed(0)}, max ${Math.max(...watch).toFixed(0)})${Number.isNaN(vitest) ? "" : `   ${(w / vitest).toFixed(2)}× a vitest run`}`,
      );
      console.log(`   target: ≤ 50 ms → ${w <= 50 ? "met" : "NOT met"}\n`);
    }

    if (ONLY.has("3")) {
      const status: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS + 5; i++) {
        status.push(await timed(process.execPath, [BIN, "status"], full));
        bare.push(await timed(process.execPath, ["-e", "0"], full));
      }
      const s = median(status.slice(2));
      console.log("3. ts-dojo status, cold process, full curriculum, 1,000 recorded attempts");
      console.log(`   median ${s.toFixed(0)} ms (a bare node start is ${median(bare.slice(2)).toFixed(0)} ms here)`);
      console.log(`   target: ≤ 150 ms → ${s <= 150 ? "met" : "NOT met"}\n`);
    }

    if (ONLY.has("4")) {
      const web = await benchDashboard(full);
      console.log("4. web dashboard, 1,000 recorded attempts (in-process requests)");
      console.log(`   median ${web.median.toFixed(1)} ms per dashboard response (first, cold: ${web.first.toFixed(0)} ms)`);
      console.log(
        `   transfer: page ${(web.page / 1024).toFixed(1)} KB + css ${(web.css / 1024).toFixed(1)} KB + js ${(web.js / 1024).toFixed(1)} KB = ${(web.total / 1024).toFixed(1)} KB`,
      );
      console.log(
        `   targets: ≤ 30 ms → ${web.median <= 30 ? "met" : "NOT met"}; ≤ 150 KB → ${web.total <= 150 * 1024 ? "met" : "NOT met"}\n`,
      );
    }

    if (ONLY.has("5")) {
      const server = await benchServerTask(full, root);
      const theirs = server[1]?.[1] ?? 1;
      console.log(
        "5. a server task, 1,000 recorded attempts: our 2.2 (REST API, 36 checks) vs learnyounode's HTTP JSON API SERVER (2 checks)",
      );
      for (const [name, ms] of server)
        console.log(`   ${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / theirs).toFixed(2)}× learnyounode`);
      console.log(`   target: ≤ 0.60× learnyounode verify → ${(server[0]?.[1] ?? 0) / theirs <= 0.6 ? "met" : "NOT met"}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
