// Known-bad answers for 1.2: a zero-delay timer always beats setImmediate (wrong).
import type { Answers } from "./types.ts";

export const answers: Answers = {
  predictions: {
    // emit() calls its listeners synchronously; then microtasks; then the timers phase.
    "sync-first": ["start", "listener", "end", "promise", "timeout"],
    // The executor runs at once. Each .then queues its successor only when it runs,
    // so the two chains take turns, one step each.
    "promise-chains": ["executor", "sync", "A1", "B1", "A2", "B2", "A3"],
    // Each `await` ends the current run of the function; it resumes as a microtask.
    "await-interleave": ["a1", "b1", "main", "a2", "b done", "a done"],
    // Inside a callback Node empties the nextTick queue first, then the microtask queue,
    // and repeats until both are empty: tick 2 was queued by a promise job, so it waits.
    "ticks-in-a-callback": ["timer body", "tick 1", "promise 1", "promise 2", "tick 2"],
    // An ES module's body itself runs inside a promise job, so promise jobs queued there run
    // before Node gets to the nextTick queue. Inside a callback the usual rule holds.
    "esm-top-level": ["top level: promise", "top level: nextTick", "timer: nextTick", "timer: promise"],
    // Both queues are drained after every single timer callback, not after the whole phase.
    "microtasks-between-timers": ["timer 1", "tick from timer 1", "promise from timer 1", "timer 2"],
    // From the poll phase the loop goes to the check phase (immediates) before it wraps
    // round to the timers phase, so the immediate always wins here.
    "io-callback": ["stat callback", "nextTick", "timeout", "immediate"],
    // A timer is a "not before" time: it cannot interrupt running JavaScript.
    "busy-loop": ["busy loop done", "timer ran late"],
  },

  blocksLoop: {
    "await-fetch": false, // the socket wait happens in the kernel
    "json-parse-200mb": true, // parsing is plain JavaScript work on the main thread
    "pbkdf2-sync": true, // the Sync variant runs on the calling thread by design
    "pbkdf2-callback": false, // runs on a libuv pool thread
    "async-function-cpu-loop": true, // `async` does not move work anywhere
    "promise-wrapped-sync-work": true, // the executor runs synchronously
    "set-timeout-5s": false, // waiting for a timer costs nothing
    "read-file-sync-50mb": true,
    "read-file-promise-50mb": false,
    "regex-backtracking": true, // catastrophic backtracking: 2^40 steps on the main thread
  },

  whereDoesItRun: {
    "fs.readFile": "threadpool",
    "fs.readFile callback": "main", // every JavaScript callback runs on the main thread
    "dns.lookup": "threadpool", // getaddrinfo(3) is blocking, so libuv runs it on a pool thread
    "dns.resolve4": "kernel", // c-ares sends the query on a socket that the loop polls
    "crypto.pbkdf2": "threadpool",
    "zlib.gzip": "threadpool",
    "socket read": "kernel",
    "JSON.parse": "main",
  },

  // It depends on how long the process took to reach the loop: no order is guaranteed.
  topLevelTimeoutVsImmediate: "timeout-first",
};
