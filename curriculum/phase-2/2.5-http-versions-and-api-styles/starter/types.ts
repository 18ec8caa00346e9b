// The questions of task 2.5, as types. This file is read-only: answer in answers.ts.
// `null` always means "not answered yet"; the tests fail on it.

/** The three HTTP versions in use today. */
export type Version = "1.1" | "2" | "3";

export type Transport = "tcp" | "udp";

/**
 * Where head-of-line blocking can happen: one thing stuck at the front holds up what is behind it.
 *   "requests-on-a-connection"  a slow or large response holds up every later request on that connection
 *   "tcp-packets"               requests interleave freely, but one lost TCP packet stalls every stream until it is resent
 *   "per-stream-only"           a lost packet stalls only the stream whose data it carried
 *   "none"                      nothing can ever hold up anything else
 */
export type HolBlocking = "requests-on-a-connection" | "tcp-packets" | "per-stream-only" | "none";

/** API styles (and one way to build pages). */
export type Style = "rest" | "grpc" | "graphql" | "websocket" | "ssr" | "soap";

/** Something you might see while reading an API; each points at one style. */
export type Clue =
  | "proto-file-and-generated-stubs" // a .proto file, and client code generated from it with protoc
  | "one-endpoint-client-picks-fields" // POST /graphql with a query naming exactly the fields wanted
  | "urls-verbs-json-openapi" // /orders/42, GET/POST/PUT/DELETE, JSON bodies, an openapi.yaml
  | "xml-envelope-and-wsdl" // every call is an XML envelope; a WSDL document describes the service
  | "server-returns-finished-html"; // the server builds the full page, data already inside the HTML

/** Statements about gRPC; some are true, some are not. */
export type GrpcClaim =
  | "runs-on-http2" // gRPC calls travel as HTTP/2 streams
  | "protobuf-binary-by-default" // messages are encoded as compact binary Protocol Buffers
  | "stubs-generated-from-schema" // client and server code is generated from the .proto contract
  | "supports-streaming-both-ways" // a call can stream messages client→server, server→client, or both
  | "browser-fetch-can-call-directly" // a web page can call a gRPC service with plain fetch(), no proxy
  | "schema-is-optional" // you can call a method without any .proto definition
  | "json-bodies-readable-in-curl"; // responses are human-readable JSON you can read with curl

/** Products that need an API style. */
export type Scenario =
  | "service-to-service-streaming" // two of your backend services, same team, high volume, one streams results to the other
  | "public-partner-api" // hundreds of outside companies integrate with you using whatever language and HTTP tool they like
  | "mobile-screen-many-shapes" // a mobile app whose screens each need different fields from users, orders and reviews, over a slow link, in one round trip
  | "collaborative-whiteboard" // users draw together; every stroke goes to the server and to everyone else within milliseconds
  | "seo-marketing-pages" // marketing pages that search engines must index and that must show content on the first response
  | "legacy-bank-integration"; // a bank partner publishes a WSDL and requires XML envelopes

export interface Answers {
  /** The transport protocol each HTTP version runs on. */
  transport: Record<Version, Transport | null>;

  /** Where head-of-line blocking remains in each version (see HolBlocking). */
  holBlocking: Record<Version, HolBlocking | null>;

  /** Every version that can interleave many requests and responses on one connection at the same time. */
  multiplexed: Version[];

  /**
   * A client and a server are 40 ms apart (round-trip time); the server answers instantly. The
   * client has never talked to this server before (no resumption, no 0-RTT). How many milliseconds
   * after the client starts does the first byte of the response arrive...
   */
  firstByteMs: {
    /** ...with HTTPS over HTTP/2: a TCP handshake, then a TLS 1.3 handshake, then the request? */
    http2Tls13: number | null;
    /** ...with HTTP/3, where QUIC sets up transport and encryption in one combined handshake? */
    http3: number | null;
  };

  /**
   * The lab's setup, worked by hand: 100 requests sent at once, the server answers each after
   * exactly 20 ms, and everything else (network, parsing) costs nothing. What is the shortest
   * possible total time in milliseconds...
   */
  idealMs: {
    /** ...over one HTTP/1.1 keep-alive connection? */
    h1OneSocket: number | null;
    /** ...over six HTTP/1.1 keep-alive connections? */
    h1SixSockets: number | null;
    /** ...over one HTTP/2 connection that allows 100 concurrent streams? */
    h2OneSession: number | null;
  };

  /** What `npx tsx lab.ts` printed on your machine for six HTTP/1.1 sockets and one HTTP/2 session. */
  labObservation: { h1Ms: number | null; h2Ms: number | null };

  /** The style each clue points to. */
  styleClues: Record<Clue, Style | null>;

  /** Every true statement about gRPC (order does not matter). Leave the false ones out. */
  grpcTrue: GrpcClaim[];

  /** The best fit for each scenario. */
  pickStyle: Record<Scenario, Style | null>;

  /**
   * At most two sentences (300 characters): HTTP/2 already runs many streams on one connection.
   * What goes wrong for it when a packet is lost, and how does HTTP/3 avoid that?
   */
  whyHttp3: string;
}
