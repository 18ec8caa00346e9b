// The repository the cache wraps, in memory: it counts calls, and a test can hold one call until
// it says so (to order a read and a write exactly) or make one fail. Ids are n-1, n-2, … in
// creation order, as a database sequence would hand them out.
import type { NewNote, Note, NotesApi } from "./src/notes-api.ts";

type Method = "get" | "create" | "update" | "remove";

/** A call held at the door: `reached` settles when it arrives, `release()` lets it through. */
export interface Gate {
  readonly reached: Promise<void>;
  release(): void;
}

export class FakeNotes implements NotesApi {
  /** How many times each method was called. */
  readonly calls: Record<Method, number> = { get: 0, create: 0, update: 0, remove: 0 };
  private readonly notes = new Map<string, Note>();
  private readonly gates = new Map<Method, { arrive(): void; passed: Promise<void> }>();
  private readonly failures = new Map<Method, Error>();
  private lastId = 0;
  private tick = 0;

  /** Write a note straight into storage, as another service would, bypassing any cache. */
  seed(title: string, body = ""): Note {
    const at = this.stamp();
    const note: Note = { id: `n-${++this.lastId}`, title, body, createdAt: at, updatedAt: at };
    this.notes.set(note.id, note);
    return note;
  }

  /** The stored note (not counted as a call). */
  peek(id: string): Note | undefined {
    return this.notes.get(id);
  }

  /** Hold the next call of `method` until release(). A held get() answers what was stored when it was called. */
  hold(method: Method): Gate {
    let arrive!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (arrive = resolve));
    const passed = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(method, { arrive, passed });
    return { reached, release };
  }

  /** Make the next call of `method` reject with `error`, having changed nothing. */
  failNext(method: Method, error: Error): void {
    this.failures.set(method, error);
  }

  async get(id: string): Promise<Note | null> {
    this.calls.get++;
    const answer = this.notes.get(id) ?? null;
    await this.door("get");
    return answer;
  }

  async create(input: NewNote): Promise<Note> {
    this.calls.create++;
    await this.door("create");
    const at = this.stamp();
    const note: Note = { id: `n-${++this.lastId}`, title: input.title, body: input.body ?? "", createdAt: at, updatedAt: at };
    this.notes.set(note.id, note);
    return note;
  }

  async update(id: string, input: NewNote): Promise<Note | null> {
    this.calls.update++;
    await this.door("update");
    const old = this.notes.get(id);
    if (old === undefined) return null;
    const note: Note = { ...old, title: input.title, body: input.body ?? "", updatedAt: this.stamp() };
    this.notes.set(id, note);
    return note;
  }

  async remove(id: string): Promise<boolean> {
    this.calls.remove++;
    await this.door("remove");
    return this.notes.delete(id);
  }

  /** Where a held call waits and a failing call fails, before it touches storage. */
  private async door(method: Method): Promise<void> {
    const gate = this.gates.get(method);
    if (gate !== undefined) {
      this.gates.delete(method);
      gate.arrive();
      await gate.passed;
    }
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private stamp(): string {
    return new Date(Date.UTC(2024, 4, 1, 10, 0, this.tick++)).toISOString();
  }
}
