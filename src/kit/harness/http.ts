/**
 * The harness's HTTP client: node:http over one keep-alive agent per server under test (a
 * stranger's client, reusing connections as browsers do), recording every exchange so a
 * failure can show it and replay it. Responses carry fluent checks that fail with context.
 */

import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { inspect, isDeepStrictEqual } from "node:util";
import { describeExchange, HarnessFailure, reproCommands } from "./failure.js";

export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestBody: Buffer | undefined;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  error?: string;
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
  /** Sent as-is. */
  readonly body?: string | Buffer;
  /** Serialised with JSON.stringify and sent with content-type application/json. */
  readonly json?: unknown;
  /** Give up after this long (default 5 s): a server that never answers fails with a message, not a hang. */
  readonly timeoutMs?: number;
}

export class HttpClient {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  /** Every exchange since the current test began, in order. */
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly base: () => URL,
    private readonly task: () => string | undefined,
  ) {}

  get = (path: string, opts?: RequestOptions) => this.request("GET", path, opts);
  post = (path: string, opts?: RequestOptions) => this.request("POST", path, opts);
  put = (path: string, opts?: RequestOptions) => this.request("PUT", path, opts);
  patch = (path: string, opts?: RequestOptions) => this.request("PATCH", path, opts);
  delete = (path: string, opts?: RequestOptions) => this.request("DELETE", path, opts);
  head = (path: string, opts?: RequestOptions) => this.request("HEAD", path, opts);

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
    const base = this.base();
    const headers: Record<string, string> = { host: base.host, ...lower(opts.headers ?? {}) };
    let body: Buffer | undefined;
    if (opts.json !== undefined) {
      body = Buffer.from(JSON.stringify(opts.json));
      headers["content-type"] ??= "application/json";
    } else if (opts.body !== undefined) body = Buffer.from(opts.body);
    if (body) headers["content-length"] = String(body.length);
    const x: Exchange = { method, path, requestHeaders: headers, requestBody: body, status: 0, headers: {}, body: Buffer.alloc(0) };
    this.exchanges.push(x);
    await new Promise<void>((settle) => {
      const limit = opts.timeoutMs ?? 5000;
      // A deadline for the whole exchange: a socket timeout resets on every byte, so a server
      // trickling its answer would never trip it.
      const deadline = setTimeout(() => {
        x.error = `no complete response within ${limit} ms`;
        req.destroy();
        resolve();
      }, limit);
      const resolve = () => {
        clearTimeout(deadline);
        settle();
      };
      const req = httpRequest({ host: base.hostname, port: base.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          x.status = res.statusCode ?? 0;
          x.headers = res.headers;
          x.body = Buffer.concat(chunks);
          resolve();
        });
        res.on("error", (e) => {
          x.error = `the response broke off: ${e.message}`;
          resolve();
        });
      });
      req.on("error", (e: NodeJS.ErrnoException) => {
        x.error ??= `${e.code ?? e.name}: ${e.message}`;
        resolve();
      });
      req.end(body);
    });
    const reply = new Reply(x, this);
    if (x.error) reply.fail(`${method} ${path} got no response: ${x.error}`);
    return reply;
  }

  /** The failure's context and replay, for checks made outside a Reply. */
  failure(message: string, extra: { expected?: unknown; actual?: unknown; about?: Exchange } = {}): HarnessFailure {
    return new HarnessFailure({
      message,
      expected: extra.expected,
      actual: extra.actual,
      context: extra.about ? describeExchange(extra.about) : undefined,
      repro: reproCommands(this.exchanges, this.task()),
    });
  }

  reset(): void {
    this.exchanges.length = 0;
  }
}

const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** One response, with checks that explain themselves. Every check returns the reply, so they chain. */
export class Reply {
  constructor(
    readonly exchange: Exchange,
    private readonly client: HttpClient,
  ) {}

  get status(): number {
    return this.exchange.status;
  }
  get headers(): IncomingHttpHeaders {
    return this.exchange.headers;
  }
  get text(): string {
    return this.exchange.body.toString("utf8");
  }
  header(name: string): string | undefined {
    const v = this.exchange.headers[name.toLowerCase()];
    return Array.isArray(v) ? v.join(", ") : v;
  }

  /** The body parsed as JSON; fails, showing the body, when it is not JSON. */
  json<T = unknown>(): T {
    try {
      return JSON.parse(this.text) as T;
    } catch {
      this.fail(`${this.line()} answered a body that is not valid JSON`);
    }
  }

  expectStatus(...codes: number[]): this {
    if (!codes.includes(this.status)) {
      const want = codes.length === 1 ? String(codes[0]) : `one of ${codes.join(", ")}`;
      this.fail(`${this.line()} answered ${this.status}; expected ${want}`, {
        expected: codes.length === 1 ? codes[0] : codes,
        actual: this.status,
      });
    }
    return this;
  }

  /** `expected` a string (exact, case-sensitive), a RegExp, or undefined for "must be absent". */
  expectHeader(name: string, expected: string | RegExp | undefined): this {
    const actual = this.header(name);
    const ok =
      expected === undefined
        ? actual === undefined
        : actual !== undefined && (typeof expected === "string" ? actual === expected : expected.test(actual));
    if (!ok) {
      const what =
        expected === undefined ? "no" : typeof expected === "string" ? `"${expected}" in the` : `a value matching ${expected} in the`;
      this.fail(`${this.line()} answered ${actual === undefined ? "without" : "with"} a ${name} header; expected ${what} ${name} header`, {
        expected: expected === undefined ? "(absent)" : String(expected),
        actual: actual ?? "(absent)",
      });
    }
    return this;
  }

  /** The media type, ignoring parameters such as charset. */
  expectContentType(type: string): this {
    const actual = (this.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (actual !== type) {
      this.fail(`${this.line()} answered with content-type "${actual || "(none)"}"; expected ${type}`, {
        expected: type,
        actual: actual || "(absent)",
      });
    }
    return this;
  }

  /** The JSON body deep-equals `expected`. */
  expectJson(expected: unknown): this {
    const actual = this.json();
    if (!isDeepStrictEqual(actual, expected)) this.fail(`${this.line()} answered a different JSON body`, { expected, actual });
    return this;
  }

  /** Every key of `partial` (recursively, for objects) has the same value in the JSON body. */
  expectJsonMatch(partial: Record<string, unknown>): this {
    const actual = this.json();
    if (!matches(actual, partial)) this.fail(`${this.line()} answered JSON without the expected fields`, { expected: partial, actual });
    return this;
  }

  expectEmptyBody(): this {
    if (this.exchange.body.length > 0) this.fail(`${this.line()} answered with a body; expected none`, { expected: "", actual: this.text });
    return this;
  }

  /** Fail with this exchange as the context. */
  fail(message: string, extra: { expected?: unknown; actual?: unknown } = {}): never {
    throw this.client.failure(message, { ...extra, about: this.exchange });
  }

  private line(): string {
    return `${this.exchange.method} ${this.exchange.path}`;
  }

  [inspect.custom](): string {
    return `Reply(${this.line()} → ${this.status})`;
  }
}

function matches(actual: unknown, partial: unknown): boolean {
  if (partial === null || typeof partial !== "object" || Array.isArray(partial)) return isDeepStrictEqual(actual, partial);
  if (actual === null || typeof actual !== "object") return false;
  return Object.entries(partial).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
}
