// Checks workflow/ci.yml the way GitHub would read it. We cannot run GitHub here, so the test
// parses the YAML and checks the triggers, the steps and their order.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";

interface Step {
  index: number;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  continueOnError: boolean;
}

interface Job {
  id: string;
  runsOn: unknown;
  continueOnError: boolean;
  steps: Step[];
}

function loadWorkflow(): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(new URL("./workflow/ci.yml", import.meta.url), "utf8");
  } catch {
    assert.fail("workflow/ci.yml was not found; create it next to src/");
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    assert.fail(`workflow/ci.yml is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  assert.ok(doc !== null && typeof doc === "object" && !Array.isArray(doc), "workflow/ci.yml should be a YAML mapping (key: value lines)");
  return doc as Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `on` may be a string, a list of event names, or a mapping from event name to filters. */
function triggers(doc: Record<string, unknown>): string[] {
  const on = doc.on;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.filter((e): e is string => typeof e === "string");
  if (isRecord(on)) return Object.keys(on);
  return [];
}

function jobs(doc: Record<string, unknown>): Job[] {
  if (!isRecord(doc.jobs)) return [];
  return Object.entries(doc.jobs).map(([id, raw]) => {
    const job = isRecord(raw) ? raw : {};
    const steps = Array.isArray(job.steps) ? job.steps : [];
    return {
      id,
      runsOn: job["runs-on"],
      continueOnError: job["continue-on-error"] === true,
      steps: steps.map((s, index): Step => {
        const step = isRecord(s) ? s : {};
        return {
          index,
          uses: typeof step.uses === "string" ? step.uses : undefined,
          run: typeof step.run === "string" ? step.run : undefined,
          with: isRecord(step.with) ? step.with : undefined,
          continueOnError: step["continue-on-error"] === true,
        };
      }),
    };
  });
}

const COMMANDS = {
  install: { pattern: /\bnpm\s+ci\b/, words: "`npm ci`" },
  typecheck: {
    pattern: /\btsc\b|\bnpm\s+run\s+(typecheck|type-check)\b/,
    words: "a type-check (`npx tsc --noEmit`, or `npm run typecheck`)",
  },
  test: {
    pattern: /\bnpm\s+(run\s+)?test\b|\bnpm\s+t\b|\bnode\b[^\n]*\s--test\b|\btsx\s+--test\b/,
    words: "the tests (`npm test`, `node --import tsx --test` or `npx tsx --test`)",
  },
} as const;

/** Where a command first appears, as a sortable position (step index, then place in the script). */
function position(job: Job, pattern: RegExp): { at: number; step: Step } | undefined {
  for (const step of job.steps) {
    const match = step.run?.match(pattern);
    if (match?.index !== undefined) return { at: step.index * 1e6 + match.index, step };
  }
  return undefined;
}

/** The job that does the work: the one that runs `npm ci`, or else the first one. */
function mainJob(): Job {
  const all = jobs(loadWorkflow());
  assert.ok(all.length > 0, "workflow/ci.yml needs a `jobs:` mapping with at least one job");
  const job = all.find((j) => position(j, COMMANDS.install.pattern)) ?? all[0];
  assert.ok(job, "workflow/ci.yml needs at least one job");
  assert.ok(job.steps.length > 0, `job "${job.id}" needs a list of \`steps:\``);
  return job;
}

test("the workflow runs on every push and on every pull request", () => {
  const events = triggers(loadWorkflow());
  assert.ok(events.includes("push"), `\`on:\` should include push (found: ${events.join(", ") || "nothing"})`);
  assert.ok(events.includes("pull_request"), `\`on:\` should include pull_request (found: ${events.join(", ") || "nothing"})`);
});

test("a job checks out the code, sets up Node with a version, and installs with npm ci", () => {
  const job = mainJob();
  assert.ok(job.runsOn, `job "${job.id}" needs \`runs-on:\`, for example ubuntu-latest`);
  assert.ok(
    job.steps.some((s) => s.uses?.startsWith("actions/checkout@")),
    `job "${job.id}" needs a step \`uses: actions/checkout@v4\`; without it the runner has no code`,
  );
  const setupNode = job.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
  assert.ok(setupNode, `job "${job.id}" needs a step \`uses: actions/setup-node@v4\``);
  assert.ok(
    setupNode.with?.["node-version"] !== undefined || setupNode.with?.["node-version-file"] !== undefined,
    "the setup-node step should pin a Node version with `with: node-version: ...` (or node-version-file)",
  );
  const install = position(job, COMMANDS.install.pattern);
  assert.ok(
    install,
    `job "${job.id}" should install dependencies with \`npm ci\` (not npm install): it installs exactly the lockfile, or fails`,
  );
});

test("steps run in order: checkout and setup-node, then npm ci, then type-check and tests", () => {
  const job = mainJob();
  const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout@"));
  const setupNode = job.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
  const install = position(job, COMMANDS.install.pattern);
  const typecheck = position(job, COMMANDS.typecheck.pattern);
  const tests = position(job, COMMANDS.test.pattern);
  assert.ok(typecheck, `job "${job.id}" should run ${COMMANDS.typecheck.words}`);
  assert.ok(tests, `job "${job.id}" should run ${COMMANDS.test.words}`);
  assert.ok(checkout && setupNode && install, "the workflow needs checkout, setup-node and npm ci steps");
  assert.ok(checkout.index < install.step.index, "actions/checkout must come before npm ci: there is nothing to install before it");
  assert.ok(setupNode.index < install.step.index, "actions/setup-node must come before npm ci, so npm runs on the Node you chose");
  assert.ok(install.at < typecheck.at, "npm ci must come before the type-check, which needs typescript installed");
  assert.ok(install.at < tests.at, "npm ci must come before the tests, which need the dependencies installed");
});

test("a failing type-check or test fails the build", () => {
  const job = mainJob();
  assert.ok(!job.continueOnError, `job "${job.id}" has continue-on-error: true, so it can never fail the build`);
  for (const [what, command] of [
    ["type-check", COMMANDS.typecheck],
    ["test", COMMANDS.test],
  ] as const) {
    const found = position(job, command.pattern);
    assert.ok(found, `job "${job.id}" should run ${command.words}`);
    assert.ok(!found.step.continueOnError, `the ${what} step has continue-on-error: true, so a failure would still show green`);
    // Anything after || runs only when the command failed, and unless it exits non-zero the
    // step passes; "; true" at the end and "set +e" swallow the exit code the same way.
    assert.ok(
      !/\|\|(?!\s*exit\s+[1-9])|;\s*(true|:)\s*$|\bset\s+\+e\b/m.test(found.step.run ?? ""),
      `the ${what} step hides its failure from CI ("|| true", "|| echo failed", "; true" or "set +e"); ` +
        "let the command's own exit code fail the step",
    );
  }
});
