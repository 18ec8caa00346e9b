/** ts-dojo doctor: is this machine ready? Node, git, the toolchain, the workspace and services. */
import { execFile } from "node:child_process";
import { LOCAL_POSTGRES_URL, redactUrl } from "../../kit/postgres-url.js";
import { reachable } from "../../kit/reachable.js";
import { postgresLoginError } from "../../store/postgres-probe.js";
import { findWorkspace } from "../../store/workspace.js";
import { readWorkspaceConfig } from "../../store/workspace-config.js";
import type { Parsed } from "../command.js";
import { curriculumFor } from "../context.js";
import type { IO } from "../io.js";

export const options = {} as const;

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Essential checks make doctor exit 3; services only limit which tasks can run. */
  readonly essential: boolean;
  readonly fix?: string;
}

export const SERVICES = {
  postgres: { env: "DATABASE_URL", url: "postgres://127.0.0.1:5432", start: "docker compose up -d postgres (or a local PostgreSQL)" },
  redis: { env: "REDIS_URL", url: "redis://127.0.0.1:6379", start: "docker compose up -d redis (or redis-server)" },
  nats: { env: "NATS_URL", url: "nats://127.0.0.1:4222", start: "docker compose up -d nats (or nats-server -js)" },
} as const;

export async function run(_args: Parsed, io: IO): Promise<number> {
  const c = io.color;
  const checks: Check[] = [];
  const major = Number(process.versions.node.split(".")[0]);
  const minor = Number(process.versions.node.split(".")[1]);
  checks.push({
    name: "Node.js",
    ok: major > 20 || (major === 20 && minor >= 12),
    detail: process.version,
    essential: true,
    fix: "install Node.js 20.12 or newer (22 LTS recommended)",
  });
  const gitVersion = await exec("git", ["--version"]);
  checks.push({ name: "git", ok: gitVersion !== undefined, detail: gitVersion ?? "not found", essential: true, fix: "install git" });
  const { typecheckVersion } = await import("../../runner/typecheck.js");
  const tsc = await typecheckVersion().catch(() => undefined);
  checks.push({
    name: "TypeScript (native tsc)",
    ok: Boolean(tsc?.startsWith("Version")),
    detail: tsc ?? "not runnable",
    essential: true,
    fix: "reinstall: npm ci in the ts-dojo folder",
  });
  const esbuild = await import("esbuild").then(
    (m) => m.version,
    () => undefined,
  );
  checks.push({
    name: "esbuild",
    ok: esbuild !== undefined,
    detail: esbuild ?? "not loadable",
    essential: true,
    fix: "reinstall: npm ci in the ts-dojo folder",
  });
  const curriculum = await curriculumFor(io).then(
    (x) => x,
    () => undefined,
  );
  checks.push({
    name: "curriculum",
    ok: curriculum !== undefined,
    detail: curriculum ? `${curriculum.tasks.length} tasks, version ${curriculum.course.version}` : "does not load",
    essential: true,
    fix: "run ts-dojo dev check for the details",
  });
  const ws = await findWorkspace(io.cwd).then(
    (w) => w,
    () => undefined,
  );
  checks.push({
    name: "workspace",
    ok: ws !== undefined,
    detail: ws ? ws.root : "not inside one",
    essential: false,
    fix: "ts-dojo init my-dojo",
  });

  const config = ws ? await readWorkspaceConfig(ws).catch(() => undefined) : undefined;
  const databaseUrl = io.env.DATABASE_URL || config?.database_url;
  const up: Record<string, boolean> = {};
  for (const [name, s] of Object.entries(SERVICES)) {
    if (name === "postgres") {
      const pg = await postgresCheck(databaseUrl);
      up.postgres = true;
      up["postgres-server"] = pg.server;
      checks.push(pg.check);
      continue;
    }
    const url = new URL(io.env[s.env] || (name === "redis" ? config?.redis_url : undefined) || s.url);
    up[name] = await reachable(url.hostname, Number(url.port));
    checks.push({
      name: `${name} (${url.host})`,
      ok: up[name] as boolean,
      detail: up[name] ? "reachable" : "not reachable",
      essential: false,
      fix: s.start,
    });
  }

  for (const k of checks)
    io.out(
      `  ${k.ok ? c.green("✓") : k.essential ? c.red("✗") : c.yellow("!")} ${k.name.padEnd(26)} ${c.dim(k.detail)}${k.ok || !k.fix ? "" : `\n    ${c.cyan("→")} ${k.fix}`}`,
    );
  if (curriculum) {
    const blocked = curriculum.tasks.filter((t) => t.services.some((s) => s !== "postgres-server" && !up[s]));
    const partly = curriculum.tasks.filter((t) => !blocked.includes(t) && t.services.some((s) => !up[s]));
    const runnable = curriculum.tasks.length - blocked.length - partly.length;
    io.out(`\n${runnable} of ${curriculum.tasks.length} tasks can run now.`);
    if (partly.length)
      io.out(`  Partly: ${partly.map((t) => t.id).join(", ")} — their concurrency tests need a real PostgreSQL (set DATABASE_URL).`);
    if (blocked.length) io.out(`  Waiting on services: ${blocked.map((t) => t.id).join(", ")}`);
  }
  return checks.some((k) => k.essential && !k.ok) ? 3 : 0;
}

/**
 * PostgreSQL is always available as the built-in PGlite; a real server is used only when
 * DATABASE_URL (or database_url in ts-dojo.yaml) names one, and then it must accept a login.
 */
async function postgresCheck(url: string | undefined): Promise<{ check: Check; server: boolean }> {
  const start = SERVICES.postgres.start;
  if (!url) {
    const local = await reachable("127.0.0.1", 5432);
    return {
      server: false,
      check: {
        name: "postgres",
        ok: true,
        essential: false,
        detail: local
          ? `built-in PGlite; a server answers on 127.0.0.1:5432 — set DATABASE_URL=${LOCAL_POSTGRES_URL} to use it`
          : "built-in PGlite (one connection); 3.4's concurrency tests need a real server",
      },
    };
  }
  const safe = redactUrl(url);
  const error = await postgresLoginError(url, 2000);
  return {
    server: error === undefined,
    check: {
      name: "postgres (DATABASE_URL)",
      ok: error === undefined,
      essential: false,
      detail: error === undefined ? `${safe} accepts connections` : `${safe}: ${error}`,
      fix: `${start}, or correct DATABASE_URL / database_url in ts-dojo.yaml`,
    },
  };
}

function exec(cmd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => execFile(cmd, args, (err, out) => resolve(err ? undefined : out.trim())));
}
