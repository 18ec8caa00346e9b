/**
 * `useServer(() => start({ port: 0 }))` in a test file starts the learner's server before
 * each test and stops it after, on an ephemeral loopback port. After close() the port must
 * refuse connections and nothing the server opened (socket, timer, listener) may remain:
 * CURRICULUM.md §2.2 promises learners that leaks fail the run.
 */
import { afterEach, beforeEach } from "node:test";
import type { Running } from "../types.js";
import { HarnessFailure } from "./failure.js";
import { HttpClient } from "./http.js";
import { accepting, closeTestConnections, type ResourceCounts, settle, snapshot } from "./leaks.js";

export interface ServerOptions {
  /** Fail the test when close() leaves sockets, servers or timers open (default true). */
  readonly checkLeaks?: boolean;
  readonly startTimeoutMs?: number;
  readonly closeTimeoutMs?: number;
  /**
   * false: this server is not the one `ts-dojo run <task>` starts (4.3's edge cache in front of
   * an origin the test owns, say), so a failure shows its exchanges without a replay script,
   * which would start the wrong server. Default true.
   */
  readonly replay?: boolean;
}

export interface ServerUnderTest extends Pick<HttpClient, "get" | "post" | "put" | "patch" | "delete" | "head" | "request" | "exchanges"> {
  readonly running: Running;
  readonly port: number;
  readonly url: string;
  readonly http: HttpClient;
  /** Close now (a test of close() itself); the after-test check then only looks for leaks. */
  close(): Promise<void>;
}

/** The task being verified, for the replay command; the test child sets it from its run folder. */
const taskNumber = () => process.env.TS_DOJO_TASK?.split("-")[0];

/**
 * Servers of every useServer() alive in the current test. Several can be (two files' top-level
 * hooks in one bundle, or two servers a test talks to), so the leak baseline is taken before the
 * first starts and checked after the last has closed: one server must not count as another's leak.
 */
const shared = { live: 0, baseline: new Map() as ResourceCounts };

export function useServer(factory: () => Promise<Running>, opts: ServerOptions = {}): ServerUnderTest {
  let running: Running | undefined;
  let closing: Promise<void> | undefined;
  const http = new HttpClient(() => new URL(running?.url ?? "http://127.0.0.1:1"), opts.replay === false ? () => undefined : taskNumber);
  const close = () => {
    closing ??= within(opts.closeTimeoutMs ?? 5000, running?.close() ?? Promise.resolve(), "close() did not finish");
    return closing;
  };

  beforeEach(async () => {
    http.reset();
    closing = undefined;
    running = undefined;
    if (shared.live === 0) shared.baseline = snapshot();
    shared.live++;
    const started = await within(opts.startTimeoutMs ?? 5000, factory(), "start() did not resolve").catch((e: unknown) => {
      shared.live--;
      throw e;
    });
    if (!started || typeof started.port !== "number" || started.port <= 0 || typeof started.close !== "function") {
      shared.live--;
      throw new HarnessFailure({
        message: "start() must resolve to { port, url, close() } with the real port it listens on (not 0)",
        actual: started,
      });
    }
    running = started;
  });

  afterEach(async () => {
    const port = running?.port;
    // Our own keep-alive sockets would otherwise count as the server's leaks.
    http.agent.destroy();
    if (!running) return;
    shared.live--;
    await close();
    if (port && (await accepting(port))) {
      throw new HarnessFailure({
        message: `after close() the server still accepts connections on port ${port}: call server.close() and wait for it`,
      });
    }
    if (opts.checkLeaks === false || shared.live > 0) return;
    closeTestConnections();
    const left = await settle(shared.baseline);
    if (left.length > 0) {
      throw new HarnessFailure({
        message: `close() resolved but left open: ${left.join(", ")}. Close idle keep-alive connections, clear timers and end open streams before resolving.`,
      });
    }
  });

  const live = () => {
    if (!running) throw new Error("the server is not running: use it inside a test, after useServer() has started it");
    return running;
  };
  return {
    get running() {
      return live();
    },
    get port() {
      return live().port;
    },
    get url() {
      return live().url;
    },
    http,
    exchanges: http.exchanges,
    get: http.get,
    post: http.post,
    put: http.put,
    patch: http.patch,
    delete: http.delete,
    head: http.head,
    request: http.request.bind(http),
    close,
  };
}

/** `work`, or a failure naming what did not finish, whichever comes first. */
export function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessFailure({ message: `${what} within ${ms} ms` })), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
