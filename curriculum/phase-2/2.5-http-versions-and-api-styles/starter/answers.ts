import type { Answers } from "./types.ts";

// Fill in every answer. `null`, an empty list or an empty string means "not answered yet".
// types.ts describes each question; README.md (the lesson) has everything you need.

export const answers: Answers = {
  // "tcp" or "udp" for each HTTP version.
  transport: { "1.1": null, "2": null, "3": null },

  // Where head-of-line blocking is left in each version: pick from the HolBlocking list.
  holBlocking: { "1.1": null, "2": null, "3": null },

  // The versions that interleave many requests on one connection at once, e.g. ["..."].
  multiplexed: [],

  // Milliseconds to the first response byte on a brand-new connection, round-trip time 40 ms.
  firstByteMs: { http2Tls13: null, http3: null },

  // Work these out by hand: 100 requests, 20 ms each, nothing else costs anything.
  idealMs: { h1OneSocket: null, h1SixSockets: null, h2OneSession: null },

  // Run `npx tsx lab.ts` and copy the two numbers it prints at the end.
  labObservation: { h1Ms: null, h2Ms: null },

  // The style each clue gives away.
  styleClues: {
    "proto-file-and-generated-stubs": null,
    "one-endpoint-client-picks-fields": null,
    "urls-verbs-json-openapi": null,
    "xml-envelope-and-wsdl": null,
    "server-returns-finished-html": null,
  },

  // Only the true statements about gRPC.
  grpcTrue: [],

  // One style for each product.
  pickStyle: {
    "service-to-service-streaming": null,
    "public-partner-api": null,
    "mobile-screen-many-shapes": null,
    "collaborative-whiteboard": null,
    "seo-marketing-pages": null,
    "legacy-bank-integration": null,
  },

  // One or two sentences, in your own words.
  whyHttp3: "",
};
