/**
 * Waiting on a connection that receives things: resolve when `take` finds what the test wants,
 * fail when the connection has closed first or time runs out. The TCP and WebSocket clients
 * call poke() whenever something arrives or the connection closes.
 */
import { HarnessFailure } from "./failure.js";

export interface WaitOptions {
  /** What is awaited, for messages: "complete HTTP response", "message". */
  readonly what: string;
  readonly timeoutMs: number;
  /** How the connection closed ("the connection closed"), or undefined while it is open. */
  readonly closed: () => string | undefined;
  /** What arrived so far, shown with a failure. */
  readonly context?: () => string;
}

export class Waiters {
  private readonly checks = new Set<() => void>();

  poke(): void {
    for (const check of this.checks) check();
  }

  wait<T>(take: () => T | undefined, opts: WaitOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const failWith = (message: string) => done(() => reject(new HarnessFailure({ message, context: opts.context?.() })));
      const check = () => {
        const got = take();
        if (got !== undefined) return done(() => resolve(got));
        const closed = opts.closed();
        if (closed) failWith(`${closed} before ${opts.what}`);
      };
      const timer = setTimeout(() => failWith(`no ${opts.what} within ${opts.timeoutMs} ms`), opts.timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.checks.delete(check);
        settle();
      };
      this.checks.add(check);
      check();
    });
  }
}
