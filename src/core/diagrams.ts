/**
 * Mermaid diagrams in lessons are drawn once, when the curriculum is written, and shipped as
 * SVG files beside the lesson: drawing needs a browser, which a learner's machine may not
 * have, and the web app must work offline. A block's file is named by a hash of its source,
 * so an edited diagram is a missing file until `npm run diagrams` draws it again.
 */
import { createHash } from "node:crypto";

export const DIAGRAM_DIR = "diagrams";

export interface MermaidBlock {
  readonly source: string;
  /** diagrams/<hash>.svg, relative to the task folder. */
  readonly file: string;
  /** 1-based line of the opening fence in lesson.md. */
  readonly line: number;
}

export function diagramFile(source: string): string {
  return `${DIAGRAM_DIR}/${createHash("sha256").update(source.trim()).digest("hex").slice(0, 16)}.svg`;
}

/** Every ```mermaid block in a markdown text, in order. */
export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```mermaid\s*$/.test(lines[i] ?? "")) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    const source = body.join("\n");
    blocks.push({ source, file: diagramFile(source), line: start + 1 });
  }
  return blocks;
}
