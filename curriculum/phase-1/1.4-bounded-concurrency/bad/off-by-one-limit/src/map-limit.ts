// Known-bad: the refill loop checks `running <= limit`, so limit + 1 calls run at once.
export function mapLimit<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  return new Promise<R[]>((resolve, reject) => {
    if (!Number.isInteger(limit) || limit < 1) {
      reject(new RangeError(`limit must be a positive integer, got ${limit}`));
      return;
    }
    const iterator = items[Symbol.iterator]();
    const controller = new AbortController();
    const results: R[] = [];
    let started = 0;
    let running = 0;
    let exhausted = false;

    const fail = (error: unknown): void => {
      if (controller.signal.aborted) return;
      controller.abort(error);
      if (!exhausted) iterator.return?.();
      reject(error);
    };

    const fill = (): void => {
      while (running <= limit && !exhausted && !controller.signal.aborted) {
        let step: IteratorResult<T>;
        try {
          step = iterator.next();
        } catch (error) {
          fail(error);
          return;
        }
        if (step.done === true) {
          exhausted = true;
          break;
        }
        const index = started++;
        running++;
        new Promise<R>((res) => res(fn(step.value, index, controller.signal))).then((value) => {
          results[index] = value;
          running--;
          fill();
        }, fail);
      }
      if (exhausted && running === 0 && !controller.signal.aborted) resolve(results);
    };
    fill();
  });
}
