// Your answers for 0.1. Replace every "TODO" and fill the empty lists and strings.
// The types in types.ts list the allowed choices; your editor will suggest them.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // Draw the lesson's picture as arrows, one [from, to] pair per arrow.
  // Only draw who sends requests to whom; replies need no arrow.
  // Example of the format (not an answer): ["queue", "cache"]
  diagram: [],

  // For each job, pick "database", "cache" or "queue".
  primitiveFor: {
    "send a welcome e-mail after someone signs up": "TODO",
    "keep every order a customer has placed, for the tax office, for seven years": "TODO",
    "show the same top-10 bestsellers list on every home-page view, recomputed once a minute": "TODO",
    "record that a user changed their password": "TODO",
    "make three thumbnail sizes of a photo the user just uploaded": "TODO",
    "remember the answer of a slow currency-rate service for 60 seconds": "TODO",
    "tell the warehouse system that an order was placed": "TODO",
    "save the delivery address a customer typed into their profile": "TODO",
  },

  // For each part of the restaurant, pick the role it plays:
  // "client", "api", "service", "database", "cache" or "queue". Each role is used once.
  restaurant: {
    "the customer at the table": "TODO",
    "the waiter who takes the order": "TODO",
    "the cooks in the kitchen": "TODO",
    "the walk-in fridge": "TODO",
    "the rail of order tickets the cooks work through": "TODO",
    "the tray of onions chopped before service starts": "TODO",
  },

  // List only the claims that are real reasons (see DirectDbClaim in types.ts).
  whyNotDirectDbAccess: [],

  // One or two sentences each, in your own words (60 words at most).
  explain: {
    backend: "",
    api: "",
    database: "",
    cache: "",
    queue: "",
    stateless: "",
  },
};
