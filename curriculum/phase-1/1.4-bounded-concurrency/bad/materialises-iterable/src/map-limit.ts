// Known-bad: copies the whole iterable into an array first. Correct for small arrays, but a
// generator of a million rows (or an endless one) is read to the end before any work starts.
export async function mapLimit<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  const list = Array.from(items);
  const controller = new AbortController();
  const { signal } = controller;
  const results: R[] = new Array<R>(list.length);
  const failure: { error?: unknown } = {};
  let next = 0;

  const lane = async (): Promise<void> => {
    try {
      while (!signal.aborted && next < list.length) {
        const index = next++;
        results[index] = await fn(list[index] as T, index, signal);
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
  for (let i = 0; i < Math.min(limit, list.length); i++) lanes.push(lane());
  try {
    await Promise.all(lanes);
  } catch {
    throw failure.error;
  }
  return results;
}
