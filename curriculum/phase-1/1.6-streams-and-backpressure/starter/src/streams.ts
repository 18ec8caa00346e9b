// Streams that never hold the whole body in memory. Read README.md first: it gives the exact
// rules the tests check. Run the tests with `npx ts-dojo verify 1.6-streams-and-backpressure`.
import type { Readable, Transform, Writable } from "node:stream";
import { TooLargeError } from "./errors.ts";

/** A pass-through Transform that also counts and hashes every byte that goes through it. */
export type Meter = Transform & {
  /** Bytes passed through so far. */
  bytes(): number;
  /** Hex SHA-256 of the bytes passed through so far; may be called any time, any number of times. */
  sha256(): string;
};

/** Re-cuts a byte stream into chunks of exactly `size` bytes; only the last chunk may be shorter. */
export function rechunk(size: number): Transform {
  throw new Error("TODO: implement rechunk() (a RangeError for sizes that are not positive integers)");
}

/** Passes bytes through unchanged while counting and hashing them. */
export function meter(): Meter {
  throw new Error("TODO: implement meter()");
}

/**
 * Copies src into dst and resolves with the number of bytes copied, once dst has finished.
 * More than maxBytes: rejects with TooLargeError, writes nothing past maxBytes, destroys both.
 */
export function copyWithLimit(src: Readable, dst: Writable, maxBytes: number): Promise<number> {
  throw new Error("TODO: implement copyWithLimit()");
}
