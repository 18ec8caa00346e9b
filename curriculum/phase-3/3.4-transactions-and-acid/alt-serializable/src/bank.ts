import type { Queryable, TxCapable } from "ts-dojo/kit";
import { AccountNotFoundError, InsufficientFundsError } from "./errors.ts";
export interface TransferHooks { afterDebit?: () => Promise<void>; }
function checkAmount(cents: number): void {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new RangeError("bad");
}
const code = (e: unknown) => (typeof e === "object" && e !== null && "code" in e ? String(e.code) : "");
async function retrying<T>(db: TxCapable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try { return await db.transaction(fn, { isolation: "serializable" }); }
    catch (e) { if ((code(e) === "40001" || code(e) === "40P01") && i < 50) continue; throw e; }
  }
}
async function read(tx: Queryable, id: string) {
  const { rows } = await tx.query<{ b: string }>("SELECT balance_cents AS b FROM accounts WHERE id=$1", [id]);
  if (!rows[0]) throw new AccountNotFoundError(id);
  return Number(rows[0].b);
}
export async function withdraw(db: TxCapable, id: string, cents: number): Promise<number> {
  checkAmount(cents);
  return retrying(db, async (tx) => {
    const next = (await read(tx, id)) - cents;
    if (next < 0) throw new InsufficientFundsError(id, cents);
    await tx.query("UPDATE accounts SET balance_cents=$2 WHERE id=$1", [id, next]);
    return next;
  });
}
export async function transfer(db: TxCapable, from: string, to: string, cents: number, hooks: TransferHooks = {}) {
  checkAmount(cents);
  return retrying(db, async (tx) => {
    const f = (await read(tx, from)) - cents;
    const t = (await read(tx, to)) + cents;
    if (f < 0) throw new InsufficientFundsError(from, cents);
    await tx.query("UPDATE accounts SET balance_cents=$2 WHERE id=$1", [from, f]);
    await hooks.afterDebit?.();
    await tx.query("UPDATE accounts SET balance_cents=$2 WHERE id=$1", [to, t]);
    return { from: f, to: t };
  });
}
