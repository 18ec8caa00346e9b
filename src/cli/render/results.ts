/** Terminal rendering of a run: live test lines, failures with expected vs actual, type errors. */
import type { SourceError } from "../../runner/bundle.js";
import type { RunResult } from "../../runner/run-task.js";
import type { TestOutcome } from "../../runner/run-tests.js";
import type { Colors } from "../io.js";

export function testLine(t: TestOutcome, c: Colors): string {
  if (t.skip) return `  ${c.dim("-")} ${c.dim(t.name)} ${c.dim(`(skipped${t.skipReason ? `: ${t.skipReason.split(":")[0]}` : ""})`)}`;
  return t.ok ? `  ${c.green("✓")} ${t.name}` : `  ${c.red("✗")} ${t.name}`;
}

/** Map "src/x.ts:3:4" inside the run folder to the learner's path. */
export type PathMapper = (runRelative: string) => string;

export function failureBlock(t: TestOutcome, c: Colors, mapPath: PathMapper): string {
  const f = t.failure;
  const lines = [c.red(c.bold(`✗ ${t.name}`))];
  if (!f) return lines.join("\n");
  lines.push(indent(f.message, 4));
  if (f.expected !== undefined && f.actual !== undefined) {
    const multi = f.expected.includes("\n") || f.actual.includes("\n");
    if (multi) {
      lines.push(`    ${c.green("expected:")}`, indent(f.expected, 6, c.green), `    ${c.red("actual:")}`, indent(f.actual, 6, c.red));
    } else {
      lines.push(`    ${c.green("expected:")} ${f.expected}`, `    ${c.red("actual:  ")} ${f.actual}`);
      const at = firstDifference(f.expected, f.actual);
      if (at > 0 && f.expected.length < 100 && f.actual.length < 100)
        lines.push(`              ${" ".repeat(at)}${c.yellow("^ first difference")}`);
    }
  } else if (f.stack) {
    // Frames arrive relative to the run folder; show them as the learner's paths.
    const frames = f.stack
      .split("\n")
      .map((l) => l.replace(/(\(|^at )([^()\s]+:\d+:\d+)/, (_, pre: string, loc: string) => `${pre}${mapPath(loc)}`));
    lines.push(indent(c.dim(frames.join("\n")), 4));
  }
  if (f.location && !f.stack) lines.push(`    ${c.dim("at")} ${c.cyan(mapPath(f.location))}`);
  if (f.context) lines.push("", indent(f.context, 4, c.dim));
  if (f.repro) lines.push("", `    ${c.bold("Reproduce it")} ${c.dim("(from your workspace folder):")}`, indent(f.repro, 6, c.cyan));
  return lines.join("\n");
}

export function sourceErrorLine(e: SourceError, c: Colors, mapPath: PathMapper): string {
  const where = c.cyan(mapPath(`${e.file}:${e.line}:${e.column}`));
  return `  ${where} ${c.dim(e.code ?? "")} ${e.message.split("\n").join("\n    ")}`;
}

export function outputBlock(r: Pick<RunResult, "output" | "truncated">, c: Colors, maxLines = 40): string {
  const lines = r.output.trimEnd().split("\n");
  const shown = lines.slice(0, maxLines).map((l) => `  ${c.dim("│")} ${l}`);
  if (lines.length > maxLines) shown.push(`  ${c.dim(`│ … ${lines.length - maxLines} more lines`)}`);
  if (r.truncated) shown.push(`  ${c.dim("│ … output capped at 64 KB")}`);
  return shown.join("\n");
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? -1 : i;
}

function indent(text: string, n: number, paint: (s: string) => string = (s) => s): string {
  return text
    .split("\n")
    .map((l) => `${" ".repeat(n)}${paint(l)}`)
    .join("\n");
}
