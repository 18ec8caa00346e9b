// openapi.yaml must tell the truth about the real server. Each test makes real requests to the
// 2.2 reference server and holds every response against the document: the path, method and
// status code must be listed, the body must fit its schema, and the schema must be strict enough
// that a note without an id, or a problem without a status, would not fit.
import { describe, test } from "node:test";
import { type Reply, type ServerUnderTest, useServer } from "ts-dojo/harness";
import { fixtures } from "./fixtures.ts";
import { type FieldPath, loadOpenApi, responseProblems } from "./openapi-check.ts";
import { startMockServer } from "./src/notes-api.ts";
import { createMemoryStore } from "./src/reference-server/memory-store.ts";
import { start as startReferenceServer } from "./src/reference-server/notes-server.ts";

const NOTE: FieldPath[] = ["id", "title", "body", "createdAt", "updatedAt"].map((f) => [f]);
const LIST: FieldPath[] = [["items"], ...NOTE.map((f) => ["items", 0, ...f])];
const PROBLEM: FieldPath[] = [["title"], ["status"]];

/** Fail, showing the exchange, unless openapi.yaml documents this response truthfully. */
function conforms(api: ServerUnderTest, reply: Reply, mustHave: FieldPath[]): Reply {
  const x = reply.exchange;
  const problems = responseProblems(
    loadOpenApi(),
    { method: x.method, path: x.path, status: x.status, headers: x.headers, text: reply.text },
    mustHave,
  );
  if (problems.length > 0)
    throw api.http.failure(`openapi.yaml does not describe this response:\n  - ${problems.join("\n  - ")}`, { about: x });
  return reply;
}

describe("openapi.yaml describes the real 2.2 server", () => {
  const api = useServer(() => startReferenceServer({ port: 0, deps: { store: createMemoryStore(fixtures()) } }));

  test("it is an OpenAPI 3 document with info.title, info.version and paths", () => {
    loadOpenApi();
  });

  test("POST /notes: the 201 (with Location) and the 422 are documented and match", async () => {
    conforms(api, (await api.post("/notes", { json: { title: "milk", body: "2 l" } })).expectStatus(201), NOTE);
    conforms(api, (await api.post("/notes", { json: { title: "" } })).expectStatus(422), PROBLEM);
  });

  test("GET /notes: the 200 { items } list is documented and matches", async () => {
    conforms(api, (await api.get("/notes")).expectStatus(200), LIST);
  });

  test("GET /notes/{id}: the 200 and the 404 are documented and match", async () => {
    conforms(api, (await api.get("/notes/n-1")).expectStatus(200), NOTE);
    conforms(api, (await api.get("/notes/no-such-note")).expectStatus(404), PROBLEM);
  });

  test("PUT /notes/{id}: the 200, the 404 and the 422 are documented and match", async () => {
    conforms(api, (await api.put("/notes/n-1", { json: { title: "oat milk" } })).expectStatus(200), NOTE);
    conforms(api, (await api.put("/notes/no-such-note", { json: { title: "x" } })).expectStatus(404), PROBLEM);
    conforms(api, (await api.put("/notes/n-1", { json: { title: 5 } })).expectStatus(422), PROBLEM);
  });

  test("DELETE /notes/{id}: the 204 without a body and the 404 are documented and match", async () => {
    conforms(api, (await api.delete("/notes/n-2")).expectStatus(204), []);
    conforms(api, (await api.delete("/notes/n-2")).expectStatus(404), PROBLEM);
  });
});

describe("your mock server keeps to the same openapi.yaml", () => {
  const api = useServer(() => startMockServer({ port: 0, fixtures: fixtures() }));

  test("its create, read, replace and delete answers match the document the real server matches", async () => {
    conforms(api, (await api.post("/notes", { json: { title: "milk" } })).expectStatus(201), NOTE);
    conforms(api, (await api.post("/notes", { json: { title: "  " } })).expectStatus(422), PROBLEM);
    conforms(api, (await api.get("/notes/n-1")).expectStatus(200), NOTE);
    conforms(api, (await api.get("/notes/nope")).expectStatus(404), PROBLEM);
    conforms(api, (await api.put("/notes/n-1", { json: { title: "oat milk" } })).expectStatus(200), NOTE);
    conforms(api, (await api.put("/notes/nope", { json: { title: "x" } })).expectStatus(404), PROBLEM);
    conforms(api, (await api.delete("/notes/n-2")).expectStatus(204), []);
    conforms(api, (await api.delete("/notes/n-2")).expectStatus(404), PROBLEM);
  });
});
