import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answers } from "./answers.ts";
import { collisions, ENTITY_FIELDS, placeholders, QUERY_FIELDS, query, store, unknownPlaceholders } from "./single-table.ts";
import type { AccessPattern, Entity } from "./types.ts";

const { keys, queries } = answers.singleTable;
const ENTITIES = Object.keys(ENTITY_FIELDS) as Entity[];
const PATTERNS = Object.keys(QUERY_FIELDS) as AccessPattern[];

describe("single-table design", () => {
  test("fills in every key and query template", () => {
    const todo = [
      ...ENTITIES.flatMap((e) => [keys[e].pk, keys[e].sk].filter((t) => t.includes("TODO")).map(() => `keys.${e}`)),
      ...PATTERNS.flatMap((p) => [queries[p].pk, queries[p].skBeginsWith].filter((t) => t.includes("TODO")).map(() => `queries.${p}`)),
    ];
    assert.deepEqual([...new Set(todo)], [], "singleTable: these templates still say TODO");
  });

  test("key templates use only fields their entity has, and query templates only their parameters", () => {
    const problems: string[] = [];
    for (const e of ENTITIES) {
      for (const t of [keys[e].pk, keys[e].sk]) {
        for (const name of unknownPlaceholders(t, ENTITY_FIELDS[e])) problems.push(`keys.${e} uses {${name}}, which a ${e} does not have`);
      }
    }
    for (const p of PATTERNS) {
      for (const t of [queries[p].pk, queries[p].skBeginsWith]) {
        for (const name of unknownPlaceholders(t, QUERY_FIELDS[p]))
          problems.push(`queries.${p} uses {${name}}, which is not known when it runs`);
      }
    }
    assert.deepEqual(problems, [], "singleTable: templates may only use the placeholders listed in answers.ts");
  });

  test("every partition key contains an id, so the data spreads over many partitions", () => {
    const flat = ENTITIES.filter((e) => placeholders(keys[e].pk).length === 0);
    assert.deepEqual(
      flat,
      [],
      "these entities put every item in one partition; a pk needs an id in it, or one hot partition takes all the traffic",
    );
  });

  test("no two items get the same pk and sk", () => {
    assert.deepEqual(
      collisions(store(keys)),
      [],
      "singleTable: these items would overwrite each other; add the id that tells them apart to the sort key",
    );
  });

  test("customerProfile returns exactly that customer's profile", () => {
    const items = store(keys);
    for (const id of ["42", "17"]) {
      assert.deepEqual(
        query(items, queries.customerProfile, { customerId: id }, false),
        [`customer ${id}`],
        `customerProfile for customer ${id} must return only the customer item (customer and order ids overlap: both have a "17")`,
      );
    }
  });

  test("ordersOfCustomerNewestFirst returns only that customer's orders, newest first", () => {
    const items = store(keys);
    assert.deepEqual(
      query(items, queries.ordersOfCustomerNewestFirst, { customerId: "42" }, true),
      ["order 9", "order 101", "order 17"],
      "customer 42 has orders 9 (20 May), 101 (2 May) and 17 (1 March); the Query must return exactly these, newest first. Put the orders in the customer's partition and start their sort key with something that sorts by time.",
    );
    assert.deepEqual(
      query(items, queries.ordersOfCustomerNewestFirst, { customerId: "17" }, true),
      ["order 103"],
      "customer 17 has one order, 103, and the Query must return only it",
    );
  });

  test("linesOfOrder returns every line of that order and nothing else", () => {
    const items = store(keys);
    const cases: Array<[string, string[]]> = [
      ["9", ["line 9/001", "line 9/002", "line 9/003"]],
      ["17", ["line 17/001", "line 17/002"]],
    ];
    for (const [orderId, lines] of cases) {
      assert.deepEqual(
        query(items, queries.linesOfOrder, { orderId }, false).sort(),
        lines,
        `linesOfOrder for order ${orderId} must return exactly ${lines.join(", ")} (customer 17 and order 17 share an id)`,
      );
    }
  });
});
