// The shape of your answers for 0.5. This file is read-only: edit answers.ts, not this.
// Every answer also accepts "TODO", which the tests report as "not answered yet".
// Numbers are checked within 1 %, so round sensibly and do not worry about the last digit.

/** A placeholder meaning "I have not answered this yet". */
export type Todo = "TODO";

/** Availability targets, in percent. */
export type Nines = "99" | "99.9" | "99.99";

/** Operations to sort from fastest to slowest (typical figures, orders of magnitude apart). */
export type LatencyStep =
  | "read from main memory (RAM)"
  | "read from the CPU's L1 cache"
  | "network round trip inside one data centre"
  | "network round trip Europe to US west coast and back"
  | "one random seek on a spinning hard disk";

/** Workloads. For each: which matters more, latency or throughput? */
export type Workload =
  | "autocomplete suggestions while the user types"
  | "nightly export of 40 million rows that must finish before 6 am"
  | "ingest 2 GB of logs a minute from every server without falling behind"
  | "a multiplayer game relaying each player's moves to the others"
  | "the payment step of checkout, which must answer within 300 ms"
  | "transcode a backlog of 10,000 uploaded videos";

/** Situations. For each: scale up (a bigger machine) or scale out (more machines)? */
export type ScaleCase =
  | "one Postgres server at 80 % CPU for a small shop; a 2x bigger machine exists and costs 2x"
  | "the API must keep serving when any one machine dies"
  | "you already run on the largest machine your cloud offers and it is still saturated"
  | "a stateless API sees 10x traffic for one week every November";

/** Components. For each: is an instance stateless or stateful? */
export type Component =
  | "an API server that keeps sessions in Redis and data in Postgres"
  | "an API server that keeps sessions in an in-memory Map"
  | "a WebSocket chat server that holds room membership in memory"
  | "a thumbnail function that gets an image and returns a smaller one"
  | "the Postgres server itself";

/** Security principles from the lesson. */
export type Principle = "defence-in-depth" | "least-privilege" | "secure-by-default";

/** Practices. For each: which principle does it apply most directly? */
export type Practice =
  | "the reporting service's database user may only SELECT from three views"
  | "a CI token can deploy to staging but not to production"
  | "the service validates input even though the gateway already did, and the table has CHECK constraints"
  | "passwords are hashed even though the database sits behind a firewall"
  | "a new storage bucket is private unless someone explicitly makes it public"
  | "the template engine escapes HTML unless a developer opts out for one value";

/** Claims. For each: true or false? */
export type Claim =
  | "adding a cache always makes a system faster"
  | "99.9 % availability allows almost nine hours of downtime a year"
  | "microservices always scale better than a monolith"
  | "if the average latency is 100 ms, nearly every user waits about 100 ms"
  | "calling one more 99.9 % dependency on every request lowers the availability of the whole request"
  | "a small team starting a new product is usually better served by a well-structured monolith"
  | "maintainability is mostly about clean code"
  | "horizontal scaling is always cheaper than vertical scaling";

/** The short written answers. See answers.ts for each question. */
export type Question = "scaleUpFirst" | "loadBalancer" | "highAvailability" | "defenceInDepth";

export interface Answers {
  /** Downtime allowed per 365-day year, in hours, for each availability target. */
  downtimePerYearHours: Record<Nines, number | Todo>;
  /** Downtime allowed per 30-day month, in minutes. */
  downtimePer30DaysMinutes: Record<"99.9" | "99.95", number | Todo>;
  /** Expected minutes of downtime per 30 days for the checkout path described in answers.ts. */
  checkoutPathDowntimePer30DaysMinutes: number | Todo;
  /** Expected hours of downtime per year for the two-replica setup described in answers.ts. */
  twoReplicasDowntimePerYearHours: number | Todo;
  /** Little's law: in flight = arrival rate x time in the system. Questions in answers.ts. */
  littlesLaw: {
    inFlight: number | Todo;
    maxRequestsPerSecond: number | Todo;
    averageLatencyMs: number | Todo;
  };
  /** Every LatencyStep exactly once, fastest first. */
  fastestFirst: LatencyStep[];
  latencyOrThroughput: Record<Workload, "latency" | "throughput" | Todo>;
  scaleUpOrOut: Record<ScaleCase, "up" | "out" | Todo>;
  statefulness: Record<Component, "stateless" | "stateful" | Todo>;
  securityPrinciple: Record<Practice, Principle | Todo>;
  trueOrFalse: Record<Claim, boolean | Todo>;
  /** At most two sentences (60 words) each, in your own words. */
  shortAnswers: Record<Question, string>;
}
