/**
 * Three implementations of one port: an in-memory fake for fast tests, an HTTP client for the
 * real notes service, and a mock server that speaks the same HTTP contract from fixtures, so a
 * front-end team can build against it before the real service exists.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import type { Running } from "ts-dojo/kit";
import {
  ApiError,
  ApiUnavailableError,
  ApiValidationError,
  type NewNote,
  type Note,
  type NotesApi,
  type Problem,
  validateNewNote,
} from "./notes-contract.ts";

/** A NotesApi in a Map. Copies go in and out, so no caller can reach into its state. */
export function createInMemoryNotesApi(seed: readonly Note[] = []): NotesApi {
  // Bug: the caller's array is the store, so every change lands in their fixtures too.
  const notes = seed as Note[];
  const find = (id: string) => notes.findIndex((n) => n.id === id);
  const check = (input: NewNote) => {
    const problem = validateNewNote(input);
    if (problem) throw new ApiValidationError(problem);
  };
  return {
    async create(input) {
      check(input);
      const now = new Date().toISOString();
      const note: Note = { id: randomUUID(), title: input.title, body: input.body ?? "", createdAt: now, updatedAt: now };
      notes.push(note);
      return { ...note };
    },
    async get(id) {
      const note = notes[find(id)];
      return note ? { ...note } : null;
    },
    async update(id, input) {
      check(input);
      const at = find(id);
      const old = notes[at];
      if (!old) return null;
      const note: Note = { ...old, title: input.title, body: input.body ?? "", updatedAt: new Date().toISOString() };
      notes[at] = note;
      return { ...note };
    },
    async remove(id) {
      const at = find(id);
      if (at < 0) return false;
      notes.splice(at, 1);
      return true;
    },
  };
}

/** Statuses that mean "the service is not there right now", as opposed to "you asked wrongly". */
const UNAVAILABLE = new Set([502, 503, 504]);

/** A NotesApi that talks to the notes service at baseUrl (e.g. "http://127.0.0.1:4000" or ".../v1"). */
export function createHttpNotesClient(baseUrl: string, fetchImpl: typeof fetch = fetch): NotesApi {
  const base = baseUrl.replace(/\/+$/, "");
  const itemUrl = (id: string) => `${base}/notes/${encodeURIComponent(id)}`;

  /** One request; every way of not getting an answer becomes ApiUnavailableError. */
  async function send(method: string, url: string, body?: NewNote): Promise<Response> {
    let res: Response;
    try {
      res = await fetchImpl(url, {
        method,
        headers: body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify({ title: body.title, body: body.body }),
      });
    } catch (cause) {
      throw new ApiUnavailableError(`${method} ${url} failed: the notes service could not be reached`, undefined, { cause });
    }
    if (UNAVAILABLE.has(res.status)) {
      await res.body?.cancel();
      throw new ApiUnavailableError(`${method} ${url} answered ${res.status}: the notes service is unavailable`, res.status);
    }
    if (res.status === 422) throw new ApiValidationError((await res.json()) as Problem);
    return res;
  }

  /** Anything we did not expect is an error with its status, never a quiet null. */
  async function unexpected(method: string, url: string, res: Response): Promise<never> {
    const text = await res.text().catch(() => "");
    throw new ApiError(`${method} ${url} answered ${res.status} unexpectedly: ${text.slice(0, 200)}`, res.status);
  }

  return {
    async create(note) {
      const url = `${base}/notes`;
      const res = await send("POST", url, note);
      if (res.status !== 201) return unexpected("POST", url, res);
      return (await res.json()) as Note;
    },
    async get(id) {
      const res = await send("GET", itemUrl(id));
      if (res.status === 404) return notFound(res, null);
      if (res.status !== 200) return unexpected("GET", itemUrl(id), res);
      return (await res.json()) as Note;
    },
    async update(id, note) {
      const res = await send("PUT", itemUrl(id), note);
      if (res.status === 404) return notFound(res, null);
      if (res.status !== 200) return unexpected("PUT", itemUrl(id), res);
      return (await res.json()) as Note;
    },
    async remove(id) {
      const res = await send("DELETE", itemUrl(id));
      if (res.status === 404) return notFound(res, false);
      if (res.status !== 204) return unexpected("DELETE", itemUrl(id), res);
      return true;
    },
  };
}

/** A 404 is an answer, not a failure; drain its body so the connection can be reused. */
async function notFound<T>(res: Response, value: T): Promise<T> {
  await res.body?.cancel();
  return value;
}

export interface MockServerOptions {
  readonly port?: number;
  /** The notes the mock starts with; copied, never changed. */
  readonly fixtures?: readonly Note[];
  /** Hold every answer back this long, to see how the caller copes with a slow service. */
  readonly latencyMs?: number;
  /** Answer every n-th request (the n-th, 2n-th, …) with 503, whatever it asked. */
  readonly failEvery?: number;
}

/**
 * The notes contract over HTTP, backed by the in-memory fake: a stand-in service a client team
 * can develop against, with knobs for slowness and failure.
 */
export async function startMockServer(opts: MockServerOptions = {}): Promise<Running> {
  const api = createInMemoryNotesApi(opts.fixtures ?? []);
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;

  const server = createServer((req, res) => {
    requests += 1;
    const failNow = opts.failEvery !== undefined && opts.failEvery > 0 && requests % opts.failEvery === 0;
    const answer = async () => {
      if (opts.latencyMs) await pause(opts.latencyMs, timers);
      if (failNow) {
        return problem(
          res,
          { title: "Service Unavailable", status: 503, detail: "The mock was told to fail this request." },
          { "retry-after": "1" },
        );
      }
      await handle(api, req, res);
    };
    answer().catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const status = error instanceof ApiError && error.status ? error.status : 500;
      const doc = error instanceof ApiValidationError ? error.problem : { title: STATUS_CODES[status] ?? "Error", status };
      problem(res, doc);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function pause(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });
}

/** The routes the NotesApi contract needs: POST /notes, and GET, PUT, DELETE /notes/:id. */
async function handle(api: NotesApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  const match = /^\/notes(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return problem(res, { title: "Not Found", status: 404, detail: `There is no resource at ${pathname}.` });
  const raw = match[1];
  const method = req.method ?? "";
  if (raw === undefined) {
    if (method !== "POST") return problem(res, { title: "Method Not Allowed", status: 405 }, { allow: "POST" });
    const note = await api.create((await readJson(req)) as NewNote);
    return json(res, 201, note, { location: `/notes/${encodeURIComponent(note.id)}` });
  }
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return problem(res, { title: "Not Found", status: 404 });
  }
  const missing = () => problem(res, { title: "Not Found", status: 404, detail: `There is no note with id ${id}.` });
  if (method === "GET") {
    const note = await api.get(id);
    return note ? json(res, 200, note) : missing();
  }
  if (method === "PUT") {
    const note = await api.update(id, (await readJson(req)) as NewNote);
    return note ? json(res, 200, note) : missing();
  }
  if (method === "DELETE") {
    return (await api.remove(id)) ? void res.writeHead(204).end() : missing();
  }
  problem(res, { title: "Method Not Allowed", status: 405 }, { allow: "GET, PUT, DELETE" });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError("Send the body as application/json.", 415);
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiError("The body is not valid JSON.", 400);
  }
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, "application/json", value, headers);
}

function problem(res: ServerResponse, doc: Problem, headers: Record<string, string> = {}): void {
  send(res, doc.status, "application/problem+json", { type: "about:blank", ...doc }, headers);
}

function send(res: ServerResponse, status: number, type: string, value: unknown, headers: Record<string, string>): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { ...headers, "content-type": type, "content-length": body.length }).end(body);
}
