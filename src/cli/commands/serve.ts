/** ts-dojo serve [--port N] [--no-open]: the local web app on 127.0.0.1, with a per-launch secret. */
import { randomBytes } from "node:crypto";
import { serve } from "@hono/node-server";
import { findWorkspace } from "../../store/workspace.js";
import { createApp } from "../../web/app.js";
import type { Parsed } from "../command.js";
import type { IO } from "../io.js";

export const options = { port: { type: "string", short: "p" }, "no-open": { type: "boolean" } } as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  await findWorkspace(io.cwd);
  const secret = randomBytes(18).toString("base64url");
  let port = Number(args.values.port ?? 4873);
  const app = createApp({ io, port: () => port, secret });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  const address = server.address();
  if (address && typeof address === "object") port = address.port;
  const url = `http://127.0.0.1:${port}/?secret=${secret}`;
  io.out(
    `${io.color.green("✓")} ts-dojo is serving your dojo at\n  ${io.color.bold(url)}\n${io.color.dim("Only this machine can reach it; the secret in the URL guards every action. Ctrl-C to stop.")}`,
  );
  if (!args.values["no-open"] && io.interactive) {
    const { spawn } = await import("node:child_process");
    const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "start" : "xdg-open";
    spawn(opener, [url], { stdio: "ignore", detached: true })
      .on("error", () => {})
      .unref();
  }
  return new Promise<number>((resolve) => {
    const stop = () => {
      server.close();
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
