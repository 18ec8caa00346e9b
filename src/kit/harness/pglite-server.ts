/**
 * PGlite behind a PostgreSQL wire-protocol socket on a loopback port, so learner code reaches
 * it with plain `pg` exactly as it would reach a real server.
 */
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { openPglite } from "./pglite-snapshot.js";

export interface PgliteServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Stop listening, drop every connection, close the database. */
  stop(): Promise<void>;
}

/**
 * PGlite is a single backend session. The socket server feeds every connection's messages into
 * it one at a time, holding other connections back while one has a transaction open. Its
 * default of one connection would cut the learner's own pool off ("Connection terminated
 * unexpectedly") the moment ours is open, so allow a few; our pool keeps to one (database.ts).
 */
const MAX_CONNECTIONS = 16;

export async function servePglite(): Promise<PgliteServer> {
  const { db } = await openPglite();
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: MAX_CONNECTIONS });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  // The port is private; getServerConn() reports "host:port" with the one the OS picked.
  const port = Number(server.getServerConn().split(":").pop());
  return {
    // The session is user postgres on database postgres whatever the startup message asks for.
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      const listening = countListening();
      await server.stop();
      await db.close();
      await listenerReleased(listening);
    },
  };
}

const countListening = () => process.getActiveResourcesInfo().filter((r) => r === "TCPServerWrap").length;

/**
 * stop() resolves on the net server's 'close' event, a turn or two before libuv lets go of the
 * listening handle; a leak check run straight after close() would still see it. Wait that out.
 */
async function listenerReleased(before: number): Promise<void> {
  for (let turn = 0; turn < 20 && countListening() >= before; turn++) {
    await new Promise((r) => setImmediate(r));
  }
}
