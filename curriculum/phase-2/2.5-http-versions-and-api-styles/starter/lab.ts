// Lab for task 2.5 (read-only, not graded): the same 100 requests over HTTP/1.1 and over HTTP/2.
//   npx tsx lab.ts
// On Node 22.6 or newer, `node --experimental-strip-types lab.ts` works too.
//
// Two local servers answer every request after the same fixed delay, like a handler that waits
// on a database. The lab sends 100 requests three ways and prints how long each took:
//   1. HTTP/1.1, one keep-alive socket        (one request at a time)
//   2. HTTP/1.1, six keep-alive sockets       (what a browser does for one origin)
//   3. HTTP/2, one session over one socket    (cleartext "h2c", many streams at once)
// Copy the numbers of runs 2 and 3 into `labObservation` in answers.ts.
import { once } from "node:events";
import http, { type IncomingMessage } from "node:http";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

const REQUESTS = 100;
const DELAY_MS = 20; // how long each server "works" on a request

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An HTTP/1.1 server whose every answer takes DELAY_MS. */
async function startH1(): Promise<{ port: number; server: http.Server }> {
  const server = http.createServer((_req, res) => {
    setTimeout(() => res.end("ok"), DELAY_MS);
  });
  await once(server.listen(0, "127.0.0.1"), "listening");
  return { port: (server.address() as AddressInfo).port, server };
}

/** An HTTP/2 server without TLS ("h2c"); each request arrives as a stream on the session. */
async function startH2(): Promise<{ port: number; server: http2.Http2Server }> {
  const server = http2.createServer();
  server.on("stream", (stream) => {
    setTimeout(() => {
      if (stream.destroyed) return;
      stream.respond({ ":status": 200 });
      stream.end("ok");
    }, DELAY_MS);
  });
  await once(server.listen(0, "127.0.0.1"), "listening");
  return { port: (server.address() as AddressInfo).port, server };
}

/** Sends REQUESTS GETs at once through an agent that may open at most `sockets` connections. */
async function runH1(port: number, sockets: number): Promise<{ ms: number; socketsUsed: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const seen = new Set<unknown>();
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/", agent }, (res: IncomingMessage) => {
        res.resume(); // read the body so the socket is free for the next request
        res.on("end", () => resolve());
      });
      req.on("socket", (socket) => seen.add(socket));
      req.on("error", reject);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: REQUESTS }, one));
  const ms = performance.now() - started;
  agent.destroy();
  return { ms, socketsUsed: seen.size };
}

/** Sends REQUESTS GETs at once as streams of a single HTTP/2 session. */
async function runH2(port: number): Promise<{ ms: number }> {
  const session = http2.connect(`http://127.0.0.1:${port}`);
  await once(session, "connect");
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const stream = session.request({ ":path": "/" });
      stream.resume();
      stream.on("end", () => resolve());
      stream.on("error", reject);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: REQUESTS }, one));
  const ms = performance.now() - started;
  session.close();
  return { ms };
}

async function main(): Promise<void> {
  const h1 = await startH1();
  const h2 = await startH2();
  try {
    // Warm up both paths once so the first measurement does not pay for loading code.
    await runH1(h1.port, 6);
    await runH2(h2.port);
    await sleep(50);

    const oneSocket = await runH1(h1.port, 1);
    const sixSockets = await runH1(h1.port, 6);
    const oneSession = await runH2(h2.port);

    const row = (label: string, ms: number, note: string): string => `${label.padEnd(34)}${ms.toFixed(0).padStart(6)} ms   ${note}`;
    console.log(`${REQUESTS} requests, each answered after ${DELAY_MS} ms\n`);
    console.log(row("HTTP/1.1, one keep-alive socket", oneSocket.ms, `(${oneSocket.socketsUsed} socket used)`));
    console.log(row("HTTP/1.1, six keep-alive sockets", sixSockets.ms, `(${sixSockets.socketsUsed} sockets used)`));
    console.log(row("HTTP/2, one session", oneSession.ms, "(1 socket, 100 streams)"));
    console.log("\nPaste into answers.ts:");
    console.log(`  labObservation: { h1Ms: ${Math.round(sixSockets.ms)}, h2Ms: ${Math.round(oneSession.ms)} },`);
  } finally {
    h1.server.close();
    h2.server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
