import assert from "node:assert/strict";
import { Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, test } from "node:test";
import fc from "fast-check";
import { meter, rechunk } from "./src/streams.ts";
import { collector, settle, sha256 } from "./stream-helpers.ts";

/** Pushes `parts` through `transform` and returns the chunks that came out, in order. */
async function runThrough(transform: Transform, parts: Uint8Array[]): Promise<Buffer[]> {
  const out = collector();
  await pipeline(Readable.from(parts.map((p) => Buffer.from(p))), transform, out.sink);
  return out.chunks;
}

/** Any way of cutting up to ~600 bytes into pieces, empty pieces included. */
const chunkings = fc.array(fc.uint8Array({ maxLength: 60 }), { maxLength: 10 });

describe("rechunk(size)", () => {
  test("cuts 10 bytes into chunks of 4, 4 and a short last chunk of 2", async () => {
    const out = await runThrough(rechunk(4), [Buffer.from("abc"), Buffer.from("defghij")]);
    assert.deepEqual(
      out.map((c) => c.toString()),
      ["abcd", "efgh", "ij"],
      "expected full 4-byte chunks, then the 2 leftover bytes when the input ends",
    );
  });

  test("for any input cut any way, every chunk but the last is exactly `size` bytes and no byte is lost", async () => {
    await fc.assert(
      fc.asyncProperty(chunkings, fc.integer({ min: 1, max: 17 }), async (parts, size) => {
        const input = Buffer.concat(parts);
        const out = await runThrough(rechunk(size), parts);
        assert.deepEqual(Buffer.concat(out), input, "the bytes out must be the bytes in, in the same order");
        assert.equal(out.length, Math.ceil(input.length / size), "expected ceil(total / size) chunks");
        out.forEach((chunk, i) => {
          if (i < out.length - 1) assert.equal(chunk.length, size, `chunk ${i} is not the last, so it must be full`);
          else assert.ok(chunk.length >= 1 && chunk.length <= size, "the last chunk holds 1 to `size` bytes");
        });
      }),
      { numRuns: 150 },
    );
  });

  test("sends a full chunk on as soon as it has one, without waiting for the end of the input", async () => {
    const t = rechunk(4);
    const seen: string[] = [];
    t.on("data", (chunk: Buffer) => seen.push(chunk.toString()));
    t.write(Buffer.from("abcdef"));
    await settle();
    assert.deepEqual(seen, ["abcd"], "4 of 6 bytes make a full chunk, which must come out before end()");
    t.end();
    await settle();
    assert.deepEqual(seen, ["abcd", "ef"], "end() releases the 2-byte tail");
  });

  test("an empty input produces no chunks at all (not one empty chunk)", async () => {
    const out = await runThrough(rechunk(8), []);
    assert.equal(out.length, 0, "nothing in, nothing out");
  });

  test("refuses a size that is not a positive whole number", () => {
    for (const bad of [0, -4, 2.5, Number.NaN]) {
      assert.throws(() => rechunk(bad), RangeError, `rechunk(${bad}) should throw a RangeError`);
    }
  });
});

describe("meter()", () => {
  test("passes any input through unchanged and reports its length and SHA-256", async () => {
    await fc.assert(
      fc.asyncProperty(chunkings, async (parts) => {
        const input = Buffer.concat(parts);
        const m = meter();
        const out = await runThrough(m, parts);
        assert.deepEqual(Buffer.concat(out), input, "meter() must not change, add or drop bytes");
        assert.equal(m.bytes(), input.length, "bytes() should equal the number of bytes that went through");
        assert.equal(m.sha256(), sha256(input), "sha256() should be the hex SHA-256 of everything that went through");
      }),
      { numRuns: 100 },
    );
  });

  test("passes each chunk on before the input ends", async () => {
    const m = meter();
    const seen: string[] = [];
    m.on("data", (chunk: Buffer) => seen.push(chunk.toString()));
    m.write(Buffer.from("first"));
    await settle();
    assert.deepEqual(seen, ["first"], "a pass-through must forward a chunk when it gets it, not hoard until end()");
    m.end(Buffer.from("second"));
    await settle();
    assert.deepEqual(seen, ["first", "second"], "then the next chunk");
  });

  test("bytes() and sha256() report progress mid-stream and can be read more than once", async () => {
    const m = meter();
    m.resume();
    m.write(Buffer.from("hello "));
    await settle();
    assert.equal(m.bytes(), 6, "6 bytes have gone through so far");
    assert.equal(m.sha256(), sha256(Buffer.from("hello ")), "sha256() so far covers 'hello '");
    m.end(Buffer.from("world"));
    await settle();
    assert.equal(m.bytes(), 11, "11 bytes in total");
    const digest = sha256(Buffer.from("hello world"));
    assert.equal(m.sha256(), digest, "sha256() at the end covers 'hello world'");
    assert.equal(m.sha256(), digest, "asking twice must give the same answer (a Hash can only digest() once)");
  });
});
