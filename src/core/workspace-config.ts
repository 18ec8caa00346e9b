/** ts-dojo.yaml, the learner's settings at the workspace root. */
import { z } from "zod";

export const workspaceConfigSchema = z
  .object({
    scheduler: z
      .enum(["ladder", "fsrs"])
      .default("ladder")
      .describe("ladder: each task's own review intervals (3d 7d 21d 60d). fsrs: FSRS-6 spaced repetition."),
    retention: z
      .number()
      .min(0.7)
      .max(0.99)
      .default(0.9)
      .describe("fsrs only: the recall probability reviews aim for; higher means more reviews."),
    database_url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a postgres:// URL")
      .optional()
      .describe("A real PostgreSQL for phase 3 (else the built-in PGlite). The DATABASE_URL environment variable wins over it."),
    redis_url: z
      .string()
      .regex(/^rediss?:\/\//, "a redis:// URL")
      .optional()
      .describe("The Redis for phase 4 (default redis://127.0.0.1:6379). The REDIS_URL environment variable wins over it."),
  })
  .strict();

export type WorkspaceConfig = z.infer<typeof workspaceConfigSchema>;

export const DEFAULT_CONFIG_YAML = `# ts-dojo settings (schema: node_modules/ts-dojo/schema/workspace.schema.json)
# scheduler: ladder = each task's review intervals (3d 7d 21d 60d); fsrs = FSRS-6 spaced repetition
scheduler: ladder
# retention: for fsrs, the chance of remembering a task when its review comes due (0.7-0.99)
retention: 0.9
# database_url: a real PostgreSQL for phase 3's concurrency tests (default: the built-in PGlite),
# e.g. postgres://postgres@127.0.0.1:5432/postgres after \`docker compose up -d postgres\`
# redis_url: the Redis for phase 4 (default: redis://127.0.0.1:6379, as \`docker compose up -d redis\` starts it)
`;
