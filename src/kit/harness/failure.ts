/**
 * What a failed network check tells the learner: the request the harness sent, what came
 * back, expected against received, and commands that replay the test's requests against
 * their own server. The reporter reads `dojoContext` and `dojoRepro` off the error.
 */
import { AssertionError } from "node:assert";
import type { Exchange } from "./http.js";

const SHOWN_BODY = 600;

export class HarnessFailure extends AssertionError {
  readonly dojoContext: string;
  readonly dojoRepro: string | undefined;
  constructor(opts: { message: string; expected?: unknown; actual?: unknown; context?: string; repro?: string }) {
    super({
      message: opts.message,
      expected: opts.expected,
      actual: opts.actual,
      operator: opts.expected === undefined ? "fail" : "strictEqual",
    });
    this.dojoContext = opts.context ?? "";
    this.dojoRepro = opts.repro;
  }
}

/** A request and its response as raw-ish HTTP text, bodies cut to a readable length. */
export function describeExchange(x: Exchange): string {
  const req = [`${x.method} ${x.path} HTTP/1.1`, ...Object.entries(x.requestHeaders).map(([k, v]) => `${k}: ${v}`)];
  const lines = ["request sent:", ...indent(req), ...indent(bodyLines(x.requestBody))];
  if (x.error) {
    lines.push("no response:", `  ${x.error}`);
  } else {
    const head = [`HTTP/1.1 ${x.status}`, ...Object.entries(x.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`)];
    lines.push("response received:", ...indent(head), ...indent(bodyLines(x.body)));
  }
  return lines.join("\n");
}

function bodyLines(body: Buffer | undefined): string[] {
  if (!body || body.length === 0) return [];
  const text = body.toString("utf8");
  if (text.includes("\uFFFD")) return ["", `(${body.length} bytes of binary data)`];
  const cut = text.length > SHOWN_BODY ? `${text.slice(0, SHOWN_BODY)}… (${text.length - SHOWN_BODY} more characters)` : text;
  return ["", ...cut.split("\n")];
}

const indent = (lines: string[]) => lines.map((l) => `  ${l}`);

/** The port the replay uses; TS_DOJO_REPRO_PORT moves it (our own tests, a busy 4000). */
const reproPort = () => Number(process.env.TS_DOJO_REPRO_PORT) || 4000;

/**
 * Shell commands that replay `exchanges` in order against `ts-dojo run <task> --port 4000`.
 * An id the server chose (a Location header) is captured in a variable and reused, so a
 * create-then-fetch sequence replays against whatever ids the server hands out this time.
 */
export function reproCommands(exchanges: readonly Exchange[], task: string | undefined): string | undefined {
  if (!task || exchanges.length === 0) return undefined;
  const port = reproPort();
  const base = `http://127.0.0.1:${port}`;
  const captured: Array<{ path: string; id: string; n: number }> = [];
  const lines = [
    `npx ts-dojo run ${task} --port ${port} &   # your server, in the background`,
    `for i in $(seq 50); do curl -so /dev/null ${base}/ && break; sleep 0.2; done   # wait until it listens`,
  ];
  exchanges.forEach((x, i) => {
    const target = renderTarget(base, x.path, captured);
    const args = curlArgs(x);
    const location = locationPath(x);
    const usedLater = location !== undefined && exchanges.slice(i + 1).some((y) => y.path.includes(location.split("/").pop() ?? location));
    if (location && usedLater) {
      const n = captured.length + 1;
      captured.push({ path: location, id: location.split("/").pop() ?? "", n });
      // Show the whole response and keep its Location: curl appends it as a last line we split off.
      lines.push(`r=$(curl -si -w '\\n%header{location}'${args} ${target}); printf '%s\\n' "\${r%$'\\n'*}"; loc${n}=\${r##*$'\\n'}`);
    } else {
      lines.push(`curl -i${args} ${target}; echo`);
    }
  });
  lines.push("kill %1   # stop the server");
  return lines.join("\n");
}

/** The URL as shell words: literal parts quoted, a captured Location (or its last segment) as a variable. */
function renderTarget(base: string, path: string, captured: ReadonlyArray<{ path: string; id: string; n: number }>): string {
  const quote = (s: string) => (s ? `'${escapeQuote(s)}'` : "");
  // Only whole path segments match: after /notes/1, /notes/17 is a different note.
  const ends = (rest: string) => rest === "" || rest.startsWith("/") || rest.startsWith("?");
  for (const c of captured) {
    if (path.startsWith(c.path) && ends(path.slice(c.path.length)))
      return `${quote(base)}"\${loc${c.n}}"${quote(path.slice(c.path.length))}`;
    const at = c.id ? path.indexOf(`/${c.id}`) : -1;
    const rest = at === -1 ? "" : path.slice(at + 1 + c.id.length);
    if (at !== -1 && ends(rest)) return `${quote(base + path.slice(0, at + 1))}"\${loc${c.n}##*/}"${quote(rest)}`;
  }
  return quote(base + path);
}

function curlArgs(x: Exchange): string {
  const parts: string[] = [];
  if (x.method === "HEAD") parts.push("--head");
  // curl sends GET without a body and POST with one; anything else must be named.
  else if (x.method !== (x.requestBody?.length ? "POST" : "GET")) parts.push(`-X ${x.method}`);
  for (const [k, v] of Object.entries(x.requestHeaders)) {
    if (k === "host" || k === "connection" || k === "content-length") continue;
    parts.push(`-H '${escapeQuote(`${k}: ${v}`)}'`);
  }
  if (x.requestBody?.length) {
    const text = x.requestBody.toString("utf8");
    parts.push(text.includes("\uFFFD") ? `--data-binary @body.bin` : `--data-raw '${escapeQuote(text)}'`);
  }
  return parts.length ? ` ${parts.join(" ")}` : "";
}

function locationPath(x: Exchange): string | undefined {
  const raw = x.headers.location;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  try {
    return new URL(value, "http://127.0.0.1").pathname;
  } catch {
    return undefined;
  }
}

const escapeQuote = (s: string) => s.replace(/'/g, `'\\''`);
