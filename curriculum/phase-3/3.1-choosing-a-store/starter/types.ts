// The shape of your answers for 3.1. This file is read-only: edit answers.ts, not this.
// Every closed answer also accepts "TODO", which the tests report as "not answered yet".

/** A placeholder meaning "I have not answered this yet". */
export type Todo = "TODO";

/** The kinds of store this task compares. */
export type StoreKind =
  | "relational" // tables, SQL, constraints, transactions: PostgreSQL, MySQL
  | "document" // self-contained JSON-like documents, fetched by id: MongoDB, Couchbase
  | "key-value" // one value per key, usually in memory, often with a time-to-live: Redis, Memcached
  | "wide-column" // partitioned rows spread over many nodes, huge write rates: Cassandra, ScyllaDB, Bigtable
  | "object-storage" // large blobs addressed by key over HTTP: S3, Google Cloud Storage, MinIO
  | "embedded" // a database library inside the app's own process, no server: SQLite
  | "flat-file"; // a plain file such as CSV or JSON, with no engine at all

/** Workloads. For each: which kind of store should hold it? */
export type Workload =
  | "user profile photos, up to 10 MB each, shown on every profile page"
  | "shopping-cart contents for anonymous visitors, dropped after 30 minutes of inactivity"
  | "a ledger of payments in which every debit must be matched by a credit"
  | "a product catalogue where a TV, a T-shirt and a book each have different attributes"
  | "temperature readings from 200,000 sensors at 50,000 writes per second, read back per sensor and time range"
  | "customers, orders and invoices of a web shop taking 2,000 orders a day"
  | "a note-taking app's notes on the user's phone, usable offline"
  | "a nightly export of the day's sales handed to the accounting firm's spreadsheet"
  | "request counters per API key per minute, for rate limiting"
  | "compressed nightly database dumps of 40 GB, kept for 30 days"
  | "an activity feed with 2 billion events a day across three regions, read per user newest first"
  | "a new SaaS product's users, teams, projects and tasks, with 5,000 users in its first year";

/** Entities in the single-table exercise. */
export type Entity = "customer" | "order" | "orderLine";

/** Access patterns the single table must answer, each with one Query. */
export type AccessPattern = "customerProfile" | "ordersOfCustomerNewestFirst" | "linesOfOrder";

/**
 * A key template: literal text plus placeholders in braces, e.g. "USER#{userId}".
 * Allowed placeholders: {customerId}, {orderId}, {createdAt} (ISO 8601 text), {lineNo} (zero-padded, "001").
 * An entity's template may only use fields that entity has (see answers.ts).
 */
export type KeyTemplate = string;

/** One Query: an exact partition key, and a prefix the sort key must start with ("" matches all). */
export interface QueryTemplate {
  pk: KeyTemplate;
  skBeginsWith: KeyTemplate;
}

/** Claims. For each: true or false? */
export type Claim =
  | "an SQL query describes the rows you want, and the database decides how to find them"
  | "SQLite needs a database server running next to the app"
  | "Core Data on iOS is itself a database engine, competing with SQLite"
  | "DynamoDB can join two tables in one query, like SQL"
  | "a relational database can store JSON documents in a column and index fields inside them"
  | "storing 10 MB images in a Postgres bytea column is impossible";

export interface Answers {
  /** Which kind of store fits each workload best. */
  pickStore: Record<Workload, StoreKind | Todo>;
  /** Four to six reasons a DBMS beats a folder of files; one reason per entry, 25 words at most each. */
  dbmsOverFiles: string[];
  /** Is S3 a database? `why`: at most two sentences (60 words). */
  s3IsADatabase: { answer: boolean | Todo; why: string };
  /** Single-table design: a key template per entity and one Query per access pattern. */
  singleTable: {
    keys: Record<Entity, { pk: KeyTemplate; sk: KeyTemplate }>;
    queries: Record<AccessPattern, QueryTemplate>;
  };
  trueOrFalse: Record<Claim, boolean | Todo>;
}
