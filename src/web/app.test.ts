/** The web app in-process with app.request(): pages, the Verify stream, hints, and the guard. */
import assert from "node:assert/strict";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createColors } from "picocolors";
import type { IO } from "../cli/io.js";
import { MINI, tempWorkspace } from "../testing/cli.js";
import { createApp } from "./app.js";

const PORT = 4873;
const SECRET = "s3cret-for-tests";
let ws: string;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let tick = 0;
const host = { host: `127.0.0.1:${PORT}` };

before(async () => {
  ({ dir: ws, cleanup } = await tempWorkspace());
  const io: IO = {
    cwd: ws,
    env: { ...process.env, TS_DOJO_CURRICULUM: MINI },
    out: () => {},
    err: () => {},
    interactive: false,
    color: createColors(false),
    // A clock that moves a minute per reading, so each attempt has its own time.
    now: () => new Date(Date.parse("2026-04-01T09:00:00Z") + 60_000 * tick++),
    confirm: async () => false,
    ask: async () => undefined,
    columns: 100,
  };
  app = createApp({ io, port: () => PORT, secret: SECRET });
});
after(() => cleanup());

describe("pages", () => {
  test("the dashboard shows every phase and task with its state, and the current task", async () => {
    const res = await app.request("/", { headers: host });
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /Phase 0 · Fixture phase/);
    assert.match(body, /href="\/task\/0\.1-add"/);
    assert.match(body, /class="state new">not started/);
    assert.match(body, /Current task/);
    assert.equal(res.headers.get("access-control-allow-origin"), null);
  });

  test("the task page renders the lesson with its diagram, criteria, verify button and reading", async () => {
    const body = await (await app.request("/task/0.1-add", { headers: host })).text();
    assert.match(body, /phase 0 · 0\.1-add/);
    assert.match(body, /<pre><code class="language-text">/);
    assert.match(body, /Mastery criteria/);
    assert.match(body, /data-verify="0\.1-add"/);
    assert.match(body, /Show hint 1 of 2/);
  });

  test("an unknown task is a 404 page, not a crash", async () => {
    const res = await app.request("/task/9.9-nope", { headers: host });
    assert.equal(res.status, 404);
  });
});

describe("security", () => {
  test("a request with a foreign Host is refused (DNS rebinding)", async () => {
    for (const h of ["evil.example:4873", "127.0.0.1:9999", "localhost"]) {
      const res = await app.request("/", { headers: { host: h } });
      assert.equal(res.status, 403, h);
    }
  });

  test("a state-changing request without the secret is refused", async () => {
    const res = await app.request("/api/hint/0.1-add", { method: "POST", headers: host });
    assert.equal(res.status, 403);
    const wrong = await app.request("/api/hint/0.1-add", { method: "POST", headers: { ...host, "x-dojo-secret": "guess" } });
    assert.equal(wrong.status, 403);
  });

  test("a cross-origin POST is refused even with the cookie a browser would attach", async () => {
    const res = await app.request("/api/verify/0.1-add", {
      method: "POST",
      headers: { ...host, origin: "https://evil.example", cookie: `dojo_secret=${SECRET}` },
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get("access-control-allow-origin"), null);
  });

  test("opening the printed URL sets the secret cookie; same-origin requests with it are served", async () => {
    const first = await app.request(`/?secret=${SECRET}`, { headers: host });
    assert.match(first.headers.get("set-cookie") ?? "", /dojo_secret=s3cret-for-tests; .*HttpOnly/i);
    const res = await app.request("/api/hint/0.1-add", {
      method: "POST",
      headers: { ...host, origin: `http://${host.host}`, cookie: `dojo_secret=${SECRET}` },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { hint: "Use the + operator.", more: true });
  });
});

test("Verify streams each test, then the verdict, and records the attempt", async () => {
  const post = () => app.request("/api/verify/0.1-add", { method: "POST", headers: { ...host, "x-dojo-secret": SECRET } });
  const failing = await (await post()).text();
  assert.match(failing, /event: test\ndata: \{"name":"adds small numbers","ok":false/);
  assert.match(failing, /event: done\ndata: \{"status":"failed","summary":"FAILED 0\/3 tests passed/);
  await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), join(ws, "exercises/phase-0/0.1-add/src/add.ts"));
  const passing = await (await post()).text();
  assert.equal(passing.match(/event: test/g)?.length, 3);
  assert.match(passing, /"status":"passed","summary":"PASSED 3\/3 tests passed · next review 2026-04-04"/);
  const page = await (await app.request("/task/0.1-add", { headers: host })).text();
  assert.match(page, /<td class="pass">passed<\/td><td>3\/3<\/td>/);
  assert.match(page, /<td class="fail">failed<\/td><td>0\/3<\/td>/);
  const link = /data-diff="(\/api\/diff\/0\.1-add\?from=[0-9a-f]+&amp;to=[0-9a-f]+)"/.exec(page)?.[1];
  assert.ok(link, "the newer attempt links the diff from the one before");
  const diff = await (await app.request(link.replace("&amp;", "&"), { headers: host })).text();
  assert.match(diff, /-\s+throw new Error\("TODO: add a and b"\);\n\+\s+return a \+ b;/);
  assert.equal((await app.request("/api/diff/0.1-add?from=HEAD~1;rm&to=HEAD", { headers: host })).status, 404, "only hashes reach git");
});

describe("drills and reviews", () => {
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: "POST",
      headers: { ...host, "x-dojo-secret": SECRET, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  test("the drill list and the review queue render", async () => {
    assert.match(await (await app.request("/drills", { headers: host })).text(), /href="\/drill\/parity"/);
    assert.match(await (await app.request("/reviews", { headers: host })).text(), /Review queue/);
  });

  test("questions go out without their answers; the server grades, and a finished game is recorded", async () => {
    const deck = (await (await app.request("/api/drill/parity?seed=4", { headers: host })).json()) as {
      questions: Array<Record<string, unknown>>;
    };
    assert.equal(deck.questions.length, 12);
    for (const q of deck.questions) {
      assert.deepEqual(Object.keys(q).sort(), ["kind", "options", "prompt"], "no key, no expected answer");
    }
    const first = deck.questions[0] as { prompt: string };
    const right = /doubled/.test(first.prompt) || Number(/^(\d+)/.exec(first.prompt)?.[1]) % 2 === 1 ? "even" : "odd";
    assert.deepEqual(
      await (await post("/api/drill/parity/answer", { seed: 4, index: 0, input: right }))
        .json()
        .then((g) => (g as { correct: boolean }).correct),
      true,
    );
    const wrong = (await (
      await post("/api/drill/parity/answer", { seed: 4, index: 0, input: right === "even" ? "odd" : "even" })
    ).json()) as { correct: boolean; expected: string; explain: string };
    assert.equal(wrong.correct, false);
    assert.equal(wrong.expected, right);
    assert.match(wrong.explain, /\d/);
    const done = (await (await post("/api/drill/parity/finish", { asked: 12, correct: 99, best: 3, durationMs: 5000 })).json()) as {
      commit: string;
    };
    assert.match(done.commit, /^[0-9a-f]{7,}$/);
  });
});

test("placement in the browser: a form of questions, a verdict per task, and accepted skips are placed", async () => {
  const form = await (await app.request("/placement/phase-0", { headers: host })).text();
  const seed = Number(/name="seed" value="(\d+)"/.exec(form)?.[1]);
  assert.ok(Number.isFinite(seed));
  assert.match(form, /type="radio" name="0\.2-hang:0"/);
  const { loadCurriculum } = await import("../store/load-curriculum.js");
  const { loadPlacement } = await import("../store/load-drills.js");
  const { placementDeck } = await import("../cli/questions.js");
  const c = (await loadCurriculum(MINI)).curriculum;
  assert.ok(c);
  const hang = c.tasks.find((t) => t.id === "0.2-hang");
  assert.ok(hang);
  const { placement } = await loadPlacement(c, "phase-0");
  const questions = await placementDeck(c, placement, hang, seed);
  const body = new URLSearchParams({ seed: String(seed) });
  for (const [i, q] of questions.entries()) body.set(`0.2-hang:${i}`, String((q.options ?? []).indexOf(q.expected) + 1));
  const verdict = await (
    await app.request("/placement/phase-0", {
      method: "POST",
      headers: { ...host, "x-dojo-secret": SECRET, "content-type": "application/x-www-form-urlencoded" },
      body,
    })
  ).text();
  assert.match(verdict, /0\.2-hang<\/a><\/td><td>3\/3<\/td><td class="pass">skip/);
  const accept = /name="task" value="(0\.2-hang:3:3)"/.exec(verdict)?.[1];
  assert.ok(accept);
  const done = await app.request("/placement/phase-0/accept", {
    method: "POST",
    headers: { ...host, "x-dojo-secret": SECRET, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ task: accept }),
  });
  assert.equal(done.status, 303);
  assert.match(
    await (await app.request("/", { headers: host })).text(),
    /class="state passed">passed<\/span> <a href="\/task\/0\.2-hang">/,
  );
});

test("a review in the browser: the task's drills, then the kata resets the exercise and is recorded", async () => {
  const page = await (await app.request("/review/0.1-add", { headers: host })).text();
  assert.match(page, /href="\/drill\/parity"/);
  assert.match(page, /action="\/review\/0\.1-add\/kata"/);
  const file = join(ws, "exercises/phase-0/0.1-add/src/add.ts");
  await copyFile(join(MINI, "phase-0/0.1-add/solution/src/add.ts"), file);
  const res = await app.request("/review/0.1-add/kata", { method: "POST", headers: { ...host, "x-dojo-secret": SECRET } });
  assert.equal(res.status, 303);
  const { readFile } = await import("node:fs/promises");
  assert.match(await readFile(file, "utf8"), /TODO/, "the kata starts from the starter");
  const { git } = await import("../testing/cli.js");
  assert.match(await git(ws, ["log", "--format=%s", "-3"]), /review 0\.1-add: drills 0\/0, kata started \(20 min\)/);
});
