/** Helpers for ts-dojo's own tests: run the real CLI in a temp workspace on a fixture curriculum. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../store/paths.js";

export const BIN = join(packageRoot, "bin", "ts-dojo.js");
export const MINI = join(packageRoot, "test", "fixtures", "mini");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TS_DOJO_CURRICULUM: MINI, NO_COLOR: "1", ...extra };
  delete env.NODE_TEST_CONTEXT;
  delete env.FORCE_COLOR;
  return env;
}

/** timeoutMs: kill the CLI after that long (it then reports exit code 1), for tests of commands that might hang. */
export function cli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 0): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Start the CLI without waiting, for signal tests. */
export function spawnCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return Object.assign(child, { output: () => out });
}

/** A fresh temp dir with a workspace made by `ts-dojo init`; call cleanup when done. */
export async function tempWorkspace(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), "ts-dojo-test-"));
  const dir = join(parent, "ws");
  const r = await cli(["init", dir], parent);
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  return { dir, cleanup: () => rm(parent, { recursive: true, force: true }) };
}

export function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => execFile("git", args, { cwd }, (err, out) => (err ? reject(err) : resolve(out))));
}

export async function attemptFiles(ws: string, task: string): Promise<string[]> {
  return readdir(join(ws, ".ts-dojo", "attempts", task)).catch(() => []);
}

/** Poll until check() holds; on timeout, fail with what `context` says (e.g. the output so far). */
export const waitFor = async (check: () => boolean | Promise<boolean>, context: () => string = () => "", ms = 15_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; ${context()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

export const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
