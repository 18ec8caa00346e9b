// The edge cache, black box: a test-owned origin counts what reaches it, and a hand-moved
// clock decides what is fresh. Each test starts one origin and one edge (maxEntries: 3).
import { describe, test } from "node:test";
import { type Reply, useServer } from "ts-dojo/harness";
import type { Running } from "ts-dojo/kit";
import { manualClock, startTestOrigin, type TestOrigin, versioned } from "./origin.ts";
import { startEdgeCache } from "./src/edge-cache.ts";

const clock = manualClock();
let origin: TestOrigin;

const edge = useServer(
  async (): Promise<Running> => {
    clock.reset();
    origin = await startTestOrigin();
    try {
      const running = await startEdgeCache({ origin: origin.url, port: 0, maxEntries: 3, now: clock.now });
      return {
        port: running.port,
        url: running.url,
        close: async () => {
          try {
            await running.close();
          } finally {
            await origin.close();
          }
        },
      };
    } catch (error) {
      await origin.close();
      throw error;
    }
    // `ts-dojo run 4.3` starts the notes server, not this edge: a replay script would hit the wrong server.
  },
  { replay: false },
);

function expectBody(reply: Reply, text: string): Reply {
  if (reply.text !== text)
    reply.fail(`${reply.exchange.method} ${reply.exchange.path} answered a different body`, { expected: text, actual: reply.text });
  return reply;
}

/** The origin saw exactly `n` requests for `path`. */
function expectOriginCount(path: string, n: number, why: string): void {
  const actual = origin.count(path);
  if (actual !== n)
    throw edge.http.failure(`${why}: the origin got ${actual} request(s) for ${path}, expected ${n}`, { expected: n, actual });
}

/** The If-None-Match of every request for `path` that reached the origin, in order ("-" when absent). */
function conditions(path: string): string[] {
  return origin.seen.filter((r) => r.path === path).map((r) => String(r.headers["if-none-match"] ?? "-"));
}

function expectConditions(path: string, expected: string[], why: string): void {
  const actual = conditions(path);
  if (actual.join(" ") !== expected.join(" ")) throw edge.http.failure(why, { expected, actual });
}

describe("serving fresh responses from the edge", () => {
  test("100 GETs inside max-age reach the origin once, and the stored ones carry Age", async () => {
    origin.route("/notes/n1", versioned({ body: "milk", etag: '"v1"', cacheControl: "max-age=60" }));
    expectBody((await edge.get("/notes/n1")).expectStatus(200), "milk");
    clock.advance(5_000);
    const replies = await Promise.all(Array.from({ length: 99 }, () => edge.get("/notes/n1")));
    for (const reply of replies) expectBody(reply.expectStatus(200).expectHeader("age", "5"), "milk");
    expectOriginCount("/notes/n1", 1, "responses fresh for 60 s must be answered from the edge");
  });

  test("a response is fresh while its age is below max-age: served at 59.999 s (Age: 59), revalidated at 60 s", async () => {
    origin.route("/notes/n1", versioned({ body: "milk", etag: '"v1"', cacheControl: "max-age=60" }));
    (await edge.get("/notes/n1")).expectStatus(200);
    clock.advance(59_999);
    expectBody((await edge.get("/notes/n1")).expectStatus(200).expectHeader("age", "59"), "milk");
    expectOriginCount("/notes/n1", 1, "at 59.999 s a max-age=60 response is still fresh");
    clock.advance(1);
    expectBody((await edge.get("/notes/n1")).expectStatus(200), "milk");
    expectOriginCount(
      "/notes/n1",
      2,
      "at exactly 60 s a max-age=60 response is stale (fresh means age < max-age) and must be checked with the origin",
    );
  });

  test("s-maxage is meant for shared caches and wins over max-age", async () => {
    origin.route("/notes/n1", versioned({ body: "milk", etag: '"v1"', cacheControl: "max-age=10, s-maxage=120" }));
    (await edge.get("/notes/n1")).expectStatus(200);
    clock.advance(60_000);
    expectBody((await edge.get("/notes/n1")).expectStatus(200).expectHeader("age", "60"), "milk");
    expectOriginCount("/notes/n1", 1, "with s-maxage=120 an edge may serve the response for 120 s, whatever max-age says to browsers");
  });
});

describe("what the edge must not store", () => {
  test("private, no-store and responses without Cache-Control go to the origin every time", async () => {
    origin.route("/me", versioned({ body: "your cart", etag: '"c1"', cacheControl: "private, max-age=600" }));
    // no-store wins over max-age: a cache that reads max-age and stops would keep it.
    origin.route("/secret", versioned({ body: "token", etag: '"s1"', cacheControl: "max-age=600, no-store" }));
    origin.route("/plain", () => ({ body: "no caching rules" }));
    for (let i = 0; i < 3; i++) {
      expectBody((await edge.get("/me")).expectStatus(200), "your cart");
      expectBody((await edge.get("/secret")).expectStatus(200), "token");
      expectBody((await edge.get("/plain")).expectStatus(200), "no caching rules");
    }
    expectOriginCount("/me", 3, "a private response belongs to one user and must never be stored by a shared cache");
    expectOriginCount("/secret", 3, "a no-store response must never be stored");
    expectOriginCount("/plain", 3, "a response without Cache-Control is not stored by this edge");
    expectConditions("/me", ["-", "-", "-"], "nothing was stored for /me, so no request about it may be conditional");
    expectConditions("/secret", ["-", "-", "-"], "nothing was stored for /secret, so no request about it may be conditional");
  });
});

describe("Vary", () => {
  test("Vary: Accept-Language keeps one entry per language", async () => {
    const greetings: Record<string, string> = { en: "hello", de: "hallo" };
    origin.route("/greeting", (req) => ({
      headers: { "cache-control": "max-age=60", vary: "Accept-Language" },
      body: greetings[String(req.headers["accept-language"])] ?? "?",
    }));
    for (const lang of ["en", "de", "en", "de", "en"]) {
      const reply = await edge.get("/greeting", { headers: { "accept-language": lang } });
      expectBody(reply.expectStatus(200), greetings[lang] ?? "");
    }
    expectOriginCount("/greeting", 2, "one request per language may reach the origin; the rest are stored variants");
    const asked = origin.seen.map((r) => r.headers["accept-language"]);
    if (asked.join(" ") !== "en de")
      throw edge.http.failure("the origin must see each language once, with the client's Accept-Language", {
        expected: ["en", "de"],
        actual: asked,
      });
  });
});

describe("revalidation", () => {
  test("a stale entry is checked with If-None-Match; a 304 means the stored body is served and fresh again", async () => {
    origin.route("/notes/n1", versioned({ body: "milk", etag: '"v1"', cacheControl: "max-age=60" }));
    (await edge.get("/notes/n1")).expectStatus(200);
    clock.advance(90_000);
    expectBody((await edge.get("/notes/n1")).expectStatus(200), "milk");
    expectConditions("/notes/n1", ["-", '"v1"'], "a stale entry with an ETag must be revalidated with If-None-Match: <that ETag>");
    clock.advance(30_000);
    expectBody((await edge.get("/notes/n1")).expectStatus(200).expectHeader("age", "30"), "milk");
    expectOriginCount("/notes/n1", 2, "a 304 starts a new max-age: 30 s after revalidating, the entry is fresh");
  });

  test("a stale entry whose origin answers 200 is replaced by the new version", async () => {
    const state = { body: "milk", etag: '"v1"', cacheControl: "max-age=60" };
    origin.route("/notes/n1", versioned(state));
    (await edge.get("/notes/n1")).expectStatus(200);
    Object.assign(state, { body: "oat milk", etag: '"v2"' });
    clock.advance(61_000);
    expectBody((await edge.get("/notes/n1")).expectStatus(200).expectHeader("etag", '"v2"'), "oat milk");
    clock.advance(10_000);
    expectBody((await edge.get("/notes/n1")).expectStatus(200), "oat milk");
    expectConditions("/notes/n1", ["-", '"v1"'], "the new version must be stored and served fresh, without asking again");
  });

  test("no-cache means store, but check with the origin before every use", async () => {
    origin.route("/notes/n1", versioned({ body: "milk", etag: '"v1"', cacheControl: "no-cache" }));
    for (let i = 0; i < 3; i++) expectBody((await edge.get("/notes/n1")).expectStatus(200), "milk");
    expectConditions(
      "/notes/n1",
      ["-", '"v1"', '"v1"'],
      "a no-cache response is stored, then revalidated with If-None-Match before every use: never served unchecked (its lifetime is 0) and never refetched in full",
    );
  });
});

describe("maxEntries", () => {
  test("with maxEntries 3, a fourth entry evicts the least recently used one", async () => {
    for (const p of ["/a", "/b", "/c", "/d"]) origin.route(p, versioned({ body: p, etag: '"1"', cacheControl: "max-age=600" }));
    for (const p of ["/a", "/b", "/c", "/a", "/d", "/a", "/c", "/b"]) expectBody((await edge.get(p)).expectStatus(200), p);
    // /a was used again before /d arrived, so /b was the least recently used and had to go.
    const counts = ["/a", "/b", "/c", "/d"].map((p) => `${p}:${origin.count(p)}`);
    const expected = ["/a:1", "/b:2", "/c:1", "/d:1"];
    if (counts.join(" ") !== expected.join(" ")) {
      throw edge.http.failure("GET /a /b /c /a /d /a /c /b: storing /d must evict /b (least recently used), keeping /a and /c", {
        expected,
        actual: counts,
      });
    }
  });
});
