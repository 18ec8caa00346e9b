// The eight snippets to predict. This file is read-only: the tests run exactly this source.
//
// Each snippet runs on its own as an ES module, the way Node runs a .mjs file or a .js file in
// a package with "type": "module":   node --input-type=module -e "<source>"
// To try one yourself, paste its source into a file called try.mjs and run `node try.mjs`.
// (Predict first, then run: the point is to find out where your mental model is wrong.)
import type { SnippetId } from "./types.ts";

export interface Snippet {
  /** What the snippet is about, in a few words. */
  title: string;
  /** The JavaScript that the tests run in a fresh Node process. */
  source: string;
}

export const snippets: Record<SnippetId, Snippet> = {
  "sync-first": {
    title: "synchronous code, an event emitter, a promise and a timer",
    source: `import { EventEmitter } from "node:events";
const bus = new EventEmitter();
bus.on("order", () => console.log("listener"));
setTimeout(() => console.log("timeout"), 0);
Promise.resolve().then(() => console.log("promise"));
console.log("start");
bus.emit("order");
console.log("end");
`,
  },

  "promise-chains": {
    title: "a promise executor and two .then chains",
    source: `new Promise((resolve) => {
  console.log("executor");
  resolve();
})
  .then(() => console.log("A1"))
  .then(() => console.log("A2"))
  .then(() => console.log("A3"));
Promise.resolve()
  .then(() => console.log("B1"))
  .then(() => console.log("B2"));
console.log("sync");
`,
  },

  "await-interleave": {
    title: "two async functions that await in a loop",
    source: `async function worker(name, steps) {
  for (let i = 1; i <= steps; i++) {
    console.log(name + i);
    await null;
  }
  console.log(name + " done");
}
worker("a", 2);
worker("b", 1);
console.log("main");
`,
  },

  "ticks-in-a-callback": {
    title: "nextTick and promise jobs that schedule each other, inside a timer callback",
    source: `setTimeout(() => {
  Promise.resolve().then(() => {
    console.log("promise 1");
    process.nextTick(() => console.log("tick 2"));
  });
  process.nextTick(() => {
    console.log("tick 1");
    Promise.resolve().then(() => console.log("promise 2"));
  });
  console.log("timer body");
}, 0);
`,
  },

  "esm-top-level": {
    title: "the same two jobs, scheduled at the module's top level and then inside a timer",
    source: `function schedule(where) {
  process.nextTick(() => console.log(where + ": nextTick"));
  Promise.resolve().then(() => console.log(where + ": promise"));
}
schedule("top level");
setTimeout(() => schedule("timer"), 0);
`,
  },

  "microtasks-between-timers": {
    title: "two timers that are due at the same moment",
    source: `setTimeout(() => {
  console.log("timer 1");
  Promise.resolve().then(() => console.log("promise from timer 1"));
  process.nextTick(() => console.log("tick from timer 1"));
}, 0);
setTimeout(() => console.log("timer 2"), 0);
`,
  },

  "io-callback": {
    title: "a timer and an immediate scheduled from an I/O callback",
    source: `import { stat } from "node:fs";
stat(".", () => {
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  process.nextTick(() => console.log("nextTick"));
  console.log("stat callback");
});
`,
  },

  "busy-loop": {
    title: "a 5 ms timer behind 50 ms of synchronous work",
    source: `const start = Date.now();
setTimeout(() => {
  const waited = Date.now() - start;
  console.log(waited >= 50 ? "timer ran late" : "timer ran on time");
}, 5);
while (Date.now() - start < 50) {
  // spin: nothing else can run on this thread meanwhile
}
console.log("busy loop done");
`,
  },
};
