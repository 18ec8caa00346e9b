/**
 * Isolation, and atomicity when the connection dies: many connections at once, so a real
 * PostgreSQL is needed (PGlite runs one session). Without DATABASE_URL these are skipped, and
 * verify says how to start a server.
 */
import assert from "node:assert/strict";
import { describe } from "node:test";
import { pgTest, useDatabase } from "ts-dojo/harness";
import { balancesOf, describeError, openAccounts, seededRandom, sqlState } from "./fixtures.ts";
import { transfer, withdraw } from "./src/bank.ts";
import { InsufficientFundsError } from "./src/errors.ts";

/**
 * Transactions in flight at once: fewer than the test pool's 10 connections, so a solution that
 * borrows a second connection inside a transaction is slow but does not hang.
 */
const IN_FLIGHT = 8;

/** A message for a concurrent call that failed with something other than what the test allows. */
function unexpected(what: string, err: unknown): string {
  const hint: Record<string, string> = {
    "40P01": " That is a deadlock: two transactions each held a row the other wanted. Lock rows in one fixed order (e.g. by id).",
    "40001":
      " That is a serialization failure: at REPEATABLE READ or SERIALIZABLE, PostgreSQL refuses the loser and expects you to retry it.",
  };
  return `${what} failed with ${describeError(err)}.${hint[sqlState(err) ?? ""] ?? ""}`;
}

describe("many connections at once", () => {
  const db = useDatabase({ concurrent: true });

  pgTest("concurrent withdrawals of 100.00 and 50.00 from 300.00 leave 150.00, in each of 200 rounds", async () => {
    const ROUNDS = 200;
    const ids = Array.from({ length: ROUNDS }, (_, i) => `acct-${String(i).padStart(3, "0")}`);
    await openAccounts(db(), Object.fromEntries(ids.map((id) => [id, 30000])));
    // Both withdrawals of a round start in the same tick on two connections, so each reads
    // the balance while the other is in flight; several rounds run side by side on other accounts.
    const perBatch = IN_FLIGHT / 2;
    for (let start = 0; start < ROUNDS; start += perBatch) {
      const batch = ids.slice(start, start + perBatch);
      const results = await Promise.allSettled(batch.flatMap((id) => [withdraw(db(), id, 10000), withdraw(db(), id, 5000)]));
      for (const r of results) {
        if (r.status === "rejected") assert.fail(unexpected("A withdrawal running beside another one on the same account", r.reason));
      }
    }
    const balances = await balancesOf(db());
    const wrong = ids.filter((id) => balances[id] !== 15000);
    const examples = wrong.slice(0, 5).map((id) => `${id} ended at ${balances[id]}`);
    assert.equal(
      wrong.length,
      0,
      `300.00 - 100.00 - 50.00 must leave 15000 cents, but ${wrong.length} of ${ROUNDS} rounds ended elsewhere ` +
        `(${examples.join(", ")}). 20000 or 25000 means one withdrawal overwrote the other's result: a lost update. ` +
        "Let the UPDATE do the arithmetic (SET balance_cents = balance_cents - $2), or read the row with SELECT … FOR UPDATE.",
    );
  });

  pgTest("five concurrent withdrawals of 100.00 from 300.00: three succeed, two are refused, 0.00 is left", async () => {
    const ROUNDS = 20;
    const ids = Array.from({ length: ROUNDS }, (_, i) => `acct-${i}`);
    await openAccounts(db(), Object.fromEntries(ids.map((id) => [id, 30000])));
    for (const id of ids) {
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => withdraw(db(), id, 10000)));
      const paid = results.filter((r) => r.status === "fulfilled");
      const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      const other = refused.find((e) => !(e instanceof InsufficientFundsError));
      if (other !== undefined) assert.fail(unexpected("A withdrawal that should either pay or be refused", other));
      assert.equal(paid.length, 3, `exactly three of five 100.00 withdrawals fit in 300.00; ${paid.length} were paid on ${id}`);
      assert.deepEqual(
        paid.map((r) => r.value).sort((a, b) => a - b),
        [0, 10000, 20000],
        "the paid withdrawals return 20000, 10000 and 0: each one sees the others' effects",
      );
    }
    const balances = await balancesOf(db());
    assert.deepEqual(
      ids.filter((id) => balances[id] !== 0),
      [],
      "every account should end at exactly 0",
    );
  });

  pgTest("500 random concurrent transfers across 10 accounts conserve the total and apply each success exactly once", async () => {
    const ACCOUNTS = 10;
    const START = 10000;
    const ids = Array.from({ length: ACCOUNTS }, (_, i) => `acct-${i}`);
    await openAccounts(db(), Object.fromEntries(ids.map((id) => [id, START])));
    const random = seededRandom(34);
    const pick = () => ids[Math.floor(random() * ACCOUNTS)] ?? "acct-0";
    const plan = Array.from({ length: 500 }, () => {
      const from = pick();
      let to = pick();
      while (to === from) to = pick();
      return { from, to, cents: 1 + Math.floor(random() * 4000) };
    });
    const expected = Object.fromEntries(ids.map((id) => [id, START]));
    let refused = 0;
    let next = 0;
    let failure: string | undefined;
    // IN_FLIGHT workers take the next planned transfer until none is left, or one fails.
    const worker = async () => {
      for (let t = plan[next++]; t && failure === undefined; t = plan[next++]) {
        try {
          await transfer(db(), t.from, t.to, t.cents);
          expected[t.from] = (expected[t.from] ?? 0) - t.cents;
          expected[t.to] = (expected[t.to] ?? 0) + t.cents;
        } catch (err) {
          if (err instanceof InsufficientFundsError) refused += 1;
          else failure ??= unexpected(`transfer ${t.from} → ${t.to} of ${t.cents} cents`, err);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    if (failure !== undefined) assert.fail(failure);
    const balances = await balancesOf(db());
    const total = Object.values(balances).reduce((sum, b) => sum + b, 0);
    assert.equal(total, ACCOUNTS * START, `money appeared or vanished: the ten balances add up to ${total} cents, not ${ACCOUNTS * START}`);
    assert.deepEqual(
      balances,
      expected,
      `each of the ${500 - refused} successful transfers must be applied exactly once and each of the ${refused} refused ones not at all`,
    );
  });

  pgTest("opposite transfers A → B and B → A at the same moment never fail with a deadlock", async () => {
    await openAccounts(db(), { a: 50000, b: 50000 });
    // Five rounds: locking in argument order deadlocks in the first; a retry-only solution
    // pays PostgreSQL's deadlock_timeout (1 s) per round, so more would only slow it down.
    const ROUNDS = 5;
    for (let round = 0; round < ROUNDS; round++) {
      // A meeting point in afterDebit: each transfer waits there until the other has debited
      // too, or 100 ms have passed. A solution that locks its rows as it goes then holds one row
      // each and needs the other's: a deadlock every round. A solution that locks both rows up
      // front makes the second transfer wait before its debit; the first then goes on alone
      // after the 100 ms. (The timer only ends a wait; nothing asserts on time.)
      let arrived = 0;
      let release = () => {};
      const bothThere = new Promise<void>((resolve) => {
        release = resolve;
      });
      const meet = async () => {
        arrived += 1;
        if (arrived >= 2) release();
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([bothThere, new Promise((resolve) => (timer = setTimeout(resolve, 100)))]);
        clearTimeout(timer);
      };
      const results = await Promise.allSettled([
        transfer(db(), "a", "b", 700, { afterDebit: meet }),
        transfer(db(), "b", "a", 300, { afterDebit: meet }),
      ]);
      for (const [i, r] of results.entries()) {
        if (r.status === "rejected")
          assert.fail(unexpected(`In round ${round + 1}, the transfer ${i === 0 ? "a → b" : "b → a"}`, r.reason));
      }
    }
    assert.deepEqual(
      await balancesOf(db()),
      { a: 50000 - ROUNDS * 400, b: 50000 + ROUNDS * 400 },
      `each of the ${ROUNDS} rounds moves 7.00 - 3.00 = 4.00 from a to b`,
    );
  });

  pgTest("when the connection dies between debit and credit, nothing is committed", async () => {
    await openAccounts(db(), { alice: 30000, bob: 5000 });
    let cut = 0;
    // The transfer's connection is the one sitting "idle in transaction" while afterDebit runs:
    // the pool's other connections are idle, and ours (db.query) is busy running this query.
    const killConnection = async () => {
      const { rows } = await db().query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
      );
      cut += rows.filter((r) => r.killed).length;
    };
    const outcome = await transfer(db(), "alice", "bob", 10000, { afterDebit: killConnection }).then(
      () => "resolved",
      () => "rejected",
    );
    assert.equal(
      cut,
      1,
      "while afterDebit ran, exactly one connection should have been inside an open transaction (the transfer's); " +
        `found ${cut}. Run the debit and the credit inside db.transaction().`,
    );
    assert.equal(outcome, "rejected", "transfer should reject when its connection is cut before the credit");
    assert.deepEqual(await balancesOf(db()), { alice: 30000, bob: 5000 }, "a transaction that never committed must leave no trace");
    assert.deepEqual(await transfer(db(), "alice", "bob", 10000), { from: 20000, to: 15000 }, "the next transfer works as usual");
  });
});
