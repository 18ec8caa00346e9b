import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { referenceSlugify } from "./reference-slugify.ts";
import { slugify } from "./src/slugify.ts";

/** Checks a table of [input, maxLength | undefined, expected] rows, naming the first wrong one. */
function check(rows: Array<[string, number | undefined, string]>): void {
  for (const [input, maxLength, expected] of rows) {
    const opts = maxLength === undefined ? undefined : { maxLength };
    const call = `slugify(${JSON.stringify(input)}${opts ? `, { maxLength: ${maxLength} }` : ""})`;
    assert.equal(slugify(input, opts), expected, `${call} should be ${JSON.stringify(expected)}`);
  }
}

test("lowercases and joins words with single dashes", () => {
  check([
    ["Hello World", undefined, "hello-world"],
    ["Top 10 Tips for 2024", undefined, "top-10-tips-for-2024"],
    ["already-a-slug", undefined, "already-a-slug"],
  ]);
});

test("folds accents and compatibility characters to plain ASCII (NFKD, then drop marks)", () => {
  check([
    ["Crème Brûlée", undefined, "creme-brulee"],
    ["naïve café", undefined, "naive-cafe"],
    ["Ångström", undefined, "angstrom"],
    ["ﬁnal ﬂight", undefined, "final-flight"],
    ["Ｆｕｌｌ ｗｉｄｔｈ", undefined, "full-width"],
  ]);
});

test("turns every run of other characters into one dash", () => {
  check([
    ["a  --  b", undefined, "a-b"],
    ["one___two...three", undefined, "one-two-three"],
    ["tabs\tand\nnewlines", undefined, "tabs-and-newlines"],
    ["C'est la vie!", undefined, "c-est-la-vie"],
    ["straße", undefined, "stra-e"],
    ["I ❤ TypeScript", undefined, "i-typescript"],
  ]);
});

test("never starts or ends with a dash, and may be empty", () => {
  check([
    ["  --Hello--  ", undefined, "hello"],
    ["(draft) notes?", undefined, "draft-notes"],
    ["!!!", undefined, ""],
    ["", undefined, ""],
    ["日本語", undefined, ""],
  ]);
});

test("leaves a slug that fits maxLength untouched, including one exactly maxLength long", () => {
  check([
    ["hello world", 11, "hello-world"],
    ["hello world", 50, "hello-world"],
    ["hi", 2, "hi"],
  ]);
});

test("cuts a long slug after the last whole word that fits", () => {
  check([
    ["hello world again", 11, "hello-world"],
    ["hello world again", 14, "hello-world"],
    ["hello world again", 16, "hello-world"],
    ["hello world again", 10, "hello"],
    ["hello world again", 6, "hello"],
    ["a b c d e", 4, "a-b"],
  ]);
});

test("cuts inside the first word only when that word alone is longer than maxLength", () => {
  check([
    ["Supercalifragilistic", 5, "super"],
    ["abcdefghij klm", 4, "abcd"],
    ["x", 1, "x"],
  ]);
});

test("rejects a maxLength that is not a whole number of at least 1 with a RangeError", () => {
  for (const maxLength of [0, -3, 2.5, Number.NaN]) {
    assert.throws(
      () => slugify("hello", { maxLength }),
      RangeError,
      `slugify("hello", { maxLength: ${maxLength} }) should throw a RangeError`,
    );
  }
  assert.equal(slugify("Hello World", {}), "hello-world", "an empty options object means no limit");
});

test("agrees with the specification on 300 random titles and limits", () => {
  const char = fc.constantFrom(..."aZ9 -_.,!é\u0301ÅßﬁＡ日\t");
  fc.assert(
    fc.property(
      fc.array(char, { maxLength: 40 }).map((chars) => chars.join("")),
      fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      (title, maxLength) => {
        const opts = maxLength === undefined ? undefined : { maxLength };
        const expected = referenceSlugify(title, opts);
        const actual = slugify(title, opts);
        assert.equal(
          actual,
          expected,
          `slugify(${JSON.stringify(title)}${opts ? `, { maxLength: ${maxLength} }` : ""}) should be ${JSON.stringify(expected)}`,
        );
      },
    ),
    { numRuns: 300, seed: 7 },
  );
});
