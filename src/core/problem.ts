/** One thing wrong with the curriculum, located as precisely as we can. */
export interface Problem {
  /** Path relative to the curriculum root. */
  readonly file: string;
  /** 1-based line, when the problem sits at one. */
  readonly line?: number;
  readonly message: string;
}

/** "phase-1/1.3-async-channel/task.yaml:12: message" */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`;
}
