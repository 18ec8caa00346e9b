import type { Answers } from "./types.ts";

export const answers: Answers = {
  urlParts: {
    // No port written: https means 443. The fragment is kept by the browser, not sent.
    shop: {
      scheme: "https",
      host: "shop.example.com",
      port: 443,
      path: "/cart/items",
      query: { id: "42", qty: "2" },
      fragment: "summary",
    },
    local: {
      scheme: "http",
      host: "localhost",
      port: 3000,
      path: "/api/v1/users",
      query: { sort: "name", dir: "desc" },
      fragment: "",
    },
    // Nothing after the host still means the path "/", and plain http means port 80.
    bare: {
      scheme: "http",
      host: "example.org",
      port: 80,
      path: "/",
      query: {},
      fragment: "",
    },
    // Scheme and host are case-insensitive and get lower-cased; the path keeps its case.
    shouty: {
      scheme: "https",
      host: "api.example.com",
      port: 8443,
      path: "/Search",
      query: { q: "tcp vs udp", page: "2" },
      fragment: "",
    },
    // "app:s3cret@" is user and password, not part of the host. The path names the database.
    database: {
      scheme: "postgres",
      host: "db.internal",
      port: 5432,
      path: "/shop",
      query: { sslmode: "require" },
      fragment: "",
    },
  },

  isUrl: {
    docs: true,
    book: false, // an ISBN names a book; it does not say where to get a copy
    requestId: false, // a UUID is a name and nothing more
    download: true,
    db: true, // it tells a client which host and port to connect to, and with which protocol
  },

  uriVsUrl: "every-url-is-a-uri",

  fragmentSentToServer: false,

  // Position decides the role: everything after the first blank line is body, even a line with a colon.
  annotateRequest: ["request-line", "header", "header", "header", "blank", "body", "body"],
  annotateResponse: ["status-line", "header", "header", "header", "blank", "body"],

  bodyEndsBy: "content-length",

  headerSentBy: {
    host: "client",
    "user-agent": "client",
    accept: "client",
    authorization: "client",
    cookie: "client",
    "set-cookie": "server",
    location: "server",
    "retry-after": "server",
    "content-type": "either", // describes whichever body it travels with
    "content-length": "either",
  },

  statusClass: {
    101: "informational",
    200: "success",
    204: "success",
    301: "redirection",
    304: "redirection", // "not modified" redirects the client to the copy it already has
    400: "client-error",
    404: "client-error",
    418: "client-error",
    429: "client-error",
    500: "server-error",
    502: "server-error", // the gateway's upstream failed: still the server side's fault
    503: "server-error",
  },

  jsonValid: {
    object: true,
    singleQuotes: false,
    bareKeys: false,
    trailingComma: false,
    topLevelString: true,
    withComment: false,
    undefinedValue: false,
  },

  pattern: {
    "dns-lookup": "request-response",
    "sql-query": "request-response",
    "graphql-query": "request-response",
    "grpc-unary-call": "request-response",
    "chat-message-pushed-over-websocket": "server-push",
    "price-ticker-over-sse": "server-push",
  },
};
