/**
 * Moving money between rows of `accounts` so that no money appears or vanishes, however many
 * requests run at once.
 */
import type { Queryable, TxCapable } from "ts-dojo/kit";
import { AccountNotFoundError, InsufficientFundsError } from "./errors.ts";

export interface TransferHooks {
  /** Called after the sender's balance is lowered and before the receiver's is raised. Await it. */
  afterDebit?: () => Promise<void>;
}

/** SQLSTATE of a CHECK constraint violation: here, balance_not_negative. */
const CHECK_VIOLATION = "23514";

/**
 * Take `cents` out of one account and return its new balance in cents.
 * One UPDATE is atomic on its own, so no explicit transaction is needed: the statement locks
 * the row and computes from the balance as it is at that moment, never from a stale read.
 */
export async function withdraw(db: TxCapable, accountId: string, cents: number): Promise<number> {
  checkAmount(cents);
  return addToBalance(db, accountId, -cents);
}

/** Move `cents` from one account to another, all or nothing, and return both new balances. */
export async function transfer(
  db: TxCapable,
  from: string,
  to: string,
  cents: number,
  hooks: TransferHooks = {},
): Promise<{ from: number; to: number }> {
  checkAmount(cents);
  return db.transaction(async (tx) => {
    // Lock both rows before changing either, always in id order. Two opposite transfers then
    // queue for the same first lock instead of each holding one row and waiting for the other.
    const { rows } = await tx.query<{ id: string }>("SELECT id FROM accounts WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE", [
      [from, to],
    ]);
    for (const id of [from, to]) {
      if (!rows.some((row) => row.id === id)) throw new AccountNotFoundError(id);
    }
    const fromBalance = await addToBalance(tx, from, -cents);
    await hooks.afterDebit?.();
    const toBalance = await addToBalance(tx, to, cents);
    return { from: fromBalance, to: toBalance };
  });
}

/**
 * balance += delta in one statement. A CHECK violation aborts the statement (and any
 * transaction around it), so it is turned into InsufficientFundsError and thrown at once: an
 * aborted transaction accepts no further queries, only ROLLBACK, which db.transaction sends.
 */
async function addToBalance(db: Queryable, accountId: string, delta: number): Promise<number> {
  try {
    const { rows } = await db.query<{ balance_cents: string }>(
      "UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1 RETURNING balance_cents",
      [accountId, delta],
    );
    const row = rows[0];
    if (!row) throw new AccountNotFoundError(accountId);
    // bigint arrives as a string; balances stay far below 2^53 cents.
    return Number(row.balance_cents);
  } catch (err) {
    if (sqlState(err) === CHECK_VIOLATION) throw new InsufficientFundsError(accountId, -delta);
    throw err;
  }
}

function checkAmount(cents: number): void {
  // A negative withdrawal would be a deposit, and a fraction of a cent does not exist.
  if (!Number.isSafeInteger(cents) || cents <= 0) {
    throw new RangeError(`cents must be a positive whole number, got ${cents}`);
  }
}

function sqlState(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "code" in err ? String(err.code) : undefined;
}
