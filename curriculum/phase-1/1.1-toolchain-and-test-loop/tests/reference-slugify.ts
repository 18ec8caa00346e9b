// The reference slugify the specification in README.md describes. Your case table is checked
// against it: a case whose `expected` differs from what this returns is a wrong case.

/** Turns a title into a URL slug: lowercase ASCII words joined by single dashes. */
export function referenceSlugify(title: string, opts: { maxLength?: number } = {}): string {
  const { maxLength } = opts;
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1)) {
    throw new RangeError(`maxLength must be a whole number >= 1, got ${maxLength}`);
  }
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  if (maxLength === undefined || slug.length <= maxLength) return slug;
  const lookahead = slug.slice(0, maxLength + 1);
  const lastDash = lookahead.lastIndexOf("-");
  return lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, maxLength);
}
