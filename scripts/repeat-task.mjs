#!/usr/bin/env node
// Run one task's tests against one subject N times through the dojo's own runner, and tally
// the verdicts: how a race-sensitive suite (3.4) is shown to fail a wrong solution every time.
// usage: npm run build && DATABASE_URL=… node scripts/repeat-task.mjs 3.4 bad/lost-update 20
import { runTask } from "../dist/runner/run-task.js";
import { loadCurriculum } from "../dist/store/load-curriculum.js";

const root = new URL("../curriculum", import.meta.url).pathname;
const [prefix = "", subject = "solution", n = "20"] = process.argv.slice(2);
const task = (await loadCurriculum(root)).curriculum?.tasks.find((t) => t.id.startsWith(prefix));
if (!task) throw new Error(`no task starts with "${prefix}"`);
const tally = {};
for (let i = 1; i <= Number(n); i++) {
  const started = Date.now();
  const r = await runTask({ task, curriculumRoot: root, subjectDir: `${root}/${task.dir}/${subject}`, typecheck: "off" });
  const failing = r.tests.filter((t) => !t.ok && !t.skip).map((t) => t.name);
  tally[r.status] = (tally[r.status] ?? 0) + 1;
  console.log(`${i}\t${r.status}\t${Date.now() - started} ms\t${failing.join(" | ").slice(0, 160)}`);
  // Anything but a plain verdict: say why, with the end of the test process's output.
  if (r.reason && r.status !== "passed") console.log(`\t${r.reason}\n\t${r.output.trim().split("\n").slice(-8).join("\n\t")}`);
}
console.log(`${task.id} ${subject}: ${JSON.stringify(tally)}`);
