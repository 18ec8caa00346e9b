// Known-bad answers for 0.5: Little's law applied with milliseconds where seconds belong.
import type { Answers } from "./types.ts";

const HOURS_PER_YEAR = 365 * 24; // 8,760
const MINUTES_PER_30_DAYS = 30 * 24 * 60; // 43,200

export const answers: Answers = {
  // Downtime = (1 - availability) x period. Each extra nine divides the budget by ten.
  downtimePerYearHours: {
    "99": 0.01 * HOURS_PER_YEAR, // 87.6 h, about three and a half days
    "99.9": 0.001 * HOURS_PER_YEAR, // 8.76 h
    "99.99": 0.0001 * HOURS_PER_YEAR, // 0.876 h, about 53 minutes
  },

  downtimePer30DaysMinutes: {
    "99.9": 0.001 * MINUTES_PER_30_DAYS, // 43.2 min
    "99.95": 0.0005 * MINUTES_PER_30_DAYS, // 21.6 min
  },

  // Parts that are all needed multiply: 0.9995 x 0.9999 x 0.999 = 0.99840 (99.84 %), so about
  // 69.1 minutes a month. Adding up the three budgets (21.6 + 4.32 + 43.2) gives nearly the same.
  checkoutPathDowntimePer30DaysMinutes: (1 - 0.9995 * 0.9999 * 0.999) * MINUTES_PER_30_DAYS,

  // Down only when both are down: 0.01 x 0.01 = 0.0001 of the time, i.e. 99.99 % available.
  twoReplicasDowntimePerYearHours: 0.01 * 0.01 * HOURS_PER_YEAR, // 0.876 h

  // L = lambda x W, with W in seconds.
  littlesLaw: {
    inFlight: 400 * 250, // wrong: 250 ms used as 250 s
    maxRequestsPerSecond: 200 / 40, // wrong: 40 ms used as 40 s
    averageLatencyMs: 600 / 1200, // wrong: the result is in seconds, not ms
  },

  // About 1 ns, 100 ns, 0.5 ms, 10 ms and 150 ms.
  fastestFirst: [
    "read from the CPU's L1 cache",
    "read from main memory (RAM)",
    "network round trip inside one data centre",
    "one random seek on a spinning hard disk",
    "network round trip Europe to US west coast and back",
  ],

  latencyOrThroughput: {
    "autocomplete suggestions while the user types": "latency",
    "nightly export of 40 million rows that must finish before 6 am": "throughput",
    "ingest 2 GB of logs a minute from every server without falling behind": "throughput",
    "a multiplayer game relaying each player's moves to the others": "latency",
    "the payment step of checkout, which must answer within 300 ms": "latency",
    "transcode a backlog of 10,000 uploaded videos": "throughput",
  },

  scaleUpOrOut: {
    // Splitting one database across machines is hard; a bigger box is the cheap first step.
    "one Postgres server at 80 % CPU for a small shop; a 2x bigger machine exists and costs 2x": "up",
    // One machine, however big, is a single point of failure.
    "the API must keep serving when any one machine dies": "out",
    "you already run on the largest machine your cloud offers and it is still saturated": "out",
    // Stateless instances can be added for the week and removed after it.
    "a stateless API sees 10x traffic for one week every November": "out",
  },

  statefulness: {
    "an API server that keeps sessions in Redis and data in Postgres": "stateless",
    "an API server that keeps sessions in an in-memory Map": "stateful",
    "a WebSocket chat server that holds room membership in memory": "stateful",
    "a thumbnail function that gets an image and returns a smaller one": "stateless",
    "the Postgres server itself": "stateful",
  },

  securityPrinciple: {
    "the reporting service's database user may only SELECT from three views": "least-privilege",
    "a CI token can deploy to staging but not to production": "least-privilege",
    "the service validates input even though the gateway already did, and the table has CHECK constraints": "defence-in-depth",
    "passwords are hashed even though the database sits behind a firewall": "defence-in-depth",
    "a new storage bucket is private unless someone explicitly makes it public": "secure-by-default",
    "the template engine escapes HTML unless a developer opts out for one value": "secure-by-default",
  },

  trueOrFalse: {
    "adding a cache always makes a system faster": false, // misses cost a lookup, and stale data costs more
    "99.9 % availability allows almost nine hours of downtime a year": true, // 8.76 h
    "microservices always scale better than a monolith": false,
    "if the average latency is 100 ms, nearly every user waits about 100 ms": false, // the tail is far slower
    "calling one more 99.9 % dependency on every request lowers the availability of the whole request": true,
    "a small team starting a new product is usually better served by a well-structured monolith": true,
    "maintainability is mostly about clean code": false, // tests, logs, metrics and deploys count as much
    "horizontal scaling is always cheaper than vertical scaling": false,
  },

  shortAnswers: {
    scaleUpFirst:
      "A bigger machine is the simplest fix because nothing in the code or the architecture has to change. " +
      "But one machine has a size limit and is a single point of failure, so growth or an outage eventually forces you to add machines.",
    loadBalancer:
      "It spreads incoming requests across the three instances so none is overloaded. " +
      "It also runs health checks and stops sending traffic to an instance that fails them.",
    highAvailability:
      "Every part needs redundancy, at least two copies with no single point of failure. " +
      "Health checks must detect a dead machine and fail over to the others automatically.",
    defenceInDepth:
      "Security works in layers, and any single layer can have a bug, be misconfigured or be bypassed, for example by an internal caller that never goes through the gateway. " +
      "With independent checks at each layer, one failure does not let bad data through.",
  },
};
