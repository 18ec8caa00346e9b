// Shared by the payments tests: a door the test holds shut to keep a request running, a ledger
// whose next charges can be told to wait or fail, and a check for problem documents.
import type { Reply } from "ts-dojo/harness";
import { createLedger, type Ledger } from "./src/payments.ts";

export const PAYMENT = { amount: 2500, currency: "EUR", to: "acct_bakery" };
export const OTHER_PAYMENT = { amount: 9900, currency: "EUR", to: "acct_bakery" };

/** A door: code that reaches pass() waits there until the test calls open(). */
export function door() {
  let arrivals = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const watchers: Array<{ count: number; resolve: () => void }> = [];
  return {
    get arrivals() {
      return arrivals;
    },
    async pass(): Promise<void> {
      arrivals++;
      for (const w of watchers.filter((w) => arrivals >= w.count)) w.resolve();
      await opened;
    },
    /** Resolves once `count` callers are waiting at (or have gone through) the door. */
    arrived(count = 1): Promise<void> {
      if (arrivals >= count) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ count, resolve }));
    },
    open: () => open(),
  };
}

/** A ledger whose next charges run the steps given to next(), in order; later charges just pass. */
export function scriptedLedger(): { ledger: Ledger; next(step: () => Promise<void>): void } {
  const steps: Array<() => Promise<void>> = [];
  const ledger = createLedger({
    beforeCharge: async () => {
      await steps.shift()?.();
    },
  });
  return { ledger, next: (step) => void steps.push(step) };
}

/** The reply is an RFC 9457 problem document with this status. */
export function expectProblem(reply: Reply, status: number): Reply {
  reply.expectStatus(status).expectContentType("application/problem+json");
  const doc = reply.json<Record<string, unknown>>();
  if (doc === null || typeof doc !== "object" || doc.status !== status || typeof doc.title !== "string")
    reply.fail(`expected a problem document with "status": ${status} and a "title"`, { expected: { status, title: "…" }, actual: doc });
  return reply;
}
