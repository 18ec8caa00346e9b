// Known-bad: aborts the shared signal in the catch around Promise.all rather than in the lane
// that failed, so the abort comes late and a sibling finishing at the same moment slips in.
/**
 * Calls `fn` for every item of `items`, with at most `limit` calls in flight at once.
 *
 * - Resolves with the results in input order (result i belongs to item i).
 * - Pulls items from the iterable lazily: a new item is taken only when a slot is free.
 * - On the first rejection: rejects with that error, aborts the `signal` handed to every
 *   call, starts nothing new and closes the iterator (unless the iterator itself threw).
 * - Rejects with a RangeError unless `limit` is a positive integer.
 */
export async function mapLimit<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  const iterator = items[Symbol.iterator]();
  const controller = new AbortController();
  const { signal } = controller;
  const results: R[] = [];
  const failure: { error?: unknown } = {};
  let nextIndex = 0;
  // The iterator is finished once next() says done or throws. Either way the iteration protocol
  // says not to call return() on it: a generator that threw has already run its finally blocks.
  let iteratorFinished = false;

  // A lane is one slot of the pool: it takes the next item, waits for it, and only then
  // takes another. `limit` lanes sharing one iterator can never run more than `limit` calls.
  const lane = async (): Promise<void> => {
    try {
      while (!signal.aborted) {
        let step: IteratorResult<T>;
        try {
          step = iterator.next();
        } catch (error) {
          iteratorFinished = true;
          throw error;
        }
        if (step.done === true) {
          iteratorFinished = true;
          return;
        }
        const index = nextIndex++;
        results[index] = await fn(step.value, index, signal);
      }
    } catch (error) {
      if (!("error" in failure)) failure.error = error;
      throw error;
    }
  };

  // Each lane runs synchronously up to its first await, so once the iterator reports
  // done there is no point starting more lanes (this matters when limit > items).
  const lanes: Promise<void>[] = [];
  for (let i = 0; i < limit && !iteratorFinished && !signal.aborted; i++) {
    lanes.push(lane());
  }

  try {
    // Promise.all settles on the first rejection without waiting for the other lanes,
    // and it observes every lane, so later rejections are never "unhandled".
    await Promise.all(lanes);
  } catch {
    // The bug: the abort happens only here, once Promise.all has rejected, a few microtasks
    // after the failure. A sibling lane whose call finished in the same step resumes first,
    // sees a live signal and takes another item.
    controller.abort(failure.error);
    if (!iteratorFinished) iterator.return?.();
    throw failure.error;
  }
  return results;
}
