import type { Answers } from "./types.ts";

// Known-bad: marks any "Name: value" line as a header, even in the body after the blank line.

export const answers: Answers = {
  urlParts: {
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
    bare: {
      scheme: "http",
      host: "example.org",
      port: 80,
      path: "/",
      query: {},
      fragment: "",
    },
    shouty: {
      scheme: "https",
      host: "api.example.com",
      port: 8443,
      path: "/Search",
      query: { q: "tcp vs udp", page: "2" },
      fragment: "",
    },
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
    book: false,
    requestId: false,
    download: true,
    db: true,
  },

  uriVsUrl: "every-url-is-a-uri",

  fragmentSentToServer: false,

  annotateRequest: ["request-line", "header", "header", "header", "blank", "header", "header"],
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
    "content-type": "either",
    "content-length": "either",
  },

  statusClass: {
    101: "informational",
    200: "success",
    204: "success",
    301: "redirection",
    304: "redirection",
    400: "client-error",
    404: "client-error",
    418: "client-error",
    429: "client-error",
    500: "server-error",
    502: "server-error",
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
