// Reference answers for 3.1.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  pickStore: {
    // Big immutable blobs: keep the bytes in object storage and only the key in the database.
    "user profile photos, up to 10 MB each, shown on every profile page": "object-storage",
    // Short-lived, looked up by one key, fine to lose: an in-memory store with a TTL.
    "shopping-cart contents for anonymous visitors, dropped after 30 minutes of inactivity": "key-value",
    // Multi-row atomic writes and constraints are the whole point of a ledger.
    "a ledger of payments in which every debit must be matched by a credit": "key-value", // wrong: "it is just balances by account id"
    // Documents fit naturally; Postgres with a JSONB column is just as defensible.
    "a product catalogue where a TV, a T-shirt and a book each have different attributes": "document",
    // Huge append-only write rate, read by partition (sensor) and a range of the sort key (time).
    "temperature readings from 200,000 sensors at 50,000 writes per second, read back per sensor and time range": "wide-column",
    // About 0.02 orders per second. One Postgres server is more than enough.
    "customers, orders and invoices of a web shop taking 2,000 orders a day": "relational",
    // A database inside the app's process, with no server and no network.
    "a note-taking app's notes on the user's phone, usable offline": "embedded",
    // Written once, read by a spreadsheet; a CSV file is the right tool.
    "a nightly export of the day's sales handed to the accounting firm's spreadsheet": "flat-file",
    // Atomic increments with expiry, thousands per second, rebuilt if lost.
    "request counters per API key per minute, for rate limiting": "key-value",
    // Large files written once and read rarely: cheap, durable object storage with a lifecycle rule.
    "compressed nightly database dumps of 40 GB, kept for 30 days": "object-storage",
    // ~23,000 writes a second in several regions, read by partition (user) in time order.
    "an activity feed with 2 billion events a day across three regions, read per user newest first": "wide-column",
    // Related entities, modest size: Postgres is fine, and will be for years.
    "a new SaaS product's users, teams, projects and tasks, with 5,000 users in its first year": "relational",
  },

  dbmsOverFiles: [
    "Many requests can read and write at the same time safely, thanks to locks and transactions, instead of overwriting each other's files.",
    "Indexes and a query planner answer questions like orders over 100 euros without opening every file.",
    "It enforces access control: users, roles and permissions per table, not whoever can read the folder.",
    "It has backups and point-in-time recovery, and a crash never leaves a half-written order behind.",
    "Data can grow far beyond memory and one folder, and constraints reject bad rows before they are stored.",
  ],

  s3IsADatabase: {
    answer: false,
    why:
      "S3 is a key-value store for blobs: you put and get whole objects by key, with no transactions, indexes, joins or constraints across objects. " +
      "S3 Select only filters inside one object at a time, so the database that knows which keys exist must live elsewhere.",
  },

  singleTable: {
    keys: {
      // The profile and the orders share the customer's partition, so one Query can reach either.
      customer: { pk: "CUSTOMER#{customerId}", sk: "PROFILE" },
      // ISO timestamps sort as text, so a descending read is newest first; the id keeps keys unique.
      order: { pk: "CUSTOMER#{customerId}", sk: "ORDER#{createdAt}#{orderId}" },
      // Lines get their own partition per order; the type prefix keeps ids of different kinds apart.
      orderLine: { pk: "ORDER#{orderId}", sk: "LINE#{lineNo}" },
    },
    queries: {
      customerProfile: { pk: "CUSTOMER#{customerId}", skBeginsWith: "PROFILE" },
      ordersOfCustomerNewestFirst: { pk: "CUSTOMER#{customerId}", skBeginsWith: "ORDER#" },
      linesOfOrder: { pk: "ORDER#{orderId}", skBeginsWith: "LINE#" },
    },
  },

  trueOrFalse: {
    "an SQL query describes the rows you want, and the database decides how to find them": true,
    "SQLite needs a database server running next to the app": false, // it is a library in your process
    "Core Data on iOS is itself a database engine, competing with SQLite": false, // it usually stores into SQLite
    "DynamoDB can join two tables in one query, like SQL": false,
    "a relational database can store JSON documents in a column and index fields inside them": true, // JSONB + GIN
    "storing 10 MB images in a Postgres bytea column is impossible": false, // possible (up to 1 GB), just a bad idea
  },
};
