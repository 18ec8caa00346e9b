/** TS_DOJO_TRACE=1 prints how long each step of a command took, to stderr. For tuning, not for tests. */
const on = Boolean(process.env.TS_DOJO_TRACE);
const start = performance.now();

export function mark(label: string): void {
  if (on) process.stderr.write(`[trace] ${(performance.now() - start).toFixed(1).padStart(7)} ms  ${label}\n`);
}
