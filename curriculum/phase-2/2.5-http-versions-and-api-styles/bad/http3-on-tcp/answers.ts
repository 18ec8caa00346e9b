import type { Answers } from "./types.ts";

// Known-bad: puts HTTP/3 on TCP like the versions before it.

export const answers: Answers = {
  // HTTP/1.1 and HTTP/2 need a reliable byte stream; HTTP/3 runs on QUIC, which is built on UDP.
  transport: { "1.1": "tcp", "2": "tcp", "3": "tcp" },

  // 1.1: a connection carries one response at a time, so a slow one holds up the queue behind it.
  // 2: streams interleave, but TCP hands bytes over strictly in order, so one lost packet stalls all.
  // 3: QUIC orders bytes per stream, so a loss stalls only the stream it belonged to.
  holBlocking: { "1.1": "requests-on-a-connection", "2": "tcp-packets", "3": "per-stream-only" },

  multiplexed: ["2", "3"],

  // HTTP/2: TCP handshake (40) + TLS 1.3 handshake (40) + request and response (40).
  // HTTP/3: one QUIC handshake that also sets up encryption (40) + request and response (40).
  firstByteMs: { http2Tls13: 120, http3: 80 },

  // One socket: 100 requests one after another. Six sockets: ceil(100 / 6) = 17 rounds of 20 ms.
  // HTTP/2: all 100 streams are in flight together, so they finish together.
  idealMs: { h1OneSocket: 2000, h1SixSockets: 340, h2OneSession: 20 },

  // One run of lab.ts on a two-core Linux machine; yours will differ a little.
  labObservation: { h1Ms: 392, h2Ms: 44 },

  styleClues: {
    "proto-file-and-generated-stubs": "grpc",
    "one-endpoint-client-picks-fields": "graphql",
    "urls-verbs-json-openapi": "rest",
    "xml-envelope-and-wsdl": "soap",
    "server-returns-finished-html": "ssr",
  },

  // Browsers cannot drive raw HTTP/2 frames and trailers from fetch(), so web pages need
  // gRPC-Web and a proxy; and without the .proto file nobody can decode the binary messages.
  grpcTrue: ["runs-on-http2", "protobuf-binary-by-default", "stubs-generated-from-schema", "supports-streaming-both-ways"],

  pickStyle: {
    "service-to-service-streaming": "grpc", // one team controls both ends, so generated stubs cost little
    "public-partner-api": "rest", // any language, curl and a browser can call it; OpenAPI documents it
    "mobile-screen-many-shapes": "graphql", // one round trip, only the fields the screen needs
    "collaborative-whiteboard": "websocket", // both sides send at any moment
    "seo-marketing-pages": "ssr", // the crawler gets finished HTML in the first response
    "legacy-bank-integration": "soap", // the partner's contract decides
  },

  whyHttp3:
    "HTTP/2 streams share one TCP byte stream, so when a packet is lost every stream waits until TCP has resent it. " +
    "HTTP/3 runs on QUIC over UDP, which orders data per stream, so a loss holds up only the stream it belonged to.",
};
