import type { Answers } from "./types.ts";

// Fill in every answer. `null`, an empty list or an empty string means "not answered yet".
// types.ts describes each question; README.md (the lesson) has everything you need.

export const answers: Answers = {
  // The three segments of the handshake, in order, e.g. { from: "client", flags: ["..."] }.
  handshake: [],

  // The mechanisms from the `Mechanism` list that TCP really uses. Leave the impostors out.
  reliabilityMechanisms: [],

  // "tcp" or "udp" for each use case.
  tcpOrUdp: {
    "dns-lookup": null,
    "video-call-media": null,
    "postgres-query": null,
    "http3-request": null,
    "http1-page-load": null,
    "ssh-session": null,
    "game-position-updates": null,
  },

  // Who decides where one message ends: TCP, or the protocol you build on top of it?
  messageBoundary: null,

  // What can the server see after write("hello") and write("world")?
  twoWrites: null,

  // One or two sentences, in your own words.
  whyFraming: "",

  // What comes back from a port nobody listens on, and how Node reports it.
  closedPort: { reply: null, nodeError: null },

  // Milliseconds, with a round-trip time of 80 ms.
  latency: { newConnectionMs: null, reusedConnectionMs: null },

  // Which program receives a SYN addressed to port 5432?
  deliveredTo: null,
};
