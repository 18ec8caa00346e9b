// Known-bad: atomic UPDATEs, but the debit and the credit are two separate autocommitted
// statements, so a failure between them keeps the debit.
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

async function addToBalance(db: Queryable, accountId: string, delta: number): Promise<number> {
  try {
    const { rows } = await db.query<{ balance_cents: string }>(
      "UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1 RETURNING balance_cents",
      [accountId, delta],
    );
    const row = rows[0];
    if (!row) throw new AccountNotFoundError(accountId);
    return Number(row.balance_cents);
  } catch (err) {
    if (isCheckViolation(err)) throw new InsufficientFundsError(accountId, -delta);
    throw err;
  }
}

export async function withdraw(db: TxCapable, accountId: string, cents: number): Promise<number> {
  checkAmount(cents);
  return addToBalance(db, accountId, -cents);
}

export async function transfer(
  db: TxCapable,
  from: string,
  to: string,
  cents: number,
  hooks: TransferHooks = {},
): Promise<{ from: number; to: number }> {
  checkAmount(cents);
  const { rows } = await db.query<{ id: string }>("SELECT id FROM accounts WHERE id = ANY($1::text[])", [[from, to]]);
  for (const id of [from, to]) if (!rows.some((r) => r.id === id)) throw new AccountNotFoundError(id);
  const fromBalance = await addToBalance(db, from, -cents);
  await hooks.afterDebit?.();
  const toBalance = await addToBalance(db, to, cents);
  return { from: fromBalance, to: toBalance };
}
