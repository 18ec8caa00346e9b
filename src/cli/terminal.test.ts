/**
 * Interactive commands in a real terminal, driven through tmux as a person would type:
 * the drill player and the confirmation before an early solution.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { deck } from "../drills/engine.js";
import { loadDrill } from "../store/load-drills.js";
import { BIN, MINI, tempWorkspace, waitFor } from "../testing/cli.js";

const hasTmux = (() => {
  try {
    execFileSync("tmux", ["-V"]);
    return true;
  } catch {
    return false;
  }
})();
if (!hasTmux && process.env.CI) throw new Error("tmux is required under CI (the terminal tests drive a real terminal)");
if (!hasTmux) console.error("\n!!! tmux not found: SKIPPING the real-terminal tests (apt-get install tmux) !!!\n");

const session = `ts-dojo-test-${process.pid}`;
let ws: string;
let cleanup: () => Promise<void>;
const tmux = (...args: string[]) =>
  new Promise<string>((resolve, reject) => execFile("tmux", args, (err, out) => (err ? reject(err) : resolve(out))));
const screen = () => tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session);
const type = async (text: string) => {
  await tmux("send-keys", "-t", session, "-l", text);
  await tmux("send-keys", "-t", session, "Enter");
};

before(async () => {
  if (!hasTmux) return;
  ({ dir: ws, cleanup } = await tempWorkspace());
  await tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "50", "-c", ws, "bash --norc --noprofile");
  await tmux("send-keys", "-t", session, `export TS_DOJO_CURRICULUM=${MINI} NO_COLOR=1 PS1='$ '; clear`, "Enter");
});
after(async () => {
  if (!hasTmux) return;
  await tmux("kill-session", "-t", session).catch(() => {});
  await cleanup();
});

test("a drill plays at a real terminal: a wrong answer shows the right one, the score adds up", { skip: !hasTmux }, async () => {
  const { drill } = await loadDrill(MINI, "parity");
  assert.ok(drill);
  const questions = deck(drill, { seed: 11, count: 3 });
  await type(`node ${BIN} drill parity --count 3 --seed 11`);
  for (const [i, q] of questions.entries()) {
    await waitFor(async () => (await screen()).includes(`[${i + 1}/3]`));
    // The first answer is deliberately wrong, the others right.
    await type(i === 0 ? (q.expected === "even" ? "odd" : "even") : q.expected);
  }
  await waitFor(
    async () => /2\/3 right \(67 %\)[\s\S]*recorded/.test(await screen()),
    () => "",
  );
  const out = await screen();
  assert.match(out, new RegExp(`✗ the answer is ${questions[0]?.expected}`));
  assert.match(out, /\d+ \+ \d+ = \d+/, "the correction explains");
  assert.match(out, /recorded as commit [0-9a-f]{7}/);
});

test("solution --force asks before showing, and shows on yes", { skip: !hasTmux }, async () => {
  await tmux("send-keys", "-t", session, "clear", "Enter");
  await type(`node ${BIN} solution 0.2-hang --force`);
  await waitFor(
    async () => (await screen()).includes("before passing it?"),
    () => "",
  );
  await tmux("send-keys", "-t", session, "y");
  await tmux("send-keys", "-t", session, "Enter");
  await waitFor(
    async () => (await screen()).includes("Your files are unchanged"),
    () => "",
  );
  assert.match(await screen(), /return 42/);
  assert.match(await screen(), /Your files are unchanged/);
});

test("init at a terminal asks where to put the workspace", { skip: !hasTmux }, async () => {
  await tmux("send-keys", "-t", session, "clear", "Enter");
  await type("cd .. && rm -rf asked");
  await type(`node ${BIN} init`);
  await waitFor(
    async () => (await screen()).includes("Where should your dojo live?"),
    () => "",
  );
  // Replace the offered default with our own folder name.
  await tmux("send-keys", "-t", session, "C-u");
  await type("asked");
  await waitFor(
    async () => (await screen()).includes("Created your dojo in asked"),
    () => "",
  );
  assert.match(await screen(), /Current task: 0\.1-add/);
});
