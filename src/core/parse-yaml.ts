/**
 * Parse a yaml file against a schema and report every problem with its line, so an author
 * can jump straight to it. Pure: takes the text, returns the value or the problems.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problem.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): Parsed<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file, line: lineOf(e.pos[0]), message: `malformed yaml: ${firstLine(e.message)}` })),
    };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
      // Point at the deepest node that exists: a missing key is reported at its parent.
      let line: number | undefined;
      for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node)) line = lineOf(node.range?.[0]);
      }
      const where = path.length > 0 ? `${path.join(".")}: ` : "";
      return { file, line, message: `${where}${issue.message}` };
    }),
  };
}

const firstLine = (s: string) => s.split("\n")[0] ?? s;
