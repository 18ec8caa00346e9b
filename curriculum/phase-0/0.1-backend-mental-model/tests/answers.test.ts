// Checks the answers of 0.1. Closed questions are compared exactly; explanations are graded
// leniently (two sentences, a few required ideas with synonyms). Every failure says why.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answers } from "./answers.ts";
import { assertExplains, type Idea } from "./explain-grader.ts";
import type { Box, DirectDbClaim, Primitive, RestaurantPart, Role, Scenario, Term } from "./types.ts";

const arrowName = (from: Box, to: Box): string => `["${from}", "${to}"]`;
const hasArrow = (from: Box, to: Box): boolean => answers.diagram.some(([f, t]) => f === from && t === to);

describe("the picture: who sends requests to whom", () => {
  const stores: Box[] = ["database", "cache", "queue"];

  it("the client sends its requests to the server", () => {
    if (!hasArrow("client", "server")) {
      assert.fail(
        `The diagram needs the arrow ${arrowName("client", "server")}: every request starts at the client (a browser, a phone app, curl) and goes to the server.`,
      );
    }
  });

  it("the server is the one that uses the database, the cache and the queue", () => {
    const missing = stores.filter((store) => !hasArrow("server", store));
    assert.deepEqual(
      missing.map((store) => arrowName("server", store)),
      [],
      "The diagram is missing arrows from the server: the server reads and writes the database, the cache and the queue on the client's behalf.",
    );
  });

  it("the client never talks straight to the database, the cache or the queue", () => {
    const direct = stores.filter((store) => hasArrow("client", store));
    assert.deepEqual(
      direct.map((store) => arrowName("client", store)),
      [],
      "Remove these arrows: a client that reaches a data store directly must carry its password, " +
        "skips every rule the server enforces, and breaks when you change the store. The client only talks to the server.",
    );
  });

  it("has no other arrows (replies travel back on the request's own connection)", () => {
    const allowed = new Set(["client>server", ...stores.map((store) => `server>${store}`)]);
    const extra = answers.diagram
      .filter(([from, to]) => !allowed.has(`${from}>${to}`) && !(from === "client" && stores.includes(to)))
      .map(([from, to]) => arrowName(from, to));
    assert.deepEqual(
      extra,
      [],
      "Remove these arrows. Nothing sends requests to the client (the server answers on the connection the client opened), " +
        "and the database, cache and queue do not call each other or the server: the server calls them.",
    );
  });
});

describe("database, cache or queue?", () => {
  // Each row: the scenario, a test name that hints at the reason, the answer, and why.
  const table: Array<[Scenario, string, Primitive, string]> = [
    [
      "send a welcome e-mail after someone signs up",
      "the welcome e-mail does not make the new user wait",
      "queue",
      "Sending an e-mail takes seconds and sometimes has to be retried. The server puts a message on a queue, answers the user at once, and a worker sends the e-mail later.",
    ],
    [
      "keep every order a customer has placed, for the tax office, for seven years",
      "orders kept for seven years survive every restart",
      "database",
      "Data that must outlive crashes, restarts and deploys for years lives in the database, the source of truth.",
    ],
    [
      "show the same top-10 bestsellers list on every home-page view, recomputed once a minute",
      "the bestsellers list is computed once and served many times",
      "cache",
      "Everyone sees the same list and it changes once a minute: compute it once, keep a copy in the cache, and serve that copy thousands of times.",
    ],
    [
      "record that a user changed their password",
      "a password change is never lost",
      "database",
      "A cache may throw entries away and a queue only carries a message to someone; a password must be stored durably, in the database.",
    ],
    [
      "make three thumbnail sizes of a photo the user just uploaded",
      "slow image work does not hold up the upload",
      "queue",
      "Resizing images is slow work. Hand it to a worker through a queue so the upload request can return quickly.",
    ],
    [
      "remember the answer of a slow currency-rate service for 60 seconds",
      "a 60-second copy of a slow answer is kept close",
      "cache",
      "A copy that expires after 60 seconds and can always be fetched again is exactly what a cache holds.",
    ],
    [
      "tell the warehouse system that an order was placed",
      "the warehouse hears about orders even while it is busy or down",
      "queue",
      "Another system must hear about the order. A queue holds the message until the warehouse takes it, even if the warehouse is down for a minute.",
    ],
    [
      "save the delivery address a customer typed into their profile",
      "a saved delivery address is still there next month",
      "database",
      "The address is the customer's own data and must still be there next month: it belongs in the database.",
    ],
  ];

  for (const [scenario, name, expected, why] of table) {
    it(name, () => {
      const given = answers.primitiveFor[scenario];
      if (given === "TODO") assert.fail(`primitiveFor["${scenario}"] is not answered yet: pick "database", "cache" or "queue".`);
      assert.equal(given, expected, `primitiveFor["${scenario}"]: you chose "${given}", but it belongs in the ${expected}. ${why}`);
    });
  }
});

describe("the restaurant", () => {
  const table: Array<[RestaurantPart, Role, string]> = [
    ["the customer at the table", "client", "the customer asks for things and waits for the reply, like a browser or a phone app"],
    [
      "the waiter who takes the order",
      "api",
      "the waiter is the only way in: takes orders in an agreed form, checks them, and brings back the reply; customers never walk into the kitchen",
    ],
    ["the cooks in the kitchen", "service", "the cooks do the real work by the restaurant's recipes: the business logic"],
    ["the walk-in fridge", "database", "the fridge keeps what must still be there tomorrow: the durable state"],
    [
      "the rail of order tickets the cooks work through",
      "queue",
      "tickets wait on the rail, in order, until a cook is free, and none is lost while the cooks are busy",
    ],
    [
      "the tray of onions chopped before service starts",
      "cache",
      "the tray is prepared ahead to make orders faster, and when it runs out the cooks chop more from the fridge: a copy you can rebuild",
    ],
  ];

  it("maps each part of the restaurant to the role it plays", () => {
    const wrong = table
      .filter(([part, role]) => answers.restaurant[part] !== role)
      .map(([part, role, why]) => {
        const given = answers.restaurant[part];
        const yours = given === "TODO" ? "not answered yet" : `you chose "${given}"`;
        return `  - "${part}": ${yours}; it is the ${role}, because ${why}.`;
      });
    if (wrong.length > 0) assert.fail(`Some restaurant parts play a different role:\n${wrong.join("\n")}`);
  });
});

describe("why clients should not talk to the database", () => {
  const real: Array<[DirectDbClaim, string]> = [
    ["security", "an app that connects to the database must contain the database password, and anyone can extract it from the app"],
    [
      "scaling",
      "a database accepts a few hundred connections (Postgres allows 100 by default), not one per phone; a server shares a small pool among thousands of users",
    ],
    [
      "flexibility",
      "with an API in between you can change tables, or the database itself, without waiting for every phone to install a new app",
    ],
    ["rules", 'checks such as "only the owner may see this order" must run somewhere the user cannot skip or edit: on your server'],
  ];

  it("names every real reason", () => {
    const given = new Set(answers.whyNotDirectDbAccess);
    const missing = real.filter(([claim]) => !given.has(claim)).map(([claim, why]) => `  - "${claim}": ${why}.`);
    if (missing.length > 0) assert.fail(`whyNotDirectDbAccess is missing real reasons:\n${missing.join("\n")}`);
  });

  it("does not claim the API makes requests faster", () => {
    if (answers.whyNotDirectDbAccess.includes("speed")) {
      assert.fail(
        `whyNotDirectDbAccess should not include "speed": the API is an extra hop, so on its own it makes a query slightly slower, not faster. ` +
          "We accept that small cost for the other reasons (and win speed back later with caches).",
      );
    }
  });
});

describe("explanations, two sentences each", () => {
  const ideas: Record<Term, Idea[]> = {
    backend: [
      {
        idea: "it answers requests from clients",
        say: "request, respond, reply, serve, handle",
        patterns: [/request|respon[sd]|repl(y|ies|ied)|answer|\bserves?\b|serving|handl/],
      },
      {
        idea: "it keeps the data or state that lasts beyond one visit",
        say: "data, state, store, save, persist",
        patterns: [/\bstate\b|data|stor(e|es|ed|ing|age)\b|persist|sav(e|es|ed|ing)\b|records?\b|remember|\bkeeps?\b/],
      },
    ],
    api: [
      {
        idea: "it is an agreed set of operations, the way in",
        say: "interface, contract, endpoint, entry point, door, operations",
        patterns: [/interface|contract|endpoint|entry|door|gateway|menu|operations|\broutes?\b|\burls?\b|functions|calls/],
      },
      {
        idea: "clients (other programs) use it instead of touching the data directly",
        say: "client, app, browser, caller, frontend, other programs",
        patterns: [/client|\bapps?\b|browser|caller|program|front-?end|consumer|other (code|software|services?|systems?)|users?\b/],
      },
    ],
    database: [
      {
        idea: "it stores data",
        say: "store, data, records, rows, save",
        patterns: [/stor(e|es|ed|ing|age)\b|data|records?\b|rows?\b|tables?\b|sav(e|es|ed|ing)\b|\bkeeps?\b|\bstate\b/],
      },
      {
        idea: "the data lasts: it survives restarts and crashes, the source of truth",
        say: "durable, persistent, survives, permanent, long-term, on disk, source of truth",
        patterns: [/persist|durab|disk|surviv|outliv|permanent|long[- ]?term|lasting|restart|crash|forever|source of truth|reliabl|safely/],
      },
    ],
    cache: [
      {
        idea: "it makes reads fast",
        say: "fast, quick, speed, latency, in memory",
        patterns: [/fast|quick|speed|latency|memory|\bram\b|milliseconds|cheap|slow/],
      },
      {
        idea: "it holds a copy (or a result), not the original: it can expire or be lost and rebuilt",
        say: "copy, temporary, expires, can be lost, rebuilt, result of slow work",
        patterns: [
          /cop(y|ies)|duplicat|temporar|expir|\bttl\b|stale|evict|recomput|rebuil|regenerat|throw|thrown|\blos[et]\b|disposable|(not|n't|from|than) (the )?source of truth|results? of (slow|expensive|costly)|(from|than) the (original|source)|precomput|already (computed|fetched)/,
        ],
      },
    ],
    queue: [
      {
        idea: "the work happens later, without the user waiting",
        say: "later, in the background, asynchronously, without waiting",
        patterns: [
          /later|asynchron|\basync\b|background|defer|eventual|without (the (user|client) )?waiting|(not|n't|no need to|never) (have to )?wait|offline|own pace|when (a |the )?(worker|consumer)? ?(is )?(free|ready|available)/,
        ],
      },
      {
        idea: "it hands messages or jobs to another process, a worker",
        say: "worker, consumer, message, job, another service",
        patterns: [
          /worker|consumer|another|other (process|service|program|machine|server|system)s?|someone else|subscriber|\bjobs?\b|\btasks?\b|messages?|hands? (it )?off|handed|picks? (it |them )?up|in order|\bline\b/,
        ],
      },
    ],
    stateless: [
      {
        idea: "it is about requests",
        say: "request, call",
        patterns: [/request|\bcalls?\b/],
      },
      {
        idea: "the server remembers nothing between them: any instance can handle any request",
        say: "remembers nothing, keeps no session, independent, self-contained, any server can answer",
        patterns: [
          /(remembers?|keeps?|stores?|holds?) (nothing|no)\b|(not|n't|never) (keep|store|hold|remember|rely)|without (remembering|keeping|storing|any (memory|state))|ha(s|ve) no (memory|state)|stands? on (its|their) own|forget|independent|self-contained|carr(y|ies) (everything|all)|any (server|instance|copy|machine)/,
        ],
      },
    ],
  };

  for (const term of Object.keys(ideas) as Term[]) {
    it(`explains "${term}"`, () => {
      assertExplains(`explain.${term}`, answers.explain[term], ideas[term]);
    });
  }
});
