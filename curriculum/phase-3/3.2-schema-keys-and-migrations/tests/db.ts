// The one test database of this task. Every test file imports it from here, so when verify
// bundles the files into one module they share a single database (one PGlite start instead of
// three); run one file alone and it gets its own. Either way the harness drops and recreates
// schema public before every test, so no test sees another's tables or rows.
import { useDatabase } from "ts-dojo/harness";

export const db = useDatabase();
