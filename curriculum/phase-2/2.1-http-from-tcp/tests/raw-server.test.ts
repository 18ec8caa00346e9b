import assert from "node:assert/strict";
import { describe, test as nodeTest } from "node:test";
import { accepting, useServer } from "ts-dojo/harness";
import { type Handler, type RawRequest, startRawServer } from "./src/raw-http.ts";
import { HANG_MS, wire, withRaw } from "./wire.ts";

// A hung server fails a test within a few seconds instead of stalling the run.
const test = (name: string, fn: () => Promise<void>) => nodeTest(name, { timeout: 4000 }, fn);
const quick = { timeoutMs: HANG_MS };

/** Every request the handler saw in the current test. */
let seen: RawRequest[] = [];

/** A response too big to fit in the socket buffers at once: the server is still writing it for a while. */
const BIG = Buffer.alloc(16 * 1024 * 1024, "x");

// /slow answers after a short pause, /boom throws, /big is 16 MiB, everything else describes the request.
const handler: Handler = async (req) => {
  seen.push(req);
  if (req.target === "/big") return { status: 200, body: BIG };
  if (req.target === "/slow") {
    await new Promise((r) => setTimeout(r, 30));
    return { status: 200, body: "slow" };
  }
  if (req.target === "/boom") throw new Error("the handler broke");
  return {
    status: 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      method: req.method,
      target: req.target,
      headers: Object.fromEntries(req.headers),
      body: req.body.toString("utf8"),
    }),
  };
};

describe("startRawServer without a handler", () => {
  const api = useServer(() => startRawServer({ port: 0 }));

  test("answers every request with a JSON echo of method, target and body length", async () => {
    const reply = await api.post("/echo?x=1", { body: "hello world", ...quick });
    reply.expectStatus(200).expectContentType("application/json").expectJson({ method: "POST", target: "/echo?x=1", bodyLength: 11 });
  });
});

describe("startRawServer over a real HTTP client", () => {
  const api = useServer(() => {
    seen = [];
    return startRawServer({ port: 0, handler });
  });

  test("GET and POST reach the handler with method, target, lower-cased headers and the body", async () => {
    const got = await api.get("/notes?limit=2", { headers: { "X-Trace": "abc" }, ...quick });
    got.expectStatus(200).expectJsonMatch({ method: "GET", target: "/notes?limit=2", headers: { "x-trace": ["abc"] }, body: "" });
    const posted = await api.post("/notes", { json: { title: "milk" }, ...quick });
    posted
      .expectStatus(200)
      .expectJsonMatch({ method: "POST", headers: { "content-type": ["application/json"] }, body: '{"title":"milk"}' });
  });

  test("a handler that throws becomes a 500, and the server goes on serving", async () => {
    (await api.get("/boom", quick)).expectStatus(500);
    (await api.get("/after", quick)).expectStatus(200).expectJsonMatch({ target: "/after" });
  });
});

describe("startRawServer over raw TCP", () => {
  const api = useServer(() => {
    seen = [];
    return startRawServer({ port: 0, handler });
  });
  const get = (target: string, ...extra: string[]) => wire([`GET ${target} HTTP/1.1`, "Host: t", ...extra]);

  test("one keep-alive connection carries request after request", async () => {
    await withRaw(api.port, async (conn) => {
      for (const target of ["/one", "/two", "/three"]) {
        await conn.write(get(target));
        const res = await conn.readResponse(HANG_MS);
        assert.equal(res.status, 200, `${target} on the same connection should get a 200`);
        assert.equal(JSON.parse(res.body.toString()).target, target, "each response belongs to the request just sent");
      }
    });
  });

  test("two requests pipelined in one write are both answered, in order, even when the first is slower", async () => {
    await withRaw(api.port, async (conn) => {
      await conn.write(Buffer.concat([get("/slow"), get("/fast")]));
      const first = await conn.readResponse(HANG_MS);
      const second = await conn.readResponse(HANG_MS);
      assert.equal(first.body.toString(), "slow", "the first response must answer the first request");
      assert.equal(JSON.parse(second.body.toString()).target, "/fast", "the second request in the same buffer must not be dropped");
    });
  });

  test("Connection: close and HTTP/1.0 each get their response, then the server closes the connection", async () => {
    await withRaw(api.port, async (conn) => {
      await conn.write(get("/bye", "Connection: close"));
      assert.equal((await conn.readResponse(HANG_MS)).status, 200);
      await conn.closed(HANG_MS);
    });
    await withRaw(api.port, async (conn) => {
      await conn.write(wire(["GET /old HTTP/1.0"]));
      assert.equal((await conn.readResponse(HANG_MS)).status, 200, "HTTP/1.0 without Host is a valid request");
      await conn.closed(HANG_MS);
    });
  });

  test("a malformed request gets 400 and an oversized head gets 431, each followed by a close", async () => {
    await withRaw(api.port, async (conn) => {
      await conn.write(wire(["GET / HTTP/1.1"])); // no Host
      assert.equal((await conn.readResponse(HANG_MS)).status, 400, "an HTTP/1.1 request without Host");
      await conn.closed(HANG_MS);
    });
    await withRaw(api.port, async (conn) => {
      await conn.write(get("/", `Cookie: ${"k".repeat(10_000)}`));
      assert.equal((await conn.readResponse(HANG_MS)).status, 431, "a 10 KB head, over the default 8 KiB limit");
      await conn.closed(HANG_MS);
    });
    assert.equal(seen.length, 0, "the handler must never see a request the parser refused");
  });

  test("close() ends idle keep-alive connections instead of waiting for the client", async () => {
    await withRaw(api.port, async (conn) => {
      await conn.write(get("/idle"));
      await conn.readResponse(HANG_MS);
      const closing = api.close();
      await conn.closed(HANG_MS);
      await closing;
    });
  });
});

describe("startRawServer under faults", () => {
  const api = useServer(() => {
    seen = [];
    return startRawServer({ port: 0, handler });
  });

  test("a request arriving one byte every 2 ms is answered once, with its whole body", async () => {
    await withRaw(api.port, async (conn) => {
      await conn.writeSlowly(wire(["POST /trickle HTTP/1.1", "Host: t", "Content-Length: 5"], "hello"), { chunk: 1, delayMs: 2 });
      const res = await conn.readResponse(HANG_MS);
      assert.equal(res.status, 200);
      assert.equal(JSON.parse(res.body.toString()).body, "hello", "the handler should get all 5 body bytes");
      assert.equal(seen.length, 1, "bytes that trickle in still make exactly one request");
    });
  });

  test("clients that hang up or reset mid-body do not reach the handler or stop the server", async () => {
    const partial = wire(["POST /upload HTTP/1.1", "Host: t", "Content-Length: 100"], "only 20 of 100 bytes");
    await withRaw(api.port, async (conn) => {
      await conn.write(partial);
      conn.end();
      await conn.closed(HANG_MS);
    });
    await withRaw(api.port, async (conn) => {
      await conn.write(partial);
      conn.socket.resetAndDestroy();
    });
    (await api.get("/still-here", quick)).expectStatus(200).expectJsonMatch({ target: "/still-here" });
    assert.deepEqual(
      seen.map((r) => r.target),
      ["/still-here"],
      "a body cut short is not a request: the handler must see only /still-here",
    );
  });
});

describe("startRawServer when a client resets mid-response", () => {
  // This test starts its own server: errors raised on the server's sockets are then reported
  // against this test. (useServer starts servers in a hook, and node:test would blame the hook.)
  test("a client that resets while a large response is still being written does not crash the server", async () => {
    seen = [];
    const running = await startRawServer({ port: 0, handler });
    try {
      await withRaw(running.port, async (conn) => {
        await conn.write(wire(["GET /big HTTP/1.1", "Host: t"]));
        await conn.waitFor((got) => got.length > 0, "the first bytes of the 16 MiB response", HANG_MS);
        // The server still has megabytes queued for this socket; writing them now fails with
        // ECONNRESET or EPIPE, which the socket reports as an 'error' event.
        conn.socket.resetAndDestroy();
      });
      await withRaw(running.port, async (conn) => {
        await conn.write(wire(["GET /still-here HTTP/1.1", "Host: t"]));
        assert.equal((await conn.readResponse(HANG_MS)).status, 200, "a new client should still be served after the reset");
      });
    } finally {
      await running.close();
    }
    assert.equal(await accepting(running.port), false, "after close() the port should refuse connections");
  });
});
