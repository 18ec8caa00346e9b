import type { Answers } from "./types.ts";

export const answers: Answers = {
  whichIndexServes: {
    recentMessages: "messages_room_created_idx",
    messagesByAuthorSince: "messages_author_created_idx",
    // Not users_username_key: that index follows the column's collation, which LIKE cannot use.
    usernamePrefix: "users_username_idx",
  },
};
