// Known-bad: the read-then-write of lost-update, run at SERIALIZABLE. PostgreSQL now refuses the
// second of two overlapping withdrawals with 40001, and nothing retries it.
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

async function readBalance(tx: Queryable, accountId: string): Promise<number> {
  const { rows } = await tx.query<{ balance_cents: string }>("SELECT balance_cents FROM accounts WHERE id = $1", [accountId]);
  const row = rows[0];
  if (!row) throw new AccountNotFoundError(accountId);
  return Number(row.balance_cents);
}

async function writeBalance(tx: Queryable, accountId: string, cents: number): Promise<void> {
  await tx.query("UPDATE accounts SET balance_cents = $2 WHERE id = $1", [accountId, cents]);
}

export async function withdraw(db: TxCapable, accountId: string, cents: number): Promise<number> {
  checkAmount(cents);
  return db.transaction(
    async (tx) => {
      const next = (await readBalance(tx, accountId)) - cents;
      if (next < 0) throw new InsufficientFundsError(accountId, cents);
      await writeBalance(tx, accountId, next);
      return next;
    },
    { isolation: "serializable" },
  );
}

export async function transfer(
  db: TxCapable,
  from: string,
  to: string,
  cents: number,
  hooks: TransferHooks = {},
): Promise<{ from: number; to: number }> {
  checkAmount(cents);
  return db.transaction(
    async (tx) => {
      const fromNext = (await readBalance(tx, from)) - cents;
      const toNext = (await readBalance(tx, to)) + cents;
      if (fromNext < 0) throw new InsufficientFundsError(from, cents);
      await writeBalance(tx, from, fromNext);
      await hooks.afterDebit?.();
      await writeBalance(tx, to, toNext);
      return { from: fromNext, to: toNext };
    },
    { isolation: "serializable" },
  );
}
