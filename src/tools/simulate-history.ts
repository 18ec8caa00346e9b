/**
 * Make a workspace with months of simulated learner history, for `ts-dojo stats` demos and
 * scheduler checks:  node dist/tools/simulate-history.js <dir> [--days 150] [--seed 1] [--fsrs]
 * The learner starts a new task every other day (failing once or twice first, sometimes with a
 * hint) and does every review on its due day, passing with the probability FSRS predicts.
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Attempt } from "../core/attempt.js";
import { courseProgress, historyOf, isDone } from "../core/mastery.js";
import { verifyRecord } from "../core/record.js";
import type { SchedulerConfig } from "../core/schedule.js";
import { random } from "../drills/engine.js";
import { readAttempts, writeAttempt } from "../store/attempts.js";
import { loadCurriculum } from "../store/load-curriculum.js";
import { curriculumRoot, packageRoot } from "../store/paths.js";
import { workspaceAt } from "../store/workspace.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { days: { type: "string" }, seed: { type: "string" }, fsrs: { type: "boolean" } },
});
const dir = resolve(positionals[0] ?? "simulated-dojo");
const days = Number(values.days ?? 150);
const rand = random(Number(values.seed ?? 1));
const config: SchedulerConfig = { scheduler: values.fsrs ? "fsrs" : "ladder", retention: 0.9 };
const DAY = 86_400_000;

execFileSync(process.execPath, [join(packageRoot, "bin", "ts-dojo.js"), "init", dir], { stdio: "ignore" });
if (values.fsrs) await writeFile(join(dir, "ts-dojo.yaml"), "scheduler: fsrs\nretention: 0.9\n");
const { curriculum } = await loadCurriculum(curriculumRoot());
if (!curriculum) throw new Error("the curriculum does not load");
const ws = workspaceAt(dir);
const records: Attempt[] = [];
const end = Date.now();
const start = end - days * DAY;
const verify = (task: string, at: number, passed: boolean, hintsUsed = 0) => {
  const total = 10;
  const ok = passed ? total : Math.floor(rand() * total);
  const tests = Array.from({ length: total }, (_, i) => ({ name: `t${i}`, ok: i < ok, skip: false }));
  records.push(
    verifyRecord(task, { status: passed ? "passed" : "failed", tests, typeErrors: 0, durationMs: 300 }, new Date(at), {
      hintsUsed,
      solutionSeen: false,
      curriculumVersion: curriculum.course.version,
    }),
  );
};

for (let day = 0; day < days; day++) {
  const morning = start + day * DAY + 9 * 3_600_000;
  const progress = courseProgress(curriculum.tasks, records, new Date(morning), config);
  for (const due of progress.due) {
    const task = curriculum.tasks.find((t) => t.id === due.task);
    if (!task) continue;
    const recall = historyOf(task, records, config).memory.recall(new Date(morning));
    verify(task.id, morning + 600_000, rand() < recall);
  }
  const current = progress.current;
  if (current && day % 2 === 0 && !isDone(progress.tasks.get(current.id) ?? ({} as never))) {
    const fails = Math.floor(rand() * 3);
    const hint = rand() < 0.3;
    if (hint) records.push({ v: 1, event: "hint", task: current.id, at: new Date(morning + 3_600_000).toISOString(), index: 0 });
    for (let f = 0; f < fails; f++) verify(current.id, morning + 3_600_000 + (f + 1) * 600_000, false, hint ? 1 : 0);
    verify(current.id, morning + 3_600_000 + (fails + 1) * 600_000, true, hint ? 1 : 0);
  }
}
for (const r of records.filter((x) => Date.parse(x.at) <= end)) await writeAttempt(ws, r);
await readAttempts(ws);
execFileSync("git", ["add", "--all"], { cwd: dir });
execFileSync("git", ["commit", "--quiet", "--no-verify", "-m", `simulated history: ${records.length} records over ${days} days`], {
  cwd: dir,
});
console.log(`${dir}: ${records.length} records over ${days} days (${config.scheduler}). Try: cd ${dir} && npx ts-dojo stats`);
