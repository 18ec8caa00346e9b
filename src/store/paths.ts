/** Where the dojo itself lives: its package root, bundled curriculum and node_modules. */
import { fileURLToPath } from "node:url";

/** The ts-dojo package root (this file is dist/store/paths.js once built). */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

/** The curriculum the dojo ships, unless TS_DOJO_CURRICULUM points at another (tests, authors). */
export function curriculumRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.TS_DOJO_CURRICULUM || `${packageRoot}/curriculum`;
}
