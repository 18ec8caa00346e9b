// The questions of task 0.4: the material to look at, and the shape of each answer.
// This file is read-only: answer in answers.ts. `null` always means "not answered yet".

// ─── URLs ─────────────────────────────────────────────────────────────────────────────

/** Five URLs to take apart by hand. */
export const URLS = {
  shop: "https://shop.example.com/cart/items?id=42&qty=2#summary",
  local: "http://localhost:3000/api/v1/users?sort=name&dir=desc",
  bare: "http://example.org",
  shouty: "HTTPS://API.Example.COM:8443/Search?q=tcp%20vs%20udp&page=2",
  database: "postgres://app:s3cret@db.internal:5432/shop?sslmode=require",
} as const;

export type UrlId = keyof typeof URLS;

/** The parts of one URL, written the way a URL parser (such as `new URL()`) normalises them. */
export interface UrlParts {
  /** The scheme in lower case, without the ":" — e.g. "https". */
  scheme: string;
  /** The host name in lower case, without user name, password or port — e.g. "example.com". */
  host: string;
  /** The port the client will connect to. If the URL has none, the scheme's default port. */
  port: number;
  /** The path, starting with "/". An http or https URL with no path at all has the path "/". Case is kept. */
  path: string;
  /** Query parameters as name → value, decoded ("%20" becomes a space). {} when there are none. */
  query: Record<string, string>;
  /** The fragment without the "#", or "" when there is none. */
  fragment: string;
}

/** Identifiers to classify: does each one tell you where the thing is and how to get it? */
export const IDENTIFIERS = {
  docs: "https://nodejs.org/api/net.html",
  book: "urn:isbn:9780131103627",
  requestId: "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
  download: "ftp://ftp.example.org/pub/readme.txt",
  db: "postgres://db.internal:5432/shop",
} as const;

export type IdentifierId = keyof typeof IDENTIFIERS;

// ─── One HTTP/1.1 exchange ────────────────────────────────────────────────────────────
// On the wire, lines are separated by CRLF ("\r\n"); "" is an empty line. A body is exactly
// Content-Length bytes, so no CRLF follows its last line.

/** The request, line by line. */
export const REQUEST_LINES = [
  "POST /notes HTTP/1.1",
  "Host: api.example.com",
  "Content-Type: text/plain",
  "Content-Length: 44",
  "",
  "Reminder: book the room",
  "Who: the whole team",
] as const;

/** The response, line by line. */
export const RESPONSE_LINES = [
  "HTTP/1.1 201 Created",
  "Location: /notes/17",
  "Content-Type: application/json",
  "Content-Length: 63",
  "",
  '{"id":17,"text":"Reminder: book the room\\nWho: the whole team"}',
] as const;

/** The role of one line of an HTTP/1.1 message. */
export type LineRole = "request-line" | "status-line" | "header" | "blank" | "body";

// ─── Headers, status codes, JSON, patterns ────────────────────────────────────────────

/** Header names, lower-cased. */
export type HeaderName =
  | "host"
  | "user-agent"
  | "accept"
  | "authorization"
  | "cookie"
  | "set-cookie"
  | "location"
  | "retry-after"
  | "content-type"
  | "content-length";

/** Who sends a header: only clients (in requests), only servers (in responses), or either side. */
export type Sender = "client" | "server" | "either";

export type StatusCode = 101 | 200 | 204 | 301 | 304 | 400 | 404 | 418 | 429 | 500 | 502 | 503;

export type StatusClass = "informational" | "success" | "redirection" | "client-error" | "server-error";

/** Candidate JSON documents. Is each one valid JSON, exactly as written? */
export const JSON_SNIPPETS = {
  object: '{"id": 17, "done": false}',
  singleQuotes: "{'id': 17}",
  bareKeys: "{id: 17}",
  trailingComma: "[1, 2, 3,]",
  topLevelString: '"just a string"',
  withComment: '{"id": 17} // the note',
  undefinedValue: '{"id": 17, "tags": undefined}',
} as const;

export type JsonId = keyof typeof JSON_SNIPPETS;

/** Interactions to classify: does the client ask and get one answer, or does the server speak unasked? */
export type Interaction =
  | "dns-lookup" // a resolver asks for the address of a name
  | "sql-query" // an app sends SELECT to Postgres and reads the rows
  | "graphql-query" // a web app POSTs a GraphQL query
  | "grpc-unary-call" // one service calls GetUser on another over gRPC
  | "chat-message-pushed-over-websocket" // the server sends a new chat message to an open tab
  | "price-ticker-over-sse"; // the server streams price updates as server-sent events

export type Pattern = "request-response" | "server-push";

export interface Answers {
  /** The parts of each URL in URLS. */
  urlParts: Record<UrlId, UrlParts | null>;

  /** For each identifier in IDENTIFIERS: true if it is a URL (it locates), false if it only names. */
  isUrl: Record<IdentifierId, boolean | null>;

  /** How URLs and URIs relate. */
  uriVsUrl: "every-url-is-a-uri" | "every-uri-is-a-url" | "same-thing" | null;

  /** Does a browser send the fragment (the part after "#") to the server? */
  fragmentSentToServer: boolean | null;

  /** One role per line of REQUEST_LINES, in the same order. */
  annotateRequest: LineRole[];

  /** One role per line of RESPONSE_LINES, in the same order. */
  annotateResponse: LineRole[];

  /** How does the server know that the request body is exactly those two lines and nothing more? */
  bodyEndsBy: "content-length" | "blank-line" | "connection-close" | "end-of-text" | null;

  /** Who sends each header. */
  headerSentBy: Record<HeaderName, Sender | null>;

  /** The class of each status code. */
  statusClass: Record<StatusCode, StatusClass | null>;

  /** For each snippet in JSON_SNIPPETS: true if JSON.parse accepts it. */
  jsonValid: Record<JsonId, boolean | null>;

  /** The pattern each interaction follows. */
  pattern: Record<Interaction, Pattern | null>;
}
