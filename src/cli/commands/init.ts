/** ts-dojo init [dir]: create a workspace with every exercise, as a git repository. */
import { mkdir, readdir, stat, symlink, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { DojoError } from "../../core/errors.js";
import { courseProgress } from "../../core/mastery.js";
import { DEFAULT_CONFIG_YAML } from "../../core/workspace-config.js";
import { git } from "../../store/git.js";
import { packageRoot } from "../../store/paths.js";
import { composeYaml, gitignore, workspacePackageJson, workspaceReadme, workspaceTsconfig } from "../../store/scaffold.js";
import { writeTaskFolder } from "../../store/task-folder.js";
import { workspaceAt } from "../../store/workspace.js";
import { CONFIG_FILE } from "../../store/workspace-config.js";
import type { Parsed } from "../command.js";
import { curriculumFor } from "../context.js";
import type { IO } from "../io.js";
import { renderStatus } from "../render/status.js";

export const options = {} as const;

/** Packages a learner's editor and tests resolve from the workspace. */
const LINKED = ["ts-dojo", "@types/node", "fast-check", "yaml", "pg", "@types/pg", "ws", "@types/ws", "ioredis"];

export async function run(args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  // At a terminal, ask where to put it; in scripts and CI, the default needs no answer.
  const chosen = args.positionals[0] ?? (io.interactive ? await io.ask("Where should your dojo live?", "my-dojo") : "my-dojo");
  if (chosen === undefined || chosen.trim() === "") {
    io.out("Cancelled; nothing was created.");
    return 0;
  }
  const dir = resolve(io.cwd, chosen.trim());
  if (await stat(join(dir, ".ts-dojo", "workspace.json")).catch(() => undefined)) {
    io.out(`${c.dim(dir)} is already a dojo workspace; nothing to do.`);
    return 0;
  }
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) throw new DojoError("WorkspaceExists", { dir });

  const curriculum = await curriculumFor(io);
  const ws = workspaceAt(dir);
  await mkdir(ws.attempts, { recursive: true });
  for (const task of curriculum.tasks) await writeTaskFolder(curriculum.root, ws, task);
  await Promise.all([
    writeFile(join(dir, "package.json"), workspacePackageJson(basename(dir), packageRoot)),
    writeFile(join(dir, "tsconfig.json"), workspaceTsconfig()),
    writeFile(join(dir, ".gitignore"), gitignore),
    writeFile(join(dir, "compose.yaml"), composeYaml),
    writeFile(join(dir, CONFIG_FILE), DEFAULT_CONFIG_YAML),
    writeFile(join(dir, "README.md"), workspaceReadme(curriculum.course.title)),
    writeFile(join(ws.meta, "workspace.json"), workspaceJson(io, curriculum)),
  ]);
  await linkDependencies(dir);
  await initGit(dir);

  const where = relative(io.cwd, dir) || ".";
  io.out(
    `${c.green("✓")} Created your dojo in ${c.bold(where)} with ${curriculum.tasks.length} tasks in ${curriculum.phases.length} phases.\n`,
  );
  io.out(renderStatus(curriculum, courseProgress(curriculum.tasks, [], io.now()), io.now(), c, false));
  io.out(`\n${c.cyan("→")} Start with: ${c.bold(`cd ${where} && npx ts-dojo show`)}`);
  return 0;
}

/** node_modules links, so `npx ts-dojo` and editors work inside the workspace, offline. */
async function linkDependencies(dir: string): Promise<void> {
  for (const name of LINKED) {
    const target = name === "ts-dojo" ? packageRoot : join(packageRoot, "node_modules", name);
    const link = join(dir, "node_modules", name);
    await mkdir(join(link, ".."), { recursive: true });
    await symlink(target, link, "dir");
  }
  await mkdir(join(dir, "node_modules", ".bin"), { recursive: true });
  await symlink(join("..", "ts-dojo", "bin", "ts-dojo.js"), join(dir, "node_modules", ".bin", "ts-dojo"));
}

async function initGit(dir: string): Promise<void> {
  await git(dir, ["init", "--quiet", "--initial-branch=main"]);
  // Without an identity git refuses to commit; give the workspace one only if none is set.
  const email = await git(dir, ["config", "user.email"]).catch(() => "");
  if (!email.trim()) {
    await git(dir, ["config", "user.email", "learner@ts-dojo.local"]);
    await git(dir, ["config", "user.name", "ts-dojo learner"]);
  }
  await git(dir, ["add", "--all"]);
  await git(dir, ["commit", "--quiet", "--no-verify", "-m", "ts-dojo: new workspace"]);
}

/** .ts-dojo/workspace.json; `curriculum` is kept only for a workspace made from an author's curriculum. */
function workspaceJson(io: IO, curriculum: { root: string; course: { version: string } }): string {
  const custom = io.env.TS_DOJO_CURRICULUM ? { curriculum: curriculum.root } : {};
  return `${JSON.stringify({ format: 1, created: io.now().toISOString(), curriculumVersion: curriculum.course.version, ...custom }, null, 2)}\n`;
}
