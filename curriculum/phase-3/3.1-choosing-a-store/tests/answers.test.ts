import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answers } from "./answers.ts";
import { assertClassified, countSentences, distinctIdeasCovered, type Idea, mentions, unanswered, wordCount } from "./grade.ts";
import type { Claim, StoreKind, Workload } from "./types.ts";

// The accepted kinds per workload. Where two answers are defensible, both are listed.
const ACCEPTED: Record<Workload, readonly StoreKind[]> = {
  "user profile photos, up to 10 MB each, shown on every profile page": ["object-storage"],
  "shopping-cart contents for anonymous visitors, dropped after 30 minutes of inactivity": ["key-value"],
  "a ledger of payments in which every debit must be matched by a credit": ["relational"],
  // Two defensible answers: documents fit the varying attributes naturally, and Postgres with a
  // JSONB column for the attributes (typed columns for price, stock, SKU) is just as good.
  "a product catalogue where a TV, a T-shirt and a book each have different attributes": ["document", "relational"],
  "temperature readings from 200,000 sensors at 50,000 writes per second, read back per sensor and time range": ["wide-column"],
  "customers, orders and invoices of a web shop taking 2,000 orders a day": ["relational"],
  "a note-taking app's notes on the user's phone, usable offline": ["embedded"],
  "a nightly export of the day's sales handed to the accounting firm's spreadsheet": ["flat-file"],
  "request counters per API key per minute, for rate limiting": ["key-value"],
  "compressed nightly database dumps of 40 GB, kept for 30 days": ["object-storage"],
  "an activity feed with 2 billion events a day across three regions, read per user newest first": ["wide-column"],
  "a new SaaS product's users, teams, projects and tasks, with 5,000 users in its first year": ["relational"],
};
const WORKLOADS = Object.keys(ACCEPTED) as Workload[];

describe("pickStore", () => {
  test("answers every workload", () => {
    const todo = unanswered(answers.pickStore, WORKLOADS);
    assert.deepEqual(todo, [], `pickStore: not answered yet: ${todo.join("; ")}`);
  });

  test("keeps the payments ledger in a relational database", () => {
    assert.equal(
      answers.pickStore["a ledger of payments in which every debit must be matched by a credit"],
      "relational",
      "A ledger needs a debit and its credit to commit together or not at all, plus constraints that refuse bad rows; that is a relational database's job, not a key-value store's.",
    );
  });

  test("sends large binary files to object storage", () => {
    for (const w of [
      "user profile photos, up to 10 MB each, shown on every profile page",
      "compressed nightly database dumps of 40 GB, kept for 30 days",
    ] as const) {
      assert.equal(
        answers.pickStore[w],
        "object-storage",
        `"${w}": big blobs belong in object storage, with only their key and metadata in a database`,
      );
    }
  });

  test("says Postgres is fine where an ordinary relational database is plenty", () => {
    for (const w of [
      "customers, orders and invoices of a web shop taking 2,000 orders a day",
      "a new SaaS product's users, teams, projects and tasks, with 5,000 users in its first year",
    ] as const) {
      assert.equal(
        answers.pickStore[w],
        "relational",
        `"${w}": related entities at this size (far below one write per second) fit one Postgres server; a distributed or schemaless store only adds cost`,
      );
    }
  });

  test("picks a fitting store for all twelve workloads", () => {
    const wrong = WORKLOADS.filter((w) => !ACCEPTED[w].includes(answers.pickStore[w] as StoreKind)).length;
    assert.equal(
      wrong,
      0,
      `pickStore: ${wrong} of ${WORKLOADS.length} answers are wrong. For each, ask how big one item is, how it is read (by key, by range, by ad-hoc query), what must never go wrong, and how fast writes arrive.`,
    );
  });
});

// Reasons a DBMS beats a folder of files. Each entry of dbmsOverFiles is credited with one idea.
const CONCURRENCY: Idea = {
  idea: "safe concurrent access (many readers and writers at once, locking, no lost updates)",
  patterns: [
    /concurren|same time|simultaneous|parallel|at once|\block|overwrit|race|isolat|lost update|(many|several|multiple) (users|requests|writers|clients|processes|servers|instances)/,
  ],
};
const REASONS: Idea[] = [
  CONCURRENCY,
  {
    idea: "fast queries (indexes, a query planner, SQL instead of reading every file)",
    patterns: [
      /index|query|quer(y|ies)|fast|quick|speed|perform|planner|search|filter|\bsql\b|without (opening|reading|scanning|loading)|efficien|join/,
    ],
  },
  {
    idea: "security (access control, users, roles, permissions)",
    patterns: [/secur|access control|permission|privilege|\broles?\b|grant|authori[sz]|authenticat|encrypt|who can/],
  },
  {
    idea: "backups and recovery after a crash",
    patterns: [
      /back ?-?ups?|back up|restor|recover|point[- ]in[- ]time|replica|crash|durab|write-ahead|\bwal\b|power (loss|failure|cut)|disk fail/,
    ],
  },
  {
    idea: "size (data far larger than memory or one folder, still handled efficiently)",
    patterns: [/\bsize|large|big|grow|scal|terabyte|gigabyte|\b[gt]b\b|memory|\bram\b|millions|billions|storage limit|limited storage/],
  },
  {
    idea: "integrity (constraints, transactions, no half-written data)",
    patterns: [
      /constraint|integrity|validat|foreign key|unique|not null|\bcheck\b|atomic|transaction|all or nothing|consisten|half[- ]written|partial|corrupt/,
    ],
  },
];

describe("dbmsOverFiles", () => {
  const entries = answers.dbmsOverFiles.filter((e) => e.trim() !== "");

  test("gives four to six reasons, each short", () => {
    assert.ok(entries.length >= 4, `dbmsOverFiles: give at least four reasons, one per entry (found ${entries.length})`);
    assert.ok(entries.length <= 6, `dbmsOverFiles: give at most six reasons (found ${entries.length})`);
    for (const [i, e] of entries.entries()) {
      const words = wordCount(e);
      assert.ok(words <= 25, `dbmsOverFiles[${i}] has ${words} words; keep each reason to 25 words at most`);
      assert.ok(words >= 3, `dbmsOverFiles[${i}] has only ${words} words; write the reason as a short sentence`);
    }
  });

  test("every entry names a real advantage of a DBMS", () => {
    const vague = entries.filter((e) => !REASONS.some((idea) => mentions(e, idea)));
    assert.deepEqual(
      vague,
      [],
      "dbmsOverFiles: these entries name no concrete advantage (concurrency, query speed, security, backups, size, integrity)",
    );
  });

  test("names safe concurrent access, the reason files fail first", () => {
    assert.ok(
      entries.some((e) => mentions(e, CONCURRENCY)),
      `dbmsOverFiles must include: ${CONCURRENCY.idea}. Two requests editing the same JSON file at once lose one of the edits.`,
    );
  });

  test("gives at least four different reasons, not one reason four ways", () => {
    const covered = distinctIdeasCovered(entries, REASONS);
    const missing = REASONS.filter((idea) => !covered.includes(idea)).map((idea) => idea.idea);
    assert.ok(
      covered.length >= 4,
      `dbmsOverFiles covers only ${covered.length} different reasons; give at least four. Not yet covered: ${missing.join("; ")}`,
    );
  });
});

describe("s3IsADatabase", () => {
  test("answers that S3 is not a database", () => {
    assert.notEqual(answers.s3IsADatabase.answer, "TODO", "s3IsADatabase.answer is not answered yet");
    assert.equal(
      answers.s3IsADatabase.answer,
      false,
      "S3 is not a database: S3 Select filters the contents of one object, which does not add transactions, indexes or queries across objects",
    );
  });

  test("explains why in at most two sentences, naming key-value storage and the missing database features", () => {
    const why = answers.s3IsADatabase.why.trim();
    assert.ok(why !== "", "s3IsADatabase.why is not written yet");
    const words = wordCount(why);
    assert.ok(words <= 60, `s3IsADatabase.why has ${words} words; use at most 60`);
    assert.ok(words >= 8, `s3IsADatabase.why has only ${words} words; write a sentence or two`);
    const sentences = countSentences(why);
    assert.ok(sentences <= 2, `s3IsADatabase.why has ${sentences} sentences; use at most two`);
    const ideas: Idea[] = [
      {
        idea: "S3 is a key-value store: whole objects (blobs, files) put and fetched by key",
        patterns: [
          /key[- ]value|by (its |their |a |the )?(key|name)|blob|object stor|whole (object|file)s?|\bkeys?\b.{0,30}\b(objects?|files?|bytes)/,
        ],
      },
      {
        idea: "it lacks what a database gives: transactions, indexes, joins, constraints or queries across objects",
        patterns: [
          /transaction|\bindex|\bjoin|constraint|across (many |several |multiple |all )?(the )?objects|more than one object|many objects|relationship|atomic|schema|foreign key|acid|concurren|locking/,
        ],
      },
    ];
    const missing = ideas.filter((idea) => !mentions(why, idea)).map((idea) => idea.idea);
    assert.deepEqual(missing, [], `s3IsADatabase.why does not get across: ${missing.join("; ")}`);
  });
});

test("sorts true claims about SQL, SQLite, Core Data, DynamoDB and Postgres from false ones", () => {
  const key: Record<Claim, boolean> = {
    "an SQL query describes the rows you want, and the database decides how to find them": true,
    "SQLite needs a database server running next to the app": false,
    "Core Data on iOS is itself a database engine, competing with SQLite": false,
    "DynamoDB can join two tables in one query, like SQL": false,
    "a relational database can store JSON documents in a column and index fields inside them": true,
    "storing 10 MB images in a Postgres bytea column is impossible": false,
  };
  assertClassified(
    answers.trueOrFalse,
    key,
    "trueOrFalse",
    "SQL is declarative; SQLite is a library inside your process and Core Data usually stores into it; DynamoDB has no joins; Postgres has JSONB, and bytea holds up to 1 GB (possible, just unwise).",
  );
});
