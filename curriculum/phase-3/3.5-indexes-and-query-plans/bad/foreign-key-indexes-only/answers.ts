import type { Answers } from "./types.ts";

export const answers: Answers = {
  whichIndexServes: {
    recentMessages: "messages_room_id_idx",
    messagesByAuthorSince: "messages_author_id_idx",
    usernamePrefix: "users_username_pattern_idx",
  },
};
