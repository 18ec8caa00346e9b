// Known-bad answers for 0.1: believes a stateless server keeps each user's session in its memory.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // The client only ever talks to the server; the server is the one that uses every store.
  diagram: [
    ["client", "server"],
    ["server", "database"],
    ["server", "cache"],
    ["server", "queue"],
  ],

  primitiveFor: {
    // Slow, retryable, and the user need not wait for it: a worker does it later.
    "send a welcome e-mail after someone signs up": "queue",
    "keep every order a customer has placed, for the tax office, for seven years": "database",
    // Same answer for everyone, changes once a minute: compute once, serve the copy.
    "show the same top-10 bestsellers list on every home-page view, recomputed once a minute": "cache",
    "record that a user changed their password": "database",
    "make three thumbnail sizes of a photo the user just uploaded": "queue",
    "remember the answer of a slow currency-rate service for 60 seconds": "cache",
    // The queue holds the message while the warehouse is busy or briefly down.
    "tell the warehouse system that an order was placed": "queue",
    "save the delivery address a customer typed into their profile": "database",
  },

  restaurant: {
    "the customer at the table": "client",
    "the waiter who takes the order": "api",
    "the cooks in the kitchen": "service",
    "the walk-in fridge": "database",
    "the rail of order tickets the cooks work through": "queue",
    "the tray of onions chopped before service starts": "cache",
  },

  // Not "speed": the API is one more hop, so by itself it adds a little time.
  whyNotDirectDbAccess: ["security", "scaling", "flexibility", "rules"],

  explain: {
    backend:
      "A backend is the program on machines you run that answers requests from apps and browsers. " +
      "It keeps the data that must outlive any one visit and does the work a user's device should not be trusted with.",
    api:
      "An API is the agreed set of operations a server offers, such as POST /orders. " +
      "Clients call it instead of touching the data directly, so the server decides what is allowed.",
    database:
      "A database stores the data that must survive restarts and crashes, such as users and orders. " +
      "It is the source of truth that every other copy comes from.",
    cache:
      "A cache keeps a copy of data, or the result of slow work, in fast memory so the next read is quick. " +
      "It may expire or be lost at any time and can be rebuilt from the source of truth.",
    queue:
      "A queue holds messages describing work to be done later, so the user does not wait for it. " +
      "Workers take the messages off the queue at their own pace.",
    // Mistake: "stateless" read as "remembers the user", the opposite of what it means.
    stateless:
      "A stateless server keeps each user's session in memory between requests. " +
      "It remembers the previous requests of each user so it can answer quickly.",
  },
};
