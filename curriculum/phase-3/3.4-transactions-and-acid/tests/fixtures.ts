/** Shared set-up for the bank tests: the schema, accounts with balances, reading them back. */
import { readFile } from "node:fs/promises";
import type { Queryable } from "ts-dojo/kit";

/** Create `accounts` from the read-only schema.sql and open one account per entry. */
export async function openAccounts(db: Queryable, balances: Record<string, number>): Promise<void> {
  await db.query(await readFile(new URL("./schema.sql", import.meta.url), "utf8"));
  const ids = Object.keys(balances);
  await db.query("INSERT INTO accounts (id, balance_cents) SELECT * FROM unnest($1::text[], $2::bigint[])", [
    ids,
    ids.map((id) => balances[id]),
  ]);
}

/** Every account's balance in cents, read outside any transaction under test. */
export async function balancesOf(db: Queryable): Promise<Record<string, number>> {
  const { rows } = await db.query<{ id: string; balance_cents: string }>("SELECT id, balance_cents FROM accounts ORDER BY id");
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.balance_cents)]));
}

export async function balanceOf(db: Queryable, id: string): Promise<number | undefined> {
  return (await balancesOf(db))[id];
}

/** The SQLSTATE of a database error ("40P01", "23514", …), if it has one. */
export function sqlState(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "code" in err ? String(err.code) : undefined;
}

/** One line about an error for an assertion message: its class, SQLSTATE and message. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = sqlState(err);
  // pg names its server errors plain "error".
  const name = code && err.name === "error" ? "a database error" : err.name;
  return `${name}${code ? ` (SQLSTATE ${code})` : ""}: ${err.message}`;
}

/** A small seeded generator (mulberry32), so a failing random run is the same run next time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
