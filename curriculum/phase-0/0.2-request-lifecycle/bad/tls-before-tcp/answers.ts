// Known-bad answers for 0.2: puts the TLS handshake before the TCP connection it runs inside.
import type { Answers } from "./types.ts";

export const answers: Answers = {
  // Name to address, then a connection, then encryption over it, then the request itself,
  // which the load balancer hands to one app server, where it passes inward layer by layer.
  // Mistake: "first make it secure, then connect", as if TLS could run without a connection.
  traceBuy: ["dns", "tls", "tcp", "http", "load-balancer", "api", "service", "data"],

  failureAt: {
    "getaddrinfo ENOTFOUND shop.example": "dns",
    // There is an IP address, so DNS worked; the connection attempt itself was refused.
    "connect ECONNREFUSED 203.0.113.10:443": "tcp",
    "certificate has expired": "tls",
    // nginx wrote the 502 page; the app server behind it is what it could not reach.
    "502 Bad Gateway, with an nginx error page": "load-balancer",
    "400 Bad Request: quantity must be a positive whole number": "api",
    "401 Unauthorized: missing or invalid session token": "api",
    // Well formed and authenticated, but against a business rule.
    "409 Conflict: only 2 left in stock, you asked for 3": "service",
    "ERROR: deadlock detected (from Postgres)": "data",
  },

  // Cached DNS answer (TTL 300 s) and a kept-alive connection (75 s idle) that is already
  // encrypted. The request itself is new, so everything from "http" inward runs again.
  secondClickSkips: ["dns", "tcp", "tls"],

  responsibilities: {
    dns: "DNS turns a host name such as shop.example into the IP address of a machine to connect to.",
    tcp: "TCP opens a connection between two machines with a handshake. It delivers bytes reliably and in order, resending whatever gets lost.",
    tls: "TLS encrypts everything sent over the connection. It also proves, with a certificate, that the server really is shop.example.",
    http: "HTTP is the agreed format of a request (method, path, headers, body) and its response (status code, headers, body).",
    "load-balancer":
      "The load balancer receives every request and forwards each one to one of several app server instances. It can skip instances that are down and often ends the TLS session.",
    api: "The API layer routes each request to the right handler, parses and validates its input, and checks who is calling. It turns the service's result into an HTTP response.",
    service: "The service layer holds the business logic: it applies rules such as stock limits and decides what must change.",
    data: "The data layer reads and writes rows in the database with queries. It uses transactions so the stored data stays consistent.",
  },
};
