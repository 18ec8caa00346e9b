// Your answers for 0.5. Replace every "TODO" and fill every empty list and string.
// The types in types.ts list the allowed choices; your editor will suggest them.
// Numbers are checked within 1 %: 43.9 is fine where 43.8 is exact.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // Hours of downtime a 365-day year allows at each availability target.
  downtimePerYearHours: {
    "99": "TODO",
    "99.9": "TODO",
    "99.99": "TODO",
  },

  // Minutes of downtime a 30-day month allows (the budget most teams actually track).
  downtimePer30DaysMinutes: {
    "99.9": "TODO",
    "99.95": "TODO",
  },

  // The checkout API is up 99.95 % of the time. Every checkout also needs the database
  // (99.99 %) and the payment provider (99.9 %); if any of the three is down, checkout fails.
  // Failures are independent. How many minutes per 30 days is checkout expected to be down?
  checkoutPathDowntimePer30DaysMinutes: "TODO",

  // Two replicas of a service, each up 99 % of the time, fail independently. A load balancer
  // (assume it never fails) sends traffic to whichever replica is up, so the service is down
  // only when both are. How many hours per year is the service expected to be down?
  twoReplicasDowntimePerYearHours: "TODO",

  littlesLaw: {
    // A service receives 400 requests per second; each takes 250 ms on average.
    // How many requests are in flight at once, on average?
    inFlight: "TODO",
    // A pool of 200 database connections; every request holds one for 40 ms.
    // At most how many requests per second can the pool serve?
    maxRequestsPerSecond: "TODO",
    // A server has 600 requests in flight on average while completing 1,200 per second.
    // What is the average time a request spends in it, in milliseconds?
    averageLatencyMs: "TODO",
  },

  // All five LatencySteps from types.ts, fastest first.
  fastestFirst: [],

  // "latency" or "throughput": which matters more for each workload?
  latencyOrThroughput: {
    "autocomplete suggestions while the user types": "TODO",
    "nightly export of 40 million rows that must finish before 6 am": "TODO",
    "ingest 2 GB of logs a minute from every server without falling behind": "TODO",
    "a multiplayer game relaying each player's moves to the others": "TODO",
    "the payment step of checkout, which must answer within 300 ms": "TODO",
    "transcode a backlog of 10,000 uploaded videos": "TODO",
  },

  // "up" (a bigger machine) or "out" (more machines)?
  scaleUpOrOut: {
    "one Postgres server at 80 % CPU for a small shop; a 2x bigger machine exists and costs 2x": "TODO",
    "the API must keep serving when any one machine dies": "TODO",
    "you already run on the largest machine your cloud offers and it is still saturated": "TODO",
    "a stateless API sees 10x traffic for one week every November": "TODO",
  },

  // "stateless" or "stateful": does one instance hold state that the next request needs?
  statefulness: {
    "an API server that keeps sessions in Redis and data in Postgres": "TODO",
    "an API server that keeps sessions in an in-memory Map": "TODO",
    "a WebSocket chat server that holds room membership in memory": "TODO",
    "a thumbnail function that gets an image and returns a smaller one": "TODO",
    "the Postgres server itself": "TODO",
  },

  // "defence-in-depth", "least-privilege" or "secure-by-default"?
  securityPrinciple: {
    "the reporting service's database user may only SELECT from three views": "TODO",
    "a CI token can deploy to staging but not to production": "TODO",
    "the service validates input even though the gateway already did, and the table has CHECK constraints": "TODO",
    "passwords are hashed even though the database sits behind a firewall": "TODO",
    "a new storage bucket is private unless someone explicitly makes it public": "TODO",
    "the template engine escapes HTML unless a developer opts out for one value": "TODO",
  },

  // true or false?
  trueOrFalse: {
    "adding a cache always makes a system faster": "TODO",
    "99.9 % availability allows almost nine hours of downtime a year": "TODO",
    "microservices always scale better than a monolith": "TODO",
    "if the average latency is 100 ms, nearly every user waits about 100 ms": "TODO",
    "calling one more 99.9 % dependency on every request lowers the availability of the whole request": "TODO",
    "a small team starting a new product is usually better served by a well-structured monolith": "TODO",
    "maintainability is mostly about clean code": "TODO",
    "horizontal scaling is always cheaper than vertical scaling": "TODO",
  },

  // One or two sentences each, in your own words (60 words at most).
  shortAnswers: {
    // Your only API server runs at 85 % CPU at peak. Why might you move it to a bigger
    // machine first, and what will eventually push you to add machines instead?
    scaleUpFirst: "",
    // Three identical API instances sit behind a load balancer. Name the two jobs the load
    // balancer does for them.
    loadBalancer: "",
    // What does a service need so that losing any one machine does not cause an outage?
    highAvailability: "",
    // The API gateway already validates request bodies. Why should the service still validate
    // its input, and the database still enforce constraints?
    defenceInDepth: "",
  },
};
