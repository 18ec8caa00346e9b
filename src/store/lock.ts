/**
 * One writer at a time per workspace. A second dojo waits for the first; a lock left by a
 * killed process goes stale after a few seconds (proper-lockfile refreshes it while held).
 */
import { join } from "node:path";
import { DojoError } from "../core/errors.js";
import type { Workspace } from "./workspace.js";

const WAIT_SECONDS = 60;

export async function withLock<T>(ws: Workspace, work: () => Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  // Loaded on first use (~20 ms): verify gets here while the type checker is still running.
  const { default: lockfile } = await import("proper-lockfile");
  try {
    release = await lockfile.lock(join(ws.meta, "workspace.json"), {
      stale: 10_000,
      update: 2_000,
      realpath: false,
      retries: { retries: WAIT_SECONDS * 4, factor: 1, minTimeout: 250, maxTimeout: 250 },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOCKED") throw new DojoError("Busy", { seconds: WAIT_SECONDS });
    throw e;
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}
