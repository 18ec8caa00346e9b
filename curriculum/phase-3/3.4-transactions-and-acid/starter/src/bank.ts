/**
 * Moving money between rows of `accounts` (see ../schema.sql) so that no money appears or
 * vanishes, however many requests run at once. Read README.md first.
 */
import type { TxCapable } from "ts-dojo/kit";
// withdraw and transfer throw these (read-only classes; the tests check instanceof).
import { AccountNotFoundError, InsufficientFundsError } from "./errors.ts";

export interface TransferHooks {
  /** Called after the sender's balance is lowered and before the receiver's is raised. Await it. */
  afterDebit?: () => Promise<void>;
}

/**
 * Take `cents` out of one account and return its new balance in cents.
 * Rejects with RangeError unless `cents` is a positive whole number, AccountNotFoundError for an
 * unknown id, InsufficientFundsError when the balance would go below zero (balance unchanged).
 */
export async function withdraw(db: TxCapable, accountId: string, cents: number): Promise<number> {
  throw new Error("TODO: withdraw");
}

/**
 * Move `cents` from one account to another, all or nothing, and return both new balances.
 * Same errors as withdraw (AccountNotFoundError for either id). Call hooks.afterDebit between
 * the debit and the credit; if it throws, nothing may change.
 */
export async function transfer(
  db: TxCapable,
  from: string,
  to: string,
  cents: number,
  hooks: TransferHooks = {},
): Promise<{ from: number; to: number }> {
  throw new Error("TODO: transfer");
}
