/** Does something accept TCP connections at host:port? Dependency-free, for the CLI and the harness. */
import { connect } from "node:net";

/** True on a connection; false on refusal, any error, or no answer within timeoutMs. */
export function reachable(host: string, port: number, timeoutMs = 800): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
