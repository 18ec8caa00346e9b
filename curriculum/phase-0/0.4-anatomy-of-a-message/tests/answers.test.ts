import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answers } from "./answers.ts";
import {
  type HeaderName,
  type Interaction,
  JSON_SNIPPETS,
  type JsonId,
  type LineRole,
  REQUEST_LINES,
  RESPONSE_LINES,
  type Sender,
  type StatusClass,
  type StatusCode,
  URLS,
  type UrlId,
  type UrlParts,
} from "./types.ts";

/** Fails with a clear message while a question still holds its placeholder. */
function answered<T>(value: T | null, question: string): T {
  assert.notEqual(value, null, `${question} is not answered yet (it is still null)`);
  return value as T;
}

// Default ports of the schemes used in URLS. The WHATWG URL class hides a default port
// (url.port is ""), so the expected answer puts it back.
const DEFAULT_PORTS: Record<string, number> = {
  http: 80,
  https: 443,
  ftp: 21,
  postgres: 5432,
};

/** The expected answer for one URL, computed by the same parser browsers and Node use. */
function expectedParts(raw: string): UrlParts & { portWritten: boolean } {
  const url = new URL(raw);
  const scheme = url.protocol.slice(0, -1);
  const defaultPort = DEFAULT_PORTS[scheme];
  assert.ok(defaultPort !== undefined, `test setup: no default port known for ${scheme}`);
  return {
    scheme,
    host: url.hostname,
    port: url.port === "" ? defaultPort : Number(url.port),
    portWritten: url.port !== "" || new RegExp(`:${defaultPort}(/|$)`).test(raw),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    fragment: url.hash.replace(/^#/, ""),
  };
}

describe("taking URLs apart", () => {
  for (const id of Object.keys(URLS) as UrlId[]) {
    const raw = URLS[id];
    test(`urlParts.${id} matches how a URL parser reads ${raw}`, () => {
      const got = answered(answers.urlParts[id], `urlParts.${id}`);
      const want = expectedParts(raw);
      assert.equal(got.scheme, want.scheme, `${id}: the scheme is the part before ":", in lower case, without the ":"`);
      assert.equal(got.host, want.host, `${id}: the host is the name after "//", lower-cased, without user, password or port`);
      assert.equal(
        got.port,
        want.port,
        want.portWritten
          ? `${id}: the port is the number written after the host, ${want.port}`
          : `${id}: no port is written, so the client connects to the default port for ${want.scheme}, which is ${want.port}`,
      );
      assert.equal(
        got.path,
        want.path,
        `${id}: the path runs from the first "/" after the host to "?" or "#"; an empty path is "/"; case is kept`,
      );
      assert.deepEqual(got.query, want.query, `${id}: the query is name=value pairs after "?", split on "&", with %20 decoded to a space`);
      assert.equal(got.fragment, want.fragment, `${id}: the fragment is what follows "#" (without it), or "" when there is none`);
    });
  }
});

describe("URL or merely URI", () => {
  test("URNs name a thing without saying where it is, so they are not URLs", () => {
    for (const id of ["book", "requestId"] as const) {
      assert.equal(
        answered(answers.isUrl[id], `isUrl.${id}`),
        false,
        `isUrl.${id}: a urn: identifier is a name (a URI), not a location; no protocol can fetch it`,
      );
    }
  });

  test("https, ftp and postgres addresses say where and how to fetch, so they are URLs", () => {
    for (const id of ["docs", "download", "db"] as const) {
      assert.equal(
        answered(answers.isUrl[id], `isUrl.${id}`),
        true,
        `isUrl.${id}: the scheme names a protocol and the rest says where to connect, so it is a URL`,
      );
    }
  });

  test("every URL is a URI, but not every URI is a URL", () => {
    assert.equal(
      answered(answers.uriVsUrl, "uriVsUrl"),
      "every-url-is-a-uri",
      "URLs are the URIs that also locate something; a URN is a URI that only names",
    );
  });

  test("the fragment stays in the browser", () => {
    assert.equal(
      answered(answers.fragmentSentToServer, "fragmentSentToServer"),
      false,
      "the browser strips #fragment before sending the request; the server never sees it",
    );
  });
});

/** Compares line roles one by one, so the message names the first wrong line. */
function assertRoles(got: LineRole[], lines: readonly string[], want: LineRole[], name: string): void {
  assert.equal(got.length, lines.length, `${name} needs exactly one role per line: ${lines.length} roles (got ${got.length})`);
  lines.forEach((line, i) => {
    const looksLikeHeader = /^[A-Za-z-]+: /.test(line);
    const extra = want[i] === "body" && looksLikeHeader ? "; it looks like a header, but it comes after the blank line" : "";
    assert.equal(got[i], want[i], `${name}[${i}] for the line ${JSON.stringify(line)} should be "${want[i]}"${extra}`);
  });
}

describe("reading an HTTP/1.1 exchange", () => {
  test("the request is a request line, headers, one blank line, then the body", () => {
    assertRoles(
      answers.annotateRequest,
      REQUEST_LINES,
      ["request-line", "header", "header", "header", "blank", "body", "body"],
      "annotateRequest",
    );
  });

  test("the response starts with a status line, then headers, a blank line and the body", () => {
    assertRoles(
      answers.annotateResponse,
      RESPONSE_LINES,
      ["status-line", "header", "header", "header", "blank", "body"],
      "annotateResponse",
    );
  });

  test("Content-Length tells the receiver where the body ends", () => {
    assert.equal(
      answered(answers.bodyEndsBy, "bodyEndsBy"),
      "content-length",
      "the blank line ends the headers; after it the server reads exactly Content-Length (44) bytes, and the connection stays open",
    );
  });
});

describe("who sends which header", () => {
  function expectSender(names: HeaderName[], sender: Sender, reason: string): void {
    for (const name of names) {
      const got = answered(answers.headerSentBy[name], `headerSentBy["${name}"]`);
      assert.equal(got, sender, `${name} is sent by ${sender === "either" ? "either side" : `the ${sender}`}: ${reason}`);
    }
  }

  test("host, user-agent, accept, authorization and cookie are sent by the client", () => {
    expectSender(["host", "user-agent", "accept", "authorization", "cookie"], "client", "it describes the request or who is asking");
  });

  test("set-cookie, location and retry-after are sent by the server", () => {
    expectSender(["set-cookie", "location", "retry-after"], "server", "it tells the client what to do next");
  });

  test("content-type and content-length describe a body, so either side sends them", () => {
    expectSender(["content-type", "content-length"], "either", "requests and responses can both carry a body");
  });
});

describe("status codes", () => {
  const classByDigit: Record<string, StatusClass> = {
    "1": "informational",
    "2": "success",
    "3": "redirection",
    "4": "client-error",
    "5": "server-error",
  };

  test("each status code belongs to the class named by its first digit", () => {
    for (const key of Object.keys(answers.statusClass)) {
      const code = Number(key) as StatusCode;
      const got = answered(answers.statusClass[code], `statusClass[${code}]`);
      const want = classByDigit[key.charAt(0)];
      assert.equal(got, want, `${code} starts with ${key.charAt(0)}, so its class is "${want}"`);
    }
    assert.equal(Object.keys(answers.statusClass).length, 12, "statusClass should answer all twelve codes");
  });
});

describe("JSON", () => {
  const reasons: Record<JsonId, string> = {
    object: "double-quoted keys, a number and a boolean: valid",
    singleQuotes: "JSON strings and keys need double quotes",
    bareKeys: "JSON keys must be double-quoted strings",
    trailingComma: "JSON allows no comma after the last element",
    topLevelString: "any JSON value may stand alone at the top level, a string included",
    withComment: "JSON has no comments",
    undefinedValue: "undefined is JavaScript, not JSON; JSON has only null",
  };

  test("each snippet is judged the way JSON.parse judges it", () => {
    for (const id of Object.keys(JSON_SNIPPETS) as JsonId[]) {
      let parses = true;
      try {
        JSON.parse(JSON_SNIPPETS[id]);
      } catch {
        parses = false;
      }
      const got = answered(answers.jsonValid[id], `jsonValid.${id}`);
      assert.equal(got, parses, `jsonValid.${id} should be ${parses}: ${reasons[id]}`);
    }
  });
});

describe("request-response beyond HTTP", () => {
  function expectPattern(ids: Interaction[], want: "request-response" | "server-push", reason: string): void {
    for (const id of ids) {
      assert.equal(answered(answers.pattern[id], `pattern["${id}"]`), want, `${id} is ${want}: ${reason}`);
    }
  }

  test("DNS, SQL, GraphQL and a unary gRPC call are request-response", () => {
    expectPattern(
      ["dns-lookup", "sql-query", "graphql-query", "grpc-unary-call"],
      "request-response",
      "the client sends one request in an agreed format and waits for its one response",
    );
  });

  test("chat messages over a WebSocket and a price ticker over SSE are server push", () => {
    expectPattern(
      ["chat-message-pushed-over-websocket", "price-ticker-over-sse"],
      "server-push",
      "the server sends whenever it has news, without a request for each message",
    );
  });
});
