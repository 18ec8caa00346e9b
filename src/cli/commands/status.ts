/** ts-dojo status (the default command): where you are and what to do next. */
import type { Parsed } from "../command.js";
import { contextFor } from "../context.js";
import type { IO } from "../io.js";
import { renderStatus } from "../render/status.js";

export const options = { all: { type: "boolean", short: "a" } } as const;

export async function run(args: Parsed, io: IO): Promise<number> {
  const ctx = await contextFor(io);
  io.out(renderStatus(ctx.curriculum, ctx.progress, io.now(), io.color, Boolean(args.values.all)));
  return 0;
}
