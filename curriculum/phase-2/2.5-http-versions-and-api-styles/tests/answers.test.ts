import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answers } from "./answers.ts";
import type { Clue, GrpcClaim, HolBlocking, Scenario, Style, Version } from "./types.ts";

/** Fails with a clear message while a question still holds its placeholder. */
function answered<T>(value: T | null, question: string): T {
  assert.notEqual(value, null, `${question} is not answered yet (it is still null)`);
  return value as T;
}

describe("what each HTTP version runs on", () => {
  test("HTTP/1.1 and HTTP/2 run on TCP", () => {
    for (const version of ["1.1", "2"] as const) {
      assert.equal(
        answered(answers.transport[version], `transport["${version}"]`),
        "tcp",
        `HTTP/${version} needs a reliable, ordered byte stream, so it runs on TCP`,
      );
    }
  });

  test("HTTP/3 runs on UDP", () => {
    assert.equal(
      answered(answers.transport["3"], 'transport["3"]'),
      "udp",
      "HTTP/3 runs on QUIC, and QUIC is built on UDP: it does its own ordering and resending per stream",
    );
  });
});

describe("head-of-line blocking", () => {
  function expectHol(version: Version, expected: HolBlocking, why: string): void {
    const got = answered(answers.holBlocking[version], `holBlocking["${version}"]`);
    assert.equal(got, expected, `HTTP/${version}: expected "${expected}" (got "${got}"): ${why}`);
  }

  test("HTTP/1.1 blocks later requests behind a slow response on the same connection", () => {
    expectHol(
      "1.1",
      "requests-on-a-connection",
      "a connection carries one response at a time, in order, so a slow response holds up every request queued behind it",
    );
  });

  test("HTTP/2 still blocks every stream when a TCP packet is lost", () => {
    expectHol(
      "2",
      "tcp-packets",
      "streams no longer wait for each other's responses, but TCP hands bytes over strictly in order, " +
        "so one lost packet stalls every stream until it is resent",
    );
  });

  test("HTTP/3 blocks only the stream whose packet was lost", () => {
    expectHol(
      "3",
      "per-stream-only",
      "QUIC keeps order within each stream, so a loss delays that stream alone; it does not make blocking disappear inside the stream",
    );
  });

  test("only HTTP/2 and HTTP/3 interleave many requests on one connection", () => {
    const got = [...new Set(answers.multiplexed)].sort();
    assert.ok(got.length > 0, "multiplexed is not answered yet (the list is empty)");
    assert.deepEqual(
      got,
      ["2", "3"],
      "HTTP/2 and HTTP/3 interleave frames of many streams; HTTP/1.1 answers one request at a time per connection " +
        "(pipelining queues requests but the responses still come back one after another)",
    );
  });
});

describe("round trips on a new connection (40 ms round-trip time)", () => {
  test("HTTPS over HTTP/2 needs three round trips: TCP, TLS 1.3, then the request", () => {
    assert.equal(
      answered(answers.firstByteMs.http2Tls13, "firstByteMs.http2Tls13"),
      120,
      "40 ms for the TCP handshake, 40 ms for the TLS 1.3 handshake, 40 ms for the request and its response",
    );
  });

  test("HTTP/3 needs two: one combined QUIC handshake, then the request", () => {
    assert.equal(
      answered(answers.firstByteMs.http3, "firstByteMs.http3"),
      80,
      "QUIC sets up the connection and TLS 1.3 in one round trip (40 ms), then the request takes one more (40 ms)",
    );
  });
});

describe("the lab, worked by hand", () => {
  test("one HTTP/1.1 socket answers the 100 requests one after another: 2000 ms", () => {
    assert.equal(
      answered(answers.idealMs.h1OneSocket, "idealMs.h1OneSocket"),
      2000,
      "a keep-alive connection carries one request at a time: 100 × 20 ms = 2000 ms",
    );
  });

  test("six HTTP/1.1 sockets need 17 rounds: 340 ms", () => {
    const got = answered(answers.idealMs.h1SixSockets, "idealMs.h1SixSockets");
    assert.notEqual(
      Math.round(got),
      333,
      "100 / 6 is 16.7, but there are no part rounds: after 16 rounds (96 requests) four are left and need a 17th round",
    );
    assert.equal(got, 340, "100 requests over 6 sockets take ceil(100 / 6) = 17 rounds of 20 ms = 340 ms");
  });

  test("one HTTP/2 session runs all 100 requests at once: 20 ms", () => {
    assert.equal(
      answered(answers.idealMs.h2OneSession, "idealMs.h2OneSession"),
      20,
      "with 100 streams in flight together, every request waits the same 20 ms at the same time",
    );
  });

  test("the lab observation holds numbers from a real run", () => {
    const h1 = answered(answers.labObservation.h1Ms, "labObservation.h1Ms");
    const h2 = answered(answers.labObservation.h2Ms, "labObservation.h2Ms");
    for (const [name, ms] of [
      ["h1Ms", h1],
      ["h2Ms", h2],
    ] as const) {
      assert.ok(
        Number.isFinite(ms) && ms > 0 && ms < 60_000,
        `labObservation.${name} should be a time in milliseconds between 0 and 60000 (got ${ms})`,
      );
    }
    assert.ok(
      h1 >= 300,
      `labObservation.h1Ms is ${h1}, but six sockets need 17 rounds of at least 20 ms each; run lab.ts and copy the number it prints`,
    );
    assert.ok(h2 >= 15, `labObservation.h2Ms is ${h2}, but every request waits at least 20 ms; run lab.ts and copy the number it prints`);
  });

  test("the lab observation shows HTTP/2 no slower than HTTP/1.1", () => {
    const h1 = answered(answers.labObservation.h1Ms, "labObservation.h1Ms");
    const h2 = answered(answers.labObservation.h2Ms, "labObservation.h2Ms");
    assert.ok(
      h2 <= 2 * h1,
      `labObservation says HTTP/2 took ${h2} ms and HTTP/1.1 ${h1} ms; one multiplexed session should be far faster ` +
        "than six sockets here. Did you swap the two numbers?",
    );
  });
});

describe("API styles", () => {
  test("each clue points to its style", () => {
    const expected: Record<Clue, [Style, string]> = {
      "proto-file-and-generated-stubs": ["grpc", "a .proto contract compiled by protoc into client and server code is gRPC"],
      "one-endpoint-client-picks-fields": ["graphql", "one endpoint where the client's query names the fields it wants is GraphQL"],
      "urls-verbs-json-openapi": ["rest", "resources at URLs, HTTP verbs, JSON and an OpenAPI document is REST"],
      "xml-envelope-and-wsdl": ["soap", "XML envelopes described by a WSDL document are SOAP"],
      "server-returns-finished-html": ["ssr", "finished HTML built on the server is server-side rendering, not a separate API"],
    };
    for (const [clue, [style, why]] of Object.entries(expected)) {
      const got = answered(answers.styleClues[clue as Clue], `styleClues["${clue}"]`);
      assert.equal(got, style, `styleClues["${clue}"]: ${why}`);
    }
  });

  const chosen = new Set<GrpcClaim>(answers.grpcTrue);

  test("names every true statement about gRPC", () => {
    assert.ok(chosen.size > 0, "grpcTrue is not answered yet (the list is empty)");
    const real: GrpcClaim[] = [
      "runs-on-http2",
      "protobuf-binary-by-default",
      "stubs-generated-from-schema",
      "supports-streaming-both-ways",
    ];
    const missing = real.filter((c) => !chosen.has(c));
    assert.deepEqual(missing, [], `these statements about gRPC are true but missing: ${missing.join(", ")}`);
  });

  test("leaves out the false statements about gRPC", () => {
    assert.ok(chosen.size > 0, "grpcTrue is not answered yet (the list is empty)");
    const why: Partial<Record<GrpcClaim, string>> = {
      "browser-fetch-can-call-directly":
        "browsers cannot control HTTP/2 framing and trailers from fetch(), so web pages use gRPC-Web through a proxy",
      "schema-is-optional": "the binary messages cannot even be decoded without the .proto definition",
      "json-bodies-readable-in-curl": "messages are binary protobuf; you need grpcurl or generated code to read them",
    };
    for (const [claim, reason] of Object.entries(why)) {
      assert.ok(!chosen.has(claim as GrpcClaim), `"${claim}" is not true of gRPC: ${reason}`);
    }
  });

  const picks: [Scenario, Style, string][] = [
    [
      "service-to-service-streaming",
      "grpc",
      "one team owns both ends, so generated stubs cost little, and HTTP/2 streams carry the results",
    ],
    ["public-partner-api", "rest", "outsiders call it from any language, curl or a browser, and an OpenAPI document describes it"],
    ["mobile-screen-many-shapes", "graphql", "each screen asks for exactly its fields from several resources in one round trip"],
    ["collaborative-whiteboard", "websocket", "both sides send at any moment, so the connection must carry messages both ways"],
    ["seo-marketing-pages", "ssr", "crawlers and first paint need finished HTML in the very first response"],
    ["legacy-bank-integration", "soap", "the partner's WSDL and XML envelopes are the contract; you speak what they publish"],
  ];
  for (const [scenario, style, why] of picks) {
    test(`picks ${style} for ${scenario}`, () => {
      const got = answered(answers.pickStyle[scenario], `pickStyle["${scenario}"]`);
      assert.equal(got, style, `pickStyle["${scenario}"] should be "${style}" (got "${got}"): ${why}`);
    });
  }
});

describe("why HTTP/3", () => {
  test("the explanation names the lost packet, the shared stall and QUIC's per-stream fix, in at most two sentences", () => {
    const text = answers.whyHttp3.trim();
    assert.ok(text.length > 0, "whyHttp3 is not answered yet (it is empty)");
    assert.ok(text.length <= 300, `keep whyHttp3 short: at most 300 characters (it has ${text.length})`);
    const sentences = text
      .replace(/\b(e\.g|i\.e|etc)\./gi, "$1")
      .replace(/HTTP\/\d(\.\d)?/gi, "HTTP")
      .split(/[.!?]+(?:\s+|$)/)
      .filter((s) => s.trim().length > 0);
    assert.ok(sentences.length <= 2, `whyHttp3 should be at most two sentences (found ${sentences.length})`);
    assert.match(
      text,
      /\blos[st]|\bdrop|missing|retransmi|resen[dt]/i,
      "whyHttp3 should name the trigger: a lost (dropped) packet that TCP must resend",
    );
    assert.match(
      text,
      /\b(all|every|other|each|the rest of the)\b[^.;]{0,25}\b(streams?|requests?|responses?)|whole connection|entire connection|head.of.line|\bhol\b|everything/i,
      "whyHttp3 should say that in HTTP/2 the loss holds up all streams on the connection, not just one",
    );
    assert.match(text, /quic|udp/i, "whyHttp3 should say what HTTP/3 runs on: QUIC over UDP");
    assert.match(
      text,
      /per.stream|independen|separate|its own|(only|just)\b[^.;]{0,25}\bstream|that stream|one stream|each stream|the affected stream|other streams (keep|continue|carry|go|are not|aren't)/i,
      "whyHttp3 should say how HTTP/3 avoids it: QUIC orders each stream on its own, so a loss holds up only that stream",
    );
  });
});
