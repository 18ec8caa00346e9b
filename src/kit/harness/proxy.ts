/**
 * A fault-injecting TCP proxy in the spirit of toxiproxy: clients connect to the proxy, which
 * forwards to the target while adding latency, cutting a connection after N bytes, swallowing
 * traffic (a black hole: connected, silent) or resetting connections. Faults can change while
 * it runs, so a test can break the network mid-conversation.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export type Fault =
  | { kind: "none" }
  | { kind: "latency"; ms: number }
  | { kind: "cut-after"; bytes: number; direction?: "upstream" | "downstream" }
  | { kind: "black-hole" }
  | { kind: "reset" };

export interface FaultProxy {
  readonly port: number;
  readonly url: string;
  fault: Fault;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number, fault: Fault = { kind: "none" }, targetHost = "127.0.0.1"): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
  };
  const server: Server = createServer((client) => {
    track(client);
    const f = proxy.fault;
    if (f.kind === "reset") return void client.resetAndDestroy();
    if (f.kind === "black-hole") return void client.resume();
    const upstream = connect({ port: targetPort, host: targetHost });
    track(upstream);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    let passed = { upstream: 0, downstream: 0 };
    const pipe = (from: Socket, to: Socket, direction: "upstream" | "downstream") =>
      from.on("data", (chunk: Buffer) => {
        const now = proxy.fault;
        if (now.kind === "black-hole") return;
        if (now.kind === "reset") return void client.resetAndDestroy();
        if (now.kind === "cut-after" && (now.direction ?? "downstream") === direction) {
          const room = now.bytes - passed[direction];
          if (room <= chunk.length) {
            to.write(chunk.subarray(0, Math.max(0, room)), () => {
              client.destroy();
              upstream.destroy();
            });
            return;
          }
        }
        passed = { ...passed, [direction]: passed[direction] + chunk.length };
        if (now.kind === "latency") {
          const t = setTimeout(() => {
            timers.delete(t);
            to.write(chunk);
          }, now.ms);
          timers.add(t);
        } else to.write(chunk);
      });
    pipe(client, upstream, "upstream");
    pipe(upstream, client, "downstream");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const proxy: FaultProxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    fault,
    get connections() {
      return [...sockets].length;
    },
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
