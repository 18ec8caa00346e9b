/**
 * The error catalogue. Every expected failure the dojo reports comes from here: a stable code,
 * a short title, what happened and why, and the command to run next. The CLI prints these
 * without a stack trace; anything else is a bug and gets a report hint instead.
 */

export type ExitCode = 0 | 1 | 2 | 3;

interface Entry {
  readonly title: string;
  /** 2 = usage or content error, 3 = could not run (environment, toolchain, service). */
  readonly exit: 2 | 3;
  readonly what: (p: Params) => string;
  readonly next?: (p: Params) => string;
}
type Params = Record<string, string | number | undefined>;

export const catalogue = {
  NotAWorkspace: {
    title: "Not inside a dojo workspace",
    exit: 2,
    what: (p) => `No .ts-dojo/workspace.json was found in ${p.cwd} or any folder above it, so there is no progress to read or record.`,
    next: () => "Create one with `ts-dojo init my-dojo`, then `cd my-dojo`.",
  },
  WorkspaceExists: {
    title: "The folder is not empty",
    exit: 2,
    what: (p) => `${p.dir} already holds files that are not a dojo workspace; init never writes over them.`,
    next: () => "Pick a new folder: `ts-dojo init <new-folder>`.",
  },
  UnknownTask: {
    title: "No such task",
    exit: 2,
    what: (p) => `"${p.task}" is not a task of this curriculum.${p.suggestion ? ` Did you mean ${p.suggestion}?` : ""}`,
    next: () => "List the tasks with `ts-dojo status --all`.",
  },
  UnknownCommand: {
    title: "Unknown command",
    exit: 2,
    what: (p) => `"${p.command}" is not a ts-dojo command.${p.suggestion ? ` Did you mean \`${p.suggestion}\`?` : ""}`,
    next: () => "See the commands with `ts-dojo help`.",
  },
  BadUsage: {
    title: "Invalid arguments",
    exit: 2,
    what: (p) => String(p.detail),
    next: (p) => (p.command ? `See \`ts-dojo help ${p.command}\`.` : "See `ts-dojo help`."),
  },
  CurriculumInvalid: {
    title: "The curriculum has errors",
    exit: 2,
    what: (p) => `${p.count} problem(s) were found in ${p.root}:\n${p.list}`,
    next: () => "Fix them, then run `ts-dojo dev check`.",
  },
  NotRunnable: {
    title: "This task has no server to run",
    exit: 2,
    what: (p) => `${p.task} is not a server task, so \`ts-dojo run\` has nothing to start.`,
    next: () => "Server tasks (2.1, 2.2, 2.4, 2.6, 2.7 and later) can be run; `ts-dojo verify` checks any task.",
  },
  ExerciseMissing: {
    title: "Exercise files are missing",
    exit: 2,
    what: (p) => `${p.file} is not in your workspace; verify needs it.`,
    next: (p) => `Restore the starter with \`ts-dojo reset ${p.task}\` (your old version stays in git history).`,
  },
  ToolMissing: {
    title: "A required tool is missing",
    exit: 3,
    what: (p) => `${p.tool} could not be run: ${p.detail}`,
    next: () => "Run `ts-dojo doctor` to check your setup.",
  },
  GitFailed: {
    title: "git could not record the attempt",
    exit: 3,
    what: (p) => `\`git ${p.args}\` failed: ${p.detail}. Your files were not changed.`,
    next: () => "Run `git status` in your workspace, fix what it reports, then verify again.",
  },
  Busy: {
    title: "Another ts-dojo is writing to this workspace",
    exit: 3,
    what: (p) => `Waited ${p.seconds}s for the workspace lock held by another ts-dojo process.`,
    next: () => "Let the other command finish (or stop it), then try again.",
  },
  SolutionLocked: {
    title: "Solution not unlocked yet",
    exit: 2,
    what: (p) => `You have not passed ${p.task} yet. Reading the solution first is recorded and makes the next review harder.`,
    next: (p) => `Try \`ts-dojo hint ${p.task}\` first, or use \`ts-dojo solution ${p.task} --force\` (add --yes without a terminal).`,
  },
  NoHints: {
    title: "No more hints",
    exit: 2,
    what: (p) => `All ${p.count} hints for ${p.task} are shown above.`,
    next: (p) => `Still stuck? \`ts-dojo solution ${p.task} --force\`.`,
  },
  BadClock: {
    title: "TS_DOJO_NOW is not a date",
    exit: 2,
    what: (p) => `TS_DOJO_NOW="${p.value}" is not an ISO date-time.`,
    next: () => "Use a value like 2026-12-01T09:00:00Z, or unset it.",
  },
  UnknownDrill: {
    title: "No such drill",
    exit: 2,
    what: (p) => `"${p.drill}" is not a drill of this curriculum. Drills: ${p.list}.`,
    next: () => "Pick one from the list, e.g. `ts-dojo drill http-status-match`.",
  },
  NoPlacement: {
    title: "No such phase",
    exit: 2,
    what: (p) => `"${p.phase}" is not a phase of this curriculum (phases: ${p.list}).`,
    next: () => "Run e.g. `ts-dojo placement phase-0`.",
  },
  BadConfig: {
    title: "ts-dojo.yaml has errors",
    exit: 2,
    what: (p) => String(p.list),
    next: () => "Fix the lines above (or delete ts-dojo.yaml to use the defaults).",
  },
  NothingToDo: {
    title: "Nothing to do",
    exit: 2,
    what: () => "Every task is passed and no review is due.",
    next: () => "Run `ts-dojo status` to see when the next review comes up.",
  },
} satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof catalogue;

/** An expected failure: printed without a stack, exits with the catalogue's code. */
export class DojoError extends Error {
  readonly code: ErrorCode;
  readonly title: string;
  readonly next: string | undefined;
  readonly exit: 2 | 3;
  constructor(code: ErrorCode, params: Params = {}) {
    const entry: Entry = catalogue[code];
    super(entry.what(params));
    this.name = "DojoError";
    this.code = code;
    this.title = entry.title;
    this.next = entry.next?.(params);
    this.exit = entry.exit;
  }
}

export const isDojoError = (e: unknown): e is DojoError => e instanceof DojoError;
