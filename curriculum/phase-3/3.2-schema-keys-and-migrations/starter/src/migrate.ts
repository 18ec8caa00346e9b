// A forward-only migration runner: applies the .sql files of a folder that have not been
// applied yet, in file-name order, each in its own transaction, and records each in
// schema_migrations so the next run skips it.
import type { TxCapable } from "ts-dojo/kit";

/**
 * Apply every not-yet-applied `.sql` file in `dir` (a file: URL ending in "/"), sorted by name.
 * Each file and its schema_migrations row commit together or not at all; a failing file makes
 * migrate reject with an Error naming the file. Returns the names applied by this call.
 */
export async function migrate(db: TxCapable, dir: URL): Promise<{ applied: string[] }> {
  throw new Error("TODO: create schema_migrations, read and sort the folder, apply each new file inside db.transaction()");
}
