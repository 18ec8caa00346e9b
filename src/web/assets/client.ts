/**
 * The only client script: the Verify button and hints. It posts with the launch secret (kept in
 * an HttpOnly cookie, sent automatically) and reads verify's server-sent events as they stream.
 */
export const js = `
document.addEventListener("click", async (e) => {
  const btn = e.target.closest("button[data-verify]");
  if (btn) return verify(btn);
  const hint = e.target.closest("button[data-hint]");
  if (hint) return showHint(hint);
});
async function verify(btn) {
  const out = document.getElementById("verify-output");
  btn.disabled = true; btn.textContent = "Verifying…";
  out.innerHTML = '<ul class="results" aria-live="polite"></ul><div class="verdict"></div>';
  const list = out.querySelector("ul"), verdict = out.querySelector(".verdict");
  const res = await fetch("/api/verify/" + btn.dataset.verify, { method: "POST", headers: { "x-requested-with": "ts-dojo" } });
  const reader = res.body.getReader(); const dec = new TextDecoder(); let buf = "";
  for (;;) {
    const { value, done } = await reader.read(); if (done) break;
    buf += dec.decode(value, { stream: true });
    let i; while ((i = buf.indexOf("\\n\\n")) !== -1) { handle(buf.slice(0, i)); buf = buf.slice(i + 2); }
  }
  btn.disabled = false; btn.textContent = "Verify again";
  function handle(block) {
    const ev = /event: (.*)/.exec(block)?.[1]; const data = JSON.parse(/data: (.*)/.exec(block)?.[1] ?? "null");
    if (ev === "test") {
      const li = document.createElement("li"); li.className = data.ok ? "pass" : "fail";
      li.textContent = (data.ok ? "✓ " : "✗ ") + data.name; list.append(li);
      if (!data.ok && data.failure) { const pre = document.createElement("div"); pre.className = "failure"; pre.textContent = data.failure; list.append(pre); }
    } else if (ev === "done") {
      verdict.className = "verdict " + (data.status === "passed" ? "pass" : "fail");
      verdict.textContent = data.summary;
    }
  }
}
document.addEventListener("toggle", async (e) => {
  const d = e.target;
  if (!(d instanceof HTMLDetailsElement) || !d.open || !d.dataset.diff || d.dataset.loaded) return;
  d.dataset.loaded = "1";
  d.querySelector("pre").textContent = await (await fetch(d.dataset.diff)).text();
}, true);
async function showHint(btn) {
  const res = await fetch("/api/hint/" + btn.dataset.hint, { method: "POST", headers: { "x-requested-with": "ts-dojo" } });
  const data = await res.json();
  const list = document.getElementById("hints");
  if (data.hint) { const li = document.createElement("li"); li.textContent = data.hint; list.append(li); }
  if (!data.more) { btn.disabled = true; btn.textContent = "No more hints"; }
}
`;

/** The drill player: questions from the server, answers graded by the server, keyboard first. */
export const drillJs = `
const root = document.getElementById("drill");
if (root) play(root);
async function play(root) {
  const id = root.dataset.drill, seed = root.dataset.seed;
  const deck = await (await fetch("/api/drill/" + id + "?seed=" + seed)).json();
  let i = 0, correct = 0, streak = 0, best = 0; const started = Date.now();
  show();
  function show() {
    if (i >= deck.questions.length) return finish();
    const q = deck.questions[i];
    root.innerHTML = '<div class="muted">' + (i + 1) + " / " + deck.questions.length + " · score " + correct + " · streak " + streak + '</div>' +
      '<h2 style="margin:.4rem 0"></h2>' + (q.code ? "<pre></pre>" : "") +
      (q.options ? '<ol class="options"></ol>' : "") +
      '<form><label>Your answer <input name="a" autocomplete="off" required></label> <button>Answer</button></form><div class="feedback"></div>';
    root.querySelector("h2").textContent = q.prompt;
    if (q.code) root.querySelector("pre").textContent = q.code;
    if (q.options) for (const [n, o] of q.options.entries()) {
      const li = document.createElement("li"); const b = document.createElement("button");
      b.type = "button"; b.className = "secondary"; b.textContent = (n + 1) + ") " + o; b.onclick = () => answer(String(n + 1));
      li.append(b); root.querySelector("ol").append(li);
    }
    const input = root.querySelector("input");
    (q.options ? root.querySelector("ol.options button") : input).focus();
    if (q.kind === "order") input.placeholder = "e.g. 3 1 2 4";
    root.querySelector("form").onsubmit = (e) => { e.preventDefault(); answer(input.value); };
  }
  async function answer(text) {
    const res = await (await fetch("/api/drill/" + id + "/answer", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seed, index: i, input: text }) })).json();
    if (res.correct) { correct++; streak++; best = Math.max(best, streak); } else streak = 0;
    const fb = root.querySelector(".feedback");
    fb.className = "feedback " + (res.correct ? "pass" : "fail");
    fb.textContent = res.correct ? "✓ right" : "✗ the answer is " + res.expected + (res.explain ? " — " + res.explain : "");
    root.querySelector("form").remove();
    const next = document.createElement("button"); next.textContent = i + 1 < deck.questions.length ? "Next (Enter)" : "Finish (Enter)";
    next.onclick = () => { i++; show(); }; fb.after(next); next.focus();
  }
  async function finish() {
    await fetch("/api/drill/" + id + "/finish", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ asked: deck.questions.length, correct, best, durationMs: Date.now() - started }) });
    root.innerHTML = '<p class="verdict">' + correct + " / " + deck.questions.length + " right · best streak " + best + '</p><p><a href="/drills">More drills</a></p>';
  }
}
document.addEventListener("keydown", (e) => {
  const root = document.getElementById("drill"); if (!root || e.target.tagName === "INPUT") return;
  const n = Number(e.key); const buttons = root.querySelectorAll("ol.options button");
  if (n >= 1 && n <= buttons.length) buttons[n - 1].click();
});
`;
