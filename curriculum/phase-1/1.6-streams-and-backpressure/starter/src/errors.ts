// Read-only: the dojo uses its own copy of this file when it verifies your work.

/** copyWithLimit() rejects with this when the source holds more than `limit` bytes. */
export class TooLargeError extends Error {
  /** The maxBytes the copy was allowed to move. */
  readonly limit: number;

  constructor(limit: number) {
    super(`the body is larger than the limit of ${limit} bytes`);
    this.name = "TooLargeError";
    this.limit = limit;
  }
}
