/**
 * A throwaway database on a real PostgreSQL server: created on open, dropped on close, and
 * swept by a later run if the process that made it was killed first. Names are
 * `ts_dojo_<pid>_<8 hex>`; the pid is what the sweep checks.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { redactUrl } from "../postgres-url.js";
import { pidAlive } from "./pid-alive.js";

export interface ScratchDatabase {
  readonly name: string;
  /** The admin URL with the scratch database in place of the admin one. */
  readonly url: string;
  /** DROP the database WITH (FORCE), then disconnect the admin connection. */
  drop(): Promise<void>;
}

/** Connect to `adminUrl`, sweep stale scratch databases, create a new one. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  let admin = await connectAdmin(adminUrl);
  const name = `ts_dojo_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    await sweepStaleDatabases(admin);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } catch (err) {
    await admin.end().catch(() => {});
    throw new Error(
      `Could not create a test database on DATABASE_URL=${redactUrl(adminUrl)}: ${describe(err)}. ` +
        "The user in DATABASE_URL needs the CREATEDB privilege (the postgres superuser has it).",
      { cause: err },
    );
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    async drop() {
      // A server restart mid-run breaks the admin connection; the database may still be there.
      if (broken.has(admin)) admin = await connectAdmin(adminUrl);
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * Drop scratch databases whose process is gone from this machine; returns their names. The drop
 * is without FORCE, so a database someone is connected to survives: a killed process's
 * connections close with it, while a live run on another machine sharing the server (whose pid
 * means nothing here) keeps its pool open until it is done.
 */
export async function sweepStaleDatabases(admin: pg.Client, alive = pidAlive): Promise<string[]> {
  // Filter out the busy ones up front: DROP waits 5 s for other sessions before it gives up.
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database d WHERE datname ~ '^ts_dojo_[0-9]+_'
       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
  );
  const dropped: string[] = [];
  for (const { datname } of rows) {
    if (alive(Number(datname.split("_")[2]))) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)}`);
      dropped.push(datname);
    } catch {
      // In use, or another run is sweeping it at the same moment: leave it.
    }
  }
  return dropped;
}

const broken = new WeakSet<pg.Client>();

async function connectAdmin(url: string): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // Without a listener, a connection the server drops would crash the test process.
  admin.on("error", () => broken.add(admin));
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => {});
    throw new Error(
      `Could not connect to PostgreSQL at DATABASE_URL=${redactUrl(url)}: ${describe(err)}. ` +
        "Run `ts-dojo doctor` to check your setup; `docker compose up -d postgres` starts a server, " +
        "or unset DATABASE_URL to use the built-in PGlite.",
      { cause: err },
    );
  }
  return admin;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Node's connect errors to "localhost" are AggregateErrors with an empty message and a code. */
function describe(err: unknown): string {
  const e = err as { message?: string; code?: string };
  return e.message || e.code || String(err);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
