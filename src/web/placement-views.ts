/** Placement in the browser: one form with every question, then verdicts and an accept button. */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Phase } from "../core/curriculum.js";
import type { Verdict } from "../core/placement.js";
import type { Question } from "../drills/engine.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function placementIndex(phases: readonly Phase[]): Html {
  return html`<div class="crumb"><a href="/">dashboard</a> › placement</div><h1>Placement</h1>
<p class="muted">Answer a few questions per task; what you clearly know can be skipped (it still comes back for review).</p>
<ul class="tasks">${phases.map((p) => html`<li><a href="/placement/${p.id}">Phase ${p.number} · ${p.title}</a></li>`)}</ul>`;
}

export function placementForm(
  phase: Phase,
  seed: number,
  groups: ReadonlyArray<{ task: string; title: string; questions: readonly Question[] }>,
): Html {
  return html`<div class="crumb"><a href="/">dashboard</a> › <a href="/placement">placement</a> › ${phase.id}</div>
<h1>Placement · phase ${phase.number}</h1><p class="muted">${phase.title}. Pick one answer per question.</p>
<form method="post" action="/placement/${phase.id}"><input type="hidden" name="seed" value="${seed}">
${groups.map(
  (g) => html`<fieldset class="card"><legend><strong>${g.task}</strong> <span class="muted">${g.title}</span></legend>
${g.questions.map(
  (
    q,
    i,
  ) => html`<div role="radiogroup" aria-label="${q.prompt}"><p><strong>${q.prompt}</strong></p>${q.code ? html`<pre>${q.code}</pre>` : ""}
${(q.options ?? []).map((o, n) => html`<label style="display:block"><input type="radio" name="${g.task}:${i}" value="${n + 1}" required> ${o}</label>`)}</div>`,
)}</fieldset>`,
)}
<button type="submit">See my verdict</button></form>`;
}

export function placementResult(
  phase: Phase,
  rows: ReadonlyArray<{ task: string; correct: number; asked: number; verdict: Verdict }>,
): Html {
  const advice: Record<Verdict, string> = {
    skip: "skip — it comes back for review",
    skim: "skim the lesson, then verify",
    do: "do the task fully",
  };
  const skips = rows.filter((r) => r.verdict === "skip");
  return html`<div class="crumb"><a href="/">dashboard</a> › <a href="/placement">placement</a> › ${phase.id}</div><h1>Your verdict</h1>
<div class="card"><table><thead><tr><th>task</th><th>right</th><th>advice</th></tr></thead><tbody>${rows.map((r) => html`<tr><td><a href="/task/${r.task}">${r.task}</a></td><td>${r.correct}/${r.asked}</td><td class="${r.verdict === "skip" ? "pass" : r.verdict === "do" ? "fail" : ""}">${advice[r.verdict]}</td></tr>`)}</tbody></table></div>
${
  skips.length
    ? html`<form method="post" action="/placement/${phase.id}/accept">${skips.map((s) => html`<input type="hidden" name="task" value="${s.task}:${s.correct}:${s.asked}">`)}<button type="submit">Mark ${skips.length} task(s) as placed</button></form>`
    : html`<p>Nothing to skip. <a href="/">Back to the dashboard</a>.</p>`
}`;
}
