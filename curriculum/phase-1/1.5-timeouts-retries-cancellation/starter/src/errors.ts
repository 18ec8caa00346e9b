// Read-only: the tests import this file too, so do not change it.

/** The error withTimeout rejects with, and aborts the inner signal with, when time runs out. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";

  constructor(readonly ms: number) {
    super(`the operation did not finish within ${ms} ms`);
  }
}
