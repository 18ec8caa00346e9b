/**
 * Runs of words a text repeats from the seed documents. Lessons are written fresh; dev check
 * uses this to prove it. Runs made only of short words are common vocabulary and ignored.
 */
const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

export function seedShingles(seeds: readonly string[], n: number): Set<string> {
  const set = new Set<string>();
  for (const seed of seeds) {
    const w = words(seed);
    for (let i = 0; i + n <= w.length; i++) set.add(w.slice(i, i + n).join(" "));
  }
  return set;
}

/** Every maximal run of n or more words of `text` that also appears in a seed. */
export function repeatedRuns(text: string, shingles: ReadonlySet<string>, n: number): string[] {
  const w = words(text);
  const runs: string[] = [];
  let i = 0;
  while (i + n <= w.length) {
    const run = w.slice(i, i + n);
    if (shingles.has(run.join(" ")) && run.filter((x) => x.length >= 4).length >= 3) {
      let j = i + n;
      while (j < w.length && shingles.has(w.slice(j - n + 1, j + 1).join(" "))) j++;
      runs.push(w.slice(i, j).join(" "));
      i = j;
    } else i++;
  }
  return runs;
}
