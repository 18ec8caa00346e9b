// A tiny in-memory model of a single-table key-value store (DynamoDB's Query, nothing more):
// items live in partitions by pk, sorted by sk, and a Query reads one partition, optionally
// keeping only sort keys that begin with a prefix.
import type { AccessPattern, Entity, KeyTemplate, QueryTemplate } from "./types.ts";

type Fields = Record<string, string>;

export interface Row {
  label: string; // how the tests name the item in messages, e.g. "order 9"
  entity: Entity;
  fields: Fields;
}

/** Fixture data. Customer ids and order ids overlap on purpose ("17"), as separate sequences do. */
export const ROWS: Row[] = [
  { label: "customer 42", entity: "customer", fields: { customerId: "42" } },
  { label: "customer 17", entity: "customer", fields: { customerId: "17" } },
  // Order ids do not follow time order: sorting by id is not sorting by age.
  { label: "order 17", entity: "order", fields: { customerId: "42", orderId: "17", createdAt: "2024-03-01T08:00:00Z" } },
  { label: "order 101", entity: "order", fields: { customerId: "42", orderId: "101", createdAt: "2024-05-02T10:15:00Z" } },
  { label: "order 9", entity: "order", fields: { customerId: "42", orderId: "9", createdAt: "2024-05-20T18:40:00Z" } },
  { label: "order 103", entity: "order", fields: { customerId: "17", orderId: "103", createdAt: "2024-04-11T12:00:00Z" } },
  { label: "line 17/001", entity: "orderLine", fields: { orderId: "17", lineNo: "001" } },
  { label: "line 17/002", entity: "orderLine", fields: { orderId: "17", lineNo: "002" } },
  { label: "line 101/001", entity: "orderLine", fields: { orderId: "101", lineNo: "001" } },
  { label: "line 9/001", entity: "orderLine", fields: { orderId: "9", lineNo: "001" } },
  { label: "line 9/002", entity: "orderLine", fields: { orderId: "9", lineNo: "002" } },
  { label: "line 9/003", entity: "orderLine", fields: { orderId: "9", lineNo: "003" } },
  { label: "line 103/001", entity: "orderLine", fields: { orderId: "103", lineNo: "001" } },
];

export const ENTITY_FIELDS: Record<Entity, string[]> = {
  customer: ["customerId"],
  order: ["customerId", "orderId", "createdAt"],
  orderLine: ["orderId", "lineNo"],
};

export const QUERY_FIELDS: Record<AccessPattern, string[]> = {
  customerProfile: ["customerId"],
  ordersOfCustomerNewestFirst: ["customerId"],
  linesOfOrder: ["orderId"],
};

/** Placeholders in a template that are not among `allowed`. */
export function unknownPlaceholders(template: KeyTemplate, allowed: readonly string[]): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "").filter((name) => !allowed.includes(name));
}

export function placeholders(template: KeyTemplate): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
}

export function fill(template: KeyTemplate, fields: Fields): string {
  return template.replace(/\{([^}]*)\}/g, (_, name: string) => fields[name] ?? `{${name}}`);
}

export interface Stored {
  label: string;
  pk: string;
  sk: string;
}

export function store(keys: Record<Entity, { pk: KeyTemplate; sk: KeyTemplate }>): Stored[] {
  return ROWS.map((row) => ({ label: row.label, pk: fill(keys[row.entity].pk, row.fields), sk: fill(keys[row.entity].sk, row.fields) }));
}

/** Pairs of items whose pk and sk are both equal: the second write would overwrite the first. */
export function collisions(items: readonly Stored[]): string[] {
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const item of items) {
    const at = JSON.stringify([item.pk, item.sk]);
    const other = seen.get(at);
    if (other !== undefined) found.push(`${other} and ${item.label} (pk "${item.pk}", sk "${item.sk}")`);
    else seen.set(at, item.label);
  }
  return found;
}

/** Runs one Query; returns the labels of the matching items in the order the table reads them. */
export function query(items: readonly Stored[], q: QueryTemplate, params: Fields, descending: boolean): string[] {
  const pk = fill(q.pk, params);
  const prefix = fill(q.skBeginsWith, params);
  const hits = items
    .filter((item) => item.pk === pk && item.sk.startsWith(prefix))
    .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  if (descending) hits.reverse();
  return hits.map((item) => item.label);
}
