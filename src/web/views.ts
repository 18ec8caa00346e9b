/** Server-rendered pages. hono/html escapes every interpolated value unless wrapped in raw(). */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Attempt } from "../core/attempt.js";
import type { Curriculum, Task } from "../core/curriculum.js";
import { relative } from "../core/duration.js";
import type { CourseProgress, TaskProgress } from "../core/mastery.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ts-dojo</title><link rel="stylesheet" href="/assets/style.css"><script src="/assets/client.js" defer></script></head>
<body><header class="top"><a class="brand" href="/">ts-dojo</a><span class="tag">learn backend in TypeScript · earn mastery</span><nav><a href="/">Dashboard</a> · <a href="/reviews">Reviews</a> · <a href="/drills">Drills</a> · <a href="/placement">Placement</a></nav></header>
<main>${body}</main></body></html>`;
}

const LABEL: Record<TaskProgress["state"], string> = {
  new: "not started",
  learning: "learning",
  passed: "passed",
  reviewing: "reviewing",
  mastered: "mastered",
};

function stateBadge(p: TaskProgress, now: Date): Html {
  if (p.due && p.due <= now) return html`<span class="state due">review due</span>`;
  const label = p.state === "reviewing" ? `reviewing ${p.stage}/${p.stages}` : LABEL[p.state];
  return html`<span class="state ${p.state}">${label}</span>`;
}

export interface DashboardData {
  readonly curriculum: Curriculum;
  readonly progress: CourseProgress;
  readonly records: readonly Attempt[];
  readonly forecast: readonly number[];
  readonly now: Date;
}

export function dashboard(d: DashboardData): Html {
  const phases = d.curriculum.phases.map((phase) => {
    const states = phase.tasks.map((t) => d.progress.tasks.get(t.id) as TaskProgress);
    const done = states.filter((p) => p.state !== "new" && p.state !== "learning").length;
    return html`<section class="card phase"><h3>Phase ${phase.number} · ${phase.title}</h3>
<div class="muted">${done} of ${phase.tasks.length} passed</div><div class="bar" role="img" aria-label="${done} of ${phase.tasks.length} passed"><span style="width:${Math.round((done / phase.tasks.length) * 100)}%"></span></div>
<ul class="tasks">${phase.tasks.map((t) => html`<li>${stateBadge(d.progress.tasks.get(t.id) as TaskProgress, d.now)} <a href="/task/${t.id}">${t.id}</a></li>`)}</ul></section>`;
  });
  const cur = d.progress.current;
  const due = d.progress.due;
  return html`<h1>Your dojo</h1>
${cur ? html`<div class="card"><div class="muted">Current task</div><h2 style="margin:.2rem 0"><a href="/task/${cur.id}">${cur.title}</a></h2><div class="muted">phase ${cur.phase} · ${cur.id}</div><p>${cur.summary}</p></div>` : html`<div class="card">Every task is passed.</div>`}
<div class="grid">
<section class="card"><h2 style="margin-top:0">Reviews due</h2>${
    due.length === 0
      ? html`<p class="muted">None now.${d.progress.upcoming?.due ? ` Next: ${d.progress.upcoming.task} ${relative(d.progress.upcoming.due.getTime() - d.now.getTime())}.` : ""}</p>`
      : html`<ul class="tasks">${due.map((p) => html`<li><span class="state due">due</span> <a href="/task/${p.task}">${p.task}</a></li>`)}</ul><p class="muted">Run <code>ts-dojo review</code>.</p>`
  }</section>
<section class="card"><h2 style="margin-top:0">Next 30 days</h2>${forecastBars(d.forecast)}<div class="muted">${d.forecast.reduce((a, b) => a + b, 0)} reviews expected</div></section>
</div>
<h2>Phases</h2><div class="grid">${phases}</div>
<h2>Activity</h2><div class="card">${calendar(d.records, d.now)}<div class="muted">verify runs per day, last 18 weeks</div></div>
<h2>Mastery over time</h2><div class="card">${masteryChart(d.curriculum, d.records, d.now)}</div>`;
}

function forecastBars(values: readonly number[]): Html {
  const max = Math.max(1, ...values);
  return html`<div class="forecast" role="img" aria-label="reviews per day for the next 30 days">${values.map((v, i) => html`<span title="day ${i}: ${v}" style="height:${Math.round((v / max) * 100)}%"></span>`)}</div>`;
}

const DAY = 86_400_000;

function calendar(records: readonly Attempt[], now: Date): Html {
  const days = 18 * 7;
  const start = Math.floor(now.getTime() / DAY) - days + 1;
  const counts = new Array<number>(days).fill(0);
  for (const r of records) {
    if (r.event !== "verify") continue;
    const i = Math.floor(Date.parse(r.at) / DAY) - start;
    if (i >= 0 && i < days) counts[i] = (counts[i] ?? 0) + 1;
  }
  return html`<div class="calendar" role="img" aria-label="activity calendar">${counts.map((n, i) => html`<span class="${n === 0 ? "" : n < 3 ? "l1" : n < 6 ? "l2" : "l3"}" title="${new Date((start + i) * DAY).toISOString().slice(0, 10)}: ${n}"></span>`)}</div>`;
}

function masteryChart(c: Curriculum, records: readonly Attempt[], now: Date): Html {
  // Tasks passed (or placed) so far, day by day since the first record.
  const firsts = new Map<string, number>();
  for (const r of records) {
    if ((r.event === "verify" && r.result === "passed") || r.event === "placed")
      if (!firsts.has(r.task)) firsts.set(r.task, Date.parse(r.at));
  }
  const times = [...firsts.values()].sort((a, b) => a - b);
  if (times.length === 0) return html`<p class="muted">Pass a task to start the line.</p>`;
  const t0 = times[0] as number;
  const span = Math.max(DAY, now.getTime() - t0);
  const total = c.tasks.length;
  const points = [
    `0,100`,
    ...times.map((t, i) => `${(((t - t0) / span) * 100).toFixed(1)},${(100 - ((i + 1) / total) * 100).toFixed(1)}`),
    `100,${(100 - (times.length / total) * 100).toFixed(1)}`,
  ];
  return html`<svg class="chart" viewBox="0 0 100 100" preserveAspectRatio="none" role="img" aria-label="${times.length} of ${total} tasks passed"><path d="M${points.join(" L")}" vector-effect="non-scaling-stroke"/></svg><div class="muted">${times.length} of ${total} tasks passed</div>`;
}

export interface TaskPageData {
  readonly task: Task;
  readonly lessonHtml: string;
  readonly progress: TaskProgress;
  /** Newest first, each with the commit that recorded it (when git knows it). */
  readonly history: ReadonlyArray<{ attempt: Extract<Attempt, { event: "verify" }>; commit?: string }>;
  readonly hintsShown: readonly string[];
  readonly now: Date;
}

export function taskPage(d: TaskPageData): Html {
  const t = d.task;
  return html`<div class="crumb"><a href="/">dashboard</a> › phase ${t.phase} · ${t.id}</div>
<h1>${t.title}</h1><p class="muted">${t.summary}</p>
<div class="meta"><span>kind: ${t.kind}</span><span>review intervals ${t.review.join(" ")}</span>${t.drills.length ? html`<span>drills ${t.drills.join(", ")}</span>` : ""}<span>${stateBadge(d.progress, d.now)}${d.progress.due ? ` next review ${d.progress.due.toISOString().slice(0, 10)}` : ""}</span></div>
<article class="lesson">${raw(d.lessonHtml)}</article>
<h2>Mastery criteria</h2><ul>${t.criteria.map((c) => html`<li>${c}</li>`)}</ul>
<h2>Verify</h2><div class="card"><p>Edit ${t.files.map((f) => html`<code>exercises/phase-${t.phase}/${t.id}/${f}</code> `)}, then run <code>ts-dojo verify ${t.id}</code> or:</p>
<button type="button" data-verify="${t.id}">Verify</button><div id="verify-output"></div></div>
<h2>Hints</h2><div class="card"><ol id="hints">${d.hintsShown.map((h) => html`<li>${h}</li>`)}</ol>
<button type="button" class="secondary" data-hint="${t.id}" ${d.hintsShown.length >= t.hints.length ? "disabled" : ""}>${d.hintsShown.length >= t.hints.length ? "No more hints" : `Show hint ${d.hintsShown.length + 1} of ${t.hints.length}`}</button></div>
<h2>Attempts</h2><div class="card">${
    d.history.length === 0
      ? html`<p class="muted">No attempts yet.</p>`
      : html`<div style="overflow-x:auto"><table><thead><tr><th>when</th><th>result</th><th>tests</th><th>changes since the attempt before</th></tr></thead><tbody>${d.history.map(
          ({ attempt: a, commit }, i) => {
            const before = d.history[i + 1]?.commit;
            const diff =
              commit && before
                ? html`<details data-diff="/api/diff/${d.task.id}?from=${before}&amp;to=${commit}"><summary>diff ${before}..${commit}</summary><pre class="diff">…</pre></details>`
                : "";
            return html`<tr><td>${a.at.slice(0, 16).replace("T", " ")}</td><td class="${a.result === "passed" ? "pass" : "fail"}">${a.result}</td><td>${a.tests.passed}/${a.tests.total}</td><td>${diff}</td></tr>`;
          },
        )}</tbody></table></div>`
  }</div>
${t.reading.length ? html`<h2>Further reading</h2><ol>${t.reading.map((r) => html`<li><a href="${r.url}" rel="noreferrer">${r.title}</a> — <span class="muted">${r.why}</span></li>`)}</ol>` : ""}`;
}
