import type { Answers } from "./types.ts";

// Known-bad: believes TCP keeps each write() as a separate message at the other end.

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

  messageBoundary: "tcp-provides",

  twoWrites: "two-chunks",

  whyFraming: "It can: TCP keeps every write() separate, so each data event is exactly one chat message and nothing needs adding.",

  closedPort: { reply: "RST", nodeError: "ECONNREFUSED" },

  latency: { newConnectionMs: 160, reusedConnectionMs: 80 },

  deliveredTo: "postgres",
};
