import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answers } from "./answers.ts";
import { assertClassified, assertClose, assertShortAnswer } from "./grade.ts";
import type { Claim, Component, LatencyStep, Practice, Principle, ScaleCase, Workload } from "./types.ts";

const HOURS_PER_YEAR = 8760;
const MINUTES_PER_30_DAYS = 43200;

describe("availability budgets", () => {
  test("knows how many hours a year 99, 99.9 and 99.99 % allow", () => {
    const hint = "Downtime = (1 - availability) x 8,760 hours; each extra nine divides the budget by ten.";
    assertClose(answers.downtimePerYearHours["99"], 0.01 * HOURS_PER_YEAR, "downtimePerYearHours 99 %", hint);
    assertClose(answers.downtimePerYearHours["99.9"], 0.001 * HOURS_PER_YEAR, "downtimePerYearHours 99.9 %", hint);
    assertClose(answers.downtimePerYearHours["99.99"], 0.0001 * HOURS_PER_YEAR, "downtimePerYearHours 99.99 %", hint);
  });

  test("knows how many minutes a 30-day month 99.9 and 99.95 % allow", () => {
    const hint = "A 30-day month has 43,200 minutes; multiply by the fraction of time the service may be down.";
    assertClose(answers.downtimePer30DaysMinutes["99.9"], 0.001 * MINUTES_PER_30_DAYS, "downtimePer30DaysMinutes 99.9 %", hint);
    assertClose(answers.downtimePer30DaysMinutes["99.95"], 0.0005 * MINUTES_PER_30_DAYS, "downtimePer30DaysMinutes 99.95 %", hint);
  });

  test("combines parts that every request needs by multiplying their availabilities", () => {
    assertClose(
      answers.checkoutPathDowntimePer30DaysMinutes,
      (1 - 0.9995 * 0.9999 * 0.999) * MINUTES_PER_30_DAYS,
      "checkoutPathDowntimePer30DaysMinutes",
      "Checkout is up only when all three parts are up, so it is worse than its weakest part, not equal to it.",
    );
  });

  test("computes the downtime of two independent replicas behind a load balancer", () => {
    assertClose(
      answers.twoReplicasDowntimePerYearHours,
      0.01 * 0.01 * HOURS_PER_YEAR,
      "twoReplicasDowntimePerYearHours",
      "The service is down only when both replicas are down at the same moment.",
    );
  });
});

describe("Little's law: in flight = arrival rate x time in the system", () => {
  const hint = "Convert milliseconds to seconds before multiplying or dividing by requests per second.";
  test("finds how many requests are in flight", () => {
    assertClose(answers.littlesLaw.inFlight, 400 * 0.25, "littlesLaw.inFlight", hint);
  });
  test("finds the most requests per second a fixed pool can serve", () => {
    assertClose(answers.littlesLaw.maxRequestsPerSecond, 200 / 0.04, "littlesLaw.maxRequestsPerSecond", hint);
  });
  test("finds the average latency from in-flight count and throughput", () => {
    assertClose(answers.littlesLaw.averageLatencyMs, (600 / 1200) * 1000, "littlesLaw.averageLatencyMs", hint);
  });
});

const LADDER: LatencyStep[] = [
  "read from the CPU's L1 cache",
  "read from main memory (RAM)",
  "network round trip inside one data centre",
  "one random seek on a spinning hard disk",
  "network round trip Europe to US west coast and back",
];

test("orders the latency ladder from fastest to slowest", () => {
  const given = answers.fastestFirst;
  const missing = LADDER.filter((step) => !given.includes(step));
  assert.deepEqual(missing, [], `fastestFirst must list every LatencyStep once; missing: ${missing.join("; ")}`);
  assert.equal(given.length, LADDER.length, "fastestFirst must list each LatencyStep exactly once");
  assert.deepEqual(
    [...given],
    LADDER,
    "fastestFirst is not in the right order. Rough figures: a few nanoseconds, about 100 ns, about half a millisecond, about 10 ms, about 150 ms.",
  );
});

describe("classifications", () => {
  test("tells workloads that need low latency from workloads that need high throughput", () => {
    const key: Record<Workload, "latency" | "throughput"> = {
      "autocomplete suggestions while the user types": "latency",
      "nightly export of 40 million rows that must finish before 6 am": "throughput",
      "ingest 2 GB of logs a minute from every server without falling behind": "throughput",
      "a multiplayer game relaying each player's moves to the others": "latency",
      "the payment step of checkout, which must answer within 300 ms": "latency",
      "transcode a backlog of 10,000 uploaded videos": "throughput",
    };
    assertClassified(
      answers.latencyOrThroughput,
      key,
      "latencyOrThroughput",
      "Ask whether a person is waiting for this one answer (latency) or the total amount done per hour is what counts (throughput).",
    );
  });

  test("chooses between scaling up and scaling out", () => {
    const key: Record<ScaleCase, "up" | "out"> = {
      "one Postgres server at 80 % CPU for a small shop; a 2x bigger machine exists and costs 2x": "up",
      "the API must keep serving when any one machine dies": "out",
      "you already run on the largest machine your cloud offers and it is still saturated": "out",
      "a stateless API sees 10x traffic for one week every November": "out",
    };
    assertClassified(
      answers.scaleUpOrOut,
      key,
      "scaleUpOrOut",
      "A bigger machine is simplest while one exists; more machines are needed for surviving failures, passing the largest size, and short peaks.",
    );
  });

  test("tells stateless instances from stateful ones", () => {
    const key: Record<Component, "stateless" | "stateful"> = {
      "an API server that keeps sessions in Redis and data in Postgres": "stateless",
      "an API server that keeps sessions in an in-memory Map": "stateful",
      "a WebSocket chat server that holds room membership in memory": "stateful",
      "a thumbnail function that gets an image and returns a smaller one": "stateless",
      "the Postgres server itself": "stateful",
    };
    assertClassified(
      answers.statefulness,
      key,
      "statefulness",
      "An instance is stateless when you could kill it and send the next request to a fresh copy without anyone noticing.",
    );
  });

  test("names the security principle each practice applies", () => {
    const key: Record<Practice, Principle> = {
      "the reporting service's database user may only SELECT from three views": "least-privilege",
      "a CI token can deploy to staging but not to production": "least-privilege",
      "the service validates input even though the gateway already did, and the table has CHECK constraints": "defence-in-depth",
      "passwords are hashed even though the database sits behind a firewall": "defence-in-depth",
      "a new storage bucket is private unless someone explicitly makes it public": "secure-by-default",
      "the template engine escapes HTML unless a developer opts out for one value": "secure-by-default",
    };
    assertClassified(
      answers.securityPrinciple,
      key,
      "securityPrinciple",
      "Least privilege limits what one identity may do; defence in depth adds independent layers; secure by default makes the safe choice the one you get without asking.",
    );
  });

  test("sorts true claims about quality attributes from popular myths", () => {
    const key: Record<Claim, boolean> = {
      "adding a cache always makes a system faster": false,
      "99.9 % availability allows almost nine hours of downtime a year": true,
      "microservices always scale better than a monolith": false,
      "if the average latency is 100 ms, nearly every user waits about 100 ms": false,
      "calling one more 99.9 % dependency on every request lowers the availability of the whole request": true,
      "a small team starting a new product is usually better served by a well-structured monolith": true,
      "maintainability is mostly about clean code": false,
      "horizontal scaling is always cheaper than vertical scaling": false,
    };
    assertClassified(
      answers.trueOrFalse,
      key,
      "trueOrFalse",
      "Be suspicious of every claim that says always; check the numbers ones with the formulas above.",
    );
  });
});

describe("short answers (two sentences, 60 words at most)", () => {
  test("scaleUpFirst: why a bigger machine first, and what forces more machines later", () => {
    assertShortAnswer("scaleUpFirst", answers.shortAnswers.scaleUpFirst, [
      {
        idea: "scaling up is the simple or cheap first step (no code or design change)",
        patterns: [
          /simpl|easy|easier|cheap|cost|quick|\bfast|no (code|architect|design)|without chang|nothing (in the code )?(has to|needs to) change|unchanged|same code/,
        ],
      },
      {
        idea: "one machine has a size limit or is a single point of failure",
        patterns: [
          /limit|ceiling|largest|biggest|max|no bigger|single point|spof|\bdies\b|\bdie\b|dying|\bdown\b|fail|outage|redundan|upper bound|only so (big|large|much)|can't grow|cannot grow/,
        ],
      },
    ]);
  });

  test("loadBalancer: spreading traffic and routing around unhealthy instances", () => {
    assertShortAnswer("loadBalancer", answers.shortAnswers.loadBalancer, [
      {
        idea: "it spreads requests across the instances",
        patterns: [
          /distribut|spread|shares?\b|split|round[- ]robin|divid|across|among|between (the )?(\w+ )?(instances|servers|machines|copies|replicas)|evenly|in turn|rotat|alternat|balanc(es|ing) (the )?(load|traffic|requests)/,
        ],
      },
      {
        idea: "it checks health and stops sending traffic to an instance that is down",
        patterns: [
          /health|stops? (sending|routing|forwarding|using)|(not|n't|never|no longer) (send|rout|forward)|route around|skip|avoid|away from|take[sn]? (it |them )?out|eject|(remov|drop|exclud|pull)\w* .{0,30}(from|out of) (the )?(pool|rotation|list)|(remov|drop|exclud)\w* (any |the |an? )?(dead|failed|failing|crashed|broken|unhealthy)|only (to )?(live|working|healthy)|only to (the )?(instances|servers|ones) that (are|respond|work)/,
        ],
      },
    ]);
  });

  test("highAvailability: redundancy plus automatic failover", () => {
    assertShortAnswer("highAvailability", answers.shortAnswers.highAvailability, [
      {
        idea: "more than one copy of every part, so there is no single point of failure",
        patterns: [
          /redundan|replica|more than one|multiple|several|two or more|at least two|spare|standby|(two|several|multiple) (copies|instances|machines)|single point|spof|n ?\+ ?1/,
        ],
      },
      {
        idea: "failures are detected and traffic moves to the healthy copies automatically",
        patterns: [/fail ?over|health|detect|automatic|switch|reroute|route around|takes? over|promot|load balanc/],
      },
    ]);
  });

  test("defenceInDepth: independent layers, because any one layer can fail", () => {
    assertShortAnswer("defenceInDepth", answers.shortAnswers.defenceInDepth, [
      {
        idea: "security is built from several independent layers",
        patterns: [
          /layer|depth|multiple|several|more than one|independent|overlap|second line|backup|own check|each (part|component|service|level)/,
        ],
      },
      {
        idea: "any single layer can fail, have a bug, be misconfigured or be bypassed",
        patterns: [
          /bypass|bug|misconfig|fail|mistake|compromis|another path|other path|internal|directly|around the gateway|broken|forg[eo]t|hole|gap|skip/,
        ],
      },
    ]);
  });
});
