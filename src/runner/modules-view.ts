/**
 * The node_modules a run folder sees: every package the dojo depends on, plus the dojo itself
 * as `ts-dojo`, so a test can import `ts-dojo/harness` the way a learner's editor resolves it
 * in the workspace. Built once per install as a folder of symlinks and shared by every run;
 * rebuilt when the dojo's node_modules changes.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rename, rm, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../store/paths.js";

let cached: Promise<string> | undefined;

export function modulesView(): Promise<string> {
  cached ??= buildView();
  return cached;
}

async function buildView(): Promise<string> {
  const source = join(packageRoot, "node_modules");
  const changed = (await stat(source)).mtimeMs;
  const key = createHash("sha256").update(`${packageRoot}\0${changed}`).digest("hex").slice(0, 16);
  const parent = join(tmpdir(), "ts-dojo-modules");
  const view = join(parent, key);
  if (await stat(join(view, "ts-dojo")).catch(() => undefined)) return view;
  await mkdir(parent, { recursive: true });
  // Built aside and renamed into place, so a concurrent run never sees half a view.
  const building = await mkdtemp(join(parent, `${key}-`));
  const names = (await readdir(source)).filter((n) => n !== ".bin" && n !== "ts-dojo" && !n.startsWith(".package-lock"));
  await Promise.all(names.map((n) => symlink(join(source, n), join(building, n), "dir")));
  await symlink(packageRoot, join(building, "ts-dojo"), "dir");
  try {
    await rename(building, view);
  } catch {
    // Another run renamed its identical view first.
    await rm(building, { recursive: true, force: true });
  }
  return view;
}
