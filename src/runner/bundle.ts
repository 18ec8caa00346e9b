/**
 * Bundle a run folder's test files into one ES module with esbuild. The fast path runs the
 * esbuild binary directly (~10 ms); loading esbuild's JS API costs ~50 ms before it does any
 * work. The JS API is used only to explain a failed build, where its structured errors help.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export interface SourceError {
  /** Path relative to the run folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly code?: string;
}

export type BundleResult = { ok: true; bundle: string } | { ok: false; errors: SourceError[] };

const FLAGS = [
  "--bundle",
  "--platform=node",
  "--format=esm",
  "--target=node20",
  "--packages=external",
  "--sourcemap=inline",
  "--log-level=silent",
];

let binary: string | undefined | null = null;
/** The platform's esbuild executable, as esbuild's own package locates it; undefined if absent. */
function esbuildBinary(): string | undefined {
  if (binary !== null) return binary;
  try {
    const require = createRequire(createRequire(import.meta.url).resolve("esbuild"));
    const exe = process.platform === "win32" ? "esbuild.exe" : "bin/esbuild";
    const found = require.resolve(`@esbuild/${process.platform}-${process.arch}/${exe}`);
    binary = existsSync(found) ? found : undefined;
  } catch {
    binary = undefined;
  }
  return binary;
}

/**
 * `warm`: a long-lived process (watch mode) bundles through the JS API, whose esbuild service
 * stays up between builds (~3 ms a build once loaded, against ~10 ms to start the binary).
 */
export async function bundleTests(runDir: string, testFiles: readonly string[], opts: { warm?: boolean } = {}): Promise<BundleResult> {
  const bundle = join(runDir, "bundle.mjs");
  const entry = testFiles.map((f) => `import "./${f}";`).join("\n");
  const exe = opts.warm ? undefined : esbuildBinary();
  if (exe) {
    const ok = await new Promise<boolean>((resolve) => {
      const child = execFile(exe, [...FLAGS, `--outfile=${bundle}`, "--sourcefile=entry.ts", "--loader=ts"], { cwd: runDir }, (err) =>
        resolve(!err),
      );
      child.stdin?.end(entry);
    });
    if (ok) return { ok: true, bundle };
  }
  return bundleWithApi(runDir, entry, bundle);
}

/** Bundle one entry file of a run folder (e.g. the `ts-dojo run` launcher) into `outName`. */
export async function bundleEntry(runDir: string, entryFile: string, outName: string): Promise<BundleResult> {
  const bundle = join(runDir, outName);
  return bundleWithApi(runDir, `import "./${entryFile}";`, bundle);
}

async function bundleWithApi(runDir: string, entry: string, bundle: string): Promise<BundleResult> {
  const { build } = await import("esbuild");
  try {
    await build({
      stdin: { contents: entry, resolveDir: runDir, sourcefile: "entry.ts", loader: "ts" },
      outfile: bundle,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Dependencies (fast-check, yaml) load from node_modules at run time: faster than bundling.
      packages: "external",
      sourcemap: "inline",
      logLevel: "silent",
      absWorkingDir: runDir,
    });
    return { ok: true, bundle };
  } catch (e) {
    const errors =
      (e as { errors?: Array<{ text: string; location: { file: string; line: number; column: number } | null }> }).errors ?? [];
    return {
      ok: false,
      errors: errors.map((x) => ({
        file: x.location?.file ?? "?",
        line: x.location?.line ?? 0,
        column: (x.location?.column ?? 0) + 1,
        message: x.text,
      })),
    };
  }
}
