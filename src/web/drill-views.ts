/** Pages for drills and the review queue. The drill player itself is a little client script. */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Task } from "../core/curriculum.js";
import { relative } from "../core/duration.js";
import { kataTimebox, type TaskProgress } from "../core/mastery.js";
import type { Drill } from "../drills/schema.js";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export function drillList(drills: ReadonlyArray<Pick<Drill, "id" | "title" | "summary" | "kind">>): Html {
  return html`<div class="crumb"><a href="/">dashboard</a> › drills</div><h1>Drills</h1>
<p class="muted">Two-to-five-minute recall games. Keyboard: number keys pick an option, Enter answers.</p>
<ul class="tasks">${drills.map((d) => html`<li><span class="state">${d.kind}</span> <a href="/drill/${d.id}">${d.title}</a> <span class="muted">— ${d.summary}</span></li>`)}</ul>`;
}

export function drillPlayer(d: Pick<Drill, "id" | "title" | "summary">, seed: number): Html {
  return html`<div class="crumb"><a href="/">dashboard</a> › <a href="/drills">drills</a> › ${d.id}</div>
<h1>${d.title}</h1><p class="muted">${d.summary}</p>
<div class="card" id="drill" data-drill="${d.id}" data-seed="${seed}" aria-live="polite">Loading…</div>`;
}

export function reviewQueue(due: readonly TaskProgress[], upcoming: readonly TaskProgress[], now: Date): Html {
  return html`<div class="crumb"><a href="/">dashboard</a> › reviews</div><h1>Review queue</h1>
<div class="card">${
    due.length === 0
      ? html`<p>Nothing is due now.</p>`
      : html`<p>${due.length} due. Each review is the task's drills, then a kata: the exercise goes back to its starter and you solve it again against the tests (or run <code>ts-dojo review</code>).</p><ul class="tasks">${due.map((p) => html`<li><span class="state due">due ${relative((p.due as Date).getTime() - now.getTime())}</span> <a href="/review/${p.task}">Review ${p.task}</a> <span class="muted">stage ${p.stage + 1} of ${p.stages}</span></li>`)}</ul>`
  }</div>
<h2>Coming up</h2><div class="card"><ul class="tasks">${upcoming.map((p) => html`<li><span class="state ${p.state}">${relative((p.due as Date).getTime() - now.getTime())}</span> <a href="/task/${p.task}">${p.task}</a> <span class="muted">${(p.due as Date).toISOString().slice(0, 10)}</span></li>`)}</ul>${upcoming.length === 0 ? html`<p class="muted">No reviews scheduled yet.</p>` : ""}</div>`;
}

export function reviewPage(task: Pick<Task, "id" | "title" | "drills" | "files" | "phase" | "kind">, p: TaskProgress): Html {
  const timebox = kataTimebox(task);
  return html`<div class="crumb"><a href="/">dashboard</a> › <a href="/reviews">reviews</a> › ${task.id}</div>
<h1>Review · ${task.title}</h1><p class="muted">stage ${p.stage + 1} of ${p.stages}</p>
<h2>1. Drills</h2><div class="card">${task.drills.length ? html`<ul class="tasks">${task.drills.map((d) => html`<li><a href="/drill/${d}">${d}</a></li>`)}</ul>` : html`<p class="muted">This task has no drills.</p>`}</div>
<h2>2. Kata <span class="muted">(time box ${timebox} minutes)</span></h2><div class="card">
<p>Your ${task.files.map((f) => html`<code>${f}</code> `)} go back to the starter (your solution is committed first, so git keeps it). Solve it again from memory, then verify.</p>
<form method="post" action="/review/${task.id}/kata"><button type="submit">Start the kata</button></form></div>`;
}
