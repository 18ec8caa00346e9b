/**
 * The note resource of this task. Read-only: the tests seed the server with these shapes.
 */

/** A note as the API shows it; its JSON text is the representation the ETag is computed from. */
export interface Note {
  /** Chosen by whoever creates the note; the last part of /notes/:id. */
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

/** What `ts-dojo run` serves when no notes are given, so curl has something to fetch. */
export const DEMO_NOTES: readonly Note[] = [
  { id: "n1", title: "milk", body: "two litres" },
  { id: "n2", title: "bread", body: "" },
];
