import type { Answers } from "./types.ts";

export const answers: Answers = {
  // Each side must announce its starting sequence number (SYN) and hear it acknowledged (ACK).
  // The server folds its ACK and its own SYN into one segment, so four messages become three.
  handshake: [
    { from: "client", flags: ["SYN"] },
    { from: "server", flags: ["SYN", "ACK"] },
    { from: "client", flags: ["ACK"] },
  ],

  // Numbered bytes expose gaps and duplicates, ACKs report progress, timeouts trigger resends,
  // checksums catch damage. Encryption (TLS), framing and deadlines are somebody else's job.
  reliabilityMechanisms: ["sequence-numbers", "acknowledgements", "retransmission", "checksums"],

  tcpOrUdp: {
    "dns-lookup": "udp", // small question, small answer; large answers fall back to TCP
    "video-call-media": "udp", // late audio is useless; better to skip it than to wait
    "postgres-query": "tcp",
    "http3-request": "udp", // QUIC: reliability rebuilt on top of UDP
    "http1-page-load": "tcp",
    "ssh-session": "tcp",
    "game-position-updates": "udp", // the next update replaces a lost one anyway
  },

  messageBoundary: "application-must-define",

  twoWrites: "any-split-same-order",

  whyFraming:
    "TCP delivers one ordered stream of bytes, so a data event can hold half a message or several messages glued together. " +
    "The chat protocol must mark the end of each message itself, for example with a newline or a length prefix.",

  // On loopback the kernel answers at once; a firewall that silently drops SYNs would cause ETIMEDOUT instead.
  closedPort: { reply: "RST", nodeError: "ECONNREFUSED" },

  // New: SYN → SYN-ACK (1 round trip), then request → response (1 more). Reused: only the second.
  latency: { newConnectionMs: 160, reusedConnectionMs: 80 },

  deliveredTo: "postgres",
};
