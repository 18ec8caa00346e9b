// The shape of your answers for 0.1. This file is read-only: edit answers.ts, not this.
// Every choice also accepts "TODO", which the tests report as "not answered yet".

/** A placeholder meaning "I have not answered this yet". */
export type Todo = "TODO";

/** The boxes of the backend picture in the lesson. */
export type Box = "client" | "server" | "database" | "cache" | "queue";

/**
 * One arrow of the picture: `from` opens the connection and sends requests to `to`.
 * Replies travel back along the same connection, so they need no arrow of their own.
 */
export type Arrow = readonly [from: Box, to: Box];

/** The three places a server puts things, besides its reply. */
export type Primitive = "database" | "cache" | "queue";

/** Things a shop's backend has to do. Pick the primitive each one belongs in. */
export type Scenario =
  | "send a welcome e-mail after someone signs up"
  | "keep every order a customer has placed, for the tax office, for seven years"
  | "show the same top-10 bestsellers list on every home-page view, recomputed once a minute"
  | "record that a user changed their password"
  | "make three thumbnail sizes of a photo the user just uploaded"
  | "remember the answer of a slow currency-rate service for 60 seconds"
  | "tell the warehouse system that an order was placed"
  | "save the delivery address a customer typed into their profile";

/** Parts of a restaurant, for the analogy in the lesson. */
export type RestaurantPart =
  | "the customer at the table"
  | "the waiter who takes the order"
  | "the cooks in the kitchen"
  | "the walk-in fridge"
  | "the rail of order tickets the cooks work through"
  | "the tray of onions chopped before service starts";

/** The backend role each restaurant part plays. */
export type Role = "client" | "api" | "service" | "database" | "cache" | "queue";

/**
 * Claims about why a phone app should call your API instead of connecting to the database.
 * Some are real reasons; at least one is not. Pick only the real ones.
 */
export type DirectDbClaim =
  // The app would have to carry the database password, and anyone can dig it out of the app.
  | "security"
  // A database takes a few hundred connections; a server shares a small pool among many users.
  | "scaling"
  // You can change tables, or the database product, without shipping a new app to every phone.
  | "flexibility"
  // The extra hop through an API makes each query reach the database sooner.
  | "speed"
  // Rules such as "only the owner may see an order" run in one place that you control.
  | "rules";

/** The words to explain, each in one or two sentences of your own. */
export type Term = "backend" | "api" | "database" | "cache" | "queue" | "stateless";

export interface Answers {
  /** Draw the picture as arrows: who sends requests to whom? */
  diagram: Arrow[];
  /** Where does each piece of work or data belong? */
  primitiveFor: Record<Scenario, Primitive | Todo>;
  /** Which backend role does each part of the restaurant play? */
  restaurant: Record<RestaurantPart, Role | Todo>;
  /** Which claims are real reasons to keep clients away from the database? */
  whyNotDirectDbAccess: DirectDbClaim[];
  /** Each term in at most two sentences (and at most 60 words). */
  explain: Record<Term, string>;
}
