/** Can we log in to this PostgreSQL? For doctor and dev check; the harness has its own connect. */

/** undefined when a login and `select 1` succeed, else what went wrong, in pg's words. */
export async function postgresLoginError(url: string, timeoutMs: number): Promise<string | undefined> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (e) {
    // Node's connect errors to localhost are AggregateErrors with an empty message and a code.
    const err = e as { message?: string; code?: string };
    return err.message || err.code || String(e);
  } finally {
    await client.end().catch(() => {});
  }
}
