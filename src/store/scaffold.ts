/**
 * The files of a new workspace. Kept apart from init so their content is easy to review and
 * to test; the exercise folders themselves are copied from the curriculum.
 */
import { EXERCISE_COMPILER_OPTIONS } from "../runner/overlay.js";

export function workspacePackageJson(name: string, dojoRoot: string): string {
  const pkg = {
    name:
      name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "my-dojo",
    private: true,
    type: "module",
    scripts: { status: "ts-dojo status", verify: "ts-dojo verify", watch: "ts-dojo watch" },
    devDependencies: { "ts-dojo": `file:${dojoRoot}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function workspaceTsconfig(): string {
  const tsconfig = { compilerOptions: EXERCISE_COMPILER_OPTIONS, include: ["exercises/**/*.ts"] };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

export const gitignore = `node_modules/
.ts-dojo/state.json
.ts-dojo/config-cache.json
.ts-dojo/*.lock
`;

export const composeYaml = `# Services for the phases that need them: \`docker compose up -d postgres\` (phase 3),
# \`redis\` (phase 4 on), \`nats\` (phase 5 on). \`ts-dojo doctor\` shows which are reachable.
# Without Docker, install them natively; the ports below are what the dojo expects.
services:
  postgres:
    image: postgres:16-alpine
    environment:
      POSTGRES_HOST_AUTH_METHOD: trust
      POSTGRES_DB: dojo
    ports: ["127.0.0.1:5432:5432"]
  redis:
    image: redis:7-alpine
    command: ["redis-server", "--save", "", "--appendonly", "no"]
    ports: ["127.0.0.1:6379:6379"]
  nats:
    image: nats:2-alpine
    command: ["-js"]
    ports: ["127.0.0.1:4222:4222"]
`;

export function workspaceReadme(courseTitle: string): string {
  return `# My ${courseTitle} workspace

This folder is a git repository holding your exercises and your progress.

- \`npx ts-dojo\` — where you are and what to do next
- \`npx ts-dojo show\` — the current lesson (also \`exercises/phase-N/<task>/README.md\`)
- \`npx ts-dojo verify\` — check your work; every attempt is committed here
- \`npx ts-dojo watch\` — re-check on every save
- \`npx ts-dojo hint\` — the next hint, when stuck

Your history is plain git: \`git log --oneline\` lists every attempt, and
\`git log --format='%h %s%n%(trailers:key=Dojo-Result)'\` reads the results back.
Progress is computed from \`.ts-dojo/attempts/\`; never edit those files.
`;
}
