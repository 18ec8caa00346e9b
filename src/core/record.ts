/** Building attempt records and their git commit messages. Pure. */
import type { Attempt, VerifyAttempt } from "./attempt.js";

export interface VerifyOutcome {
  readonly status: "passed" | "failed" | "error";
  readonly tests: ReadonlyArray<{ name: string; ok: boolean; skip: boolean }>;
  readonly typeErrors: number;
  readonly durationMs: number;
}

/**
 * Oldest first. The dojo writes record times with toISOString (UTC, one length), so text order
 * is time order. localeCompare compared the same text through ICU collation, at a cost that
 * showed once a workspace held a thousand records.
 */
export const byTime = (a: { at: string }, b: { at: string }): number => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

export function verifyRecord(
  task: string,
  outcome: VerifyOutcome,
  at: Date,
  extra: { hintsUsed: number; solutionSeen: boolean; curriculumVersion: string },
): VerifyAttempt {
  const ran = outcome.tests.filter((t) => !t.skip);
  const passed = ran.filter((t) => t.ok).length;
  return {
    v: 1,
    event: "verify",
    task,
    at: at.toISOString(),
    result: outcome.status,
    tests: { passed, failed: ran.length - passed, total: ran.length },
    failing: ran.filter((t) => !t.ok).map((t) => t.name),
    typeErrors: outcome.typeErrors,
    durationMs: outcome.durationMs,
    ...extra,
  };
}

/**
 * The commit message: a subject line a person can scan in `git log --oneline`, then trailers
 * that tools can read back (`git log --format=%(trailers:key=Dojo-Result)`).
 */
export function commitMessage(a: Attempt, attemptPath: string): string {
  const trailers: Array<[string, string | number]> = [
    ["Dojo-Task", a.task],
    ["Dojo-Event", a.event],
  ];
  let subject: string;
  switch (a.event) {
    case "verify":
      subject = `verify ${a.task}: ${a.result} (${a.tests.passed}/${a.tests.total} tests${a.typeErrors ? `, ${a.typeErrors} type errors` : ""})`;
      trailers.push(
        ["Dojo-Result", a.result],
        ["Dojo-Tests", `${a.tests.passed}/${a.tests.total}`],
        ["Dojo-Type-Errors", a.typeErrors],
        ["Dojo-Duration-Ms", a.durationMs],
        ["Dojo-Hints-Used", a.hintsUsed],
        ["Dojo-Curriculum", a.curriculumVersion],
      );
      break;
    case "hint":
      subject = `hint ${a.task}: hint ${a.index + 1} revealed`;
      trailers.push(["Dojo-Hint", a.index + 1]);
      break;
    case "solution":
      subject = `solution ${a.task}: viewed${a.beforePass ? " before passing" : ""}`;
      break;
    case "reset":
      subject = `reset ${a.task}: starter restored`;
      break;
    case "placed":
      subject = `placement ${a.task}: placed (${a.correct}/${a.asked} right)`;
      trailers.push(["Dojo-Result", "placed"]);
      break;
    case "review":
      subject = `review ${a.task}: drills ${a.drillsCorrect}/${a.drillsAsked}, kata started (${a.timeboxMinutes} min)`;
      break;
    case "drill":
      subject = `drill ${a.drill}: ${a.correct}/${a.asked} (${a.mode})`;
      trailers.splice(0, 1, ["Dojo-Drill", a.drill]);
      trailers.push(["Dojo-Score", `${a.correct}/${a.asked}`]);
      break;
  }
  trailers.push(["Dojo-Attempt", attemptPath]);
  return `${subject}\n\n${trailers.map(([k, v]) => `${k}: ${v}`).join("\n")}\n`;
}
