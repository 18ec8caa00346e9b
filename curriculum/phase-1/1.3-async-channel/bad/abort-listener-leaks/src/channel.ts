/** What receive() gives back once the channel is closed and every buffered value is gone. */
export const CLOSED: unique symbol = Symbol("CLOSED");

/** The reason a send() fails when the channel is, or becomes, closed before the value is taken. */
export class ChannelClosedError extends Error {
  constructor(message = "send on a closed channel") {
    super(message);
    this.name = "ChannelClosedError";
  }
}

interface Waiter<R> {
  resolve(result: R): void;
  reject(reason: unknown): void;
}

interface WaitingSender<T> extends Waiter<void> {
  value: T;
}

/**
 * Parks a caller in `queue` until someone wakes it. If `signal` fires first, the waiter takes
 * itself out of the queue before rejecting: a rejected waiter left in the queue would later
 * swallow a value (receiver side) or hand over a value whose send() already failed (sender side).
 */
function park<R, W extends Waiter<R>>(queue: W[], build: (settle: Waiter<R>) => W, signal: AbortSignal | undefined): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const onAbort = (): void => {
      const index = queue.indexOf(waiter);
      if (index !== -1) queue.splice(index, 1);
      reject(signal?.reason);
    };
    // Known-bad: the listener is added with { once: true } and trusted to go away by itself,
    // but `once` only removes it when abort fires. A call that completes normally leaves it
    // on the signal, so a long-lived signal collects one listener per call.
    const waiter = build({ resolve, reject });
    queue.push(waiter);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A bounded FIFO queue between async producers and consumers, after Go's channels. */
export class Channel<T> implements AsyncIterable<T> {
  readonly capacity: number;
  // Invariants: receivers wait only while the buffer is empty and no sender waits; senders
  // wait only while the buffer is full. So at most one of the two waiting queues is non-empty.
  readonly #buffer: T[] = [];
  readonly #senders: WaitingSender<T>[] = [];
  readonly #receivers: Waiter<T | typeof CLOSED>[] = [];
  #closed = false;

  constructor(capacity = 0) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`capacity must be a whole number >= 0, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** Resolves once the value is in the buffer or in a receiver's hands. */
  send(value: T, signal?: AbortSignal): Promise<void> {
    if (this.#closed) return Promise.reject(new ChannelClosedError());
    if (signal?.aborted) return Promise.reject(signal.reason);

    const receiver = this.#receivers.shift();
    if (receiver) {
      receiver.resolve(value);
      return Promise.resolve();
    }
    if (this.#buffer.length < this.capacity) {
      this.#buffer.push(value);
      return Promise.resolve();
    }
    return park(this.#senders, (settle) => ({ ...settle, value }), signal);
  }

  /** Resolves with the oldest value, or with CLOSED once the channel is closed and drained. */
  receive(signal?: AbortSignal): Promise<T | typeof CLOSED> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    if (this.#buffer.length > 0) {
      const value = this.#buffer.shift() as T; // length > 0, so shift() returned a real T
      // Taking a value freed one slot: the oldest waiting sender's value moves in behind the rest.
      const sender = this.#senders.shift();
      if (sender) {
        this.#buffer.push(sender.value);
        sender.resolve();
      }
      return Promise.resolve(value);
    }
    // Empty buffer but a waiting sender: only happens at capacity 0, the rendezvous hand-over.
    const sender = this.#senders.shift();
    if (sender) {
      sender.resolve();
      return Promise.resolve(sender.value);
    }
    if (this.#closed) return Promise.resolve(CLOSED);
    return park(this.#receivers, (settle) => settle, signal);
  }

  /** Stops new sends. Buffered values stay receivable; everyone still waiting is woken. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const receiver of this.#receivers.splice(0)) receiver.resolve(CLOSED);
    for (const sender of this.#senders.splice(0)) sender.reject(new ChannelClosedError());
  }

  /** `for await (const v of channel)` receives until the channel is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for (;;) {
      const value = await this.receive();
      if (value === CLOSED) return;
      yield value;
    }
  }
}
