/**
 * Turns a title into a URL slug: lowercase ASCII letters and digits, words joined by single
 * dashes, optionally no longer than `maxLength` characters.
 */
export function slugify(title: string, opts: { maxLength?: number } = {}): string {
  const { maxLength } = opts;
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1)) {
    throw new RangeError(`maxLength must be a whole number >= 1, got ${maxLength}`);
  }
  const slug = title
    .normalize("NFKD") // "é" becomes "e" + a combining accent; "ﬁ" becomes "fi"
    .replace(/\p{M}/gu, "") // drop the combining marks NFKD split off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-") // every run of anything else is one separator
    .replace(/^-|-$/g, "");
  if (maxLength === undefined || slug.length < maxLength) return slug;

  // Look one character past the limit: if that character is a dash, the cut lands exactly on a
  // word end and the whole last word fits.
  const lookahead = slug.slice(0, maxLength + 1);
  const lastDash = lookahead.lastIndexOf("-");
  // No dash at all means the first word alone is too long: cutting inside it is the only option.
  return lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, maxLength);
}
