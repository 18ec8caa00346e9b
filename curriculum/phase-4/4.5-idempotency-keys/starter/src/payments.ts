/**
 * The payments resource: a ledger that records charges (one row per charge, so the tests can
 * count double charges) and the POST /payments handler that validates a request and charges
 * once per call. Nothing here knows about retries; that is withIdempotency's job. Read-only.
 */
import { type Handler, problem } from "./http.ts";

/** What a client asks for: 2500 EUR cents to acct_bakery. */
export interface PaymentInput {
  /** In minor units (cents): a whole number from 1 to 1,000,000. */
  readonly amount: number;
  /** Three upper-case letters, e.g. "EUR". */
  readonly currency: string;
  /** The receiving account, 1–64 characters. */
  readonly to: string;
}

/** One row of the ledger: money that moved. */
export interface Payment extends PaymentInput {
  /** "pay_1", "pay_2", … in the order the rows were written. */
  readonly id: string;
}

export interface Ledger {
  /** Move the money and write one row. May reject (the processor is down) and then writes nothing. */
  charge(input: PaymentInput): Promise<Payment>;
  /** Every row written so far, oldest first. */
  rows(): readonly Payment[];
}

/** The payment processor did not answer; the handler turns this into a 503 the client may retry. */
export class ProcessorUnavailableError extends Error {
  constructor() {
    super("the payment processor did not answer");
  }
}

export interface LedgerOptions {
  /**
   * Runs at the start of every charge, before the row is written, standing in for the call to
   * the payment processor. The tests use it to hold a charge open, or to make it fail.
   */
  readonly beforeCharge?: (input: PaymentInput) => Promise<void>;
}

/** An empty in-memory ledger. */
export function createLedger(opts: LedgerOptions = {}): Ledger {
  const rows: Payment[] = [];
  return {
    async charge(input) {
      await opts.beforeCharge?.(input);
      const payment: Payment = { id: `pay_${rows.length + 1}`, amount: input.amount, currency: input.currency, to: input.to };
      rows.push(payment);
      return { ...payment };
    },
    rows: () => rows.map((row) => ({ ...row })),
  };
}

/**
 * POST /payments: 415 unless JSON, 400 for broken JSON, 422 for invalid fields, 503 when the
 * processor is down; otherwise one charge and 201 with the payment and its Location.
 * Every call that gets past validation charges again: call it twice, pay twice.
 */
export function createPaymentsHandler(ledger: Ledger): Handler {
  return async (req) => {
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") return problem(415, "Unsupported Media Type", "Send the payment as application/json.");
    let data: unknown;
    try {
      data = JSON.parse(req.body);
    } catch {
      return problem(400, "Bad Request", "The body is not valid JSON.");
    }
    const input = validPayment(data);
    if (typeof input === "string") return problem(422, "Unprocessable Content", input);
    let payment: Payment;
    try {
      payment = await ledger.charge(input);
    } catch (error) {
      if (error instanceof ProcessorUnavailableError)
        return problem(503, "Service Unavailable", "The payment processor did not answer; nothing was charged.", { "retry-after": "5" });
      throw error;
    }
    return {
      status: 201,
      headers: { "content-type": "application/json", location: `/payments/${payment.id}` },
      body: JSON.stringify({ ...payment, status: "succeeded" }),
    };
  };
}

/** GET /payments: every row, for looking at the ledger with curl. */
export function createListHandler(ledger: Ledger): Handler {
  return async () => ({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(ledger.rows()) });
}

/** The payment, or a sentence saying what is wrong with it. */
function validPayment(data: unknown): PaymentInput | string {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return "The body must be a JSON object.";
  const { amount, currency, to } = data as Record<string, unknown>;
  if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 1 || amount > 1_000_000)
    return "amount must be a whole number of cents from 1 to 1000000.";
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) return "currency must be three upper-case letters, like EUR.";
  if (typeof to !== "string" || to.length < 1 || to.length > 64) return "to must name an account in 1 to 64 characters.";
  return { amount, currency, to };
}
