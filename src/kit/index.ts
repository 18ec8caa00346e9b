/** `ts-dojo/kit`: the types exercises are written against. */
export type { IsolationLevel, Queryable, Running, StartOptions, TxCapable } from "./types.js";
