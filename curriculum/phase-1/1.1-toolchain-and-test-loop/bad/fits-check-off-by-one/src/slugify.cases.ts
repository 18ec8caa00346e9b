// My test cases for slugify(): each one targets a rule of the specification, including the
// boundaries of maxLength, where off-by-one bugs live.
export const cases: Array<{ input: string; opts?: { maxLength?: number }; expected: string }> = [
  { input: "Hello, World!", expected: "hello-world" },
  { input: "Crème Brûlée Recipes", expected: "creme-brulee-recipes" },
  { input: "  many   spaces -- and ... dots  ", expected: "many-spaces-and-dots" },
  { input: "Top 10 Node.js Tips", expected: "top-10-node-js-tips" },
  { input: "", expected: "" },
  { input: "hello world again", opts: { maxLength: 11 }, expected: "hello-world" },
  { input: "hello world again", opts: { maxLength: 10 }, expected: "hello" },
  { input: "hello world", opts: { maxLength: 11 }, expected: "hello-world" },
  { input: "Supercalifragilistic", opts: { maxLength: 5 }, expected: "super" },
];
