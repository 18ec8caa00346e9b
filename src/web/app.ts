/**
 * The local web app: Hono, pages rendered on the server, one small client script. Every request
 * passes the guard (loopback Host only, launch secret on state changes, no CORS).
 */

import { join } from "node:path";
import { Hono } from "hono";
import { html } from "hono/html";
import { streamSSE } from "hono/streaming";
import { restoreStarter } from "../cli/commands/reset.js";
import { testEnv } from "../cli/commands/verify.js";
import { contextFor, pickTask } from "../cli/context.js";
import type { IO } from "../cli/io.js";
import { placementDeck } from "../cli/questions.js";
import { DRILLS_TASK } from "../core/attempt.js";
import type { Phase, Task } from "../core/curriculum.js";
import { isDone, kataTimebox, type TaskProgress } from "../core/mastery.js";
import { verdictFor } from "../core/placement.js";
import { statsOf } from "../core/stats.js";
import { deck, grade } from "../drills/engine.js";
import { runTask } from "../runner/run-task.js";
import { attemptCommits, diffBetween } from "../store/history.js";
import { loadDrill, loadPlacement } from "../store/load-drills.js";
import { record, recordVerify } from "../store/record.js";
import { drillJs, js } from "./assets/client.js";
import { css } from "./assets/style.js";
import { drillList, drillPlayer, reviewPage, reviewQueue } from "./drill-views.js";
import { lessonHtml } from "./lesson.js";
import { placementForm, placementIndex, placementResult } from "./placement-views.js";
import { guard } from "./security.js";
import { dashboard, layout, taskPage } from "./views.js";

export interface AppOptions {
  /** Where and when: the workspace folder, the environment, the clock. */
  readonly io: Pick<IO, "cwd" | "env" | "now" | "err" | "out" | "color" | "interactive" | "columns" | "confirm" | "ask">;
  readonly port: () => number;
  readonly secret: string;
}

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  const io = opts.io as IO;
  app.use("*", guard({ port: opts.port, secret: opts.secret }));

  app.get("/assets/style.css", (c) => c.body(css, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=3600" }));
  app.get("/assets/client.js", (c) =>
    c.body(js + drillJs, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "max-age=3600" }),
  );

  app.get("/", async (c) => {
    const ctx = await contextFor(io);
    const now = io.now();
    const { forecast } = statsOf(ctx.curriculum.tasks, ctx.records.records, now, ctx.config);
    return c.html(
      layout("Dashboard", dashboard({ curriculum: ctx.curriculum, progress: ctx.progress, records: ctx.records.records, forecast, now })),
    );
  });

  app.get("/task/:id", async (c) => {
    const ctx = await contextFor(io);
    const task = findTask(ctx, c.req.param("id"));
    if (!task) return c.html(layout("Not found", html`<p>No task "${c.req.param("id")}". <a href="/">Back to the dashboard</a>.</p>`), 404);
    const lesson = await lessonHtml(join(ctx.curriculum.root, task.dir));
    const progress = ctx.progress.tasks.get(task.id);
    if (!progress) return c.notFound();
    const commits = (await attemptCommits(ctx.ws, task.id)).filter((x) => x.path.includes("-verify")).map((x) => x.hash);
    const history = ctx.records.records
      .filter((r): r is Extract<typeof r, { event: "verify" }> => r.task === task.id && r.event === "verify")
      .reverse()
      // Git lists the verify commits newest first, one per attempt, in the order they happened.
      .map((attempt, i) => ({ attempt, commit: commits[i] }));
    return c.html(
      layout(
        task.title,
        taskPage({ task, lessonHtml: lesson, progress, history, hintsShown: task.hints.slice(0, progress.hintsUsed), now: io.now() }),
      ),
    );
  });

  app.post("/api/verify/:id", async (c) => {
    const ctx = await contextFor(io);
    const task = findTask(ctx, c.req.param("id"));
    if (!task) return c.json({ error: "no such task" }, 404);
    return streamSSE(c, async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort());
      const result = await runTask({
        task,
        curriculumRoot: ctx.curriculum.root,
        subjectDir: ctx.ws.taskDir(task),
        signal: controller.signal,
        env: testEnv(ctx.config),
        onTest: (t) => {
          const failure = t.failure
            ? [
                t.failure.message,
                t.failure.expected !== undefined ? `expected: ${t.failure.expected}\nactual:   ${t.failure.actual}` : "",
                t.failure.location ? `at ${t.failure.location}` : "",
                t.failure.context ?? "",
                t.failure.repro ? `Reproduce it (from your workspace folder):\n${t.failure.repro}` : "",
              ]
                .filter(Boolean)
                .join("\n")
            : undefined;
          void stream.writeSSE({ event: "test", data: JSON.stringify({ name: t.name, ok: t.ok, failure }) });
        },
      });
      if (result.status === "cancelled") return;
      const saved = await recordVerify(ctx, task, result, io.now());
      const ran = result.tests.filter((t) => !t.skip);
      const passed = ran.filter((t) => t.ok).length;
      const summary = `${result.status.toUpperCase()} ${passed}/${ran.length} tests passed${result.typeErrors.length ? `, ${result.typeErrors.length} type errors` : ""}${result.reason ? ` — ${result.reason}` : ""}${saved.progress.due && result.status === "passed" ? ` · next review ${saved.progress.due.toISOString().slice(0, 10)}` : ""}`;
      await stream.writeSSE({ event: "done", data: JSON.stringify({ status: result.status, summary, commit: saved.commit }) });
    });
  });

  app.post("/api/hint/:id", async (c) => {
    const ctx = await contextFor(io);
    const task = findTask(ctx, c.req.param("id"));
    if (!task) return c.json({ error: "no such task" }, 404);
    const used = ctx.progress.tasks.get(task.id)?.hintsUsed ?? 0;
    if (used >= task.hints.length) return c.json({ hint: null, more: false });
    await record(ctx.ws, { v: 1, event: "hint", task: task.id, at: io.now().toISOString(), index: used }, ctx.ws.taskPath(task));
    return c.json({ hint: task.hints[used], more: used + 1 < task.hints.length });
  });

  app.get("/api/diff/:id", async (c) => {
    const ctx = await contextFor(io);
    const task = findTask(ctx, c.req.param("id"));
    const diff = task && (await diffBetween(ctx.ws, ctx.ws.taskPath(task), c.req.query("from") ?? "", c.req.query("to") ?? ""));
    if (diff === undefined) return c.text("no such diff", 404);
    return c.text(diff || "(no changes)");
  });

  app.get("/reviews", async (c) => {
    const ctx = await contextFor(io);
    const now = io.now();
    const upcoming = [...ctx.progress.tasks.values()]
      .filter((p) => p.due && p.due > now)
      .sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));
    return c.html(layout("Reviews", reviewQueue(ctx.progress.due, upcoming, now)));
  });

  app.get("/drills", async (c) => {
    const ctx = await contextFor(io);
    const drills = (await Promise.all([...ctx.curriculum.drills].sort().map((id) => loadDrill(ctx.curriculum.root, id)))).flatMap((r) =>
      r.drill ? [r.drill] : [],
    );
    return c.html(layout("Drills", drillList(drills)));
  });

  app.get("/drill/:id", async (c) => {
    const ctx = await contextFor(io);
    const { drill } = await loadDrill(ctx.curriculum.root, c.req.param("id"));
    if (!drill) return c.html(layout("Not found", html`<p>No drill "${c.req.param("id")}". <a href="/drills">All drills</a>.</p>`), 404);
    return c.html(layout(drill.title, drillPlayer(drill, io.now().getTime() % 2 ** 31)));
  });

  // Questions go out without their keys; answers are graded here, by the same engine as the terminal.
  const questionsFor = async (id: string, seed: number) => {
    const ctx = await contextFor(io);
    const { drill } = await loadDrill(ctx.curriculum.root, id);
    return drill ? { drill, questions: deck(drill, { seed, count: 12 }) } : undefined;
  };

  app.get("/api/drill/:id", async (c) => {
    const found = await questionsFor(c.req.param("id"), Number(c.req.query("seed") ?? 0));
    if (!found) return c.json({ error: "no such drill" }, 404);
    return c.json({
      title: found.drill.title,
      questions: found.questions.map(({ prompt, code, options, kind }) => ({ prompt, code, options, kind })),
    });
  });

  app.post("/api/drill/:id/answer", async (c) => {
    const body = (await c.req.json()) as { seed?: unknown; index?: unknown; input?: unknown };
    const found = await questionsFor(c.req.param("id"), Number(body.seed ?? 0));
    const q = found?.questions[Number(body.index)];
    if (!q) return c.json({ error: "no such question" }, 404);
    return c.json(grade(q, String(body.input ?? "")));
  });

  app.post("/api/drill/:id/finish", async (c) => {
    const body = (await c.req.json()) as { asked?: unknown; correct?: unknown; best?: unknown; durationMs?: unknown };
    const ctx = await contextFor(io);
    if (!ctx.curriculum.drills.has(c.req.param("id"))) return c.json({ error: "no such drill" }, 404);
    const n = (v: unknown) => Math.max(0, Math.floor(Number(v) || 0));
    const asked = n(body.asked);
    const attempt = {
      v: 1,
      event: "drill",
      task: DRILLS_TASK,
      drill: c.req.param("id"),
      at: io.now().toISOString(),
      mode: "practice",
      asked,
      correct: Math.min(n(body.correct), asked),
      best: n(body.best),
      durationMs: n(body.durationMs),
    } as const;
    const saved = await record(ctx.ws, attempt);
    return c.json({ commit: saved.commit });
  });

  const placementGroups = async (ctx: Awaited<ReturnType<typeof contextFor>>, phase: Phase, seed: number) => {
    const { placement } = await loadPlacement(ctx.curriculum, phase.id);
    const open = phase.tasks.filter((t) => !isDone(ctx.progress.tasks.get(t.id) as TaskProgress));
    return Promise.all(
      open.map(async (t) => ({
        task: t.id,
        title: t.title,
        questions: await placementDeck(ctx.curriculum, placement, t, seed),
      })),
    );
  };
  const phaseOf = (ctx: Awaited<ReturnType<typeof contextFor>>, id: string) => ctx.curriculum.phases.find((p) => p.id === id);

  app.get("/placement", async (c) => c.html(layout("Placement", placementIndex((await contextFor(io)).curriculum.phases))));

  app.get("/placement/:phase", async (c) => {
    const ctx = await contextFor(io);
    const phase = phaseOf(ctx, c.req.param("phase"));
    if (!phase) return c.notFound();
    const seed = io.now().getTime() % 2 ** 31;
    return c.html(layout("Placement", placementForm(phase, seed, await placementGroups(ctx, phase, seed))));
  });

  app.post("/placement/:phase", async (c) => {
    const ctx = await contextFor(io);
    const phase = phaseOf(ctx, c.req.param("phase"));
    if (!phase) return c.notFound();
    const form = await c.req.parseBody();
    const groups = await placementGroups(ctx, phase, Number(form.seed ?? 0));
    const rows = groups.map((g) => {
      const correct = g.questions.filter((q, i) => grade(q, String(form[`${g.task}:${i}`] ?? "")).correct).length;
      return { task: g.task, correct, asked: g.questions.length, verdict: verdictFor(correct, g.questions.length) };
    });
    return c.html(layout("Placement", placementResult(phase, rows)));
  });

  app.post("/placement/:phase/accept", async (c) => {
    const ctx = await contextFor(io);
    const form = await c.req.parseBody({ all: true });
    const entries = ([] as unknown[]).concat(form.task ?? []).map(String);
    for (const entry of entries) {
      const [task, correct, asked] = entry.split(":");
      if (!task || !ctx.curriculum.tasks.some((t) => t.id === task)) continue;
      await record(ctx.ws, {
        v: 1,
        event: "placed",
        task,
        at: io.now().toISOString(),
        correct: Number(correct) || 0,
        asked: Number(asked) || 0,
      });
    }
    return c.redirect("/", 303);
  });

  app.get("/review/:id", async (c) => {
    const ctx = await contextFor(io);
    const task = findTask(ctx, c.req.param("id"));
    const progress = task && ctx.progress.tasks.get(task.id);
    if (!task || !progress) return c.notFound();
    return c.html(layout(`Review ${task.id}`, reviewPage(task, progress)));
  });

  app.post("/review/:id/kata", async (c) => {
    const ctx = await contextFor(io);
    const task = findTask(ctx, c.req.param("id"));
    if (!task) return c.notFound();
    await restoreStarter(ctx, task);
    const timeboxMinutes = kataTimebox(task);
    await record(
      ctx.ws,
      { v: 1, event: "review", task: task.id, at: io.now().toISOString(), drillsCorrect: 0, drillsAsked: 0, timeboxMinutes },
      ctx.ws.taskPath(task),
    );
    return c.redirect(`/task/${task.id}`, 303);
  });

  return app;
}

function findTask(ctx: Parameters<typeof pickTask>[0], id: string): Task | undefined {
  try {
    return pickTask(ctx, id);
  } catch {
    return undefined;
  }
}
