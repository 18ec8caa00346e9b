/**
 * http.ts and failure.ts: the reply checks, what their failures carry (the exchange, expected
 * and received), and the replay script — which is run for real with bash and curl against a
 * second server, to prove it sends what the harness sent.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { after, afterEach, describe, test } from "node:test";
import { HarnessFailure } from "./failure.js";
import { HttpClient } from "./http.js";

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly seen: Seen[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const servers = new Set<TestServer>();
const clients = new Set<HttpClient>();
afterEach(async () => {
  for (const c of clients) c.agent.destroy();
  clients.clear();
  await Promise.all([...servers].map((s) => s.close()));
  servers.clear();
});

/** A node:http server on an ephemeral port that records every request it receives. */
async function serve(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", path: req.url ?? "", body, headers: req.headers });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  const s: TestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  servers.add(s);
  return s;
}

function client(s: { url: string }, task = "2.2"): HttpClient {
  const c = new HttpClient(
    () => new URL(s.url),
    () => task,
  );
  clients.add(c);
  return c;
}

/** The HarnessFailure `check` throws; fails the test when it throws nothing or something else. */
function failureOf(check: () => unknown): HarnessFailure {
  try {
    check();
  } catch (e) {
    assert.ok(e instanceof HarnessFailure, `expected a HarnessFailure, got ${String(e)}`);
    return e;
  }
  assert.fail("expected the check to fail");
}

/** The message's first line: AssertionError appends its own diff of expected and actual below it. */
const headline = (e: Error) => e.message.split("\n")[0] ?? "";

async function rejection(work: Promise<unknown>): Promise<HarnessFailure> {
  const settled = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(settled instanceof HarnessFailure, `expected a HarnessFailure, got ${String(settled)}`);
  return settled;
}

const savedReproPort = process.env.TS_DOJO_REPRO_PORT;
after(() => {
  if (savedReproPort === undefined) delete process.env.TS_DOJO_REPRO_PORT;
  else process.env.TS_DOJO_REPRO_PORT = savedReproPort;
});

/**
 * Run the replay's curl commands (not the lines that start, wait for or stop `ts-dojo run`).
 * Inside `{ } 2>&1 | cat` their stderr is a pipe, as in a terminal; `asSpawned` leaves it the
 * socket Node gives a child, where the Location capture's `-D /dev/stderr` cannot be opened.
 */
function replay(repro: string | undefined, asSpawned = false): Promise<{ code: number; output: string; script: string }> {
  assert.ok(repro, "the failure carries a replay");
  const script = repro
    .split("\n")
    .filter((l) => !/^(npx ts-dojo run |for i in |kill %1)/.test(l))
    .join("\n");
  const run = asSpawned ? script : `set -o pipefail\n{\n${script}\n} 2>&1 | cat`;
  return new Promise((resolve) => {
    execFile("bash", ["-c", run], { timeout: 10_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, output: stdout + stderr, script }),
    );
  });
}

const requestsOf = (seen: readonly Seen[]) =>
  seen.map((s) => ({ method: s.method, path: s.path, body: s.body, type: s.headers["content-type"], note: s.headers["x-note"] }));

describe("a failed check", () => {
  test("expectStatus shows expected and received, the exchange, and a replay of every request", async () => {
    delete process.env.TS_DOJO_REPRO_PORT;
    const s = await serve((_req, _body, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"id":"n1"}'));
    const api = client(s);
    (await api.get("/notes")).expectStatus(200);
    const created = await api.post("/notes", { json: { title: "it's milk" } });
    const e = failureOf(() => created.expectStatus(201));

    assert.equal(headline(e), "POST /notes answered 200; expected 201");
    assert.equal(e.expected, 201);
    assert.equal(e.actual, 200);
    assert.match(e.dojoContext, /^request sent:\n {2}POST \/notes HTTP\/1\.1\n/);
    assert.match(e.dojoContext, /\n {2}content-type: application\/json\n/);
    assert.match(e.dojoContext, /\n {2}\{"title":"it's milk"\}\n/);
    assert.match(e.dojoContext, /\nresponse received:\n {2}HTTP\/1\.1 200\n/);
    assert.match(e.dojoContext, /\n {2}\{"id":"n1"\}$/);

    const repro = e.dojoRepro ?? "";
    assert.match(repro, /^npx ts-dojo run 2\.2 --port 4000 &/);
    const curls = repro.split("\n").filter((l) => l.startsWith("curl "));
    assert.equal(curls.length, 2, repro);
    assert.match(curls[0] ?? "", /^curl -i 'http:\/\/127\.0\.0\.1:4000\/notes'; echo$/);
    assert.ok(curls[1]?.includes(`--data-raw '{"title":"it'\\''s milk"}'`), repro);
    assert.match(repro, /\nkill %1/);
    const parsed = await new Promise<number>((r) => execFile("bash", ["-n", "-c", repro], (err) => r(err ? 1 : 0)));
    assert.equal(parsed, 0, `bash cannot parse the replay:\n${repro}`);
  });

  test("expectStatus with several codes names them all", async () => {
    const s = await serve((_req, _body, res) => res.writeHead(500).end());
    const reply = await client(s).delete("/notes/1");
    const e = failureOf(() => reply.expectStatus(204, 404));
    assert.equal(headline(e), "DELETE /notes/1 answered 500; expected one of 204, 404");
    assert.deepEqual(e.expected, [204, 404]);
    assert.equal(reply.expectStatus(404, 500), reply, "a passing check returns the reply, to chain");
  });

  test("json() of a body that is not JSON fails, showing the body", async () => {
    const s = await serve((_req, _body, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>oops</html>"));
    const reply = await client(s).get("/page");
    const e = failureOf(() => reply.json());
    assert.equal(headline(e), "GET /page answered a body that is not valid JSON");
    assert.match(e.dojoContext, /response received:[\s\S]*\n {2}<html>oops<\/html>$/);
  });

  test("a server that never answers fails after timeoutMs instead of hanging", async () => {
    const s = await serve(() => {});
    const e = await rejection(client(s).get("/slow", { timeoutMs: 150 }));
    assert.equal(headline(e), "GET /slow got no response: no complete response within 150 ms");
    assert.match(e.dojoContext, /request sent:\n {2}GET \/slow HTTP\/1\.1[\s\S]*\nno response:\n {2}no complete response within 150 ms/);
  });

  test("a port nobody listens on fails with the connection error", async () => {
    const s = await serve(() => {});
    await s.close();
    const e = await rejection(client(s).get("/"));
    assert.match(headline(e), /^GET \/ got no response: ECONNREFUSED/);
  });

  // The limit is the socket's idle timeout, so a server that sends a byte now and then never
  // trips it. The 1.5 s race only catches that hang; it is 10 × the 150 ms asked for.
  test("a response that trickles forever still fails after timeoutMs", async () => {
    let trickle: NodeJS.Timeout | undefined;
    const s = await serve((_req, _body, res) => {
      res.writeHead(200, { "content-length": "1000" });
      trickle = setInterval(() => res.write("x"), 30);
      res.on("close", () => clearInterval(trickle));
    });
    let hang: NodeJS.Timeout | undefined;
    const hung = new Promise<"hung">((r) => {
      hang = setTimeout(() => r("hung"), 1500);
    });
    try {
      const outcome = await Promise.race([
        client(s)
          .get("/trickle", { timeoutMs: 150 })
          .then(
            () => "answered",
            (e: Error) => e.message,
          ),
        hung,
      ]);
      assert.equal(outcome, "GET /trickle got no response: no complete response within 150 ms");
    } finally {
      clearTimeout(hang);
      clearInterval(trickle);
    }
  });
});

describe("expectHeader", () => {
  const withHeaders = async () => {
    const s = await serve((_req, _body, res) => res.writeHead(201, { location: "/notes/n1", "x-request-id": "abc-123" }).end());
    return client(s).post("/notes", { json: {} });
  };

  test("undefined means absent: passes when absent, fails naming the header when present", async () => {
    const reply = await withHeaders();
    reply.expectHeader("x-powered-by", undefined);
    const e = failureOf(() => reply.expectHeader("X-Request-Id", undefined));
    assert.equal(headline(e), "POST /notes answered with a X-Request-Id header; expected no X-Request-Id header");
    assert.equal(e.expected, "(absent)");
    assert.equal(e.actual, "abc-123");
  });

  test("a string must equal the value exactly", async () => {
    const reply = await withHeaders();
    reply.expectHeader("Location", "/notes/n1");
    const e = failureOf(() => reply.expectHeader("location", "/notes/N1"));
    assert.equal(headline(e), 'POST /notes answered with a location header; expected "/notes/N1" in the location header');
    assert.equal(e.actual, "/notes/n1");
    const missing = failureOf(() => reply.expectHeader("etag", '"v1"'));
    assert.equal(headline(missing), 'POST /notes answered without a etag header; expected ""v1"" in the etag header');
    assert.equal(missing.actual, "(absent)");
  });

  test("a RegExp must match the value", async () => {
    const reply = await withHeaders();
    reply.expectHeader("location", /^\/notes\/[^/]+$/);
    const e = failureOf(() => reply.expectHeader("location", /^\/items\//));
    assert.equal(
      headline(e),
      "POST /notes answered with a location header; expected a value matching /^\\/items\\// in the location header",
    );
    assert.equal(e.expected, "/^\\/items\\//");
  });
});

describe("expectJsonMatch", () => {
  const note = { id: "n1", title: "milk", meta: { tags: ["a", "b"], owner: { name: "ann", age: 3 } } };
  const reply = async () => {
    const s = await serve((_req, _body, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(note)));
    return client(s).get("/notes/n1");
  };

  test("passes on a subset of the fields, nested objects included", async () => {
    const r = await reply();
    r.expectJsonMatch({ title: "milk" })
      .expectJsonMatch({ meta: { owner: { name: "ann" } } })
      .expectJsonMatch(note);
    r.expectJsonMatch({ meta: { tags: ["a", "b"] } });
  });

  test("fails on a different value, a missing field, or an array that is only a part", async () => {
    const r = await reply();
    for (const partial of [
      { title: "MILK" },
      { done: false },
      { meta: { owner: { name: "bob" } } },
      { meta: { tags: ["a"] } },
      { meta: "x" },
    ]) {
      const e = failureOf(() => r.expectJsonMatch(partial));
      assert.equal(headline(e), "GET /notes/n1 answered JSON without the expected fields");
      assert.deepEqual(e.expected, partial);
      assert.deepEqual(e.actual, note);
    }
  });
});

describe("the replay, run with bash and curl", () => {
  /** The server under test and the one the replay reaches (TS_DOJO_REPRO_PORT), each with its own ids. */
  const pair = async (handler: (idPrefix: string) => Handler) => {
    const original = await serve(handler("a"));
    const replayed = await serve(handler("b"));
    process.env.TS_DOJO_REPRO_PORT = String(replayed.port);
    return { original, replayed, api: client(original) };
  };

  test("sends every request again with the same method, path, headers and body", async () => {
    const { original, replayed, api } = await pair(() => (_req, _body, res) => res.writeHead(200).end("ok"));
    const awkward = 'it\'s "quoted"\nline 2 $HOME `whoami` \\ !x';
    await api.get("/notes?tag=a%20b&sort=-title");
    await api.post("/notes", { body: awkward, headers: { "Content-Type": "text/plain", "X-Note": "it's" } });
    await api.post("/notes/empty");
    await api.put("/notes/7", { json: { title: "it's" } });
    await api.patch("/notes/7", { json: { done: true } });
    await api.head("/notes");
    await api.delete("/notes/7");

    const r = await replay(api.failure("for the replay").dojoRepro);
    assert.equal(r.code, 0, r.output);
    assert.deepEqual(requestsOf(replayed.seen), requestsOf(original.seen), `replayed with:\n${r.script}`);
  });

  test("a Location captured from a POST is reused, so the replay fetches the id the server hands out then", async () => {
    const { replayed, api } = await pair((prefix) => {
      const notes = new Set<string>();
      return (req, _body, res) => {
        if (req.method === "POST") {
          const path = `/notes/${prefix}${notes.size + 1}`;
          notes.add(path);
          res.writeHead(201, { location: path }).end();
        } else res.writeHead(notes.has(req.url ?? "") ? 200 : 404).end(req.url);
      };
    });
    const created = await api.post("/notes", { json: { title: "milk" } });
    const location = created.expectStatus(201).header("location") ?? "";
    (await api.get(location)).expectStatus(200);
    (await api.delete(location)).expectStatus(200);
    const repro = api.failure("for the replay").dojoRepro ?? "";
    assert.match(repro, /\nr=\$\(curl -si -w '\\n%header\{location\}'.* 'http:\/\/127\.0\.0\.1:\d+\/notes'\); printf .*; loc1=/);
    assert.match(repro, /\ncurl -i 'http:\/\/127\.0\.0\.1:\d+'"\$\{loc1\}"; echo\n/);

    const r = await replay(repro);
    assert.equal(r.code, 0, r.output);
    assert.deepEqual(
      replayed.seen.map((s) => `${s.method} ${s.path}`),
      ["POST /notes", "GET /notes/b1", "DELETE /notes/b1"],
      `replayed with:\n${r.script}\n${r.output}`,
    );
  });

  test("a Location capture also replays when stderr is not a terminal or pipe (a shell spawned by Node)", async () => {
    const { replayed, api } = await pair((prefix) => (req, _body, res) => {
      if (req.method === "POST") res.writeHead(201, { location: `/notes/${prefix}1` }).end();
      else res.writeHead(200).end();
    });
    await api.post("/notes", { json: { title: "milk" } });
    await api.get("/notes/a1");
    const r = await replay(api.failure("for the replay").dojoRepro, true);
    assert.deepEqual(
      replayed.seen.map((s) => `${s.method} ${s.path}`),
      ["POST /notes", "GET /notes/b1"],
      `replayed with:\n${r.script}\n${r.output}`,
    );
  });

  test("a later path that only starts like a captured Location is replayed as it was", async () => {
    const { replayed, api } = await pair((prefix) => (req, _body, res) => {
      if (req.method === "POST") res.writeHead(201, { location: prefix === "a" ? "/notes/1" : "/notes/5" }).end();
      else res.writeHead(404).end();
    });
    await api.post("/notes", { json: { title: "milk" } });
    (await api.get("/notes/17")).expectStatus(404);
    const r = await replay(api.failure("for the replay").dojoRepro);
    assert.deepEqual(
      replayed.seen.map((s) => `${s.method} ${s.path}`),
      ["POST /notes", "GET /notes/17"],
      `replayed with:\n${r.script}`,
    );
  });

  test("a GET with a body is replayed as a GET", async () => {
    const { original, replayed, api } = await pair(() => (_req, _body, res) => res.writeHead(200).end());
    await api.get("/search", { json: { q: "milk" } });
    const r = await replay(api.failure("for the replay").dojoRepro);
    assert.deepEqual(requestsOf(replayed.seen), requestsOf(original.seen), `replayed with:\n${r.script}`);
  });
});
