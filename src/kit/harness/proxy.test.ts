/**
 * proxy.ts: each fault as a client through the proxy sees it, against a plain TCP target.
 * Latency is checked as a lower bound only; the other faults by bytes and events.
 */
import assert from "node:assert/strict";
import { connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, test } from "node:test";
import { type FaultProxy, startFaultProxy } from "./proxy.js";
import { type RawConnection, rawConnect } from "./tcp.js";

interface Target {
  readonly port: number;
  /** Bytes each accepted connection received, in order of connection. */
  readonly received: string[];
  close(): Promise<void>;
}

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** A TCP server that runs `onConnection` for each client (an echo by default) and records what arrives. */
async function target(onConnection: (s: Socket) => void = (s) => s.pipe(s)): Promise<Target> {
  const sockets = new Set<Socket>();
  const received: string[] = [];
  const server: Server = createServer((s) => {
    sockets.add(s);
    const i = received.push("") - 1;
    s.on("data", (c: Buffer) => {
      received[i] += c.toString("latin1");
    });
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    onConnection(s);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const t: Target = {
    port: (server.address() as { port: number }).port,
    received,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  cleanup.push(t.close);
  return t;
}

async function proxyTo(t: Target, fault?: Parameters<typeof startFaultProxy>[1]): Promise<FaultProxy> {
  const p = await startFaultProxy(t.port, fault);
  cleanup.push(p.close);
  return p;
}

async function through(p: FaultProxy): Promise<RawConnection> {
  const c = await rawConnect(p.port);
  cleanup.push(c.destroy);
  return c;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (c: RawConnection) => c.received().toString("latin1");

/** The error a plain socket to `port` sees after writing `data`; "closed" if none, "hung" after 2 s. */
function socketError(port: number, data: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ port, host: "127.0.0.1" });
    const hang = setTimeout(() => resolve("hung"), 2000);
    const done = (v: string) => {
      clearTimeout(hang);
      s.destroy();
      resolve(v);
    };
    s.on("connect", () => s.write(data));
    s.on("error", (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
    s.on("close", () => done("closed"));
  });
}

describe("startFaultProxy", () => {
  test("none forwards both ways", async () => {
    const p = await proxyTo(await target());
    const c = await through(p);
    await c.write("ping");
    await c.waitFor((b) => b.toString() === "ping", "the echo");
  });

  test("latency delays each direction by at least its ms", async () => {
    const ms = 150;
    const p = await proxyTo(await target(), { kind: "latency", ms });
    const c = await through(p);
    const sent = performance.now();
    await c.write("ping");
    await c.waitFor((b) => b.toString() === "ping", "the echo");
    const took = performance.now() - sent;
    // A lower bound only (timers may fire a little early relative to performance.now()).
    assert.ok(took >= 2 * ms * 0.8, `the echo came back after ${took.toFixed(0)} ms; latency ${ms} ms each way`);
  });

  test("cut-after delivers exactly that many bytes downstream, then closes", async () => {
    const p = await proxyTo(await target((s) => s.write("x".repeat(5000))), { kind: "cut-after", bytes: 100 });
    const c = await through(p);
    await c.closed();
    assert.equal(c.received().length, 100);
  });

  test("cut-after upstream lets that many bytes reach the server, then closes", async () => {
    const t = await target(() => {});
    const p = await proxyTo(t, { kind: "cut-after", bytes: 10, direction: "upstream" });
    const c = await through(p);
    await c.write("0123456789abcdefghij");
    await c.closed();
    for (let i = 0; i < 100 && t.received[0]?.length !== 10; i++) await sleep(10);
    assert.equal(t.received[0], "0123456789");
  });

  test("black-hole accepts the connection and answers nothing", async () => {
    const t = await target();
    const p = await proxyTo(t, { kind: "black-hole" });
    const c = await through(p);
    await c.write("ping");
    await sleep(200);
    assert.equal(c.received().length, 0);
    assert.equal(c.socket.destroyed, false, "the connection stays open");
    assert.deepEqual(t.received, [], "nothing reaches the server");
  });

  test("reset makes the client see ECONNRESET", async () => {
    const p = await proxyTo(await target(), { kind: "reset" });
    assert.equal(await socketError(p.port, "ping"), "ECONNRESET");
  });

  test("a fault set mid-connection applies to that connection", async () => {
    const p = await proxyTo(await target());
    const c = await through(p);
    await c.write("one");
    await c.waitFor((b) => b.toString() === "one", "the first echo");
    p.fault = { kind: "black-hole" };
    await c.write("two");
    await sleep(200);
    assert.equal(text(c), "one", "nothing comes back through the black hole");
    p.fault = { kind: "reset" };
    await c.write("three");
    await c.closed();
  });

  test("close() ends every connection and leaves no handle behind", async () => {
    const t = await target();
    const before = process.getActiveResourcesInfo();
    // What is open now and was not before (earlier tests' sockets may still be closing, so not "equal").
    const added = () => {
      const left = [...before];
      return process.getActiveResourcesInfo().filter((r) => {
        const i = left.indexOf(r);
        if (i === -1) return true;
        left.splice(i, 1);
        return false;
      });
    };
    const p = await startFaultProxy(t.port, { kind: "latency", ms: 5000 });
    const c = await rawConnect(p.port);
    await c.write("stuck behind the latency");
    for (let i = 0; i < 100 && t.received.length === 0; i++) await sleep(10);
    await p.close();
    await c.closed();
    for (let i = 0; i < 50 && added().length > 0; i++) await sleep(10);
    assert.deepEqual(added(), []);
  });

  test("connections counts connections, not sockets", async () => {
    const p = await proxyTo(await target());
    const c = await through(p);
    await c.write("ping");
    await c.waitFor((b) => b.toString() === "ping", "the echo");
    assert.equal(p.connections, 1);
  });

  test("bytes keep their order when latency is lifted mid-connection", async () => {
    const p = await proxyTo(await target(), { kind: "latency", ms: 200 });
    const c = await through(p);
    await c.write("A");
    await sleep(20);
    p.fault = { kind: "none" };
    await c.write("B");
    await c.waitFor((b) => b.length === 2, "both echoes");
    assert.equal(text(c), "AB");
  });

  test("under latency, what the server sent before closing still arrives", async () => {
    const p = await proxyTo(await target((s) => s.end("bye")), { kind: "latency", ms: 100 });
    const c = await through(p);
    await c.closed();
    assert.equal(text(c), "bye");
  });
});
