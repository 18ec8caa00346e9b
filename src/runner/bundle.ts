/** Bundle a run folder's test files into one ES module with esbuild. */

import { join } from "node:path";
import { build } from "esbuild";

export interface SourceError {
  /** Path relative to the run folder. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly code?: string;
}

export type BundleResult = { ok: true; bundle: string } | { ok: false; errors: SourceError[] };

export async function bundleTests(runDir: string, testFiles: readonly string[]): Promise<BundleResult> {
  const bundle = join(runDir, "bundle.mjs");
  try {
    await build({
      stdin: { contents: testFiles.map((f) => `import "./${f}";`).join("\n"), resolveDir: runDir, sourcefile: "entry.ts", loader: "ts" },
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
