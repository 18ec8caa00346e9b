import { DojoError } from "./errors.js";

/** The current time: TS_DOJO_NOW when set (demos, tests), else the real clock. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): () => Date {
  const fixed = env.TS_DOJO_NOW;
  if (!fixed) return () => new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw new DojoError("BadClock", { value: fixed });
  return () => new Date(at);
}
