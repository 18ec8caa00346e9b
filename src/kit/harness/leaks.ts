/**
 * Did the code under test leave something running? Node lists the resources that keep the
 * event loop alive (sockets, servers, timers); the harness takes that list before start()
 * and after close(), and anything new that does not go away soon is a leak.
 */
import { reachable } from "../reachable.js";

/** Resource kinds that are the runner's own business, never the learner's. */
const IGNORED = new Set(["TTYWrap", "PipeWrap", "FSReqCallback", "FSReqPromise", "FileHandle", "StatWatcher"]);

export type ResourceCounts = Map<string, number>;

export function snapshot(): ResourceCounts {
  const counts: ResourceCounts = new Map();
  for (const kind of process.getActiveResourcesInfo()) {
    if (!IGNORED.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** What is open now beyond `baseline`, e.g. ["2 × TCPSocketWrap", "1 × Timeout"]. */
export function beyond(baseline: ResourceCounts, now = snapshot()): string[] {
  const extra: string[] = [];
  for (const [kind, n] of now) {
    const more = n - (baseline.get(kind) ?? 0);
    if (more > 0) extra.push(`${more} × ${NAMES[kind] ?? kind}`);
  }
  return extra;
}

const NAMES: Record<string, string> = {
  TCPSocketWrap: "TCP socket (TCPSocketWrap)",
  TCPServerWrap: "listening server (TCPServerWrap)",
  Timeout: "timer (Timeout: setTimeout/setInterval)",
  Immediate: "setImmediate",
};

/**
 * Connections the tests opened themselves (a Redis client handed to the learner's server, say)
 * are the test's, not the server's: whoever opened them registers how to close them here, and
 * the leak check closes them first. Hook order cannot do this: a useServer() inside a describe
 * checks for leaks before a file-level afterEach runs.
 */
const beforeLeakCheck = new Set<() => void>();

export function closeBeforeLeakCheck(close: () => void): () => void {
  beforeLeakCheck.add(close);
  return () => beforeLeakCheck.delete(close);
}

export function closeTestConnections(): void {
  for (const close of beforeLeakCheck) close();
}

/** Poll until nothing is open beyond the baseline, or `ms` pass; resolves to what is still open. */
export async function settle(baseline: ResourceCounts, ms = 500): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (let turn = 0; ; turn++) {
    // Sockets being destroyed close a loop turn or two later: look again each turn at first
    // (setImmediate leaves no Timeout to count against the learner), then every 10 ms.
    await new Promise((r) => setImmediate(r));
    const extra = beyond(baseline);
    if (extra.length === 0 || Date.now() > deadline) return extra;
    if (turn >= 20) await new Promise((r) => setTimeout(r, 10));
  }
}

/** True when something still accepts TCP connections on the port. */
export function accepting(port: number, host = "127.0.0.1"): Promise<boolean> {
  return reachable(host, port, 2000);
}
