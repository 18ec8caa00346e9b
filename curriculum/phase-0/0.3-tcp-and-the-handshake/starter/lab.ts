// Optional lab for task 0.3 (read-only, not graded): open a TCP connection, send two writes,
// then knock on a port where nobody listens.
//   npx tsx lab.ts                   everything on 127.0.0.1
//   npx tsx lab.ts example.com 80    time the DNS lookup and the handshake with a real server far away
// On Node 22.6 or newer, `node --experimental-strip-types lab.ts` works too.
import { lookup } from "node:dns/promises";
import { once } from "node:events";
import { type AddressInfo, connect, createServer, isIP, type Socket } from "node:net";
import { performance } from "node:perf_hooks";

const since = (started: number): string => `${(performance.now() - started).toFixed(2)} ms`;
const codeOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? String(err);

/**
 * Resolves the name first, then connects to the address, and prints the two times apart:
 * the DNS lookup is not part of the TCP handshake. Returns the socket, or undefined on an error.
 */
async function open(host: string, port: number): Promise<Socket | undefined> {
  let address = host;
  let dnsTime = "none (already an IP address)";
  if (isIP(host) === 0) {
    const lookupStarted = performance.now();
    try {
      address = (await lookup(host)).address;
    } catch (err) {
      console.log(`DNS lookup of ${host} failed after ${since(lookupStarted)}: ${codeOf(err)}`);
      return undefined;
    }
    dnsTime = since(lookupStarted);
  }

  const started = performance.now();
  const socket = connect(port, address);
  try {
    await once(socket, "connect"); // resolves when SYN, SYN-ACK, ACK are done
    console.log(`connected to ${host}:${port} (${address}): DNS lookup ${dnsTime}, handshake ${since(started)}`);
    return socket;
  } catch (err) {
    console.log(`${host}:${port} (${address}) failed after ${since(started)}: ${codeOf(err)}`);
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
