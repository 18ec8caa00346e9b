/** The answer types for answers.ts. Read-only. */

/** The three queries of src/message-queries.ts. */
export type QueryId = "recentMessages" | "messagesByAuthorSince" | "usernamePrefix";

export interface Answers {
  /**
   * For each query, the name of the index its plan uses, exactly as your migration (or the
   * schema) names it: the name EXPLAIN prints after "Index Scan using" or "Bitmap Index Scan on".
   */
  readonly whichIndexServes: Readonly<Record<QueryId, string>>;
}
