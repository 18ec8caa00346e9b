import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import fc from "fast-check";
import { encodeFrame, patterned } from "./frame-encoder.ts";
import { computeAcceptKey, decodeFrame } from "./src/ws.ts";

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");

/** decodeFrame(buf), failing the test with a clear message when it returns null. */
function decoded(buf: Buffer, what: string) {
  const frame = decodeFrame(buf);
  assert.ok(frame, `decodeFrame returned null for ${what}, but the whole frame (${buf.length} bytes) was in the buffer`);
  return frame;
}

describe("computeAcceptKey(secWebSocketKey)", () => {
  test("matches the worked example in RFC 6455 section 1.3", () => {
    assert.equal(
      computeAcceptKey("dGhlIHNhbXBsZSBub25jZQ=="),
      "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
      "base64(SHA-1(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11')) of the RFC's key is s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
    );
  });

  test("matches a second known key/answer pair", () => {
    assert.equal(computeAcceptKey("x3JJHMbDL1EzLkh9GBhXDw=="), "HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
  });

  test("is SHA-1 of key + GUID, base64-encoded, for any key a client might send", () => {
    for (let i = 0; i < 20; i++) {
      const key = randomBytes(16).toString("base64");
      const expected = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      const got = computeAcceptKey(key);
      assert.equal(got.length, 28, `a base64 SHA-1 digest is 28 characters; got ${JSON.stringify(got)}`);
      assert.equal(got, expected, `wrong accept value for key ${key}`);
    }
  });
});

describe("decodeFrame(buf): the examples of RFC 6455 section 5.7", () => {
  test('an unmasked text frame "Hello" (81 05 …)', () => {
    const f = decoded(hex("81 05 48 65 6c 6c 6f"), "81 05 48 65 6c 6c 6f");
    assert.deepEqual(
      { fin: f.fin, opcode: f.opcode, masked: f.masked, text: f.payload.toString(), consumed: f.consumed },
      { fin: true, opcode: 0x1, masked: false, text: "Hello", consumed: 7 },
    );
  });

  test('a masked text frame "Hello" comes back unmasked (81 85 37 fa 21 3d …)', () => {
    const f = decoded(hex("81 85 37 fa 21 3d 7f 9f 4d 51 58"), "the masked Hello frame");
    assert.equal(f.masked, true, "the mask bit (0x80 in the second byte) is set");
    assert.equal(f.payload.toString(), "Hello", "XOR each payload byte i with mask key byte i % 4 (counting from the first payload byte)");
    assert.equal(f.consumed, 11, "2 header bytes + 4 mask key bytes + 5 payload bytes");
  });

  test("a fragmented message: fin=false then a continuation frame, back to back in one buffer", () => {
    const buf = hex("01 03 48 65 6c 80 02 6c 6f");
    const first = decoded(buf, "the first fragment");
    assert.deepEqual(
      [first.fin, first.opcode, first.payload.toString(), first.consumed],
      [false, 0x1, "Hel", 5],
      "first fragment: fin=false, text, 'Hel', 5 bytes",
    );
    const second = decoded(buf.subarray(first.consumed), "the second fragment");
    assert.deepEqual(
      [second.fin, second.opcode, second.payload.toString(), second.consumed],
      [true, 0x0, "lo", 4],
      "second fragment: fin=true, continuation (0x0), 'lo', 4 bytes",
    );
  });

  test("control frames: an unmasked ping, a masked pong, a close carrying its code", () => {
    const ping = decoded(hex("89 05 48 65 6c 6c 6f"), "the ping");
    assert.deepEqual([ping.opcode, ping.payload.toString()], [0x9, "Hello"], "0x89 is a final ping frame");
    const pong = decoded(hex("8a 85 37 fa 21 3d 7f 9f 4d 51 58"), "the pong");
    assert.deepEqual([pong.opcode, pong.masked, pong.payload.toString()], [0xa, true, "Hello"], "0x8a is a final pong frame");
    const close = decoded(encodeFrame({ opcode: 0x8, payload: Buffer.from([0x03, 0xf1]), mask: hex("0a0b0c0d") }), "the close frame");
    assert.equal(close.opcode, 0x8);
    assert.equal(close.payload.readUInt16BE(0), 1009, "the unmasked close payload 03 f1 is status code 1009, big-endian");
  });

  test("256 bytes use the 16-bit length form (7e 01 00), read big-endian", () => {
    const body = patterned(256);
    const f = decoded(Buffer.concat([hex("82 7e 01 00"), body]), "the 256-byte binary frame");
    assert.equal(f.opcode, 0x2);
    assert.equal(f.payload.length, 256, "length bytes 01 00 are 256 in network (big-endian) order");
    assert.ok(f.payload.equals(body), "payload must be the 256 bytes after the 4-byte header");
    assert.equal(f.consumed, 260);
  });

  test("65,536 bytes use the 64-bit length form (7f 00 00 00 00 00 01 00 00)", () => {
    const body = patterned(65536);
    const f = decoded(Buffer.concat([hex("82 7f 00 00 00 00 00 01 00 00"), body]), "the 64 KiB binary frame");
    assert.equal(f.payload.length, 65536, "the 8 length bytes after 127 hold 65,536");
    assert.ok(f.payload.equals(body), "payload must be the 65,536 bytes after the 10-byte header");
    assert.equal(f.consumed, 65546);
  });
});

describe("decodeFrame(buf): lengths, masks and partial input", () => {
  const mask = hex("a1 b2 c3 d4");
  const lengthForms: Array<[string, number[]]> = [
    ["7-bit lengths (0–125) sit in the second byte", [0, 1, 125]],
    ["16-bit lengths (126–65,535) follow a 126, big-endian", [126, 300, 65535]],
    ["64-bit lengths (65,536 and up) follow a 127, big-endian", [65536, 70001]],
  ];
  for (const [form, sizes] of lengthForms) {
    test(`${form}: masked and unmasked frames decode to the original payload`, () => {
      for (const n of sizes) {
        for (const masked of [false, true]) {
          const body = patterned(n);
          const frame = encodeFrame({ opcode: 0x2, payload: body, mask: masked ? mask : undefined });
          const what = `${masked ? "a masked" : "an unmasked"} ${n}-byte frame`;
          const f = decoded(frame, what);
          assert.equal(f.masked, masked, `${what}: masked must report the mask bit`);
          assert.equal(f.payload.length, n, `${what}: expected a payload of ${n} bytes (the header is ${frame.length - n} bytes)`);
          assert.ok(
            f.payload.equals(body),
            masked
              ? `${what}: unmask with key[i % 4], i counted from the first payload byte`
              : `${what}: an unmasked payload is returned as is`,
          );
          assert.equal(f.consumed, frame.length, `${what}: consumed = header + mask key + payload = ${frame.length}`);
        }
      }
    });
  }

  test("returns null until the whole frame has arrived, whichever part is missing", () => {
    const frames = [
      encodeFrame({ opcode: 0x1, payload: "hi there", mask }),
      encodeFrame({ opcode: 0x2, payload: patterned(300), mask }),
      encodeFrame({ opcode: 0x2, payload: patterned(300) }),
      encodeFrame({ opcode: 0x2, payload: patterned(65536), mask }),
    ];
    for (const frame of frames) {
      // Cuts inside the first byte pair, the extended length, the mask key, and the payload.
      const cuts = [0, 1, 2, 3, 5, 8, 9, 11, 13, 14, frame.length - 1].filter((c) => c < frame.length);
      for (const cut of cuts) {
        assert.equal(
          decodeFrame(frame.subarray(0, cut)),
          null,
          `the first ${cut} of ${frame.length} bytes are not a whole frame: expected null`,
        );
      }
    }
  });

  test("bytes after the frame are left alone: consumed points at the next frame", () => {
    const a = encodeFrame({ opcode: 0x1, payload: patterned(200), mask });
    const b = encodeFrame({ opcode: 0x9, payload: "ping!", mask: hex("01 02 03 04") });
    const buf = Buffer.concat([a, b, hex("81")]);
    const first = decoded(buf, "the first of two frames");
    assert.equal(first.consumed, a.length, "consumed must cover the first frame only");
    assert.ok(first.payload.equals(patterned(200)), "the payload must not run into the next frame");
    const second = decoded(buf.subarray(first.consumed), "the second frame");
    assert.deepEqual([second.opcode, second.payload.toString(), second.consumed], [0x9, "ping!", b.length]);
    assert.equal(decodeFrame(buf.subarray(first.consumed + second.consumed)), null, "one stray byte is not a frame");
  });

  test("any frame the encoder can build decodes back to what went in", () => {
    const length = fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.constantFrom(125, 126, 127, 65535, 65536),
      fc.integer({ min: 65536, max: 66000 }),
    );
    fc.assert(
      fc.property(
        length,
        fc.boolean(),
        fc.constantFrom(0x0, 0x1, 0x2, 0x8, 0x9, 0xa),
        fc.option(fc.uint8Array({ minLength: 4, maxLength: 4 }), { nil: undefined }),
        fc.integer({ min: 0, max: 255 }),
        (n, fin, opcode, key, seed) => {
          const body = Buffer.alloc(n, seed);
          for (let i = 0; i < n; i += 7) body[i] = (i + seed) & 0xff;
          const frame = encodeFrame({ fin, opcode, payload: body, mask: key ? Buffer.from(key) : undefined });
          const f = decodeFrame(frame);
          assert.ok(f, `a complete ${n}-byte frame decoded to null`);
          assert.deepEqual([f.fin, f.opcode, f.masked, f.consumed], [fin, opcode, key !== undefined, frame.length]);
          assert.ok(f.payload.equals(body), `payload of a ${n}-byte ${key ? "masked" : "unmasked"} frame came back wrong`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
