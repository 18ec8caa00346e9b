/**
 * Entry point: find the command, parse its flags, run it inside the error boundary.
 * Commands load lazily so `ts-dojo status` pays only for what status needs.
 */
import { parseArgs } from "node:util";
import { editDistance } from "../core/curriculum.js";
import { DojoError, isDojoError } from "../core/errors.js";
import type { Command } from "./command.js";
import { takeEarlyTestProcess } from "./early.js";
import { type IO, processIO } from "./io.js";

interface Entry {
  readonly usage: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const commands: Record<string, Entry> = {
  init: { usage: "init [dir]", summary: "create a workspace (a git repo with every exercise)", load: () => import("./commands/init.js") },
  status: {
    usage: "status [--all]",
    summary: "progress per phase, reviews due, what to do next (default)",
    load: () => import("./commands/status.js"),
  },
  show: { usage: "show [task]", summary: "the task page: lesson, criteria, how to verify", load: () => import("./commands/show.js") },
  verify: {
    usage: "verify [task]",
    summary: "run the tests, record the attempt in git, update mastery",
    load: () => import("./commands/verify.js"),
  },
  run: {
    usage: "run [task] [--port N]",
    summary: "start your server for a server task, to try it with curl or a browser",
    load: () => import("./commands/run.js"),
  },
  watch: { usage: "watch [task]", summary: "verify again on every save", load: () => import("./commands/watch.js") },
  hint: { usage: "hint [task]", summary: "reveal the next hint (recorded)", load: () => import("./commands/hint.js") },
  solution: {
    usage: "solution [task] [--force] [--yes]",
    summary: "show the reference solution (after a pass)",
    load: () => import("./commands/solution.js"),
  },
  reset: {
    usage: "reset [task]",
    summary: "restore the starter; your version stays in git history",
    load: () => import("./commands/reset.js"),
  },
  drill: {
    usage: "drill <id> [--count n] [--mode group]",
    summary: "a short recall game (answers can be piped in)",
    load: () => import("./commands/drill.js"),
  },
  placement: {
    usage: "placement phase-N",
    summary: "answer questions to skip what you already know",
    load: () => import("./commands/placement.js"),
  },
  stats: { usage: "stats", summary: "reviews done, calibration per stage, the next 30 days", load: () => import("./commands/stats.js") },
  review: { usage: "review", summary: "work through due reviews: drills, then a kata", load: () => import("./commands/review.js") },
  serve: {
    usage: "serve [--port N] [--no-open]",
    summary: "the local web app: dashboard, lessons, a Verify button",
    load: () => import("./commands/serve.js"),
  },
  doctor: { usage: "doctor", summary: "check Node, git, the toolchain and services", load: () => import("./commands/doctor.js") },
  dev: {
    usage: "dev check [--filter <id>]",
    summary: "(authors) validate and prove the curriculum",
    load: () => import("./commands/dev.js"),
  },
  help: {
    usage: "help [command]",
    summary: "this list",
    load: async () => ({ options: {}, run: async (a, io) => help(io, a.positionals[0]) }),
  },
};

const aliases: Record<string, string> = { "--help": "help", "-h": "help", check: "dev" };

export async function main(argv: readonly string[], io: IO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "--version" || first === "-v") {
    const { readFile } = await import("node:fs/promises");
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    io.out(pkg.version);
    return 0;
  }
  const name = first === undefined || first.startsWith("-") ? "status" : (aliases[first] ?? first);
  const args = first === undefined || first.startsWith("-") ? argv : rest;
  try {
    const entry = commands[name];
    if (!entry) {
      const suggestion = Object.keys(commands).find((c) => editDistance(c, name) <= 2);
      throw new DojoError("UnknownCommand", { command: name, suggestion });
    }
    const command = await entry.load();
    if (args.includes("--help") || args.includes("-h")) return help(io, name);
    const parsed = parse(command, args, name);
    return await command.run(parsed, io);
  } catch (e) {
    return report(e, io);
  } finally {
    takeEarlyTestProcess()?.kill();
  }
}

function parse(command: Command, args: readonly string[], name: string) {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: command.options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new DojoError("BadUsage", { detail: (e as Error).message, command: name });
  }
}

/** The error boundary: expected failures print their catalogue entry; anything else is a bug. */
export function report(e: unknown, io: IO): number {
  const c = io.color;
  if (isDojoError(e)) {
    io.err(`${c.red(c.bold(`✖ ${e.title}`))} ${c.dim(`[${e.code}]`)}\n${e.message}${e.next ? `\n${c.cyan("→")} ${e.next}` : ""}`);
    return e.exit;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(
    `${c.red(c.bold("✖ ts-dojo hit an internal error"))}\n${err.stack ?? err.message}\n` +
      `${c.cyan("→")} This is a bug in ts-dojo, not in your code. Your files and progress are untouched.\n` +
      "  Please report it with the text above and the output of `ts-dojo doctor`.",
  );
  return 3;
}

function help(io: IO, topic?: string): number {
  const c = io.color;
  const entry = topic ? commands[topic] : undefined;
  if (entry) {
    io.out(`${c.bold(`ts-dojo ${entry.usage}`)}\n  ${entry.summary}`);
    return 0;
  }
  const width = Math.max(...Object.values(commands).map((e) => e.usage.length));
  const lines = Object.values(commands).map((e) => `  ${e.usage.padEnd(width)}  ${c.dim(e.summary)}`);
  io.out(
    `${c.bold("ts-dojo")} — learn backend in TypeScript · earn mastery\n\n${c.bold("Usage:")} ts-dojo <command> [task]\n\n${lines.join("\n")}\n\n` +
      `A task defaults to your current one and may be given as a prefix ("1.3").\n` +
      `Exit codes: 0 passed · 1 tests failed · 2 usage or content error · 3 could not run.\n` +
      `TS_DOJO_NOW=<ISO date-time> sets the clock for every command (demos, tests).`,
  );
  return 0;
}
