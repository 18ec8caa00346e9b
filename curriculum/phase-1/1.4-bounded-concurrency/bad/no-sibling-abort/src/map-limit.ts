// Known-bad: a failure stops new work and rejects, but the calls already running are never
// told to stop: the signal handed to fn is never aborted, so they run to the end for nothing.
export async function mapLimit<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  const iterator = items[Symbol.iterator]();
  const signal = new AbortController().signal;
  const results: R[] = [];
  const failure: { failed: boolean; error?: unknown } = { failed: false };
  let nextIndex = 0;
  let exhausted = false;

  const lane = async (): Promise<void> => {
    try {
      while (!failure.failed) {
        const step = iterator.next();
        if (step.done === true) {
          exhausted = true;
          return;
        }
        const index = nextIndex++;
        results[index] = await fn(step.value, index, signal);
      }
    } catch (error) {
      if (!failure.failed) {
        failure.failed = true;
        failure.error = error;
      }
      throw error;
    }
  };

  const lanes: Promise<void>[] = [];
  for (let i = 0; i < limit && !exhausted && !failure.failed; i++) lanes.push(lane());
  try {
    await Promise.all(lanes);
  } catch {
    if (!exhausted) iterator.return?.();
    throw failure.error;
  }
  return results;
}
