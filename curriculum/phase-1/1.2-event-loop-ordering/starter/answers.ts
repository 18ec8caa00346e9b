// Your answers for 1.2. Replace every "TODO" and fill every empty list.
// The types in types.ts list the allowed choices; your editor will suggest them.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // Read each snippet in snippets.ts and write the lines it prints, in order, exactly as
  // console.log writes them. Example of the format (not an answer): ["start", "end"]
  // Predict before you run anything: the tests run every snippet with real Node and compare.
  predictions: {
    "sync-first": [],
    "promise-chains": [],
    "await-interleave": [],
    "ticks-in-a-callback": [],
    "esm-top-level": [],
    "microtasks-between-timers": [],
    "io-callback": [],
    "busy-loop": [],
  },

  // true if the workload keeps the one JavaScript thread busy while it runs, false if the
  // thread is free to serve other requests meanwhile. The code for each is in types.ts.
  blocksLoop: {
    "await-fetch": "TODO",
    "json-parse-200mb": "TODO",
    "pbkdf2-sync": "TODO",
    "pbkdf2-callback": "TODO",
    "async-function-cpu-loop": "TODO",
    "promise-wrapped-sync-work": "TODO",
    "set-timeout-5s": "TODO",
    "read-file-sync-50mb": "TODO",
    "read-file-promise-50mb": "TODO",
    "regex-backtracking": "TODO",
  },

  // Where does the work (or the waiting) happen: "main", "threadpool" or "kernel"?
  whereDoesItRun: {
    "fs.readFile": "TODO",
    "fs.readFile callback": "TODO",
    "dns.lookup": "TODO",
    "dns.resolve4": "TODO",
    "crypto.pbkdf2": "TODO",
    "zlib.gzip": "TODO",
    "socket read": "TODO",
    "JSON.parse": "TODO",
  },

  // At a module's top level, setTimeout(f, 0) and setImmediate(g) run in which order?
  // "timeout-first", "immediate-first" or "either".
  topLevelTimeoutVsImmediate: "TODO",
};
