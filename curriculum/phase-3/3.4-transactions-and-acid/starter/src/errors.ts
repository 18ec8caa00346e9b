/**
 * The errors bank.ts throws. Read-only: the tests import these same classes and check
 * `instanceof`, so throw them as they are rather than your own look-alikes.
 */

/** The account does not hold enough money; nothing was changed. */
export class InsufficientFundsError extends Error {
  override readonly name = "InsufficientFundsError";
  constructor(
    readonly accountId: string,
    readonly cents: number,
  ) {
    super(`account ${accountId} cannot pay ${cents} cents: its balance would go below zero`);
  }
}

/** No account has this id; nothing was changed. */
export class AccountNotFoundError extends Error {
  override readonly name = "AccountNotFoundError";
  constructor(readonly accountId: string) {
    super(`no account with id ${JSON.stringify(accountId)}`);
  }
}
