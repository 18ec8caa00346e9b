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
  /** Client connections currently open through the proxy. */
  readonly connections: number;
  close(): Promise<void>;
}

type Direction = "upstream" | "downstream";

export async function startFaultProxy(targetPort: number, fault: Fault = { kind: "none" }, targetHost = "127.0.0.1"): Promise<FaultProxy> {
  const clients = new Set<Socket>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
  };
  const server: Server = createServer((client) => {
    track(client);
    clients.add(client);
    client.on("close", () => clients.delete(client));
    const f = proxy.fault;
    if (f.kind === "reset") return void client.resetAndDestroy();
    if (f.kind === "black-hole") return void client.resume();
    const upstream = connect({ port: targetPort, host: targetHost });
    track(upstream);
    const passed: Record<Direction, number> = { upstream: 0, downstream: 0 };
    // Delayed chunks leave in the order they came, through one queue per direction drained by
    // one timer (separate timers may fire out of order), and an end waits behind them.
    const queues: Record<Direction, Array<{ due: number; deliver: () => void }>> = { upstream: [], downstream: [] };
    const drain = (direction: Direction) => {
      const queue = queues[direction];
      while (queue.length > 0 && (queue[0]?.due ?? 0) <= Date.now()) queue.shift()?.deliver();
      const head = queue[0];
      if (!head) return;
      const t = setTimeout(() => {
        timers.delete(t);
        drain(direction);
      }, head.due - Date.now());
      timers.add(t);
    };
    const later = (direction: Direction, ms: number, deliver: () => void) => {
      const queue = queues[direction];
      const due = Math.max(Date.now() + ms, queue.at(-1)?.due ?? 0);
      if (queue.length === 0 && due <= Date.now()) return deliver();
      queue.push({ due, deliver });
      if (queue.length === 1) drain(direction);
    };
    const pipe = (from: Socket, to: Socket, direction: Direction) => {
      from.on("data", (chunk: Buffer) => {
        const now = proxy.fault;
        if (now.kind === "black-hole") return;
        if (now.kind === "reset") {
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
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
        passed[direction] += chunk.length;
        later(direction, now.kind === "latency" ? now.ms : 0, () => to.write(chunk));
      });
      // A clean end travels on (after the data ahead of it); a reset tears both sides down.
      from.on("end", () => later(direction, 0, () => to.end()));
      from.on("close", (hadError) => {
        if (hadError) to.destroy();
      });
    };
    pipe(client, upstream, "upstream");
    pipe(upstream, client, "downstream");
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const proxy: FaultProxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    fault,
    get connections() {
      return clients.size;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      const closing = [...sockets].map(
        (s) => new Promise<void>((r) => (s.destroyed && !sockets.has(s) ? r() : s.once("close", () => r()))),
      );
      for (const s of sockets) s.destroy();
      await Promise.all([...closing, new Promise<void>((r) => server.close(() => r()))]);
    },
  };
  return proxy;
}
