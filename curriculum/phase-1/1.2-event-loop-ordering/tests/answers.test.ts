import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { answers } from "./answers.ts";
import { runSnippet, type SnippetRun } from "./run-snippet.ts";
import { snippets } from "./snippets.ts";
import type { Api, Place, SnippetId, Workload } from "./types.ts";

// The rule each snippet is about, shown when a prediction is wrong. It names the idea to
// re-read without giving away the order.
const RULE: Record<SnippetId, string> = {
  "sync-first": "all synchronous code runs first (emit() calls its listeners right away), then promise jobs, and timers only after that",
  "promise-chains": "a .then callback is queued only when the promise before it settles, so two chains advance one step at a time",
  "await-interleave": "each await hands control back to the caller; the rest of the function resumes later as a microtask",
  "ticks-in-a-callback":
    "inside a callback Node empties the whole nextTick queue, then the whole promise queue, and repeats until both are empty",
  "esm-top-level":
    "an ES module's body itself runs as a promise job, so at the top level promise jobs go first; inside a callback nextTick goes first",
  "microtasks-between-timers":
    "both queues are emptied after every single callback, even between two timers that are due at the same moment",
  "io-callback":
    "after the poll phase (I/O callbacks) the loop reaches the check phase (setImmediate) before it comes round to the timers phase",
  "busy-loop": "a timer's delay is only a minimum: it cannot interrupt JavaScript that is still running",
};

const ids = Object.keys(snippets) as SnippetId[];
const runs = new Map<SnippetId, Promise<SnippetRun>>();

before(() => {
  // Start all eight processes at once; each test awaits its own.
  for (const id of ids) runs.set(id, runSnippet(snippets[id].source));
});

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.length === sb.length && sa.every((line, i) => line === sb[i]);
}

describe("predictions: the tests run each snippet with real Node and compare", () => {
  for (const id of ids) {
    test(`predicts the output of "${id}" (${snippets[id].title})`, async () => {
      const predicted = answers.predictions[id];
      assert.ok(Array.isArray(predicted) && predicted.length > 0, `no prediction yet for "${id}": list the lines it prints, in order`);
      const run = await runs.get(id);
      assert.ok(run, `snippet "${id}" was not started`);
      assert.equal(run.code, 0, `snippet "${id}" crashed, which is a bug in the task: ${run.stderr}`);

      const actual = run.lines;
      assert.ok(
        sameLines(predicted, actual),
        `for "${id}" Node printed ${actual.length} lines, and your prediction is not the same set of lines. ` +
          "Check that every console.log that runs appears exactly once, spelled as it prints.",
      );
      const first = actual.findIndex((line, i) => line !== predicted[i]);
      assert.ok(
        first === -1,
        `for "${id}" the lines are right but the order is not: Node's output differs from yours at line ${first + 1} ` +
          `(you predicted "${predicted[first]}" there). Remember: ${RULE[id]}.`,
      );
    });
  }
});

/** Names the unanswered keys and counts the wrong ones, without saying which are wrong. */
function grade<K extends string, V>(given: Record<K, V | "TODO">, key: Record<K, V>, keys: readonly K[]) {
  const todo = keys.filter((k) => given[k] === "TODO");
  const wrong = keys.filter((k) => given[k] !== "TODO" && given[k] !== key[k]).length;
  return { todo, wrong };
}

function assertGraded(result: { todo: string[]; wrong: number }, total: number, rule: string): void {
  assert.deepEqual(result.todo, [], `not answered yet: ${result.todo.join(", ")}`);
  assert.equal(result.wrong, 0, `${result.wrong} of these ${total} answers are wrong. Remember: ${rule}.`);
}

const BLOCKS: Record<Workload, boolean> = {
  "await-fetch": false,
  "json-parse-200mb": true,
  "pbkdf2-sync": true,
  "pbkdf2-callback": false,
  "async-function-cpu-loop": true,
  "promise-wrapped-sync-work": true,
  "set-timeout-5s": false,
  "read-file-sync-50mb": true,
  "read-file-promise-50mb": false,
  "regex-backtracking": true,
};

describe("blocking the event loop", () => {
  test("knows that async functions and promises do not move CPU work off the thread", () => {
    const keys: Workload[] = ["async-function-cpu-loop", "promise-wrapped-sync-work", "await-fetch", "read-file-promise-50mb"];
    assertGraded(
      grade(answers.blocksLoop, BLOCKS, keys),
      keys.length,
      "async code runs on the same thread until its first await, and a promise executor runs at once; only waiting for I/O frees the thread",
    );
  });

  test("tells synchronous and CPU-heavy work apart from work handed to libuv", () => {
    const keys: Workload[] = [
      "json-parse-200mb",
      "pbkdf2-sync",
      "pbkdf2-callback",
      "set-timeout-5s",
      "read-file-sync-50mb",
      "regex-backtracking",
    ];
    assertGraded(
      grade(answers.blocksLoop, BLOCKS, keys),
      keys.length,
      "any *Sync API, any parse, and any long computation in JavaScript holds the thread; callback APIs hand the work to libuv",
    );
  });
});

const PLACE: Record<Api, Place> = {
  "fs.readFile": "threadpool",
  "fs.readFile callback": "main",
  "dns.lookup": "threadpool",
  "dns.resolve4": "kernel",
  "crypto.pbkdf2": "threadpool",
  "zlib.gzip": "threadpool",
  "socket read": "kernel",
  "JSON.parse": "main",
};

describe("where the work happens", () => {
  test("places every JavaScript callback and pure computation on the main thread", () => {
    const keys: Api[] = ["fs.readFile callback", "JSON.parse"];
    assertGraded(
      grade(answers.whereDoesItRun, PLACE, keys),
      keys.length,
      "only libuv's own C code runs on pool threads; the JavaScript you write, callbacks included, runs on the main thread",
    );
  });

  test("tells threadpool work from waiting that the kernel does", () => {
    const keys: Api[] = ["fs.readFile", "dns.lookup", "dns.resolve4", "crypto.pbkdf2", "zlib.gzip", "socket read"];
    assertGraded(
      grade(answers.whereDoesItRun, PLACE, keys),
      keys.length,
      "the kernel can wait on sockets for you (epoll/kqueue); files, getaddrinfo, hashing and compression need a pool thread",
    );
  });
});

test("predicts the order of setTimeout(f, 0) and setImmediate(g) at a module's top level", () => {
  assert.notEqual(answers.topLevelTimeoutVsImmediate, "TODO", "topLevelTimeoutVsImmediate is not answered yet");
  assert.equal(
    answers.topLevelTimeoutVsImmediate,
    "either",
    "think about what the loop checks first and whether 1 ms has surely passed by then; try it ten times in a row and look",
  );
});
