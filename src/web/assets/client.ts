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
async function showHint(btn) {
  const res = await fetch("/api/hint/" + btn.dataset.hint, { method: "POST", headers: { "x-requested-with": "ts-dojo" } });
  const data = await res.json();
  const list = document.getElementById("hints");
  if (data.hint) { const li = document.createElement("li"); li.textContent = data.hint; list.append(li); }
  if (!data.more) { btn.disabled = true; btn.textContent = "No more hints"; }
}
`;
