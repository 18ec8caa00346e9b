import type { Answers } from "./types.ts";

// Known-bad: forgets that opening a connection costs a round trip before the request can go out.

export const answers: Answers = {
  handshake: [
    { from: "client", flags: ["SYN"] },
    { from: "server", flags: ["SYN", "ACK"] },
    { from: "client", flags: ["ACK"] },
  ],

  reliabilityMechanisms: ["sequence-numbers", "acknowledgements", "retransmission", "checksums"],

  tcpOrUdp: {
    "dns-lookup": "udp",
    "video-call-media": "udp",
    "postgres-query": "tcp",
    "http3-request": "udp",
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

  latency: { newConnectionMs: 80, reusedConnectionMs: 80 },

  deliveredTo: "postgres",
};
