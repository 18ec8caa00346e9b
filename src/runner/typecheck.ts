/** Type-check a run folder with the native TypeScript compiler and parse its diagnostics. */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { DojoError } from "../core/errors.js";
import type { SourceError } from "./bundle.js";

let exePath: Promise<string> | undefined;

/** The tsc binary shipped in the platform package, found the way typescript's own shim finds it. */
function tscExe(): Promise<string> {
  exePath ??= (async () => {
    const pkg = createRequire(import.meta.url).resolve("typescript/package.json");
    const mod = (await import(pathToFileURL(join(dirname(pkg), "lib", "getExePath.js")).href)) as { default: () => string };
    return mod.default();
  })();
  return exePath;
}

/**
 * The native tsc is a Go program, and Go's collector keeps running through a check that is
 * over in a tenth of a second and whose memory the exit frees anyway. Off, a run folder checks
 * in ~70 ms instead of ~100, with less CPU taken from the tests beside it; the memory limit
 * brings the collector back should a check ever grow past it (a run folder needs ~60 MB).
 */
const TSC_ENV = { ...process.env, GOGC: "off", GOMEMLIMIT: "512MiB" };

export async function typecheck(runDir: string, signal?: AbortSignal): Promise<SourceError[]> {
  const exe = await tscExe().catch((e: unknown) => {
    throw new DojoError("ToolMissing", { tool: "TypeScript (tsc)", detail: String(e) });
  });
  const out = await new Promise<string>((resolve, reject) => {
    execFile(exe, ["-p", runDir, "--pretty", "false"], { cwd: runDir, env: TSC_ENV, signal, maxBuffer: 8 * 1024 * 1024 }, (err, stdout) => {
      // tsc exits 2 when it reports errors; only a failure to run at all is ours to raise.
      if (err && typeof err.code !== "number") reject(err);
      else resolve(stdout);
    });
  });
  return parseDiagnostics(out, runDir);
}

const LINE = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** "file(3,5): error TS2322: message" lines, with indented continuation lines joined on. */
export function parseDiagnostics(out: string, runDir: string): SourceError[] {
  const errors: SourceError[] = [];
  for (const line of out.split("\n")) {
    const m = LINE.exec(line);
    if (m) {
      const file = (m[1] ?? "").startsWith(runDir) ? (m[1] ?? "").slice(runDir.length + 1) : (m[1] ?? "");
      errors.push({ file, line: Number(m[2]), column: Number(m[3]), code: m[4], message: m[5] ?? "" });
    } else if (line.startsWith("  ") && errors.length > 0) {
      const last = errors.pop() as SourceError;
      errors.push({ ...last, message: `${last.message}\n${line.trimEnd()}` });
    }
  }
  return errors;
}

/** "Version 7.0.2", for doctor. */
export async function typecheckVersion(): Promise<string> {
  const exe = await tscExe();
  return new Promise((resolve, reject) => execFile(exe, ["--version"], (err, out) => (err ? reject(err) : resolve(out.trim()))));
}
