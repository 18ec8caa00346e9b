// The shape of your answers for 1.2. This file is read-only: edit answers.ts, not this.
// Every choice also accepts "TODO", which the tests report as "not answered yet".

/** A placeholder meaning "I have not answered this yet". */
export type Todo = "TODO";

/** The eight snippets in snippets.ts. Read them there; the tests run them with real Node. */
export type SnippetId =
  | "sync-first"
  | "promise-chains"
  | "await-interleave"
  | "ticks-in-a-callback"
  | "esm-top-level"
  | "microtasks-between-timers"
  | "io-callback"
  | "busy-loop";

/**
 * Pieces of work a request handler might do. For each: does it keep the one JavaScript
 * thread busy (so no other request, timer or callback can run until it is finished)?
 */
export type Workload =
  // `const res = await fetch("https://api.example.com/rates")`
  | "await-fetch"
  // `JSON.parse(body)` where body is a 200 MB string
  | "json-parse-200mb"
  // `crypto.pbkdf2Sync(password, salt, 600_000, 32, "sha256")`
  | "pbkdf2-sync"
  // `crypto.pbkdf2(password, salt, 600_000, 32, "sha256", callback)`
  | "pbkdf2-callback"
  // `async function total() { let s = 0; for (let i = 0; i < 1e9; i++) s += i; return s; }`
  | "async-function-cpu-loop"
  // `new Promise((resolve) => { resolve(resizeImageSync(buffer)); })`
  | "promise-wrapped-sync-work"
  // `setTimeout(sendReminder, 5_000)`
  | "set-timeout-5s"
  // `fs.readFileSync("./export.csv")` (50 MB) inside the handler
  | "read-file-sync-50mb"
  // `await fs.promises.readFile("./export.csv")` (50 MB)
  | "read-file-promise-50mb"
  // `/^(a+)+$/.test(input)` where input is 40 × "a" followed by "!"
  | "regex-backtracking";

/** Where the waiting or the work of an API happens. */
export type Place =
  // on the one JavaScript thread, between other callbacks
  | "main"
  // on one of libuv's worker threads (4 by default, UV_THREADPOOL_SIZE)
  | "threadpool"
  // in the operating system: the kernel waits on sockets and epoll/kqueue reports readiness
  | "kernel";

/** APIs, and parts of APIs, to place. */
export type Api =
  // reading a file with fs.readFile
  | "fs.readFile"
  // the callback you passed to fs.readFile, once the data is there
  | "fs.readFile callback"
  // resolving a host name with dns.lookup (what http.get and fetch use by default)
  | "dns.lookup"
  // resolving with dns.resolve4 (asks a DNS server over the network)
  | "dns.resolve4"
  // hashing with crypto.pbkdf2 (the callback version)
  | "crypto.pbkdf2"
  // compressing with zlib.gzip (the callback version)
  | "zlib.gzip"
  // waiting for the next bytes to arrive on a TCP socket
  | "socket read"
  // JSON.parse
  | "JSON.parse";

/** What order do `setTimeout(f, 0)` and `setImmediate(g)` run in, at a module's top level? */
export type TopLevelOrder = "timeout-first" | "immediate-first" | "either";

export interface Answers {
  /** For each snippet: the lines it prints, in order, exactly as console.log writes them. */
  predictions: Record<SnippetId, string[]>;
  /** For each workload: true if it blocks the event loop while it runs. */
  blocksLoop: Record<Workload, boolean | Todo>;
  /** For each API: where the work or the waiting happens. */
  whereDoesItRun: Record<Api, Place | Todo>;
  /** The order of a zero-delay timer and an immediate scheduled at a module's top level. */
  topLevelTimeoutVsImmediate: TopLevelOrder | Todo;
}
