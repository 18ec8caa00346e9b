import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { serializeResponse } from "./src/raw-http.ts";

/** The response as text with CRLFs shown, so a failure message shows exactly what was written. */
const show = (b: Buffer) => JSON.stringify(b.toString("latin1"));

describe("serializeResponse", () => {
  test("writes the status line with its reason phrase, the headers, Content-Length, a blank line and the body", () => {
    const out = serializeResponse({ status: 201, headers: { "Content-Type": "text/plain", Location: "/notes/7" }, body: "made" });
    const text = out.toString("latin1");
    const [head = "", body] = text.split("\r\n\r\n");
    const [statusLine, ...lines] = head.split("\r\n");
    assert.equal(statusLine, "HTTP/1.1 201 Created", `the first line should be "HTTP/1.1 201 Created"; got ${show(out)}`);
    const names = lines.map((l) => l.slice(0, l.indexOf(":")).toLowerCase()).sort();
    assert.deepEqual(names, ["content-length", "content-type", "location"], `expected exactly these headers; got ${show(out)}`);
    assert.ok(lines.includes("Location: /notes/7"), `each header is written as "Name: value"; got ${show(out)}`);
    assert.equal(body, "made", "the body follows the blank line unchanged");
    assert.equal(serializeResponse({ status: 404 }).toString("latin1").split("\r\n")[0], "HTTP/1.1 404 Not Found");
    assert.equal(serializeResponse({ status: 431 }).toString("latin1").split("\r\n")[0], "HTTP/1.1 431 Request Header Fields Too Large");
  });

  test("Content-Length is the body's size in bytes, replacing any the handler set, whatever its case", () => {
    const body = "héllo wörld ✓"; // 13 characters, 17 bytes in UTF-8
    const variants: Record<string, string>[] = [{}, { "content-length": "13" }, { "CONTENT-LENGTH": "999" }];
    for (const headers of variants) {
      const text = serializeResponse({ status: 200, headers, body }).toString("latin1");
      const lengths = [...text.matchAll(/^content-length:\s*(\S+)\r$/gim)].map((m) => m[1]);
      assert.deepEqual(
        lengths,
        ["17"],
        `expected one Content-Length of 17 (bytes, not characters) with headers ${JSON.stringify(headers)}; got ${JSON.stringify(text)}`,
      );
    }
    const empty = serializeResponse({ status: 200 });
    assert.ok(
      /\r\ncontent-length: 0\r\n\r\n$/i.test(empty.toString("latin1")),
      `a response without a body says Content-Length: 0; got ${show(empty)}`,
    );
  });

  test("a Buffer body is written byte for byte", () => {
    const bytes = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a, 0x80, 0x7f]);
    const out = serializeResponse({ status: 200, headers: { "Content-Type": "application/octet-stream" }, body: bytes });
    assert.ok(out.subarray(out.length - bytes.length).equals(bytes), `the last 8 bytes should be the body unchanged; got ${show(out)}`);
    assert.ok(/content-length: 8\r\n/i.test(out.toString("latin1")), "an 8-byte Buffer body has Content-Length: 8");
  });

  test("204 No Content carries neither a body nor a Content-Length", () => {
    const out = serializeResponse({ status: 204, headers: { "X-Id": "1" }, body: "ignored" });
    const text = out.toString("latin1");
    assert.ok(text.startsWith("HTTP/1.1 204 No Content\r\n"), `got ${show(out)}`);
    assert.ok(text.endsWith("\r\n\r\n"), `a 204 ends at the blank line; got ${show(out)}`);
    assert.ok(!/content-length/i.test(text), `a 204 must not send Content-Length (RFC 9110 §8.6); got ${show(out)}`);
  });
});
