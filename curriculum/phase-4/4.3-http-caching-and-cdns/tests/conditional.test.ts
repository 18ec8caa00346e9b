// The notes server as an origin that caches well: validators on GET, 304 for a copy that is
// still current, and If-Match so a write only lands on the version its author read.
import { describe, test } from "node:test";
import { type Reply, useServer } from "ts-dojo/harness";
import type { Note } from "./src/notes.ts";
import { start } from "./src/notes-server.ts";

const MILK: Note = { id: "n1", title: "milk", body: "two litres" };
const BREAD: Note = { id: "n2", title: "bread", body: "" };

/** A strong entity tag: double quotes around visible characters, no W/ in front. */
const STRONG_TAG = /^"[\x21\x23-\x7e]+"$/;

/** The reply's ETag; fails the test when there is none. */
function etag(reply: Reply): string {
  const tag = reply.header("etag");
  if (tag === undefined) reply.fail("the response has no ETag header; every GET and PUT of a note must carry one");
  return tag;
}

/** `private, max-age=60` → Map { private → true, max-age → "60" }. */
function directives(reply: Reply): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const part of (reply.header("cache-control") ?? "").split(",")) {
    const [name = "", value] = part.split("=", 2).map((s) => s.trim());
    if (name) out.set(name.toLowerCase(), value ?? true);
  }
  return out;
}

function expectCacheControl(reply: Reply, maxAge: number, isPrivate: boolean): void {
  const d = directives(reply);
  const wanted = isPrivate ? `private, max-age=${maxAge}` : `max-age=${maxAge}`;
  const ok = d.get("max-age") === String(maxAge) && d.has("private") === isPrivate && !d.has("no-store") && !d.has("no-cache");
  if (!ok) {
    reply.fail(`Cache-Control must allow caching for ${maxAge} s${isPrivate ? ", in the user's browser only (private)" : ""}`, {
      expected: wanted,
      actual: reply.header("cache-control") ?? "(absent)",
    });
  }
}

describe("GET /notes/:id carries validators and caching rules", () => {
  const api = useServer(() => start({ port: 0, notes: [MILK, BREAD], maxAgeSec: 120 }));

  test("answers 200 with the note, a strong quoted ETag and Cache-Control max-age=120", async () => {
    const reply = await api.get("/notes/n1");
    reply.expectStatus(200).expectContentType("application/json").expectJson(MILK).expectHeader("etag", STRONG_TAG);
    expectCacheControl(reply, 120, false);
  });

  test("the ETag follows the representation: same bytes, same tag; a change, a new tag; changed back, the old tag", async () => {
    const first = etag(await api.get("/notes/n1"));
    const again = await api.get("/notes/n1");
    if (etag(again) !== first)
      again.fail("two GETs of an unchanged note must carry the same ETag", { expected: first, actual: etag(again) });
    const other = await api.get("/notes/n2");
    if (etag(other) === first)
      other.fail("two notes with different content must have different ETags", { expected: `not ${first}`, actual: etag(other) });

    (await api.put("/notes/n1", { json: { title: "milk", body: "three litres" } })).expectStatus(200);
    const changed = await api.get("/notes/n1");
    changed.expectStatus(200).expectJsonMatch({ body: "three litres" });
    if (etag(changed) === first)
      changed.fail("after the note changed, its ETag must change too", { expected: `not ${first}`, actual: etag(changed) });

    (await api.put("/notes/n1", { json: { title: "milk", body: "two litres" } })).expectStatus(200);
    const back = await api.get("/notes/n1");
    if (etag(back) !== first) {
      back.fail(
        "the ETag must be computed from the representation, so the same JSON gives the same tag again (a counter or a random tag changes every time)",
        {
          expected: first,
          actual: etag(back),
        },
      );
    }
  });

  test("If-None-Match with the current ETag answers 304 with no body, and with the same ETag and Cache-Control", async () => {
    const full = await api.get("/notes/n1");
    const tag = etag(full);
    const cached = await api.get("/notes/n1", { headers: { "if-none-match": tag } });
    cached.expectStatus(304).expectEmptyBody().expectHeader("etag", tag);
    expectCacheControl(cached, 120, false);
  });

  test("If-None-Match compares weakly: the W/ form of the tag, or the tag inside a list, still means 304", async () => {
    const tag = etag(await api.get("/notes/n1"));
    (await api.get("/notes/n1", { headers: { "if-none-match": `W/${tag}` } })).expectStatus(304).expectEmptyBody();
    (await api.get("/notes/n1", { headers: { "if-none-match": `"old-version", W/"other", ${tag}` } })).expectStatus(304);
    (await api.get("/notes/n1", { headers: { "if-none-match": `"old-version",${tag}` } })).expectStatus(304);
  });

  test("If-None-Match with tags that are not current answers 200 with the whole note and its new ETag", async () => {
    const old = etag(await api.get("/notes/n1"));
    (await api.get("/notes/n1", { headers: { "if-none-match": `"never-issued"` } })).expectStatus(200).expectJson(MILK);
    const updated = await api.put("/notes/n1", { json: { title: "milk", body: "oat" } });
    updated.expectStatus(200);
    const fresh = await api.get("/notes/n1", { headers: { "if-none-match": old } });
    fresh.expectStatus(200).expectJsonMatch({ body: "oat" }).expectHeader("etag", etag(updated));
  });

  test("If-None-Match: * answers 304 for a note that exists and 404 for one that does not", async () => {
    (await api.get("/notes/n1", { headers: { "if-none-match": "*" } })).expectStatus(304).expectEmptyBody();
    (await api.get("/notes/missing", { headers: { "if-none-match": "*" } })).expectStatus(404);
  });
});

describe("PUT /notes/:id with preconditions", () => {
  const api = useServer(() => start({ port: 0, notes: [MILK, BREAD], maxAgeSec: 120 }));

  test("If-Match with the current ETag replaces the note and answers 200 with the new ETag, which GET then matches", async () => {
    const tag = etag(await api.get("/notes/n1"));
    const put = await api.put("/notes/n1", { json: { title: "milk", body: "one litre" }, headers: { "if-match": tag } });
    put.expectStatus(200).expectJsonMatch({ id: "n1", body: "one litre" }).expectHeader("etag", STRONG_TAG);
    if (etag(put) === tag)
      put.fail("a PUT that changed the note must answer with the new ETag", { expected: `not ${tag}`, actual: etag(put) });
    (await api.get("/notes/n1", { headers: { "if-none-match": etag(put) } })).expectStatus(304);
  });

  test("a stale If-Match answers 412 and leaves the note as the other writer left it", async () => {
    // Alice and Bob read the same version; Alice saves first.
    const read = etag(await api.get("/notes/n1"));
    (await api.put("/notes/n1", { json: { title: "milk", body: "alice" }, headers: { "if-match": read } })).expectStatus(200);
    const bob = await api.put("/notes/n1", { json: { title: "milk", body: "bob" }, headers: { "if-match": read } });
    bob.expectStatus(412);
    (await api.get("/notes/n1")).expectStatus(200).expectJsonMatch({ body: "alice" });
  });

  test("If-Match compares strongly: the W/ form of the current tag answers 412", async () => {
    const tag = etag(await api.get("/notes/n1"));
    (await api.put("/notes/n1", { json: { title: "milk", body: "weak" }, headers: { "if-match": `W/${tag}` } })).expectStatus(412);
    (await api.get("/notes/n1")).expectStatus(200).expectJson(MILK);
  });

  test("* on PUT: If-Match * updates only what exists, If-None-Match * creates only what does not", async () => {
    (await api.put("/notes/n1", { json: { title: "milk", body: "any" }, headers: { "if-match": "*" } })).expectStatus(200);
    (await api.put("/notes/n9", { json: { title: "new", body: "" }, headers: { "if-match": "*" } })).expectStatus(412);
    (await api.get("/notes/n9")).expectStatus(404);

    (await api.put("/notes/n8", { json: { title: "new", body: "" }, headers: { "if-none-match": "*" } })).expectStatus(201);
    (await api.get("/notes/n8")).expectStatus(200).expectJson({ id: "n8", title: "new", body: "" });
    (await api.put("/notes/n2", { json: { title: "gone", body: "" }, headers: { "if-none-match": "*" } })).expectStatus(412);
    (await api.get("/notes/n2")).expectStatus(200).expectJson(BREAD);
  });
});

describe("private: true", () => {
  const api = useServer(() => start({ port: 0, notes: [MILK], maxAgeSec: 30, private: true }));

  test("Cache-Control says private, max-age=30 on the 200 and on the 304", async () => {
    const full = await api.get("/notes/n1");
    full.expectStatus(200);
    expectCacheControl(full, 30, true);
    const cached = await api.get("/notes/n1", { headers: { "if-none-match": etag(full) } });
    cached.expectStatus(304);
    expectCacheControl(cached, 30, true);
  });
});
