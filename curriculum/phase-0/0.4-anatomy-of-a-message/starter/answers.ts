import type { Answers } from "./types.ts";

// Fill in every answer by hand: reading a URL or an HTTP message at a glance is the skill.
// `null` or an empty list means "not answered yet". types.ts holds the material and describes
// each question; README.md (the lesson) has everything you need.

export const answers: Answers = {
  // Replace each null with { scheme, host, port, path, query, fragment } for that URL in URLS.
  // Example, for "http://example.com:8080/a?x=1#top":
  //   { scheme: "http", host: "example.com", port: 8080, path: "/a", query: { x: "1" }, fragment: "top" }
  urlParts: {
    shop: null,
    local: null,
    bare: null,
    shouty: null,
    database: null,
  },

  // true = a URL (it says where the thing is and how to fetch it); false = only a name.
  isUrl: {
    docs: null,
    book: null,
    requestId: null,
    download: null,
    db: null,
  },

  // "every-url-is-a-uri", "every-uri-is-a-url" or "same-thing".
  uriVsUrl: null,

  // true or false.
  fragmentSentToServer: null,

  // One LineRole per line of REQUEST_LINES, e.g. ["request-line", "header", ...].
  annotateRequest: [],

  // One LineRole per line of RESPONSE_LINES.
  annotateResponse: [],

  // What tells the server where the request body stops?
  bodyEndsBy: null,

  // "client", "server" or "either" for each header.
  headerSentBy: {
    host: null,
    "user-agent": null,
    accept: null,
    authorization: null,
    cookie: null,
    "set-cookie": null,
    location: null,
    "retry-after": null,
    "content-type": null,
    "content-length": null,
  },

  // "informational", "success", "redirection", "client-error" or "server-error".
  statusClass: {
    101: null,
    200: null,
    204: null,
    301: null,
    304: null,
    400: null,
    404: null,
    418: null,
    429: null,
    500: null,
    502: null,
    503: null,
  },

  // true if the snippet is valid JSON exactly as written.
  jsonValid: {
    object: null,
    singleQuotes: null,
    bareKeys: null,
    trailingComma: null,
    topLevelString: null,
    withComment: null,
    undefinedValue: null,
  },

  // "request-response" or "server-push".
  pattern: {
    "dns-lookup": null,
    "sql-query": null,
    "graphql-query": null,
    "grpc-unary-call": null,
    "chat-message-pushed-over-websocket": null,
    "price-ticker-over-sse": null,
  },
};
