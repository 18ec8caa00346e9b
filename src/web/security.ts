/**
 * The web app runs the learner's code, so no other web page may drive it:
 *  - DNS rebinding: a request whose Host is not our own loopback name and port is refused.
 *  - CSRF: every state-changing request must carry the per-launch secret, either in the
 *    x-dojo-secret header or in the cookie the first page load set from the printed URL.
 *  - No CORS headers are ever sent, so a cross-origin page cannot read our answers.
 */
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

export function allowedHosts(port: number): Set<string> {
  return new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
}

export function guard(opts: { port: () => number; secret: string }): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host") ?? "";
    if (!allowedHosts(opts.port()).has(host)) return c.text("Refused: this server only answers to its own loopback address.", 403);
    const given = c.req.query("secret");
    if (given !== undefined && same(given, opts.secret)) {
      // The printed URL carries the secret once; from then on the cookie does.
      setCookie(c, "dojo_secret", opts.secret, { httpOnly: true, sameSite: "Strict", path: "/" });
    }
    if (!["GET", "HEAD"].includes(c.req.method)) {
      const sent = c.req.header("x-dojo-secret") ?? getCookie(c, "dojo_secret") ?? "";
      const origin = c.req.header("origin");
      if (origin && !allowedHosts(opts.port()).has(origin.replace(/^https?:\/\//, "")))
        return c.text("Refused: cross-origin request.", 403);
      if (!same(sent, opts.secret)) return c.text("Refused: missing or wrong launch secret. Open the URL `ts-dojo serve` printed.", 403);
    }
    await next();
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
