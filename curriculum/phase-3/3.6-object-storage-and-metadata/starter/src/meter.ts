/**
 * The meter from task 1.6, ready to use (read-only): a pass-through Transform that counts and
 * hashes every byte on its way through, so nobody has to hold the body to learn its size or
 * SHA-256. Put it in a pipeline between the body and the file.
 */
import { createHash } from "node:crypto";
import { Transform } from "node:stream";

export type Meter = Transform & {
  /** Bytes passed through so far. */
  bytes(): number;
  /** Hex SHA-256 of the bytes passed through so far; may be called any time. */
  sha256(): string;
};

export function meter(): Meter {
  const hash = createHash("sha256");
  let count = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      count += chunk.length;
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return Object.assign(stream, {
    bytes: () => count,
    sha256: () => hash.copy().digest("hex"),
  });
}
