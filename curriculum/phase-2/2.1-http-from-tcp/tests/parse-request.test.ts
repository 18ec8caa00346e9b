import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type ParseResult, parseRequest, type RawRequest } from "./src/raw-http.ts";
import { wire } from "./wire.ts";

/** The request inside `result`, or a failure that says what came back instead. */
function requestOf(result: ParseResult, what: string): { request: RawRequest; consumed: number } {
  if (result.kind !== "request") assert.fail(`${what}: expected a parsed request, got ${JSON.stringify(result)}`);
  return result;
}

function expectError(buf: Buffer, status: number, why: string, limits?: Parameters<typeof parseRequest>[1]): void {
  assert.deepEqual(parseRequest(buf, limits), { kind: "error", status }, `${why}: expected { kind: "error", status: ${status} }`);
}

describe("parseRequest: finding the request", () => {
  test("a GET parses into method, target, version, lower-cased headers (repeats kept in order) and an empty body", () => {
    const buf = wire(["GET /notes?limit=2 HTTP/1.1", "Host: localhost:4000", "Accept:   text/plain  ", "X-Tag: a", "x-TAG: b"]);
    const { request, consumed } = requestOf(parseRequest(buf), "a plain GET");
    assert.equal(request.method, "GET");
    assert.equal(request.target, "/notes?limit=2", "the target is kept exactly as sent, query included");
    assert.equal(request.version, "HTTP/1.1");
    assert.deepEqual(request.headers.get("host"), ["localhost:4000"], "header names are stored lower-cased");
    assert.deepEqual(request.headers.get("accept"), ["text/plain"], "spaces around a header value are trimmed");
    assert.deepEqual(request.headers.get("x-tag"), ["a", "b"], "a repeated header keeps every value, in the order sent");
    assert.equal(request.headers.has("Host"), false, "no header is stored under its original spelling");
    assert.equal(request.body.length, 0, "a request without Content-Length has an empty body");
    assert.equal(consumed, buf.length, "consumed is the whole request: head, blank line and body");
  });

  test("the body is exactly Content-Length bytes, and consumed stops there so a pipelined request survives", () => {
    const first = wire(["POST /notes HTTP/1.1", "host: a", "content-length: 17"], '{"title":"hello"}');
    const second = wire(["DELETE /notes/7 HTTP/1.1", "Host: a"]);
    const both = Buffer.concat([first, second]);

    const one = requestOf(parseRequest(both), "the first of two pipelined requests");
    assert.equal(one.request.body.toString(), '{"title":"hello"}', "the body is the 17 bytes after the blank line, no more");
    assert.equal(one.consumed, first.length, "consumed must end at the first request's last body byte, not at the end of the buffer");

    const two = requestOf(parseRequest(both.subarray(one.consumed)), "the second pipelined request");
    assert.equal(two.request.method, "DELETE", "the bytes after `consumed` must start the next request");
    assert.equal(two.consumed, second.length);
  });

  test("every strict prefix of a request is incomplete, whatever byte it stops at", () => {
    const full = wire(["PUT /notes/1 HTTP/1.1", "Host: a", "Content-Length: 5"], "hello");
    for (let n = 0; n < full.length; n++) {
      const result = parseRequest(full.subarray(0, n));
      assert.deepEqual(
        result,
        { kind: "incomplete" },
        `the first ${n} of ${full.length} bytes ${JSON.stringify(full.subarray(0, n).toString())} should be incomplete`,
      );
    }
    assert.equal(requestOf(parseRequest(full), "the full request").request.body.toString(), "hello");
  });

  test("any run of requests, cut anywhere, yields the complete ones in order and then incomplete", () => {
    const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE");
    const target = fc.stringMatching(/^\/[a-z0-9/]{0,12}$/);
    const body = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b));
    const one = fc.record({ method, target, body });
    fc.assert(
      fc.property(fc.array(one, { minLength: 1, maxLength: 4 }), fc.nat(), (reqs, cutSeed) => {
        const parts = reqs.map((r) => wire([`${r.method} ${r.target} HTTP/1.1`, "Host: t", `Content-Length: ${r.body.length}`], r.body));
        const stream = Buffer.concat(parts);
        const cut = cutSeed % (stream.length + 1);
        const got: RawRequest[] = [];
        let at = 0;
        for (;;) {
          const result = parseRequest(stream.subarray(at, cut));
          if (result.kind === "incomplete") break;
          const { request, consumed } = requestOf(result, "a generated request");
          got.push(request);
          at += consumed;
        }
        // How many requests end at or before the cut?
        let complete = 0;
        for (let i = 0, end = 0; i < parts.length; i++) {
          end += parts[i]?.length ?? 0;
          if (end <= cut) complete = i + 1;
        }
        assert.equal(got.length, complete, `${complete} complete request(s) lie before byte ${cut} of ${stream.length}`);
        got.forEach((r, i) => {
          assert.equal(r.method, reqs[i]?.method);
          assert.equal(r.target, reqs[i]?.target);
          assert.ok(r.body.equals(reqs[i]?.body ?? Buffer.alloc(0)), `request ${i + 1} should carry its own body, byte for byte`);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("parseRequest: refusing", () => {
  test("HTTP/1.1 needs exactly one Host (400 without one or with two); HTTP/1.0 may leave it out", () => {
    expectError(wire(["GET / HTTP/1.1", "Accept: */*"]), 400, "an HTTP/1.1 request without Host");
    expectError(wire(["GET / HTTP/1.1", "Host: a", "Host: b"]), 400, "a request with two Host headers");
    const old = requestOf(parseRequest(wire(["GET / HTTP/1.0"])), "an HTTP/1.0 request without Host");
    assert.equal(old.request.version, "HTTP/1.0");
  });

  test("a Transfer-Encoding, chunked or any other, is answered 501 Not Implemented", () => {
    expectError(wire(["POST /up HTTP/1.1", "Host: a", "Transfer-Encoding: chunked"], "5\r\nhello\r\n0\r\n\r\n"), 501, "a chunked body");
    expectError(wire(["POST /up HTTP/1.1", "Host: a", "transfer-encoding: gzip, chunked"]), 501, "a lower-case transfer-encoding");
  });

  test("broken framing is a 400; an HTTP version other than 1.0 and 1.1 is a 505", () => {
    const cases: [string, Buffer][] = [
      ["a start line with four parts", wire(["GET /a b HTTP/1.1", "Host: a"])],
      ["a start line with two parts", wire(["GET HTTP/1.1", "Host: a"])],
      ["a version that is not HTTP/x.y", wire(["GET / HTPP/1.1", "Host: a"])],
      ["a header line without a colon", wire(["GET / HTTP/1.1", "Host: a", "Oops"])],
      ["a space between header name and colon", wire(["GET / HTTP/1.1", "Host : a"])],
      ["a folded header line", wire(["GET / HTTP/1.1", "Host: a", "X-Long: one", " two"])],
      ["a Content-Length that is not a number", wire(["POST / HTTP/1.1", "Host: a", "Content-Length: ten"], "0123456789")],
      ["a negative Content-Length", wire(["POST / HTTP/1.1", "Host: a", "Content-Length: -1"])],
      ["two different Content-Lengths", wire(["POST / HTTP/1.1", "Host: a", "Content-Length: 3", "Content-Length: 4"], "abcd")],
    ];
    for (const [why, buf] of cases) expectError(buf, 400, why);
    expectError(wire(["GET / HTTP/2.0", "Host: a"]), 505, "an HTTP/2.0 start line");
  });
});

describe("parseRequest: limits", () => {
  test("a head over maxHeaderBytes is 431; a head of exactly maxHeaderBytes parses", () => {
    const buf = wire(["GET / HTTP/1.1", "Host: a", `Cookie: ${"x".repeat(60)}`]);
    // The head is every byte up to and including the blank line; this request has no body.
    const size = buf.length;
    requestOf(parseRequest(buf, { maxHeaderBytes: size }), `a ${size}-byte head with maxHeaderBytes ${size}`);
    expectError(buf, 431, `a ${size}-byte head with maxHeaderBytes ${size - 1}`, { maxHeaderBytes: size - 1 });
  });

  test("a head that never ends is refused with 431 as soon as it passes the limit, not buffered for ever", () => {
    // No blank line yet, and already more than the limit: waiting for more bytes cannot help.
    const endless = Buffer.from(`GET / HTTP/1.1\r\nHost: a\r\nX-Pad: ${"y".repeat(200)}\r\n`, "latin1");
    expectError(endless, 431, "a 234-byte unfinished head with maxHeaderBytes 100", { maxHeaderBytes: 100 });
  });

  test("a Content-Length over maxBodyBytes is 413 as soon as the head is in, before any body arrives", () => {
    const head = wire(["POST /upload HTTP/1.1", "Host: a", "Content-Length: 1001"]);
    expectError(head, 413, "Content-Length 1001 with maxBodyBytes 1000 (no body bytes sent yet)", { maxBodyBytes: 1000 });
    const ok = wire(["POST /upload HTTP/1.1", "Host: a", "Content-Length: 1000"], "z".repeat(1000));
    requestOf(parseRequest(ok, { maxBodyBytes: 1000 }), "a body of exactly maxBodyBytes");
  });

  test("the default limits are an 8 KiB head and a 1 MiB body", () => {
    expectError(wire(["GET / HTTP/1.1", "Host: a", `Cookie: ${"c".repeat(8200)}`]), 431, "a head of about 8.2 KB with default limits");
    const big = (n: number) => wire(["POST / HTTP/1.1", "Host: a", `Content-Length: ${n}`]);
    expectError(big(1_048_577), 413, "Content-Length 1,048,577 with default limits");
    assert.deepEqual(
      parseRequest(big(1_048_576)),
      { kind: "incomplete" },
      "Content-Length of exactly 1 MiB is allowed; its body has not arrived yet",
    );
  });
});
