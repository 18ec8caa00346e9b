// Small helpers the test files share: building request bytes by hand, and raw connections
// that are always destroyed, so no test leaves a socket behind.
import { type RawConnection, rawConnect } from "ts-dojo/harness";

/** A request head from its lines, CRLF-terminated, with the blank line, then the body. */
export function wire(lines: string[], body: string | Buffer = ""): Buffer {
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), Buffer.from(body)]);
}

/** Connects to the server, runs `fn`, and destroys the connection whatever happens. */
export async function withRaw<T>(port: number, fn: (conn: RawConnection) => Promise<T>): Promise<T> {
  const conn = await rawConnect(port);
  try {
    return await fn(conn);
  } finally {
    conn.destroy();
  }
}

/** Long enough only to catch a hang; a working server answers in a few milliseconds. */
export const HANG_MS = 1000;
