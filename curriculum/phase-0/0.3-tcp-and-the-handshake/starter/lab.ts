// Optional lab for task 0.3 (read-only, not graded): open a TCP connection, send two writes,
// then knock on a port where nobody listens.
//   npx tsx lab.ts                   everything on 127.0.0.1
//   npx tsx lab.ts example.com 80    time the handshake with a real server far away
// On Node 22.6 or newer, `node --experimental-strip-types lab.ts` works too.
import { once } from "node:events";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { performance } from "node:perf_hooks";

/** Connects and prints how long the handshake took, or which error came back. */
async function open(host: string, port: number): Promise<Socket | undefined> {
  const started = performance.now();
  const socket = connect(port, host);
  const elapsed = () => `${(performance.now() - started).toFixed(2)} ms`;
  try {
    await once(socket, "connect"); // resolves when SYN, SYN-ACK, ACK are done
    console.log(`connected to ${host}:${port}, handshake took ${elapsed()}`);
    return socket;
  } catch (err) {
    console.log(`${host}:${port} failed after ${elapsed()}: ${(err as NodeJS.ErrnoException).code}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const [remoteHost, remotePort = "80"] = process.argv.slice(2);
  if (remoteHost) {
    (await open(remoteHost, Number(remotePort)))?.end();
    return;
  }

  const server = createServer((socket) => {
    socket.on("data", (chunk) => console.log(`server: one "data" event: ${JSON.stringify(String(chunk))}`));
  });
  await once(server.listen(0, "127.0.0.1"), "listening");
  const { port } = server.address() as AddressInfo;

  for (let i = 0; i < 3; i++) (await open("127.0.0.1", port))?.end(); // the first run includes warm-up
  const client = await open("127.0.0.1", port);
  client?.write("hello");
  client?.write("world"); // two writes: count the "data" events the server prints
  await new Promise((resolve) => setTimeout(resolve, 100));
  client?.end();
  await new Promise((resolve) => server.close(resolve)); // now nobody listens on `port`
  await open("127.0.0.1", port);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
