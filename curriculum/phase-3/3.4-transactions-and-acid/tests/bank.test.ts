/**
 * Atomicity and consistency, one connection at a time: these run on the built-in PGlite as
 * well as on a real PostgreSQL. The concurrent half is in concurrency.test.ts.
 */
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { useDatabase } from "ts-dojo/harness";
import { balanceOf, balancesOf, describeError, openAccounts } from "./fixtures.ts";
import { transfer, withdraw } from "./src/bank.ts";
import { AccountNotFoundError, InsufficientFundsError } from "./src/errors.ts";

const BAD_AMOUNTS = [0, -100, 10.5, Number.NaN, Number.POSITIVE_INFINITY];

/** Assert that `promise` rejects with an instance of `type`, saying what came instead. */
async function rejectsWith(promise: Promise<unknown>, type: new (...args: never[]) => Error, what: string): Promise<void> {
  await assert.rejects(
    promise,
    (err) => {
      assert.ok(err instanceof type, `${what} should reject with ${type.name}, but it rejected with ${describeError(err)}`);
      return true;
    },
    `${what} should reject with ${type.name}, but it resolved`,
  );
}

// One database for the file (a PGlite instance takes a second or two to open), reset before each test.
describe("one connection at a time", () => {
  const db = useDatabase();

  describe("withdraw", () => {
    beforeEach(() => openAccounts(db(), { alice: 30000, bob: 5000 }));

    test("takes the money and returns the new balance in cents", async () => {
      assert.equal(await withdraw(db(), "alice", 10000), 20000, "300.00 - 100.00 leaves 20000 cents, returned as a number");
      assert.equal(await withdraw(db(), "alice", 5000), 15000, "a second withdrawal of 50.00 leaves 15000 cents");
      assert.deepEqual(await balancesOf(db()), { alice: 15000, bob: 5000 }, "only alice's row changes");
    });

    test("can empty an account to exactly zero", async () => {
      assert.equal(await withdraw(db(), "bob", 5000), 0, "withdrawing the whole balance is allowed and leaves 0");
    });

    test("an overdraft rejects with InsufficientFundsError and leaves the balance alone", async () => {
      await rejectsWith(withdraw(db(), "bob", 5001), InsufficientFundsError, "withdrawing 50.01 from 50.00");
      assert.equal(await balanceOf(db(), "bob"), 5000, "a refused withdrawal must not change the balance");
      assert.equal(await withdraw(db(), "bob", 1000), 4000, "the account (and the connection) still work after a refusal");
    });

    test("an unknown account rejects with AccountNotFoundError", async () => {
      await rejectsWith(withdraw(db(), "mallory", 100), AccountNotFoundError, "withdrawing from an account that does not exist");
    });

    test("zero, negative, fractional and non-finite amounts reject with RangeError and change nothing", async () => {
      for (const cents of BAD_AMOUNTS) {
        await rejectsWith(withdraw(db(), "alice", cents), RangeError, `withdraw(db, "alice", ${cents})`);
      }
      assert.equal(await balanceOf(db(), "alice"), 30000, "a negative withdrawal must not become a deposit");
    });
  });

  describe("transfer", () => {
    beforeEach(() => openAccounts(db(), { alice: 30000, bob: 5000 }));

    test("moves the money and returns both new balances", async () => {
      assert.deepEqual(await transfer(db(), "alice", "bob", 12345), { from: 17655, to: 17345 }, "both new balances, in cents");
      assert.deepEqual(await balancesOf(db()), { alice: 17655, bob: 17345 });
    });

    test("calls afterDebit once, and waits for it before finishing", async () => {
      let calls = 0;
      let finished = false;
      await transfer(db(), "alice", "bob", 100, {
        afterDebit: async () => {
          calls += 1;
          await sleep(20);
          finished = true;
        },
      });
      assert.equal(calls, 1, "afterDebit should be called exactly once per transfer");
      assert.equal(finished, true, "transfer must await afterDebit's promise before it resolves");
    });

    test("when afterDebit fails, transfer rejects with its error and neither balance changes", async () => {
      const boom = new Error("the process crashed between debit and credit");
      const attempt = transfer(db(), "alice", "bob", 10000, {
        afterDebit: async () => {
          await sleep(5);
          throw boom;
        },
      });
      await assert.rejects(attempt, (err) => err === boom, "transfer should reject with the error afterDebit threw");
      assert.deepEqual(
        await balancesOf(db()),
        { alice: 30000, bob: 5000 },
        "the debit was kept although the credit never happened: the debit and the credit must be one transaction",
      );
    });

    test("an overdraft rejects with InsufficientFundsError and moves nothing", async () => {
      await rejectsWith(transfer(db(), "bob", "alice", 5001), InsufficientFundsError, "transferring 50.01 out of 50.00");
      assert.deepEqual(await balancesOf(db()), { alice: 30000, bob: 5000 }, "a refused transfer must change neither account");
      assert.deepEqual(
        await transfer(db(), "bob", "alice", 5000),
        { from: 0, to: 35000 },
        "the whole balance can still be sent afterwards",
      );
    });

    test("a transfer to an unknown account rejects with AccountNotFoundError and the money stays put", async () => {
      await rejectsWith(transfer(db(), "alice", "mallory", 1000), AccountNotFoundError, "transferring to an account that does not exist");
      assert.equal(
        await balanceOf(db(), "alice"),
        30000,
        "the sender was debited for a credit that went nowhere: an UPDATE that matches no row is not an error, check it",
      );
    });

    test("a transfer from an unknown account rejects with AccountNotFoundError and credits nobody", async () => {
      await rejectsWith(transfer(db(), "mallory", "bob", 1000), AccountNotFoundError, "transferring from an account that does not exist");
      assert.equal(await balanceOf(db(), "bob"), 5000, "money from nowhere must not arrive");
    });

    test("zero, negative, fractional and non-finite amounts reject with RangeError and move nothing", async () => {
      for (const cents of BAD_AMOUNTS) {
        await rejectsWith(transfer(db(), "alice", "bob", cents), RangeError, `transfer(db, "alice", "bob", ${cents})`);
      }
      assert.deepEqual(await balancesOf(db()), { alice: 30000, bob: 5000 }, "a negative transfer must not pull money the other way");
    });
  });
});
