/** Durations as authors write them in yaml: "500ms", "10s", "5m", "3h", "7d". */
const UNITS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

export const DURATION_PATTERN = PATTERN;

/** Milliseconds in a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNITS[m[2] as keyof typeof UNITS];
}

/** The shortest exact spelling of a duration: 259200000 → "3d". */
export function formatDuration(ms: number): string {
  for (const unit of ["d", "h", "m", "s"] as const) {
    if (ms >= UNITS[unit] && ms % UNITS[unit] === 0) return `${ms / UNITS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/** A rough human distance for due dates: "in 3 days", "2 hours ago". */
export function relative(ms: number): string {
  const abs = Math.abs(ms);
  const [n, unit] =
    abs < 3_600_000
      ? [Math.max(1, Math.round(abs / 60_000)), "minute"]
      : abs < 86_400_000
        ? [Math.round(abs / 3_600_000), "hour"]
        : [Math.round(abs / 86_400_000), "day"];
  const phrase = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return ms >= 0 ? `in ${phrase}` : `${phrase} ago`;
}
