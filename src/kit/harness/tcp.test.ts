/**
 * tcp.ts: the raw client against net servers that control every byte they send.
 */
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, test } from "node:test";
import { HarnessFailure } from "./failure.js";
import { type RawConnection, rawConnect } from "./tcp.js";

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface Peer {
  readonly port: number;
  /** What the server received, and in how many 'data' events. */
  readonly got: { text: string; events: number };
}

async function peer(onConnection: (s: Socket) => void = () => {}): Promise<Peer> {
  const sockets = new Set<Socket>();
  const got = { text: "", events: 0 };
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("data", (c: Buffer) => {
      got.text += c.toString("latin1");
      got.events++;
    });
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    onConnection(s);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanup.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return { port: (server.address() as { port: number }).port, got };
}

async function connectTo(p: Peer): Promise<RawConnection> {
  const c = await rawConnect(p.port);
  cleanup.push(c.destroy);
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

describe("rawConnect", () => {
  test("writeSlowly delivers every byte, in order, in several pieces", async () => {
    const p = await peer();
    const c = await connectTo(p);
    const request = "GET /notes HTTP/1.1\r\nHost: x\r\n\r\n";
    await c.writeSlowly(request, { chunk: 3, delayMs: 2 });
    for (let i = 0; i < 100 && p.got.text.length < request.length; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(p.got.text, request);
    assert.ok(p.got.events > 1, `the server got it in ${p.got.events} piece(s)`);
  });

  test("readResponse takes pipelined responses apart, one at a time", async () => {
    const p = await peer((s) =>
      s.write(
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello" +
          "HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nnop" +
          "HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n",
      ),
    );
    const c = await connectTo(p);
    const first = await c.readResponse();
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("x-a"), "1");
    assert.equal(first.body.toString(), "hello");
    const second = await c.readResponse();
    assert.equal(second.status, 404);
    assert.equal(second.body.toString(), "nop");
    const third = await c.readResponse();
    assert.equal(third.status, 204, "a 204 has no body whatever its Content-Length says");
    assert.equal(third.body.length, 0);
    assert.equal(c.received().length, 0, "nothing is left over");
  });

  test("closed() resolves once the server ends the connection", async () => {
    const p = await peer((s) => setTimeout(() => s.end("bye"), 30));
    const c = await connectTo(p);
    await c.closed();
    assert.equal(c.received().toString(), "bye");
  });

  test("waitFor times out naming what it waited for and showing what arrived", async () => {
    const p = await peer((s) => s.write("hi"));
    const c = await connectTo(p);
    await c.waitFor((b) => b.length === 2, "the greeting");
    const e = await rejection(c.waitFor((b) => b.includes("\r\n\r\n"), "end of the headers", 100));
    assert.equal(e.message.split("\n")[0], "no end of the headers within 100 ms");
    assert.equal(e.dojoContext, 'received (2 bytes):\n"hi"');
  });

  test("waitFor fails at once when the connection closes first", async () => {
    const p = await peer((s) => s.end("partial"));
    const c = await connectTo(p);
    const e = await rejection(c.waitFor((b) => b.includes("\r\n\r\n"), "end of the headers", 3000));
    assert.equal(e.message.split("\n")[0], "the connection closed before end of the headers");
  });

  test("a refused connection rejects with the port", async () => {
    const p = await peer();
    await cleanup.pop()?.();
    const e = await rejection(rawConnect(p.port));
    assert.match(e.message, new RegExp(`^could not connect to 127\\.0\\.0\\.1:${p.port}: .*ECONNREFUSED`));
  });
});
