// Known-bad: runs the items in batches of `limit` and waits for the whole batch before taking
// the next one. Never more than `limit` at once, but one slow item idles every other slot.
export async function mapLimit<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }
  const controller = new AbortController();
  const results: R[] = [];
  let batch: Array<{ item: T; index: number }> = [];
  let index = 0;

  const runBatch = async (): Promise<void> => {
    const values = await Promise.all(batch.map(({ item, index }) => fn(item, index, controller.signal))).catch((error: unknown) => {
      controller.abort(error);
      throw error;
    });
    results.push(...values);
    batch = [];
  };

  for (const item of items) {
    batch.push({ item, index: index++ });
    if (batch.length === limit) await runBatch();
  }
  if (batch.length > 0) await runBatch();
  return results;
}
