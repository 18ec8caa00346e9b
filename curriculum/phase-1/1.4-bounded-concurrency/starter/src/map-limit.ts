/**
 * Calls `fn` for every item of `items`, with at most `limit` calls in flight at once.
 *
 * - Resolves with the results in input order (result i belongs to item i).
 * - Pulls items from the iterable lazily: a new item is taken only when a slot is free.
 * - On the first rejection: rejects with that error, aborts the `signal` handed to every
 *   call, starts nothing new and closes the iterator.
 * - Rejects with a RangeError unless `limit` is a positive integer.
 */
export function mapLimit<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  throw new Error("TODO: implement mapLimit (see README.md, 'The exercise')");
}
