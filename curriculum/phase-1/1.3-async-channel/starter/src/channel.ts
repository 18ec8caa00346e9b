// A Go-style channel. Read README.md first: it gives the exact rules the tests check.
// Run the tests with `npx ts-dojo verify 1.3-async-channel`.

/** What receive() gives back once the channel is closed and every buffered value is gone. */
export const CLOSED: unique symbol = Symbol("CLOSED");

/** The reason a send() fails when the channel is, or becomes, closed before the value is taken. */
export class ChannelClosedError extends Error {
  constructor(message = "send on a closed channel") {
    super(message);
    this.name = "ChannelClosedError";
  }
}

/** A bounded FIFO queue between async producers and consumers, after Go's channels. */
export class Channel<T> implements AsyncIterable<T> {
  readonly capacity: number;

  /** capacity = how many values may wait in the buffer; 0 means every send meets a receiver. */
  constructor(capacity = 0) {
    // TODO: reject a negative or fractional capacity with a RangeError.
    this.capacity = capacity;
  }

  /** Resolves once the value is in the buffer or in a receiver's hands. */
  send(value: T, signal?: AbortSignal): Promise<void> {
    throw new Error("TODO: implement send()");
  }

  /** Resolves with the oldest value, or with CLOSED once the channel is closed and drained. */
  receive(signal?: AbortSignal): Promise<T | typeof CLOSED> {
    throw new Error("TODO: implement receive()");
  }

  /** Stops new sends. Buffered values stay receivable; everyone still waiting is woken. */
  close(): void {
    throw new Error("TODO: implement close()");
  }

  /** `for await (const v of channel)` receives until the channel is closed and drained. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    throw new Error("TODO: implement the async iterator (an `async *` method is the short way)");
  }
}
