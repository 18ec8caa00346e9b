/** ts-dojo stats: reviews done, calibration per ladder stage, and the next 30 days of reviews. */
import { statsOf } from "../../core/stats.js";
import type { Parsed } from "../command.js";
import { contextFor } from "../context.js";
import type { Colors, IO } from "../io.js";

export const options = {} as const;

export async function run(_args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const ctx = await contextFor(io);
  const now = io.now();
  const s = statsOf(ctx.curriculum.tasks, ctx.records.records, now, ctx.config);
  const passed = s.reviews.filter((r) => r.passed).length;
  io.out(
    `${c.bold("Reviews")} ${s.reviews.length} done, ${passed} passed${s.reviews.length ? ` (${pct(passed / s.reviews.length)})` : ""} ${c.dim(`· scheduler: ${ctx.config.scheduler}${ctx.config.scheduler === "fsrs" ? `, retention ${ctx.config.retention}` : ""}`)}`,
  );
  io.out(`\n${c.bold("Calibration")} ${c.dim("— observed pass rate per stage beside the recall FSRS predicted at review time")}`);
  if (s.calibration.length === 0) io.out(c.dim("  no reviews yet: the first comes one interval after a task's first pass"));
  else {
    io.out(
      c.dim(`  ${"stage".padEnd(7)}${"reviews".padStart(8)}${"passed".padStart(8)}${"observed".padStart(10)}${"predicted".padStart(11)}`),
    );
    for (const r of s.calibration) {
      const gap = Math.abs(r.observed - r.predicted) > 0.15 && r.reviews >= 5 ? c.yellow(" ←") : "";
      io.out(
        `  ${String(r.stage + 1).padEnd(7)}${String(r.reviews).padStart(8)}${String(r.passed).padStart(8)}${pct(r.observed).padStart(10)}${pct(r.predicted).padStart(11)}${gap}`,
      );
    }
  }
  io.out(`\n${c.bold("Next 30 days")} ${c.dim(`— ${s.forecast.reduce((a, b) => a + b, 0)} review(s), assuming each passes on its day`)}`);
  io.out(chart(s.forecast, now, c));
  return 0;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** A bar per day, five rows high, with the counts scaled to the busiest day. */
export function chart(values: readonly number[], from: Date, c: Colors): string {
  const max = Math.max(1, ...values);
  const height = 5;
  const rows: string[] = [];
  for (let level = height; level >= 1; level--) {
    const label = level === height ? String(max).padStart(3) : level === 1 && max > 1 ? "  1" : "   ";
    rows.push(
      `${c.dim(label)} ${values.map((v) => (v > 0 && Math.ceil((v / max) * height) >= level ? c.cyan("█") : c.dim("·"))).join("")}`,
    );
  }
  const marks = values.map((_, i) => (i % 7 === 0 ? "|" : " ")).join("");
  const dates = Array.from({ length: Math.ceil(values.length / 7) }, (_, w) =>
    new Date(from.getTime() + w * 7 * 86_400_000).toISOString().slice(5, 10).padEnd(7),
  ).join("");
  rows.push(`    ${c.dim(marks)}`, `    ${c.dim(dates)}`);
  return rows.join("\n");
}
