// Read-only: the messages between the pool and a worker script. The dojo uses its own copy.
//
//   pool ──► worker   { id, input }                      one task at a time per worker
//   worker ──► pool   { id, output }                     the handler returned `output`
//                  or { id, error: { name, message } }   the handler threw
//
// Every task gets exactly one reply, carrying the same id. A worker that exits instead of
// replying has crashed. Inputs and outputs cross the thread boundary by structured clone:
// plain data, typed arrays and SharedArrayBuffers work; functions and class instances do not.

/** Sent by the pool: run the script's handler on `input`. `id` is unique within one pool. */
export interface TaskMessage<In> {
  id: number;
  input: In;
}

/** Sent back by the worker script when its handler returned. */
export interface OutputMessage<Out> {
  id: number;
  output: Out;
}

/** Sent back by the worker script when its handler threw; the error is flattened to plain data. */
export interface ErrorMessage {
  id: number;
  error: { name: string; message: string };
}

export type ReplyMessage<Out> = OutputMessage<Out> | ErrorMessage;
