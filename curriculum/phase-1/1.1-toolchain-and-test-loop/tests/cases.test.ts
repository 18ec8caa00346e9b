// Checks the case table you wrote in src/slugify.cases.ts: are the cases right, and are they
// good enough to catch real bugs?
import assert from "node:assert/strict";
import { test } from "node:test";
import { mutants } from "./mutants.ts";
import { referenceSlugify } from "./reference-slugify.ts";
import { cases } from "./src/slugify.cases.ts";
import { slugify } from "./src/slugify.ts";

type Case = (typeof cases)[number];

function show(c: Case): string {
  const opts = c.opts?.maxLength === undefined ? "" : `, { maxLength: ${c.opts.maxLength} }`;
  return `slugify(${JSON.stringify(c.input)}${opts})`;
}

function run(fn: (title: string, opts?: { maxLength?: number }) => string, c: Case): string {
  try {
    return fn(c.input, c.opts);
  } catch (error) {
    return `<threw ${error instanceof Error ? error.name : String(error)}>`;
  }
}

test("your case table has at least 6 cases", () => {
  assert.ok(Array.isArray(cases), "src/slugify.cases.ts should export `cases` as an array");
  assert.ok(cases.length >= 6, `src/slugify.cases.ts has ${cases.length} cases; write at least 6`);
});

test("every case expects what the specification gives", () => {
  const wrong = cases
    .map((c) => ({ c, spec: run(referenceSlugify, c) }))
    .filter(({ c, spec }) => spec !== c.expected)
    .map(({ c, spec }) => `  ${show(c)}: your case expects ${JSON.stringify(c.expected)}, the specification gives ${JSON.stringify(spec)}`);
  assert.deepEqual(wrong, [], `these cases disagree with the specification in README.md:\n${wrong.join("\n")}`);
});

test("your slugify passes your own cases", () => {
  const failing = cases
    .map((c) => ({ c, got: run(slugify, c) }))
    .filter(({ c, got }) => got !== c.expected)
    .map(({ c, got }) => `  ${show(c)}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(got)}`);
  assert.deepEqual(failing, [], `your slugify fails these of your own cases:\n${failing.join("\n")}`);
});

for (const mutant of mutants) {
  test(`your cases catch the mutant "${mutant.name}"`, () => {
    const killers = cases.filter((c) => run(mutant.slugify, c) !== c.expected);
    assert.ok(
      killers.length > 0,
      `mutant "${mutant.name}" survived: it ${mutant.bug}, yet every one of your cases still passes on it. ` +
        "Add a case that this bug would get wrong.",
    );
  });
}
