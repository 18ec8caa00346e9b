// Known-bad: results are pushed as calls finish, so they come back in completion order.
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
  let exhausted = false;

  const lane = async (): Promise<void> => {
    try {
      while (!signal.aborted) {
        const step = iterator.next();
        if (step.done === true) {
          exhausted = true;
          return;
        }
        const index = nextIndex++;
        results.push(await fn(step.value, index, signal));
      }
    } catch (error) {
      if (!signal.aborted) {
        failure.error = error;
        controller.abort(error);
      }
      throw error;
    }
  };

  const lanes: Promise<void>[] = [];
  for (let i = 0; i < limit && !exhausted && !signal.aborted; i++) lanes.push(lane());
  try {
    await Promise.all(lanes);
  } catch {
    if (!exhausted) iterator.return?.();
    throw failure.error;
  }
  return results;
}
