// The shape of your answers for 0.2. This file is read-only: edit answers.ts, not this.
// Every choice also accepts "TODO", which the tests report as "not answered yet".

/** A placeholder meaning "I have not answered this yet". */
export type Todo = "TODO";

/** The hops a request passes through, as named in the lesson. */
export type Hop =
  | "dns" // the browser turns the host name into an IP address
  | "tcp" // the browser opens a connection to that address
  | "tls" // the browser and the server set up encryption and check the certificate
  | "http" // the browser sends the HTTP request over the connection
  | "load-balancer" // the load balancer / reverse proxy picks an app server and forwards the request
  | "api" // the API layer of the app server: routing, parsing, validation, authentication
  | "service" // the service layer: business logic
  | "data"; // the data layer: queries against the database

/** Error messages and symptoms seen while a user tries to buy something. */
export type Symptom =
  | "getaddrinfo ENOTFOUND shop.example"
  | "connect ECONNREFUSED 203.0.113.10:443"
  | "certificate has expired"
  | "502 Bad Gateway, with an nginx error page"
  | "400 Bad Request: quantity must be a positive whole number"
  | "401 Unauthorized: missing or invalid session token"
  | "409 Conflict: only 2 left in stock, you asked for 3"
  | "ERROR: deadlock detected (from Postgres)";

export interface Answers {
  /** Every hop, once each, in the order they happen for a first click on "buy". */
  traceBuy: Hop[];
  /** For each symptom, the hop that produced it. */
  failureAt: Record<Symptom, Hop | Todo>;
  /** Which hops are skipped when the user clicks "buy" again ten seconds later? */
  secondClickSkips: Hop[];
  /** What each hop is responsible for, in at most two sentences (and at most 60 words). */
  responsibilities: Record<Hop, string>;
}
