// Your answers for 3.1. Replace every "TODO", fill every empty list and string.
// The types in types.ts list the allowed choices; your editor will suggest them.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // Which StoreKind fits each workload best? Ask: how big is each item, how is it read,
  // what must never go wrong, and how fast do writes arrive?
  pickStore: {
    "user profile photos, up to 10 MB each, shown on every profile page": "TODO",
    "shopping-cart contents for anonymous visitors, dropped after 30 minutes of inactivity": "TODO",
    "a ledger of payments in which every debit must be matched by a credit": "TODO",
    "a product catalogue where a TV, a T-shirt and a book each have different attributes": "TODO",
    "temperature readings from 200,000 sensors at 50,000 writes per second, read back per sensor and time range": "TODO",
    "customers, orders and invoices of a web shop taking 2,000 orders a day": "TODO",
    "a note-taking app's notes on the user's phone, usable offline": "TODO",
    "a nightly export of the day's sales handed to the accounting firm's spreadsheet": "TODO",
    "request counters per API key per minute, for rate limiting": "TODO",
    "compressed nightly database dumps of 40 GB, kept for 30 days": "TODO",
    "an activity feed with 2 billion events a day across three regions, read per user newest first": "TODO",
    "a new SaaS product's users, teams, projects and tasks, with 5,000 users in its first year": "TODO",
  },

  // A teammate wants to keep the shop's orders as one JSON file per order in a folder on the
  // app server. Give four to six different reasons a DBMS does this job better.
  // One reason per entry, 25 words at most each.
  dbmsOverFiles: [],

  // Is Amazon S3 a database? It does offer S3 Select, which runs SQL over a CSV or JSON object.
  // answer: true or false. why: at most two sentences (60 words).
  s3IsADatabase: { answer: "TODO", why: "" },

  // A shop keeps everything in ONE DynamoDB-style table. Every item has a partition key (pk) and
  // a sort key (sk); items with the same pk are stored together, sorted by sk. A Query names one
  // exact pk and may ask for sort keys that begin with a prefix. There are no joins and no scans.
  //
  // Fields each entity has (usable as placeholders in its templates):
  //   customer:  {customerId}
  //   order:     {customerId}, {orderId}, {createdAt}   (createdAt is ISO 8601, e.g. 2024-05-01T09:30:00Z)
  //   orderLine: {orderId}, {lineNo}                    (lineNo is zero-padded, e.g. 001)
  // Access patterns, each answered by ONE Query (query templates may use the fields in brackets):
  //   customerProfile              [customerId]  the customer item only
  //   ordersOfCustomerNewestFirst  [customerId]  that customer's orders only; the table reads the
  //                                              matches in DESCENDING sk order, which must be newest first
  //   linesOfOrder                 [orderId]     every line of that order, and nothing else
  // No two items may end up with the same pk and sk, or one would overwrite the other.
  singleTable: {
    keys: {
      customer: { pk: "TODO", sk: "TODO" },
      order: { pk: "TODO", sk: "TODO" },
      orderLine: { pk: "TODO", sk: "TODO" },
    },
    queries: {
      customerProfile: { pk: "TODO", skBeginsWith: "TODO" },
      ordersOfCustomerNewestFirst: { pk: "TODO", skBeginsWith: "TODO" },
      linesOfOrder: { pk: "TODO", skBeginsWith: "TODO" },
    },
  },

  // true or false?
  trueOrFalse: {
    "an SQL query describes the rows you want, and the database decides how to find them": "TODO",
    "SQLite needs a database server running next to the app": "TODO",
    "Core Data on iOS is itself a database engine, competing with SQLite": "TODO",
    "DynamoDB can join two tables in one query, like SQL": "TODO",
    "a relational database can store JSON documents in a column and index fields inside them": "TODO",
    "storing 10 MB images in a Postgres bytea column is impossible": "TODO",
  },
};
