/**
 * The real export behind POST /exports when no test replaces it: read every note a page at a
 * time, reporting progress, and hand back the result. Read-only.
 *
 * A production service would upload the file to object storage and return a signed URL (task
 * 3.6); to stay self-contained this one returns a data: URL holding the JSON.
 */
import type { JobHandler } from "./job-runner.ts";
import type { Note, NoteStore } from "./notes.ts";

export function exportNotes(store: NoteStore, pageSize = 100): JobHandler {
  return async (_input, report) => {
    const total = (await store.list()).length;
    const notes: Note[] = [];
    for (;;) {
      const last = notes.at(-1);
      const page = await store.list({ ...(last ? { after: last } : {}), limit: pageSize });
      notes.push(...page);
      report(total === 0 ? 1 : Math.min(1, notes.length / total));
      if (page.length < pageSize) break;
    }
    const json = JSON.stringify({ notes });
    return { resultUrl: `data:application/json;base64,${Buffer.from(json).toString("base64")}` };
  };
}
