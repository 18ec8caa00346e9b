// Streams that never hold the whole body in memory.
import { createHash } from "node:crypto";
import { type Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
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
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`rechunk size must be a positive integer, got ${size}`);
  }
  // Never more than size - 1 bytes wait here between calls: memory stays bounded by `size`.
  let carry: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      let offset = 0;
      while (data.length - offset >= size) {
        this.push(data.subarray(offset, offset + size));
        offset += size;
      }
      carry = data.subarray(offset);
      callback();
    },
  });
}

/** Passes bytes through unchanged while counting and hashing them. */
export function meter(): Meter {
  const hash = createHash("sha256");
  let count = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      count += chunk.length;
      hash.update(chunk);
      callback(null, chunk); // hand the same chunk on at once: nothing is kept
    },
  });
  return Object.assign(stream, {
    bytes: () => count,
    // digest() finalises a Hash for good; a copy lets us report progress and keep hashing.
    sha256: () => hash.copy().digest("hex"),
  });
}

/**
 * Copies src into dst and resolves with the number of bytes copied, once dst has finished.
 * More than maxBytes: rejects with TooLargeError, writes nothing past maxBytes, destroys both.
 */
export async function copyWithLimit(src: Readable, dst: Writable, maxBytes: number): Promise<number> {
  let total = 0;
  // pipeline() waits for 'drain' when dst is full, so src stays paused, and on any error it
  // destroys every stream in the chain, which closes file descriptors and sockets.
  await pipeline(
    src,
    async function* limit(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        total += chunk.length;
        // Check before yielding, so the chunk that crosses the limit never reaches dst.
        if (total > maxBytes) throw new TooLargeError(maxBytes);
        yield chunk;
      }
    },
    dst,
  );
  return total;
}
