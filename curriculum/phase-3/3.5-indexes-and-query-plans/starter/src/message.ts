/** One row of `messages`, as the query functions return it. Read-only: the tests rely on it. */
export interface Message {
  /** messages.id. A bigint column; pg hands int8 over as a string, since it may not fit a JS number. */
  readonly id: string;
  /** messages.room_id */
  readonly roomId: number;
  /** messages.author_id */
  readonly authorId: number;
  readonly body: string;
  /** messages.created_at; pg turns timestamptz into a Date. */
  readonly createdAt: Date;
}
