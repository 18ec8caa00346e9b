// The notes every implementation starts with in the contract suite. A function, so each test
// gets its own copies and one test's deletes cannot reach the next.
import type { Note } from "./src/notes.ts";

export function fixtures(): Note[] {
  return [
    { id: "n-1", title: "buy milk", body: "two litres", createdAt: "2024-05-01T10:00:00.000Z", updatedAt: "2024-05-01T10:00:00.000Z" },
    { id: "n-2", title: "call Ada", body: "", createdAt: "2024-05-01T11:00:00.000Z", updatedAt: "2024-05-02T09:30:00.000Z" },
  ];
}

/** What a call ended with (an error or a value), for messages that say what came instead. */
export function describeOutcome(value: unknown): string {
  if (value instanceof Error) return `${value.constructor.name}: ${value.message}`;
  return `resolved with ${JSON.stringify(value)}`;
}
