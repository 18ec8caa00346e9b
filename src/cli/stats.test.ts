/** ts-dojo stats on workspaces with simulated months of history, under both schedulers. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { packageRoot } from "../store/paths.js";
import { cli, git } from "../testing/cli.js";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function simulate(args: string[]): Promise<string> {
  return mkdtemp(join(tmpdir(), "ts-dojo-sim-")).then((parent) => run(parent, args));
}

function run(parent: string, args: string[]): Promise<string> {
  dirs.push(parent);
  const dir = join(parent, "sim");
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    delete env.TS_DOJO_CURRICULUM;
    execFile(process.execPath, [join(packageRoot, "dist/tools/simulate-history.js"), dir, ...args], { env }, (err) =>
      err ? reject(err) : resolve(dir),
    );
  });
}

for (const scheduler of ["ladder", "fsrs"] as const) {
  test(`stats prints the calibration table and the 30-day forecast (${scheduler})`, async () => {
    const dir = await simulate(["--days", "120", "--seed", "3", ...(scheduler === "fsrs" ? ["--fsrs"] : [])]);
    assert.match(await git(dir, ["log", "--oneline"]), /simulated history: \d+ records over 120 days/);
    const r = await cli(["stats"], dir, { TS_DOJO_CURRICULUM: "" });
    assert.equal(r.code, 0, r.stderr);
    const done = Number(/Reviews (\d+) done/.exec(r.stdout)?.[1]);
    assert.ok(done > 10, `months of history hold many reviews (${done})`);
    assert.match(r.stdout, new RegExp(`scheduler: ${scheduler}`));
    assert.match(r.stdout, /stage\s+reviews\s+passed\s+observed\s+predicted/);
    const rows = r.stdout.match(/^ {2}\d+\s+\d+\s+\d+\s+\d+ %\s+\d+ %/gm) ?? [];
    assert.ok(rows.length >= 2, "a row per stage reached");
    const reviews = rows.reduce((sum, row) => sum + Number(row.trim().split(/\s+/)[1]), 0);
    assert.equal(reviews, done, "the table accounts for every review");
    assert.match(r.stdout, /Next 30 days — \d+ review\(s\)/);
    assert.equal((r.stdout.match(/^[ \d]{3} [█·]{30}$/gm) ?? []).length, 5, "a five-row bar chart, one column per day");
  });
}
