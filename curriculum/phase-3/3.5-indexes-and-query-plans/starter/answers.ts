import type { Answers } from "./types.ts";

export const answers: Answers = {
  whichIndexServes: {
    // The index that serves recentMessages (run EXPLAIN on your query to check).
    recentMessages: "",
    // The index that serves messagesByAuthorSince.
    messagesByAuthorSince: "",
    // The index that serves usernamePrefix. Hint: the UNIQUE constraint's index is not it.
    usernamePrefix: "",
  },
};
