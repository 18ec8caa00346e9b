/**
 * A lesson as HTML for the task page: marked for the markdown, ASCII diagrams kept in
 * monospace, and ```mermaid blocks swapped for the SVG drawn at authoring time (with their
 * source one click away). A block without a drawing shows its source, never a broken image.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { diagramFile, mermaidBlocks } from "../core/diagrams.js";

export async function lessonHtml(taskDir: string): Promise<string> {
  const text = await readFile(join(taskDir, "lesson.md"), "utf8");
  const drawings = new Map<string, string>();
  await Promise.all(
    mermaidBlocks(text).map(async (b) => {
      const svg = await readFile(join(taskDir, b.file), "utf8").catch(() => undefined);
      if (svg) drawings.set(b.file, svg);
    }),
  );
  const { Marked } = await import("marked");
  const marked = new Marked({
    renderer: {
      code({ text: source, lang }) {
        if (lang !== "mermaid") return false;
        const svg = drawings.get(diagramFile(source));
        const code = `<pre><code class="language-mermaid">${escapeHtml(source)}</code></pre>`;
        if (!svg) return code;
        return `<figure class="diagram">${svg}<figcaption><details><summary>diagram source</summary>${code}</details></figcaption></figure>\n`;
      },
    },
  });
  return marked.parse(text);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
