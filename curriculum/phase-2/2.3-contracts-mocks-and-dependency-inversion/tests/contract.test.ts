// One contract, three implementations. The same tests run against the in-memory fake (a unit
// test), the HTTP client talking to the real 2.2 server (a narrow integration test), and the
// HTTP client talking to your mock server (the stand-in a front-end team would use).
import { useServer } from "ts-dojo/harness";
import { notesApiContract } from "./contract.ts";
import { fixtures } from "./fixtures.ts";
import { createHttpNotesClient, createInMemoryNotesApi, startMockServer } from "./src/notes-api.ts";
import { createMemoryStore } from "./src/reference-server/memory-store.ts";
import { start as startReferenceServer } from "./src/reference-server/notes-server.ts";

notesApiContract("in-memory fake", () => () => createInMemoryNotesApi(fixtures()));

notesApiContract("HTTP client → the real 2.2 server", () => {
  const real = useServer(() => startReferenceServer({ port: 0, deps: { store: createMemoryStore(fixtures()) } }));
  return () => createHttpNotesClient(real.url);
});

notesApiContract("HTTP client → your mock server", () => {
  const mock = useServer(() => startMockServer({ port: 0, fixtures: fixtures() }));
  return () => createHttpNotesClient(mock.url);
});
