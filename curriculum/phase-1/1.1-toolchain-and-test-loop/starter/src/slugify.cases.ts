// Your own test cases for slugify(), at least 6. The dojo checks that each `expected` is what
// the specification in README.md gives, that your slugify() passes them, and that together they
// catch five deliberately broken slugify() versions (see mutants.ts next to the tests).
// `opts` is optional; leave it out for a case without a length limit.
export const cases: Array<{ input: string; opts?: { maxLength?: number }; expected: string }> = [
  // TODO: add cases, for example:
  // { input: "Hello World", expected: "hello-world" },
];
