/**
 * ws.ts: the WebSocket test client against a `ws` server that echoes, pushes and closes on
 * request, and against servers that refuse the upgrade.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, test } from "node:test";
import { WebSocketServer } from "ws";
import { HarnessFailure } from "./failure.js";
import { type WsClient, wsConnect } from "./ws.js";

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Echoes what it gets; "push" sends {n:1..3}; "close" closes with 4001 "bye". Records how clients closed. */
async function wsServer(opts: { reject?: number } = {}) {
  const closes: number[] = [];
  const wss = new WebSocketServer({
    port: 0,
    host: "127.0.0.1",
    verifyClient: (_info, done) => (opts.reject ? done(false, opts.reject) : done(true)),
  });
  wss.on("connection", (ws) => {
    ws.on("close", (code) => closes.push(code));
    ws.on("message", (data) => {
      const m = data.toString();
      if (m === "push") for (const n of [1, 2, 3]) ws.send(JSON.stringify({ n }));
      else if (m === "close") ws.close(4001, "bye");
      else ws.send(m);
    });
  });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  cleanup.push(
    () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  );
  return { url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/live`, closes };
}

async function open(url: string): Promise<WsClient> {
  const c = await wsConnect(url);
  cleanup.push(() => c.socket.terminate());
  return c;
}

async function rejection(work: Promise<unknown>): Promise<HarnessFailure> {
  const e = await work.then(
    () => undefined,
    (err: unknown) => err,
  );
  assert.ok(e instanceof HarnessFailure, `expected a HarnessFailure, got ${String(e)}`);
  return e;
}

const headline = (e: Error) => e.message.split("\n")[0] ?? "";

describe("wsConnect", () => {
  test("next() gives messages in order, JSON parsed when it parses", async () => {
    const c = await open((await wsServer()).url);
    c.send({ a: 1 });
    c.send("plain text");
    assert.deepEqual(await c.next(), { a: 1 });
    assert.equal(await c.next(), "plain text");
    const e = await rejection(c.next(100));
    assert.equal(headline(e), "no message within 100 ms");
  });

  test("waitFor() skips to the first message that matches, or names what it waited for", async () => {
    const c = await open((await wsServer()).url);
    c.send("push");
    assert.deepEqual(await c.waitFor<{ n: number }>((m) => m.n === 2, "n = 2"), { n: 2 });
    assert.deepEqual(await c.next(), { n: 3 }, "the messages after the match stay queued");
    const e = await rejection(c.waitFor<{ n: number }>((m) => m.n === 4, "the message with n = 4", 100));
    assert.equal(headline(e), "no the message with n = 4 within 100 ms");
  });

  test("expectSilence() passes on silence and fails on a message", async () => {
    const c = await open((await wsServer()).url);
    await c.expectSilence(50);
    c.send({ late: true });
    const e = await rejection(c.expectSilence(200));
    assert.equal(headline(e), 'expected no message, got {"late":true}');
  });

  test("closed() gives the server's close code and reason; next() then fails naming the code", async () => {
    const c = await open((await wsServer()).url);
    c.send("close");
    assert.deepEqual(await c.closed(), { code: 4001, reason: "bye" });
    const e = await rejection(c.next());
    assert.equal(headline(e), "the connection closed (code 4001) before message");
  });

  test("close() closes with a close frame: both sides see 1005 (no code), never 1006", async () => {
    const s = await wsServer();
    const c = await open(s.url);
    c.close();
    assert.equal((await c.closed()).code, 1005);
    for (let i = 0; i < 100 && s.closes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(s.closes, [1005]);
  });

  test("drop() ends the connection without a close frame: the server sees 1006", async () => {
    const s = await wsServer();
    const c = await open(s.url);
    c.drop();
    for (let i = 0; i < 100 && s.closes.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(s.closes, [1006]);
  });

  test("an upgrade answered with 400 fails saying so", async () => {
    const s = await wsServer({ reject: 400 });
    const e = await rejection(wsConnect(s.url));
    assert.equal(headline(e), "the server answered the WebSocket upgrade with HTTP 400 instead of 101");
  });

  test("a nobody-listens URL fails naming the URL", async () => {
    const s = await wsServer();
    await cleanup.pop()?.();
    const e = await rejection(wsConnect(s.url));
    assert.match(headline(e), new RegExp(`^WebSocket to ${s.url} failed: .*ECONNREFUSED`));
  });

  test("after an upgrade refused by a keep-alive HTTP server, the client lets go of the connection", async () => {
    const sockets = new Set<Socket>();
    const server: Server = createServer((_req, res) => res.writeHead(400, { "content-type": "text/plain" }).end("no websockets here"));
    server.on("connection", (s) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanup.push(
      () =>
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    );
    const e = await rejection(wsConnect(`ws://127.0.0.1:${(server.address() as { port: number }).port}/live`));
    assert.match(headline(e), /HTTP 400 instead of 101/);
    // Generous: only a connection that is never let go keeps this loop running to the end.
    for (let i = 0; i < 100 && sockets.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(sockets.size, 0, "the server still holds the refused connection open");
  });
});
