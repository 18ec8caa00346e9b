/**
 * Markdown for the terminal. marked tokenises; we paint. Diagrams and code blocks are printed
 * verbatim (never wrapped), so box drawings survive; prose is wrapped to the terminal width.
 */
import { Lexer, type Token, type Tokens } from "marked";
import type { Colors } from "../io.js";

export function renderMarkdown(md: string, c: Colors, width: number): string {
  const w = Math.max(40, Math.min(width, 100));
  return blocks(Lexer.lex(md), c, w, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function blocks(tokens: Token[], c: Colors, width: number, prefix: string): string {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "heading": {
        const text = inline((t as Tokens.Heading).tokens, c);
        out.push(`${(t as Tokens.Heading).depth <= 2 ? c.bold(c.underline(text)) : c.bold(text)}\n`);
        break;
      }
      case "paragraph":
        out.push(`${wrap(inline((t as Tokens.Paragraph).tokens, c), width - prefix.length)}\n`);
        break;
      case "code": {
        const code = t as Tokens.Code;
        const diagram = code.lang === "text" || code.lang === "" || code.lang === undefined;
        const body = code.text.split("\n").map((l) => `  ${diagram ? l : c.cyan(l)}`);
        // A terminal cannot draw mermaid: say where the drawing is, and show its source.
        if (code.lang === "mermaid") body.unshift(c.dim("  (a diagram — drawn in `ts-dojo serve`; its source:)"));
        out.push(`${body.join("\n")}\n`);
        break;
      }
      case "blockquote": {
        const inner = blocks((t as Tokens.Blockquote).tokens, c, width - 2, `${prefix}│ `);
        out.push(
          `${inner
            .trimEnd()
            .split("\n")
            .map((l) => `${c.yellow("│")} ${l}`)
            .join("\n")}\n`,
        );
        break;
      }
      case "list": {
        const list = t as Tokens.List;
        list.items.forEach((item, i) => {
          const bullet = list.ordered ? `${Number(list.start || 1) + i}.` : "•";
          const text = blocks(item.tokens, c, width - 4, `${prefix}    `).trim();
          out.push(`  ${bullet} ${text.split("\n").join("\n    ")}`);
        });
        out.push("");
        break;
      }
      case "table": {
        const table = t as Tokens.Table;
        const rows = [table.header.map((h) => inline(h.tokens, c)), ...table.rows.map((r) => r.map((cell) => inline(cell.tokens, c)))];
        const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => visible(r[i] ?? "").length))) ?? [];
        rows.forEach((r, i) => {
          out.push(`  ${r.map((cell, j) => cell + " ".repeat(Math.max(0, (widths[j] ?? 0) - visible(cell).length))).join("  ")}`);
          if (i === 0) out.push(`  ${widths.map((n) => c.dim("─".repeat(n))).join("  ")}`);
        });
        out.push("");
        break;
      }
      case "hr":
        out.push(`${c.dim("─".repeat(Math.min(width, 60)))}\n`);
        break;
      case "space":
        break;
      case "text":
        out.push((t as Tokens.Text).tokens ? inline((t as Tokens.Text).tokens ?? [], c) : (t as Tokens.Text).text);
        break;
      default:
        if ("raw" in t) out.push(String(t.raw));
    }
  }
  return out.join("\n");
}

function inline(tokens: Token[], c: Colors): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case "strong":
          return c.bold(inline((t as Tokens.Strong).tokens, c));
        case "em":
          return c.italic(inline((t as Tokens.Em).tokens, c));
        case "codespan":
          return c.cyan(
            (t as Tokens.Codespan).text
              .replace(/&lt;/g, "<")
              .replace(/&gt;/g, ">")
              .replace(/&amp;/g, "&")
              .replace(/&quot;/g, '"')
              .replace(/&#39;/g, "'"),
          );
        case "link": {
          const link = t as Tokens.Link;
          const text = inline(link.tokens, c);
          return text === link.href ? c.underline(link.href) : `${text} ${c.dim(`(${link.href})`)}`;
        }
        case "br":
          return "\n";
        case "text":
        case "escape":
          return decode((t as Tokens.Text).tokens ? inline((t as Tokens.Text).tokens ?? [], c) : (t as Tokens.Text).text);
        default:
          return "raw" in t ? String(t.raw) : "";
      }
    })
    .join("");
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape codes are what we strip.
const ANSI = /\u001b\[[0-9;]*m/g;
const visible = (s: string) => s.replace(ANSI, "");

/** Word-wrap painted text, measuring without the colour codes. */
export function wrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const words = line.split(" ");
      const lines: string[] = [];
      let cur = "";
      for (const word of words) {
        if (cur && visible(cur).length + 1 + visible(word).length > width) {
          lines.push(cur);
          cur = word;
        } else cur = cur ? `${cur} ${word}` : word;
      }
      lines.push(cur);
      return lines.join("\n");
    })
    .join("\n");
}
