/**
 * Run a learner's query function, catch the SQL it sends, and ask PostgreSQL how it ran that
 * SQL: EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) gives the plan tree and how many 8 kB pages it
 * touched. Pages are the honest measure of "fast" here: they do not depend on the machine or
 * its load, and they grow with the work the plan does.
 */
import assert from "node:assert/strict";
import type { Queryable } from "ts-dojo/kit";

/** One node of EXPLAIN (FORMAT JSON): only the fields the tests read. */
export interface PlanNode {
  readonly "Node Type": string;
  readonly "Relation Name"?: string;
  readonly "Index Name"?: string;
  readonly "Index Cond"?: string;
  readonly Filter?: string;
  readonly "Scan Direction"?: string;
  readonly "Actual Rows"?: number;
  readonly "Shared Hit Blocks"?: number;
  readonly "Shared Read Blocks"?: number;
  readonly Plans?: readonly PlanNode[];
}

export interface Explained {
  readonly sql: string;
  readonly nodes: readonly PlanNode[];
  /** Shared buffers (8 kB pages) the whole plan touched, from the cache or from disk. */
  readonly pages: number;
  /** An indented outline of the plan, for failure messages. */
  readonly outline: string;
  /** Index name -> the table it belongs to, for Bitmap Index Scan nodes (they name no table). */
  readonly indexTable: ReadonlyMap<string, string>;
}

const INDEX_NODES = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);

/**
 * Call `run` with a Queryable that records what it is sent, check that it sent exactly one
 * query, and EXPLAIN ANALYZE that query with the same parameters.
 */
export async function explainCall(db: Queryable, what: string, run: (q: Queryable) => Promise<unknown>): Promise<Explained> {
  const sent: { sql: string; params: unknown[] | undefined }[] = [];
  const recorder: Queryable = {
    query(sql, params) {
      sent.push({ sql, params });
      return db.query(sql, params);
    },
  };
  await run(recorder);
  assert.equal(sent.length, 1, `${what} should send exactly one query, so its plan can be checked; it sent ${sent.length}`);
  const { sql, params } = sent[0] ?? { sql: "", params: undefined };
  const { rows } = await db.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
  const root = rows[0]?.["QUERY PLAN"][0].Plan;
  assert.ok(root, `EXPLAIN of ${what}'s query returned no plan`);
  const indexes = await db.query<{ indexname: string; tablename: string }>(
    "SELECT indexname, tablename FROM pg_indexes WHERE schemaname = 'public'",
  );
  return {
    sql,
    nodes: flatten(root),
    pages: (root["Shared Hit Blocks"] ?? 0) + (root["Shared Read Blocks"] ?? 0),
    outline: outline(root, "  "),
    indexTable: new Map(indexes.rows.map((r) => [r.indexname, r.tablename])),
  };
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

function outline(node: PlanNode, indent: string): string {
  const parts = [node["Node Type"]];
  if (node["Scan Direction"] === "Backward") parts.push("Backward");
  if (node["Index Name"]) parts.push(`using ${node["Index Name"]}`);
  if (node["Relation Name"]) parts.push(`on ${node["Relation Name"]}`);
  if (node["Index Cond"]) parts.push(`Index Cond: ${node["Index Cond"]}`);
  if (node.Filter) parts.push(`Filter: ${node.Filter}`);
  if (node["Actual Rows"] !== undefined) parts.push(`(rows ${node["Actual Rows"]})`);
  const line = `${indent}${parts.join(" ")}`;
  return [line, ...(node.Plans ?? []).map((child) => outline(child, `${indent}  `))].join("\n");
}

/** The names of the indexes on `table` that the plan searches with an Index Cond. */
export function indexesSearched(plan: Explained, table: string): string[] {
  return plan.nodes
    .filter((n) => INDEX_NODES.has(n["Node Type"]) && n["Index Cond"] && plan.indexTable.get(n["Index Name"] ?? "") === table)
    .map((n) => n["Index Name"] ?? "");
}

/** The plan reads `table` through an index search, never by scanning the whole table. */
export function expectIndexSearch(plan: Explained, table: string, what: string): void {
  const shown = `\nThe query:\n  ${plan.sql.trim().replace(/\s+/g, " ")}\nIts plan:\n${plan.outline}`;
  const seqScan = plan.nodes.some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === table);
  assert.ok(!seqScan, `${what} reads every row of ${table} (a Seq Scan): no index fits the query.${shown}`);
  assert.ok(
    indexesSearched(plan, table).length > 0,
    `${what} should look rows of ${table} up in an index (an Index Scan, Index Only Scan or Bitmap Index Scan ` +
      `with an Index Cond); it does not. An index scan without an Index Cond walks the whole index.${shown}`,
  );
}

/** The plan touched at most `budget` pages. */
export function expectPagesAtMost(plan: Explained, budget: number, what: string): void {
  assert.ok(
    plan.pages <= budget,
    `${what} should touch at most ${budget} pages of 8 kB; it touched ${plan.pages} ` +
      `(reading all of messages costs about 1,900, all of users about 120): ` +
      `its index does not lead straight to the rows it needs.\n` +
      `The query:\n  ${plan.sql.trim().replace(/\s+/g, " ")}\nIts plan:\n${plan.outline}`,
  );
}
