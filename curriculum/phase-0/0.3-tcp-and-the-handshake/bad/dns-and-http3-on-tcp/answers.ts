import type { Answers } from "./types.ts";

// Known-bad: assumes everything "important" runs on TCP, including DNS lookups and HTTP/3.

export const answers: Answers = {
  handshake: [
    { from: "client", flags: ["SYN"] },
    { from: "server", flags: ["SYN", "ACK"] },
    { from: "client", flags: ["ACK"] },
  ],

  reliabilityMechanisms: ["sequence-numbers", "acknowledgements", "retransmission", "checksums"],

  tcpOrUdp: {
    "dns-lookup": "tcp",
    "video-call-media": "udp",
    "postgres-query": "tcp",
    "http3-request": "tcp",
    "http1-page-load": "tcp",
    "ssh-session": "tcp",
    "game-position-updates": "udp",
  },

  messageBoundary: "application-must-define",

  twoWrites: "any-split-same-order",

  whyFraming:
    "TCP delivers one ordered stream of bytes, so a data event can hold half a message or several messages glued together. " +
    "The chat protocol must mark the end of each message itself, for example with a newline or a length prefix.",

  closedPort: { reply: "RST", nodeError: "ECONNREFUSED" },

  latency: { newConnectionMs: 160, reusedConnectionMs: 80 },

  deliveredTo: "postgres",
};
