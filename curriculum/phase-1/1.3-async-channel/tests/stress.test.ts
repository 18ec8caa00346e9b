// Many producers and consumers at once, in orders chosen by a seeded random generator, some of
// them cancelling. Whatever the interleaving, every value whose send() resolved must be received
// exactly once, and no other value may be received at all.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Channel, CLOSED } from "./src/channel.ts";
import { settles } from "./watch.ts";

interface Scenario {
  capacity: number;
  producers: number;
  perProducer: number;
  consumers: number;
  seed: number;
  /** Every Nth send and receive carries an AbortSignal that fires a few microtasks later (0 = none). */
  abortEvery: number;
}

/** mulberry32: a tiny seeded generator, so a failing interleaving can be replayed exactly. */
function rng(seed: number): (max: number) => number {
  let a = seed >>> 0;
  return (max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * max;
  };
}

async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await null;
}

async function run(s: Scenario): Promise<void> {
  const ch = new Channel<number>(s.capacity);
  const random = rng(s.seed);
  const pick = (max: number) => Math.floor(random(max));
  let operation = 0;
  const maybeSignal = (): AbortSignal | undefined => {
    operation++;
    if (s.abortEvery === 0 || operation % s.abortEvery !== 0) return undefined;
    const controller = new AbortController();
    const delay = pick(6);
    void ticks(delay).then(() => controller.abort());
    return controller.signal;
  };

  const delivered = new Set<number>(); // values whose send() resolved
  const cancelled = new Set<number>(); // values whose send() was aborted
  const byConsumer: number[][] = [];
  const totalValues = s.producers * s.perProducer;

  const consumer = async (id: number): Promise<void> => {
    const got: number[] = [];
    byConsumer[id] = got;
    for (;;) {
      await ticks(pick(4));
      const signal = maybeSignal();
      let value: number | typeof CLOSED;
      try {
        value = await ch.receive(signal);
      } catch (error) {
        if (signal?.aborted && error === signal.reason) continue; // cancelled: just ask again
        throw error;
      }
      if (value === CLOSED) return;
      got.push(value);
      // Guards against an endless loop if receive() keeps producing values from nowhere.
      assert.ok(got.length <= totalValues, "a consumer received more values than were ever sent");
    }
  };
  const producer = async (id: number): Promise<void> => {
    for (let k = 0; k < s.perProducer; k++) {
      await ticks(pick(4));
      const value = id * 1000 + k;
      const signal = maybeSignal();
      try {
        await ch.send(value, signal);
        delivered.add(value);
      } catch (error) {
        if (!(signal?.aborted && error === signal.reason)) throw error;
        cancelled.add(value);
      }
    }
  };

  const consumers = Array.from({ length: s.consumers }, (_, id) => consumer(id));
  const order = Array.from({ length: s.producers }, (_, id) => id).sort(() => random(1) - 0.5);
  await settles(
    Promise.all(order.map((id) => producer(id))),
    `With capacity ${s.capacity}, ${s.producers} producers and ${s.consumers} consumers, the producers`,
  );
  ch.close();
  await settles(Promise.all(consumers), "After close(), the consumers");

  const seen = new Set<number>();
  for (const got of byConsumer) {
    for (const value of got) {
      assert.ok(!seen.has(value), `value ${value} was received twice`);
      assert.ok(
        !cancelled.has(value),
        `value ${value} was received although its send() was aborted: an aborted sender was left in the queue`,
      );
      seen.add(value);
    }
  }
  const lost = [...delivered].filter((value) => !seen.has(value));
  assert.deepEqual(
    lost,
    [],
    `these values were sent successfully but never received (capacity ${s.capacity}): ${lost.slice(0, 10).join(", ")}`,
  );
  // One consumer receives one value at a time, so it must see each producer's values in order.
  for (const got of byConsumer) {
    const last = new Map<number, number>();
    for (const value of got) {
      const producerId = Math.floor(value / 1000);
      const previous = last.get(producerId) ?? -1;
      assert.ok(value % 1000 > previous, `a consumer received ${value} after ${producerId * 1000 + previous}: not FIFO`);
      last.set(producerId, value % 1000);
    }
  }
}

test("1,000 producers and 10 consumers: every value arrives exactly once", async () => {
  for (const capacity of [0, 1, 16]) {
    await run({ capacity, producers: 1000, perProducer: 1, consumers: 10, seed: 1234 + capacity, abortEvery: 0 });
  }
});

test("random interleavings with cancellations lose, duplicate and reorder nothing", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        capacity: fc.integer({ min: 0, max: 4 }),
        producers: fc.integer({ min: 1, max: 30 }),
        perProducer: fc.integer({ min: 1, max: 6 }),
        consumers: fc.integer({ min: 1, max: 10 }),
        seed: fc.integer(),
        abortEvery: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 7 })),
      }),
      run,
    ),
    { numRuns: 80, seed: 20240611 },
  );
});
