// Known-bad: catches the CHECK violation inside the transaction and keeps using the transaction
// to tell "no such account" from "not enough money". PostgreSQL has already aborted the
// transaction and answers every further query with 25P02 until ROLLBACK.
import type { Queryable, TxCapable } from "ts-dojo/kit";
import { AccountNotFoundError, InsufficientFundsError } from "./errors.ts";

export interface TransferHooks {
  afterDebit?: () => Promise<void>;
}

function checkAmount(cents: number): void {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new RangeError(`cents must be a positive whole number, got ${cents}`);
}

function isCheckViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "23514";
}

async function addToBalance(tx: Queryable, accountId: string, delta: number): Promise<number> {
  try {
    const { rows } = await tx.query<{ balance_cents: string }>(
      "UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1 RETURNING balance_cents",
      [accountId, delta],
    );
    const row = rows[0];
    if (!row) throw new AccountNotFoundError(accountId);
    return Number(row.balance_cents);
  } catch (err) {
    if (!isCheckViolation(err)) throw err;
    const { rows } = await tx.query("SELECT 1 FROM accounts WHERE id = $1", [accountId]);
    if (rows.length === 0) throw new AccountNotFoundError(accountId);
    throw new InsufficientFundsError(accountId, -delta);
  }
}

export async function withdraw(db: TxCapable, accountId: string, cents: number): Promise<number> {
  checkAmount(cents);
  return db.transaction((tx) => addToBalance(tx, accountId, -cents));
}

export async function transfer(
  db: TxCapable,
  from: string,
  to: string,
  cents: number,
  hooks: TransferHooks = {},
): Promise<{ from: number; to: number }> {
  checkAmount(cents);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>("SELECT id FROM accounts WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE", [
      [from, to],
    ]);
    for (const id of [from, to]) if (!rows.some((r) => r.id === id)) throw new AccountNotFoundError(id);
    const fromBalance = await addToBalance(tx, from, -cents);
    await hooks.afterDebit?.();
    const toBalance = await addToBalance(tx, to, cents);
    return { from: fromBalance, to: toBalance };
  });
}
