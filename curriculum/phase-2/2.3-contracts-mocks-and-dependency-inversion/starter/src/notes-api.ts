/**
 * Three implementations of the NotesApi port (src/notes-contract.ts): an in-memory fake, an
 * HTTP client for the real notes service, and a mock server that speaks the same HTTP
 * contract from fixtures. One contract suite runs against all three.
 */
import type { Running } from "ts-dojo/kit";
import type { Note, NotesApi } from "./notes-contract.ts";

/**
 * A NotesApi in memory. Copy the seed (the array and each note) so the caller's fixtures never
 * change, and hand out copies so no caller can reach into your state. Validate with
 * validateNewNote and reject with ApiValidationError, exactly as the real server answers 422.
 */
export function createInMemoryNotesApi(seed: readonly Note[] = []): NotesApi {
  void seed;
  throw new Error("TODO: keep notes in a Map, copying what goes in and what comes out");
}

/**
 * A NotesApi over HTTP, for the 2.2 server at baseUrl ("http://127.0.0.1:4000", maybe with a
 * path such as ".../v1"). 201/200/204 are answers, a 404 is null (or false for remove), a 422 is
 * ApiValidationError, 502/503/504 and a rejected fetch are ApiUnavailableError, and anything
 * else is an ApiError with the status. Never turn a failure into null.
 */
export function createHttpNotesClient(baseUrl: string, fetchImpl: typeof fetch = fetch): NotesApi {
  void baseUrl;
  void fetchImpl;
  throw new Error("TODO: build the four methods on fetchImpl");
}

export interface MockServerOptions {
  readonly port?: number;
  /** The notes the mock starts with (default: none); copied, never changed. */
  readonly fixtures?: readonly Note[];
  /** Hold every answer back this long. */
  readonly latencyMs?: number;
  /** Answer the n-th, 2n-th, 3n-th … request with a 503 problem document, whatever it asked. */
  readonly failEvery?: number;
}

/**
 * The contract's routes over HTTP (POST /notes; GET, PUT, DELETE /notes/:id) with the same
 * status codes and problem+json bodies as the 2.2 server, backed by your in-memory fake.
 * close() must also clear pending latency timers and end idle connections.
 */
export async function startMockServer(opts: MockServerOptions = {}): Promise<Running> {
  void opts;
  throw new Error("TODO: start a node:http server on opts.port ?? 0 that serves the contract from the fake");
}
