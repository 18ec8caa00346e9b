// A forward-only migration runner: applies the .sql files of a folder that have not been
// applied yet, in file-name order, each in its own transaction, and records each in
// schema_migrations so the next run skips it.
import { readdir, readFile } from "node:fs/promises";
import type { TxCapable } from "ts-dojo/kit";

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/**
 * Apply every not-yet-applied `.sql` file in `dir` (a file: URL ending in "/"), sorted by name.
 * Each file and its schema_migrations row commit together or not at all; a failing file makes
 * migrate reject with an Error naming the file. Returns the names applied by this call.
 */
export async function migrate(db: TxCapable, dir: URL): Promise<{ applied: string[] }> {
  await db.query(CREATE_LEDGER);
  const done = await db.query<{ version: string }>("SELECT version FROM schema_migrations");
  const already = new Set(done.rows.map((r) => r.version));
  // Plain sort() compares UTF-16 code units, the same on every machine; with zero-padded
  // names that is numeric order too ("002_" < "010_", where "10_" < "9_" would not be).
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();

  const applied: string[] = [];
  for (const name of files) {
    if (already.has(name)) continue;
    const sql = await readFile(new URL(name, dir), "utf8");
    try {
      // One statement at a time, so an error points at the statement that failed.
      const statements = sql
        .replace(/--.*$/gm, "")
        .split(";")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      for (const statement of statements) await db.query(statement);
      await db.query("INSERT INTO schema_migrations (version) VALUES ($1)", [name]);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`migration ${name} failed and was rolled back: ${reason}`, { cause: err });
    }
    applied.push(name);
  }
  return { applied };
}
