// Read README.md first: it gives the exact rules slugify() must follow.

/**
 * Turns a title into a URL slug: lowercase ASCII letters and digits, words joined by single
 * dashes, optionally no longer than `maxLength` characters.
 */
export function slugify(title: string, opts: { maxLength?: number } = {}): string {
  throw new Error("TODO: implement slugify()");
}
