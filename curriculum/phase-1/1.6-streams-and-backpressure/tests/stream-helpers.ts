// Small streams the tests drive the learner's code with. They count what they do, so the tests
// can check behaviour (how many bytes were waiting, what arrived) without looking at a clock.
import { createHash } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";

export const sha256 = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

/** Lets every pending callback, microtask and stream event run. */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await nextTurn();
}

/** A Writable that keeps every chunk it receives, as it received it. */
export function collector(): { sink: Writable; chunks: Buffer[]; all: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, chunks, all: () => Buffer.concat(chunks) };
}

/**
 * A source that makes `total` bytes on demand, `chunkSize` at a time. It only produces when the
 * stream machinery asks (read()), so a paused consumer stops production.
 */
export function countingSource(total: number, chunkSize: number, highWaterMark: number) {
  let produced = 0;
  const source = new Readable({
    highWaterMark,
    read() {
      if (produced >= total) {
        this.push(null);
        return;
      }
      const n = Math.min(chunkSize, total - produced);
      produced += n;
      this.push(Buffer.alloc(n, produced % 251));
    },
  });
  return { source, produced: () => produced };
}

/**
 * A Writable that takes one event-loop turn to "store" each chunk, like a disk or socket that
 * is slower than the source. It records the largest gap seen between bytes produced and bytes
 * stored: that gap is memory held somewhere in between.
 */
export function slowSink(highWaterMark: number, produced: () => number) {
  let stored = 0;
  let peakGap = 0;
  const sink = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      peakGap = Math.max(peakGap, produced() - stored);
      setImmediate(() => {
        stored += chunk.length;
        callback();
      });
    },
  });
  return { sink, stored: () => stored, peakGap: () => peakGap };
}

/** A source that sends `chunks` of `chunkSize` bytes and then ends. */
export function fixedSource(chunks: number, chunkSize: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < chunks ? Buffer.alloc(chunkSize, 120) : null);
    },
  });
}
