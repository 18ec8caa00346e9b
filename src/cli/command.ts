/** The shape every command file exports: its flags as data, and one run function. */
import type { ParseArgsConfig } from "node:util";
import type { IO } from "./io.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | undefined>;
}

export interface Command {
  readonly options: Options;
  /** Returns the process exit code: 0 passed, 1 failed, 2 usage/content, 3 could not run. */
  run(args: Parsed, io: IO): Promise<number>;
}
