/** Lessons on the task page: ASCII stays monospace, mermaid becomes its drawn SVG, or its source. */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, test } from "node:test";
import type { Task } from "../core/curriculum.js";
import { diagramFile } from "../core/diagrams.js";
import { checkLesson } from "../core/rules.js";
import { lessonHtml } from "./lesson.js";

const SOURCE = "flowchart LR\n    a --> b";
const LESSON = `# L\n\n\`\`\`text\n a ─► b\n\`\`\`\n\n\`\`\`mermaid\n${SOURCE}\n\`\`\`\n`;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ts-dojo-lesson-"));
  await writeFile(join(dir, "lesson.md"), LESSON);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test("a mermaid block with its drawing is the SVG in a figure, its source one click away", async () => {
  await mkdir(join(dir, "diagrams"));
  await writeFile(join(dir, diagramFile(SOURCE)), '<svg id="drawn" viewBox="0 0 10 10"></svg>');
  const html = await lessonHtml(dir);
  assert.match(html, /<figure class="diagram"><svg id="drawn"/);
  assert.match(html, /<summary>diagram source<\/summary><pre><code class="language-mermaid">flowchart LR\n {4}a --&gt; b<\/code><\/pre>/);
  assert.match(html, /<pre><code class="language-text"> a ─► b/, "ASCII diagrams stay monospace");
});

test("without a drawing the block shows its source, escaped", async () => {
  const html = await lessonHtml(dir);
  assert.doesNotMatch(html, /<figure/);
  assert.match(html, /<pre><code class="language-mermaid">flowchart LR\n {4}a --&gt; b<\/code><\/pre>/);
});

test("dev check names a mermaid block that has no drawing, with its line and the command that draws it", () => {
  const task = { dir: "phase-0/0.9-x", listing: ["lesson.md"] } as unknown as Task;
  const missing = checkLesson(task, LESSON).find((p) => p.message.includes("mermaid"));
  assert.equal(missing?.line, 7);
  assert.match(missing?.message ?? "", /npm run diagrams/);
  const drawn = { ...task, listing: ["lesson.md", diagramFile(SOURCE)] } as unknown as Task;
  assert.equal(
    checkLesson(drawn, LESSON).some((p) => p.message.includes("mermaid")),
    false,
  );
});
