// Known-bad: trusts UPDATE to complain about a missing row. It does not: it updates 0 rows, so a
// transfer to an unknown id debits the sender and credits nobody.
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

async function addUnchecked(db: Queryable, accountId: string, delta: number): Promise<number> {
  try {
    const { rows } = await db.query<{ balance_cents: string }>(
      "UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1 RETURNING balance_cents",
      [accountId, delta],
    );
    return Number(rows[0]?.balance_cents ?? 0);
  } catch (err) {
    if (isCheckViolation(err)) throw new InsufficientFundsError(accountId, -delta);
    throw err;
  }
}

export async function withdraw(db: TxCapable, accountId: string, cents: number): Promise<number> {
  checkAmount(cents);
  const { rows } = await db.query<{ balance_cents: string }>("SELECT balance_cents FROM accounts WHERE id = $1", [accountId]);
  if (!rows[0]) throw new AccountNotFoundError(accountId);
  return addUnchecked(db, accountId, -cents);
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
    await tx.query("SELECT id FROM accounts WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE", [[from, to]]);
    const fromBalance = await addUnchecked(tx, from, -cents);
    await hooks.afterDebit?.();
    const toBalance = await addUnchecked(tx, to, cents);
    return { from: fromBalance, to: toBalance };
  });
}
