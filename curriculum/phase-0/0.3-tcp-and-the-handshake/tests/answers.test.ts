import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answers } from "./answers.ts";
import type { Flag, Mechanism, Segment, UseCase } from "./types.ts";

/** Fails with a clear message while a question still holds its placeholder. */
function answered<T>(value: T | null, question: string): T {
  assert.notEqual(value, null, `${question} is not answered yet (it is still null)`);
  return value as T;
}

/** Flags are a set: ["ACK", "SYN"] and ["SYN", "ACK"] are the same segment. */
function sameFlags(segment: Segment | undefined, expected: Flag[]): boolean {
  if (segment === undefined) return false;
  const got = [...new Set(segment.flags)].sort();
  return got.length === segment.flags.length && got.join(",") === [...expected].sort().join(",");
}

function describeSegment(segment: Segment | undefined): string {
  return segment === undefined ? "nothing" : `${segment.from} [${segment.flags.join(", ")}]`;
}

describe("the three-way handshake", () => {
  test("has exactly three segments", () => {
    assert.equal(answers.handshake.length, 3, "a TCP connection opens with three segments: SYN, SYN-ACK, ACK");
  });

  test("starts with the client sending SYN and nothing else", () => {
    const first = answers.handshake[0];
    assert.ok(
      first?.from === "client" && sameFlags(first, ["SYN"]),
      `the first segment must be the client's SYN (got ${describeSegment(first)}); the side that connects speaks first`,
    );
  });

  test("continues with the server's SYN and ACK in one segment", () => {
    const second = answers.handshake[1];
    assert.ok(
      second?.from === "server" && sameFlags(second, ["SYN", "ACK"]),
      `the second segment must be the server sending SYN and ACK together (got ${describeSegment(second)}): ` +
        "it acknowledges the client's SYN and sends its own SYN at the same time",
    );
  });

  test("ends with the client acknowledging the server's SYN", () => {
    const third = answers.handshake[2];
    assert.ok(
      third?.from === "client" && sameFlags(third, ["ACK"]),
      `the third segment must be the client's ACK alone (got ${describeSegment(third)})`,
    );
  });
});

describe("what makes TCP reliable", () => {
  const chosen = new Set<Mechanism>(answers.reliabilityMechanisms);

  test("names all four real mechanisms", () => {
    const real: Mechanism[] = ["sequence-numbers", "acknowledgements", "retransmission", "checksums"];
    const missing = real.filter((m) => !chosen.has(m));
    assert.deepEqual(missing, [], `TCP relies on these too, but they are missing: ${missing.join(", ")}`);
  });

  test("leaves out the mechanisms TCP does not have", () => {
    assert.ok(chosen.size > 0, "reliabilityMechanisms is not answered yet (the list is empty)");
    const why: Partial<Record<Mechanism, string>> = {
      encryption: "encryption is TLS's job; plain TCP bytes can be read by anyone on the path",
      "message-boundaries": "TCP delivers a stream of bytes; it never marks where one write ended",
      "delivery-deadline": "TCP keeps retrying but promises no time limit; deadlines are your code's job",
      "send-everything-twice": "TCP resends only what was not acknowledged; it does not send every segment twice",
    };
    for (const [mechanism, reason] of Object.entries(why)) {
      assert.ok(!chosen.has(mechanism as Mechanism), `"${mechanism}" is not a TCP mechanism: ${reason}`);
    }
  });
});

describe("TCP or UDP", () => {
  function expectTransport(useCase: UseCase, expected: "tcp" | "udp", reason: string): void {
    const got = answered(answers.tcpOrUdp[useCase], `tcpOrUdp["${useCase}"]`);
    assert.equal(got, expected, `${useCase} runs on ${expected.toUpperCase()}: ${reason}`);
  }

  test("a database connection, an SSH session and an HTTP/1.1 page load use TCP", () => {
    const reason = "every byte must arrive, in order, or the conversation is broken";
    expectTransport("postgres-query", "tcp", reason);
    expectTransport("ssh-session", "tcp", reason);
    expectTransport("http1-page-load", "tcp", reason);
  });

  test("live call media and game position updates use UDP", () => {
    const reason = "a late packet is useless, so waiting for a retransmission would only add lag";
    expectTransport("video-call-media", "udp", reason);
    expectTransport("game-position-updates", "udp", reason);
  });

  test("an ordinary DNS lookup uses UDP", () => {
    expectTransport("dns-lookup", "udp", "one small question and one small answer; the client simply asks again if it hears nothing");
  });

  test("HTTP/3 runs on UDP", () => {
    expectTransport("http3-request", "udp", "HTTP/3 runs on QUIC, which builds its own reliability on top of UDP");
  });
});

/**
 * Finds a claim that TCP keeps each write() as one message, so nothing needs adding. A claim
 * preceded in the same clause by a negation ("TCP does not keep message boundaries") or by a
 * duty ("the application must keep the boundaries") is fine.
 */
function claimsTcpKeepsMessages(text: string): string | undefined {
  const claims =
    /(keeps?|preserves?|maintains?|respects?)\s+(?!track\b)(\S+\s+){0,2}?(write|boundar)|no framing (is )?(needed|required|necessary)|needs? no framing|framing is(n't| not) (needed|required|necessary)|nothing (needs|has|to) (to )?(be )?add/gi;
  const negatedOrDuty = /(\bnot|\bnever|\bno|n't|\bcannot|\bnor|\bwithout|\bmust|\bshould|\bhas to|\bhave to|\bneeds? to)\b[^,.;:]{0,20}$/i;
  for (const match of text.matchAll(claims)) {
    if (!negatedOrDuty.test(text.slice(0, match.index))) return match[0];
  }
  return undefined;
}

describe("a stream of bytes, not messages", () => {
  test("the application, not TCP, defines where a message ends", () => {
    assert.equal(
      answered(answers.messageBoundary, "messageBoundary"),
      "application-must-define",
      "TCP only carries bytes; the protocol on top (HTTP, Postgres, yours) must say where a message ends",
    );
  });

  test("two writes can arrive split or merged in any way, but in order", () => {
    assert.equal(
      answered(answers.twoWrites, "twoWrites"),
      "any-split-same-order",
      "the receiver can see one chunk, two chunks or more, cut anywhere; TCP only promises the bytes keep their order",
    );
  });

  test("the framing explanation names the stream problem and a framing rule, in at most two sentences", () => {
    const text = answers.whyFraming.trim();
    assert.ok(text.length > 0, "whyFraming is not answered yet (it is empty)");
    assert.ok(text.length <= 320, `keep whyFraming short: at most 320 characters (it has ${text.length})`);
    const sentences = text
      .replace(/\b(e\.g|i\.e|etc)\./gi, "$1")
      .split(/[.!?]+(?:\s+|$)/)
      .filter((s) => s.trim().length > 0);
    assert.ok(sentences.length <= 2, `whyFraming should be at most two sentences (found ${sentences.length})`);
    assert.match(
      text,
      /stream|split|merg|coalesc|chunk|piece|arbitrar|any size|bytes|part|half|partial|several|glued|together|boundar/i,
      "whyFraming should say why a data event is not a message: TCP hands over a stream of bytes, cut into chunks anywhere",
    );
    assert.match(
      text,
      /length|delimit|newline|new line|line break|\n|\\n|separator|prefix|terminat|fram|marker|\bend(s|ing)?\b|character|boundar|mark/i,
      "whyFraming should name what the protocol must add: a delimiter (such as a newline) or a length prefix",
    );
    const claim = claimsTcpKeepsMessages(text);
    assert.equal(
      claim,
      undefined,
      `whyFraming says "${claim}", but TCP does not keep write() boundaries: ` +
        "one data event can hold part of a message or several messages, so the protocol must add framing",
    );
  });
});

describe("addresses, ports and round trips", () => {
  test("a SYN to a port nobody listens on gets a RST, which Node reports as ECONNREFUSED", () => {
    const { reply, nodeError } = answers.closedPort;
    assert.equal(
      answered(reply, "closedPort.reply"),
      "RST",
      "the machine is up but no process owns the port, so its kernel answers at once with a reset (RST)",
    );
    assert.equal(answered(nodeError, "closedPort.nodeError"), "ECONNREFUSED", "Node turns that RST into ECONNREFUSED");
  });

  test("a new connection costs one extra round trip before the response: 160 ms", () => {
    assert.equal(
      answered(answers.latency.newConnectionMs, "latency.newConnectionMs"),
      160,
      "one round trip (80 ms) for SYN and SYN-ACK, then one for the request and its response: 160 ms",
    );
  });

  test("a reused connection needs only the request's own round trip: 80 ms", () => {
    assert.equal(
      answered(answers.latency.reusedConnectionMs, "latency.reusedConnectionMs"),
      80,
      "with the connection already open, the request goes out at once and the answer is back one round trip later",
    );
  });

  test("the destination port picks the program; the IP address only picks the machine", () => {
    assert.equal(
      answered(answers.deliveredTo, "deliveredTo"),
      "postgres",
      "the IP address brings the SYN to the machine; port 5432 selects the process listening on it, Postgres",
    );
  });
});
