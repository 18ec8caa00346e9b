/**
 * A node:test reporter that streams one line of JSON per finished test to fd 3, leaving
 * stdout and stderr to the learner's own console output. It yields nothing itself.
 */
import { writeSync } from "node:fs";
import { inspect } from "node:util";
import type { ChildEvent, FailureInfo } from "./events.js";

const FD = Number(process.env.TS_DOJO_REPORT_FD ?? 3);
const emit = (e: ChildEvent) => writeSync(FD, `${JSON.stringify(e)}\n`);
const show = (v: unknown) => inspect(v, { depth: 6, breakLength: 80, maxArrayLength: 50, maxStringLength: 2000 });

interface TestEventData {
  name: string;
  nesting: number;
  skip?: unknown;
  todo?: unknown;
  details?: { duration_ms?: number; type?: string; error?: Error & { cause?: unknown } };
}

export default async function* reporter(source: AsyncIterable<{ type: string; data: TestEventData }>) {
  const path: string[] = [];
  let pass = 0;
  let fail = 0;
  // A test with subtests (a describe(), or t.test() inside a test) is a group: its verdict is
  // its children's, so only leaves are reported, plus a group whose own body failed.
  const groups = new Set<string>();
  // An error thrown by code a hook started (a server started in beforeEach handling a request,
  // say) reaches node:test only as a diagnostic: it would otherwise pass silently.
  const stray = new Set<string>();
  // node:test ends its run only when the event loop empties, so a server or timer left running
  // would hold the verdict until the time limit. Once every top-level test has completed, give
  // the process a few seconds (root after-hooks) and then report the hang as what it is.
  let queued = 0;
  let completed = 0;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    emit({ t: "done", pass, fail });
  };
  for await (const { type, data } of source) {
    if (type === "test:enqueue" && data.nesting === 0) queued++;
    if (type === "test:complete" && data.nesting === 0 && ++completed === queued) {
      setTimeout(() => {
        if (finished || completed !== queued) return;
        fail++;
        emit({ t: "test", name: "the tests let the process exit", ok: false, ms: 0, failure: { message: LINGERING } });
        finish();
      }, LINGER_MS).unref();
    }
    if (type === "test:diagnostic") {
      const m = /created the error "([\s\S]*?)" and would have caused the test to fail/.exec(
        String((data as { message?: string }).message ?? ""),
      );
      if (m?.[1] && !stray.has(m[1])) {
        stray.add(m[1]);
        fail++;
        emit({
          t: "test",
          name: "no uncaught errors in your code",
          ok: false,
          ms: 0,
          failure: { message: `an error was thrown outside any test, where nothing could catch it: ${m[1]}` },
        });
      }
      continue;
    }
    if (type === "test:start") {
      path[data.nesting] = data.name;
      path.length = data.nesting + 1;
      if (data.nesting > 0) groups.add(path.slice(0, data.nesting).join(" › "));
      if (data.nesting === 0) emit({ t: "start", name: data.name });
      continue;
    }
    if (type !== "test:pass" && type !== "test:fail") continue;
    const name = [...path.slice(0, data.nesting), data.name].join(" › ");
    const ok = type === "test:pass";
    const error = data.details?.error as (Error & { failureType?: string; cause?: unknown }) | undefined;
    const isGroup = data.details?.type === "suite" || groups.has(name);
    if (
      isGroup &&
      (ok || error?.failureType === "subtestsFailed" || /subtests? failed/i.test(String((error?.cause as Error)?.message ?? "")))
    ) {
      continue;
    }
    if (ok) pass++;
    else fail++;
    emit({
      t: "test",
      name,
      ok,
      ms: Math.round(data.details?.duration_ms ?? 0),
      skip: Boolean(data.skip || data.todo),
      skipReason: typeof data.skip === "string" ? data.skip : undefined,
      failure: ok ? undefined : describe(error),
    });
  }
  finish();
}

const LINGER_MS = 3000;
const LINGERING =
  `every test finished, but something was still running ${LINGER_MS / 1000} s later and kept the process alive: ` +
  "a server still listening, an open socket or stream, or a timer (setInterval, or a setTimeout never cleared). " +
  "Close or clear everything your code starts — in close() for a server.";

function describe(wrapper: (Error & { cause?: unknown }) | undefined): FailureInfo {
  const err = (wrapper?.cause ?? wrapper) as
    | (Error & {
        expected?: unknown;
        actual?: unknown;
        operator?: string;
        code?: string;
        generatedMessage?: boolean;
        dojoContext?: string;
        dojoRepro?: string;
      })
    | undefined;
  if (!(err instanceof Error)) return { message: `thrown: ${show(err)}` };
  const assertion = err.code === "ERR_ASSERTION";
  const stack = err.stack ?? "";
  // "expected: true, actual: false" says nothing the author's message does not: leave it out.
  const yesNo = typeof err.expected === "boolean" && typeof err.actual === "boolean" && !err.generatedMessage;
  const compared = assertion && err.operator !== "fail" && err.operator !== undefined && !yesNo;
  const message =
    assertion && err.generatedMessage
      ? (OPERATORS[err.operator ?? ""] ?? firstParagraph(err.message))
      : assertion
        ? firstParagraph(err.message)
        : `${err.name}: ${err.message}`;
  return {
    message,
    ...(compared ? { expected: show(err.expected), actual: show(err.actual), operator: err.operator } : {}),
    location: locate(stack),
    ...(err.dojoContext ? { context: err.dojoContext } : {}),
    ...(err.dojoRepro ? { repro: err.dojoRepro } : {}),
    stack: assertion ? undefined : ownFrames(stack),
  };
}

// What a bare assert (no message of the author's) was checking, in words.
const OPERATORS: Record<string, string> = {
  strictEqual: "expected the values to be equal",
  deepStrictEqual: "expected the values to be deeply equal",
  notStrictEqual: "expected the values to differ",
  notDeepStrictEqual: "expected the values not to be deeply equal",
  "==": "expected a truthy value",
  rejects: "expected the promise to reject",
  throws: "expected the function to throw",
  doesNotThrow: "expected the function not to throw",
  doesNotReject: "expected the promise not to reject",
  match: "expected the string to match the pattern",
};

/** Stack frames in the exercise's own files, with the run folder stripped; node internals dropped. */
function ownFrames(stack: string): string | undefined {
  const RUN_DIR = process.env.TS_DOJO_RUN_DIR ?? "";
  const frames = stack
    .split("\n")
    .slice(1)
    .filter((l) => RUN_DIR && l.includes(RUN_DIR) && !l.includes("/node_modules/") && !l.includes("bundle.mjs"))
    .map((l) => l.replace(`${RUN_DIR}/`, "").replace("file://", "").trim());
  return frames.length ? frames.slice(0, 5).join("\n") : undefined;
}

// assert's own message repeats a diff we render ourselves; keep the author's words only.
function firstParagraph(message: string): string {
  const cut = message.search(/\n\s*\n|\n\+ actual - expected|\nExpected values to be/);
  return (cut === -1 ? message : message.slice(0, cut)).trim();
}

/** Where it failed: the first frame in a test file, else the first in the exercise's own files. */
function locate(stack: string): string | undefined {
  // Set by child-main.ts once it knows which run it is serving.
  const RUN_DIR = process.env.TS_DOJO_RUN_DIR ?? "";
  const own: string[] = [];
  for (const line of stack.split("\n").slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^()\s]+):(\d+):(\d+)\)?$/.exec(line.trim());
    if (!m) continue;
    const file = (m[1] ?? "").replace(/^file:\/\//, "");
    if (RUN_DIR && file.startsWith(RUN_DIR) && !file.includes("/node_modules/") && !file.endsWith("/bundle.mjs"))
      own.push(`${file.slice(RUN_DIR.length + 1)}:${m[2]}:${m[3]}`);
  }
  return own.find((f) => /\.test\.ts:/.test(f)) ?? own[0];
}
