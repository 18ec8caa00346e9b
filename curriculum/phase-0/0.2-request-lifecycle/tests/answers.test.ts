// Checks the answers of 0.2. The trace and the symptom mapping are compared exactly;
// responsibilities are graded leniently (two sentences, required ideas with synonyms).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answers } from "./answers.ts";
import { assertExplains, type Idea } from "./explain-grader.ts";
import type { Hop, Symptom } from "./types.ts";

const ALL_HOPS: Hop[] = ["dns", "tcp", "tls", "http", "load-balancer", "api", "service", "data"];

/** Each rule: `first` must come before `then` in traceBuy, because of `why`. */
type OrderRule = [first: Hop, then: Hop, why: string];

/** Lists every broken rule, so one run shows all ordering mistakes at once. */
function brokenRules(rules: OrderRule[]): string[] {
  const trace = answers.traceBuy;
  return rules.flatMap(([first, then, why]) => {
    const a = trace.indexOf(first);
    const b = trace.indexOf(then);
    if (a < 0 || b < 0) return [`  - "${first}" and "${then}" must both be in traceBuy.`];
    return a < b ? [] : [`  - "${first}" must come before "${then}": ${why}`];
  });
}

describe("tracing a first click on buy", () => {
  it("lists every hop exactly once", () => {
    const missing = ALL_HOPS.filter((hop) => !answers.traceBuy.includes(hop));
    const repeated = ALL_HOPS.filter((hop) => answers.traceBuy.filter((h) => h === hop).length > 1);
    const problems = [
      ...(missing.length > 0 ? [`missing: ${missing.map((h) => `"${h}"`).join(", ")}`] : []),
      ...(repeated.length > 0 ? [`listed more than once: ${repeated.map((h) => `"${h}"`).join(", ")}`] : []),
    ];
    if (problems.length > 0) {
      assert.fail(`traceBuy should hold all ${ALL_HOPS.length} hops, each once; ${problems.join("; ")}.`);
    }
  });

  it("sets up the connection in order: DNS, then TCP, then TLS, then the HTTP request", () => {
    const broken = brokenRules([
      ["dns", "tcp", "a TCP connection goes to an IP address, and DNS is what turns shop.example into one."],
      ["tcp", "tls", "TLS runs inside a TCP connection. Its handshake messages travel over TCP, so the TCP handshake must finish first."],
      [
        "tls",
        "http",
        "over HTTPS the request travels encrypted inside the TLS session. Sent before TLS, the password and card number would cross the network readable.",
      ],
    ]);
    if (broken.length > 0) assert.fail(`traceBuy has the connection steps out of order:\n${broken.join("\n")}`);
  });

  it("passes the request inward: load balancer, API layer, service layer, data layer", () => {
    const broken = brokenRules([
      [
        "http",
        "load-balancer",
        "the load balancer acts on the HTTP request it receives (host, path, headers), so the browser has to send it first.",
      ],
      ["load-balancer", "api", "the load balancer picks which app server gets the request; the API layer runs inside that app server."],
      [
        "api",
        "service",
        "the API layer parses, validates and authenticates the request before any business logic runs, so bad requests never reach it.",
      ],
      ["service", "data", "the service decides what to read and write; the data layer runs the queries it is asked for."],
    ]);
    if (broken.length > 0) assert.fail(`traceBuy has the server-side steps out of order:\n${broken.join("\n")}`);
  });
});

describe("which hop produced the error", () => {
  const table: Array<[Symptom, Hop, string]> = [
    [
      "getaddrinfo ENOTFOUND shop.example",
      "dns",
      "ENOTFOUND means the name lookup found no address for shop.example: the domain does not exist (NXDOMAIN) or has no A or AAAA record. (A resolver that does not answer gives EAI_AGAIN instead.) No connection was even attempted.",
    ],
    [
      "connect ECONNREFUSED 203.0.113.10:443",
      "tcp",
      "DNS worked, since there is an IP address, but the machine answered the TCP connection attempt with a refusal: nothing is listening on port 443.",
    ],
    [
      "certificate has expired",
      "tls",
      "certificates are checked during the TLS handshake, and an expired one stops the connection before any HTTP is sent.",
    ],
    [
      "502 Bad Gateway, with an nginx error page",
      "load-balancer",
      "nginx, the reverse proxy, wrote that page: it could not get a valid answer from the app server behind it. Start with the proxy's logs, then look at the app server it forwards to.",
    ],
    [
      "400 Bad Request: quantity must be a positive whole number",
      "api",
      "checking that the input is well formed is the API layer's job, at the entrance, before any business logic runs.",
    ],
    [
      "401 Unauthorized: missing or invalid session token",
      "api",
      "finding out who is calling (authentication) happens in the API layer, so anonymous requests never reach the business logic.",
    ],
    [
      "409 Conflict: only 2 left in stock, you asked for 3",
      "service",
      "the request was well formed and from a known user; it broke a business rule (you cannot buy more than is in stock), and such rules live in the service layer.",
    ],
    [
      "ERROR: deadlock detected (from Postgres)",
      "data",
      "Postgres itself raised it: two transactions waited on each other's locks and the database aborted one. The usual fix is to retry that transaction.",
    ],
  ];

  for (const [symptom, expected, why] of table) {
    it(`traces "${symptom}" to its hop`, () => {
      const given = answers.failureAt[symptom];
      if (given === "TODO") assert.fail(`failureAt["${symptom}"] is not answered yet: pick the hop that produced it.`);
      assert.equal(given, expected, `failureAt["${symptom}"]: you chose "${given}", but it comes from "${expected}": ${why}`);
    });
  }
});

describe("a second click ten seconds later", () => {
  const reused: Array<[Hop, string]> = [
    ["dns", "the DNS answer may be kept for its time-to-live of 300 seconds, so the browser reuses the address"],
    ["tcp", "the connection stays open for 75 seconds when idle (keep-alive), so no new TCP handshake is needed"],
    ["tls", "the encryption was set up on that same connection and stays in place, so there is no new TLS handshake"],
  ];

  it("reuses the cached DNS answer and the open, encrypted connection", () => {
    const skips = new Set(answers.secondClickSkips);
    const notSkipped = reused.filter(([hop]) => !skips.has(hop)).map(([hop, why]) => `  - "${hop}": ${why}.`);
    if (notSkipped.length > 0) {
      assert.fail(`secondClickSkips should also list these hops, which do not happen again:\n${notSkipped.join("\n")}`);
    }
  });

  it("still sends a new request through every hop from HTTP to the database", () => {
    const wronglySkipped = answers.secondClickSkips.filter((hop) => !reused.some(([r]) => r === hop));
    if (wronglySkipped.length > 0) {
      assert.fail(
        `secondClickSkips should not list ${wronglySkipped.map((h) => `"${h}"`).join(", ")}: every click is a new HTTP request. ` +
          "It travels over the reused connection, through the load balancer, and runs the API, service and data layers again; " +
          "a purchase must never be answered from a cache.",
      );
    }
  });
});

/** The lookup in this lifecycle goes from a name to an address; the reverse direction alone is a different lookup. */
function assertNotOnlyReverse(text: string): void {
  const lower = text.toLowerCase();
  const reverse = /(ips?|address(es)?)\b.{0,15}\b(back )?(in)?to (its |a |the )?(host ?|domain )?names?\b/;
  const forward =
    /(names?|domains?|shop\.example|\.com)\b.{0,40}\b(in)?to (an? |the |its )?(ip|address|number)|look(s|ing)? up|resolv|find(s|ing)? (out )?(the |its |an )?(ip|address)|translat/;
  if (reverse.test(lower) && !forward.test(lower)) {
    assert.fail(
      `responsibilities["dns"] describes turning an IP address into a name, a reverse lookup. For this click DNS goes the other way: ` +
        `it turns the name shop.example into the IP address to connect to.\n  Your text: ${JSON.stringify(text)}`,
    );
  }
}

describe("what each hop is responsible for (two sentences each)", () => {
  const ideas: Record<Hop, Idea[]> = {
    dns: [
      {
        idea: "it starts from a name",
        say: "name, domain, host name, looks up, resolves",
        patterns: [/name|domain|shop\.example|\.com\b|\bhost\b|look(s|ing)? up|resolv|translat/],
      },
      {
        idea: "it finds the IP address",
        say: "IP address, address",
        patterns: [/\bips?\b|address|\d+\.\d+\.\d+/],
      },
    ],
    tcp: [
      {
        idea: "it opens a connection between the two machines",
        say: "connection, connect, handshake",
        patterns: [/connect|handshake|session|channel|link/],
      },
      {
        idea: "bytes arrive reliably and in order",
        say: "reliable, in order, retransmits lost packets, acknowledgements",
        patterns: [/reliab|order|retransmi|resend|re-send|acknowledg|\back\b|lost|loss|arriv|guarantee|stream/],
      },
    ],
    tls: [
      {
        idea: "it encrypts the traffic",
        say: "encrypt, private, secret, eavesdrop",
        patterns: [
          /encrypt|privat|secret|confidential|eavesdrop|snoop|cipher|scrambl|unreadable|(nobody|no one)( else)?( on the (path|way))? can (read|see)/,
        ],
      },
      {
        idea: "it proves the server's identity with a certificate",
        say: "certificate, identity, authenticate, verify",
        patterns: [/certificate|\bcerts?\b|identity|authentic|prov(e|es|ing)\b|verif|imperson|tamper|integrity|really (is|talking)/],
      },
    ],
    http: [
      {
        idea: "it carries a request and a response",
        say: "request, response, ask, reply",
        patterns: [/request|respon[sd]|\basks?\b|repl(y|ies)/],
      },
      {
        idea: "in an agreed format",
        say: "method, path, headers, status code, body, format",
        patterns: [/method|verb|\bget\b|\bpost\b|path|\burls?\b|header|status|format|body|rules|protocol|message|language|structure|defin/],
      },
    ],
    "load-balancer": [
      {
        idea: "it spreads or forwards requests",
        say: "distribute, spread, forward, route, pick",
        patterns: [/distribut|spread|balanc|share|shares|pick|choos|rout|forward|sends?\b|pass/],
      },
      {
        idea: "across several app servers",
        say: "servers, instances, copies, replicas, upstream",
        patterns: [/server|instance|backend|machine|replica|upstream|copies|nodes?\b|processes/],
      },
    ],
    api: [
      {
        idea: "it checks the incoming request",
        say: "validate, parse, authenticate, check",
        patterns: [/validat|check|pars|authent|authori|permission|\bauth\b|logged|token|well[- ]formed|malformed|input/],
      },
      {
        idea: "and hands it to the right code, or turns the result into a response",
        say: "route, endpoint, handler, service, response, status",
        patterns: [/rout|endpoint|entry|handler|dispatch|service|hand(s|ed)?\b|pass|translat|respon|status|json|calls?\b/],
      },
    ],
    service: [
      {
        idea: "it holds the business logic and rules",
        say: "business logic, rules, decides",
        patterns: [
          /business|rules?\b|logic|decid|decision|domain|polic|calculat|workflow|orchestrat|stock|pric(e|es|ing)\b|coupon|allowed|valid(ates)? (the )?(order|rules)/,
        ],
      },
    ],
    data: [
      {
        idea: "it reads and writes data",
        say: "read, write, store, query, fetch",
        patterns: [/stor(e|es|ed|ing)\b|sav(e|es|ed|ing)\b|read|writ|quer|fetch|load|insert|updat|delet|select/],
      },
      {
        idea: "in the database, where it lasts and stays consistent",
        say: "database, Postgres, SQL, durable, transactions, consistent",
        patterns: [/database|postgres|\bsql\b|\bdb\b|storage|disk|durab|persist|transaction|consisten|integrity|constraint/],
      },
    ],
  };

  for (const hop of ALL_HOPS) {
    it(`explains what "${hop}" does`, () => {
      assertExplains(`responsibilities["${hop}"]`, answers.responsibilities[hop], ideas[hop]);
      if (hop === "dns") assertNotOnlyReverse(answers.responsibilities.dns);
    });
  }
});
