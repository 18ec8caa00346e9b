// The questions of task 0.3, as types. This file is read-only: answer in answers.ts.
// `null` always means "not answered yet"; the tests fail on it.

/** Which end of the connection sent a segment. */
export type Party = "client" | "server";

/** TCP control flags. A segment can carry several at once. */
export type Flag = "SYN" | "ACK" | "FIN" | "RST";

/** One TCP segment of the opening exchange: who sent it and which flags it carries. */
export interface Segment {
  from: Party;
  flags: Flag[];
}

/** Candidate reliability mechanisms. Some are real TCP mechanisms, some are not. */
export type Mechanism =
  | "sequence-numbers" // every byte gets a number, so gaps, duplicates and disorder are visible
  | "acknowledgements" // the receiver reports how far it has received
  | "retransmission" // the sender resends data that was not acknowledged in time
  | "checksums" // each segment carries a checksum; damaged segments are dropped
  | "encryption" // the bytes are unreadable to anyone on the path
  | "message-boundaries" // each write() arrives as one separate piece at the other end
  | "delivery-deadline" // data arrives within a guaranteed time or not at all
  | "send-everything-twice"; // every segment is sent twice in case one copy is lost

/** Things programs do over a network. */
export type UseCase =
  | "dns-lookup" // a resolver asks "what is the address of example.com?"
  | "video-call-media" // the audio and video of a live call
  | "postgres-query" // an app sends SQL to its database
  | "http3-request" // a browser fetches a page over HTTP/3
  | "http1-page-load" // a browser fetches a page over HTTP/1.1
  | "ssh-session" // an engineer types commands on a remote shell
  | "game-position-updates"; // 30 position updates a second in a multiplayer game

export type Transport = "tcp" | "udp";

export interface Answers {
  /** The three segments that open a TCP connection, in the order they are sent. */
  handshake: Segment[];

  /** Every mechanism TCP really uses to deliver bytes intact and in order (order of the list does not matter). */
  reliabilityMechanisms: Mechanism[];

  /** The transport each use case normally runs on. */
  tcpOrUdp: Record<UseCase, Transport | null>;

  /** Does TCP mark where one application message ends and the next begins? */
  messageBoundary: "tcp-provides" | "application-must-define" | null;

  /**
   * A client calls socket.write("hello") and then socket.write("world") on one connection.
   * What may the server's "data" events contain?
   *   "two-chunks"           always exactly "hello", then "world"
   *   "one-chunk"            always exactly "helloworld"
   *   "any-split-same-order" any split of "helloworld", e.g. "hel" + "loworld", bytes in order
   *   "any-split-any-order"  any split, and the pieces may arrive in any order
   */
  twoWrites: "two-chunks" | "one-chunk" | "any-split-same-order" | "any-split-any-order" | null;

  /**
   * At most two sentences: a chat server reads from a TCP socket. Why can't it treat each
   * "data" event as one chat message, and what must the chat protocol add?
   */
  whyFraming: string;

  /**
   * A client on your laptop connects to 127.0.0.1 on a port where no program listens.
   * What does the client's SYN get back, and which error code does Node report?
   */
  closedPort: {
    reply: "SYN-ACK" | "RST" | "nothing" | null;
    nodeError: "ECONNREFUSED" | "ETIMEDOUT" | "ECONNRESET" | null;
  };

  /**
   * A client and a server are 80 ms apart (round-trip time). The server answers instantly and
   * every message fits in one packet. Plain HTTP, no TLS. How many milliseconds after the client
   * starts does the first byte of the response arrive...
   */
  latency: {
    /** ...when the client must open a new TCP connection first? */
    newConnectionMs: number | null;
    /** ...when it reuses a connection that is already open? */
    reusedConnectionMs: number | null;
  };

  /**
   * One server, IP address 203.0.113.5, runs nginx listening on port 443 and Postgres listening
   * on port 5432. A SYN arrives for 203.0.113.5:5432. Which program's listening socket gets it?
   */
  deliveredTo: "nginx" | "postgres" | "both" | "whichever-started-first" | null;
}
