// Your answers for 0.2. Replace every "TODO" and fill the empty lists and strings.
// The types in types.ts list the allowed choices; your editor will suggest them.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // All eight hops, each once, in the order they happen the first time a user clicks "buy".
  // Format (not the answer): ["data", "api", ...]
  traceBuy: [],

  // For each symptom, the hop that produced it:
  // "dns", "tcp", "tls", "http", "load-balancer", "api", "service" or "data".
  failureAt: {
    "getaddrinfo ENOTFOUND shop.example": "TODO",
    "connect ECONNREFUSED 203.0.113.10:443": "TODO",
    "certificate has expired": "TODO",
    "502 Bad Gateway, with an nginx error page": "TODO",
    "400 Bad Request: quantity must be a positive whole number": "TODO",
    "401 Unauthorized: missing or invalid session token": "TODO",
    "409 Conflict: only 2 left in stock, you asked for 3": "TODO",
    "ERROR: deadlock detected (from Postgres)": "TODO",
  },

  // The user clicks "buy" again 10 seconds later, in the same tab. The DNS answer had a
  // time-to-live of 300 seconds, and the connection is kept open for 75 seconds when idle.
  // List the hops that do NOT happen again this time. Order does not matter.
  secondClickSkips: [],

  // What each hop is responsible for, in one or two sentences of your own (60 words at most).
  responsibilities: {
    dns: "",
    tcp: "",
    tls: "",
    http: "",
    "load-balancer": "",
    api: "",
    service: "",
    data: "",
  },
};
