import type { Queryable, TxCapable } from "ts-dojo/kit";
import { AccountNotFoundError, InsufficientFundsError } from "./errors.ts";
export interface TransferHooks { afterDebit?: () => Promise<void>; }
function checkAmount(cents: number): void {
  if (!Number.isInteger(cents) || cents <= 0) throw new RangeError("bad");
}
async function lockedBalance(tx: Queryable, id: string) {
  const { rows } = await tx.query<{ b: string }>("SELECT balance_cents AS b FROM accounts WHERE id=$1 FOR UPDATE", [id]);
  if (!rows[0]) throw new AccountNotFoundError(id);
  return Number(rows[0].b);
}
export async function withdraw(db: TxCapable, id: string, cents: number): Promise<number> {
  checkAmount(cents);
  return db.transaction(async (tx) => {
    const next = (await lockedBalance(tx, id)) - cents;
    if (next < 0) throw new InsufficientFundsError(id, cents);
    await tx.query("UPDATE accounts SET balance_cents=$2 WHERE id=$1", [id, next]);
    return next;
  });
}
export async function transfer(db: TxCapable, from: string, to: string, cents: number, hooks: TransferHooks = {}) {
  checkAmount(cents);
  return db.transaction(async (tx) => {
    const [first, second] = from < to ? [from, to] : [to, from];
    const b: Record<string, number> = {};
    b[first] = await lockedBalance(tx, first);
    b[second] = await lockedBalance(tx, second);
    const f = (b[from] ?? 0) - cents;
    const t = (b[to] ?? 0) + cents;
    if (f < 0) throw new InsufficientFundsError(from, cents);
    await tx.query("UPDATE accounts SET balance_cents=$2 WHERE id=$1", [from, f]);
    await hooks.afterDebit?.();
    await tx.query("UPDATE accounts SET balance_cents=$2 WHERE id=$1", [to, t]);
    return { from: f, to: t };
  });
}
