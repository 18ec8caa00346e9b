/**
 * What the dojo and the test harness both say about PostgreSQL, kept in one dependency-free
 * module so the CLI can use it without loading the harness (or pg).
 */

/** The server compose.yaml and CI start, with the trust login they use. */
export const LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** A skip reason starting with this is a test that needs several real connections; verify turns it into advice. */
export const NEEDS_POSTGRES = "needs PostgreSQL: set DATABASE_URL to a real server (PGlite runs one session); `ts-dojo doctor` shows how";

/** The URL with any password replaced, fit for a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a valid URL)";
  }
}
