import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { describe as group, test } from "node:test";
import { Channel, ChannelClosedError, CLOSED } from "./src/channel.ts";
import { assertFulfilled, assertPending, assertRejected, flush, settles, watch } from "./watch.ts";

/** Receives one value that must already be available (or become available without help). */
async function receiveNow<T>(ch: Channel<T>, what: string): Promise<T | typeof CLOSED> {
  const got = watch(ch.receive());
  await flush();
  return assertFulfilled(got, `${what}: receive() should have resolved`);
}

group("buffer and order", () => {
  test("receive() returns values in the order they were sent", async () => {
    const ch = new Channel<string>(3);
    await settles(ch.send("a"), "send('a') into an empty channel of capacity 3");
    await settles(ch.send("b"), "send('b')");
    await settles(ch.send("c"), "send('c')");
    const got = [await receiveNow(ch, "1st"), await receiveNow(ch, "2nd"), await receiveNow(ch, "3rd")];
    assert.deepEqual(got, ["a", "b", "c"], "a channel is first in, first out");
  });

  test("send() resolves at once while the buffer has room", async () => {
    const ch = new Channel<number>(2);
    const first = watch(ch.send(1));
    const second = watch(ch.send(2));
    await flush();
    assertFulfilled(first, "send(1) into an empty channel of capacity 2 should not wait");
    assertFulfilled(second, "send(2) fills the last free slot of capacity 2 and should not wait");
  });

  test("send() waits while the buffer is full, and resumes when a receive() makes room", async () => {
    const ch = new Channel<number>(2);
    void ch.send(1);
    void ch.send(2);
    const third = watch(ch.send(3));
    await flush();
    assertPending(third, "the buffer holds 2 of 2 values, so send(3) must wait (backpressure)");

    assert.equal(await receiveNow(ch, "first receive"), 1, "the first value out is the first value in");
    await flush();
    assertFulfilled(third, "after one receive() there is room again, so send(3) should resolve");
    assert.equal(await receiveNow(ch, "second receive"), 2, "then 2");
    assert.equal(await receiveNow(ch, "third receive"), 3, "then 3, which waited its turn");
  });

  test("waiting senders are served in the order they arrived", async () => {
    const ch = new Channel<string>(1);
    void ch.send("buffered");
    const waiting = ["w1", "w2", "w3"].map((v) => watch(ch.send(v)));
    await flush();
    for (const [i, w] of waiting.entries()) assertPending(w, `send('w${i + 1}') should wait: capacity is 1 and it is taken`);

    const got: unknown[] = [];
    for (let i = 0; i < 4; i++) got.push(await receiveNow(ch, `receive #${i + 1}`));
    assert.deepEqual(got, ["buffered", "w1", "w2", "w3"], "waiting senders keep their arrival order");
  });

  test("receive() waits while the channel is empty, and gets the next value sent", async () => {
    const ch = new Channel<number>(4);
    const got = watch(ch.receive());
    await flush();
    assertPending(got, "receive() on an empty channel must wait for a value");
    await settles(ch.send(42), "send(42) to a waiting receiver");
    await flush();
    assert.equal(assertFulfilled(got, "the waiting receive() should get the value"), 42);
  });

  test("the constructor defaults to capacity 0 and rejects a negative or fractional capacity", () => {
    assert.equal(new Channel().capacity, 0, "new Channel() should have capacity 0");
    assert.equal(new Channel(5).capacity, 5, "new Channel(5) should have capacity 5");
    for (const bad of [-1, 1.5, Number.NaN]) {
      assert.throws(() => new Channel(bad), RangeError, `new Channel(${bad}) should throw a RangeError`);
    }
  });
});

group("capacity 0: a rendezvous", () => {
  test("send() waits until a receiver takes the value", async () => {
    const ch = new Channel<string>(0);
    const sent = watch(ch.send("hello"));
    await flush();
    assertPending(sent, "with capacity 0 there is no buffer: send() must wait for a receiver");
    assert.equal(await receiveNow(ch, "receive from a waiting sender"), "hello");
    await flush();
    assertFulfilled(sent, "once a receiver took the value, send() should resolve");
  });

  test("a receiver that arrives first makes the next send() complete at once", async () => {
    const ch = new Channel<string>(0);
    const got = watch(ch.receive());
    await flush();
    assertPending(got, "receive() with nobody sending must wait");
    const sent = watch(ch.send("hi"));
    await flush();
    assertFulfilled(sent, "a receiver was already waiting, so send() should hand the value over and resolve");
    assert.equal(assertFulfilled(got, "the waiting receive() should get the value"), "hi");
  });
});

group("cancelling with an AbortSignal", () => {
  test("aborting a waiting send() rejects it with the signal's reason and removes its value", async () => {
    const ch = new Channel<string>(1);
    void ch.send("buffered");
    const first = watch(ch.send("first"));
    const controller = new AbortController();
    const aborted = watch(ch.send("aborted", controller.signal));
    const last = watch(ch.send("last"));
    await flush();

    const reason = new Error("caller gave up");
    controller.abort(reason);
    await flush();
    assert.equal(
      assertRejected(aborted, "an aborted send() should reject"),
      reason,
      "send() should reject with signal.reason, the value passed to abort()",
    );

    const got: unknown[] = [];
    for (let i = 0; i < 3; i++) got.push(await receiveNow(ch, `receive #${i + 1}`));
    assert.deepEqual(
      got,
      ["buffered", "first", "last"],
      "the aborted value must never be delivered, and the other senders keep their order",
    );
    assertFulfilled(first, "send('first') was delivered, so it should have resolved");
    assertFulfilled(last, "send('last') was delivered, so it should have resolved");
    assertPending(watch(ch.receive()), "after those three values the channel should be empty");
  });

  test("aborting a waiting receive() removes it, so the next value goes to the next receiver", async () => {
    const ch = new Channel<number>(0);
    const controller = new AbortController();
    const quitter = watch(ch.receive(controller.signal));
    const patient = watch(ch.receive());
    await flush();
    controller.abort();
    await flush();
    const reason = assertRejected(quitter, "an aborted receive() should reject");
    assert.equal(reason, controller.signal.reason, "receive() should reject with signal.reason");

    const sent = watch(ch.send(7));
    await flush();
    assertFulfilled(sent, "a receiver is still waiting, so send(7) should complete at once");
    assert.equal(assertFulfilled(patient, "the remaining receiver should get the value (the aborted one must not swallow it)"), 7);
  });

  test("an already-aborted signal rejects at once and changes nothing", async () => {
    const ch = new Channel<string>(2);
    const controller = new AbortController();
    controller.abort();
    const sent = watch(ch.send("ghost", controller.signal));
    const got = watch(ch.receive(controller.signal));
    await flush();
    assertRejected(sent, "send() with an aborted signal should reject");
    assertRejected(got, "receive() with an aborted signal should reject");

    await settles(ch.send("real"), "send('real')");
    assert.equal(await receiveNow(ch, "receive"), "real", "the aborted send() must not have queued its value");
  });

  test("aborting after the value was delivered changes nothing", async () => {
    const ch = new Channel<string>(0);
    const controller = new AbortController();
    const sent = watch(ch.send("done", controller.signal));
    assert.equal(await receiveNow(ch, "receive"), "done");
    controller.abort();
    await flush();
    assertFulfilled(sent, "the value was taken before abort(), so send() stays resolved");
  });

  test("a call that completes removes its abort listener from a shared signal", async () => {
    const ch = new Channel<number>(0);
    const signal = new AbortController().signal;
    for (let i = 0; i < 10; i++) {
      // A receiver waits first (it parks, with a listener), then a send hands it the value.
      const got = watch(ch.receive(signal));
      await flush(1);
      await settles(ch.send(i, signal), `send(${i}) to a waiting receiver`);
      await flush(1);
      assert.equal(assertFulfilled(got, `receive #${i + 1} should have got the value`), i);
    }
    for (let i = 10; i < 20; i++) {
      // A sender waits first (capacity 0, nobody receiving), then a receive takes its value.
      const sent = watch(ch.send(i, signal));
      await flush(1);
      assert.equal(await receiveNow(ch, `receive #${i + 1}`), i);
      assertFulfilled(sent, `send(${i}) was taken, so it should have resolved`);
    }
    assert.equal(
      getEventListeners(signal, "abort").length,
      0,
      "20 calls completed on one shared signal; each must remove its abort listener when it settles",
    );
  });
});

group("close()", () => {
  test("close() wakes every waiting receiver with CLOSED", async () => {
    const ch = new Channel<number>(2);
    const waiting = [watch(ch.receive()), watch(ch.receive()), watch(ch.receive())];
    await flush();
    ch.close();
    await flush();
    for (const [i, w] of waiting.entries()) {
      assert.equal(assertFulfilled(w, `waiting receive() #${i + 1} should be woken by close()`), CLOSED, "it should resolve with CLOSED");
    }
  });

  test("close() rejects waiting senders, and send() after close() rejects with ChannelClosedError", async () => {
    const ch = new Channel<number>(1);
    void ch.send(1);
    const waiting = watch(ch.send(2));
    await flush();
    ch.close();
    await flush();
    const reason = assertRejected(waiting, "a send() still waiting when close() runs should reject");
    assert.ok(reason instanceof ChannelClosedError, "the waiting send() should reject with a ChannelClosedError");

    let late: Promise<void> | undefined;
    assert.doesNotThrow(() => {
      late = ch.send(3);
    }, "send() on a closed channel must return a rejected promise, not throw");
    assert.ok(late, "send() should return a promise");
    await assert.rejects(late, ChannelClosedError, "send() after close() should reject with ChannelClosedError");
  });

  test("values buffered before close() are still delivered, then receive() returns CLOSED", async () => {
    const ch = new Channel<string>(3);
    await settles(ch.send("x"), "send('x')");
    await settles(ch.send("y"), "send('y')");
    ch.close();
    ch.close(); // closing twice is harmless
    assert.equal(await receiveNow(ch, "1st receive after close"), "x", "buffered values survive close()");
    assert.equal(await receiveNow(ch, "2nd receive after close"), "y", "buffered values survive close()");
    assert.equal(await receiveNow(ch, "3rd receive after close"), CLOSED, "a closed, drained channel returns CLOSED");
    assert.equal(await receiveNow(ch, "4th receive after close"), CLOSED, "and keeps returning CLOSED");
  });
});

group("for await", () => {
  test("for await...of yields every value and ends when the channel is closed", async () => {
    const ch = new Channel<number>(2);
    const seen: number[] = [];
    const loop = (async () => {
      for await (const value of ch) seen.push(value);
    })();
    for (const value of [1, 2, 3, 4, 5]) await settles(ch.send(value), `send(${value})`);
    ch.close();
    await settles(loop, "the for await loop after close()");
    assert.deepEqual(seen, [1, 2, 3, 4, 5], "the loop should see every value, in order");
  });

  test("breaking out of for await does not close the channel", async () => {
    const ch = new Channel<number>(3);
    for (const value of [1, 2, 3]) await settles(ch.send(value), `send(${value})`);
    for await (const value of ch) {
      assert.equal(value, 1);
      break;
    }
    assert.equal(await receiveNow(ch, "receive after the loop"), 2, "other consumers keep receiving after one loop stops");
    await settles(ch.send(4), "send(4) after a loop broke off (the channel must still be open)");
  });
});
