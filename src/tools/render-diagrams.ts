/**
 * npm run diagrams: draw every ```mermaid block of every lesson to diagrams/<hash>.svg in its
 * task folder, in a real Chromium with mermaid's own bundle, and delete drawings no lesson
 * uses any more. For authors only; learners get the SVG files with the curriculum.
 *   node dist/tools/render-diagrams.js [curriculum-root]
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DIAGRAM_DIR, mermaidBlocks } from "../core/diagrams.js";
import { loadCurriculum } from "../store/load-curriculum.js";
import { curriculumRoot } from "../store/paths.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = process.argv[2] ?? curriculumRoot(process.env);
const { curriculum, problems } = await loadCurriculum(root);
if (!curriculum) throw new Error(`the curriculum does not load: ${problems.map((p) => p.message).join("; ")}`);

const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
});
let drawn = 0;
let removed = 0;
try {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js") });
  await page.evaluate(() => {
    const m = (globalThis as unknown as { mermaid: { initialize(o: object): void } }).mermaid;
    // strict: no scripts or links in labels; neutral: greys that read on light and dark pages.
    m.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral", fontFamily: "system-ui, sans-serif" });
  });
  for (const task of curriculum.tasks) {
    const dir = join(root, task.dir);
    const blocks = mermaidBlocks(await readFile(join(dir, "lesson.md"), "utf8"));
    const wanted = new Set(blocks.map((b) => b.file));
    for (const block of blocks) {
      if (task.listing.includes(block.file)) continue;
      const id = `d${block.file.replace(/\W/g, "")}`;
      const svg = await page.evaluate(
        async ([source, id]) =>
          (
            await (globalThis as unknown as { mermaid: { render(i: string, s: string): Promise<{ svg: string }> } }).mermaid.render(
              id,
              source,
            )
          ).svg,
        [block.source, id] as const,
      );
      await mkdir(join(dir, DIAGRAM_DIR), { recursive: true });
      await writeFile(join(dir, block.file), `${svg}\n`);
      drawn++;
      console.log(`drew ${task.dir}/${block.file} (lesson.md:${block.line})`);
    }
    for (const name of await readdir(join(dir, DIAGRAM_DIR)).catch(() => [] as string[])) {
      if (wanted.has(`${DIAGRAM_DIR}/${name}`)) continue;
      await rm(join(dir, DIAGRAM_DIR, name));
      removed++;
      console.log(`removed ${task.dir}/${DIAGRAM_DIR}/${name} (no lesson uses it)`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${drawn} diagram(s) drawn, ${removed} removed.`);
