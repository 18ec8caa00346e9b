/**
 * Task 2.7: a WebSocket handshake key and frame decoder by hand, then a chat-room server on `ws`.
 * Read README.md first; it has the frame layout and the full protocol.
 */
import type { Running } from "ts-dojo/kit";

/** Largest message the room server accepts, in bytes; bigger ones must close the connection with 1009. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * The value of Sec-WebSocket-Accept for a client's Sec-WebSocket-Key (RFC 6455 §4.2.2):
 * base64( SHA-1( key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11" ) ). Use node:crypto.
 */
export function computeAcceptKey(secWebSocketKey: string): string {
  throw new Error("TODO: computeAcceptKey");
}

export interface Frame {
  /** The FIN bit: this is the last frame of its message. */
  fin: boolean;
  /** The low 4 bits of the first byte: 0x0 continuation, 0x1 text, 0x2 binary, 0x8 close, 0x9 ping, 0xA pong. */
  opcode: number;
  /** The MASK bit of the second byte (clients must mask, servers must not). */
  masked: boolean;
  /** The payload, already unmasked. */
  payload: Buffer;
  /** How many bytes of the input this frame took: header + mask key + payload. */
  consumed: number;
}

/**
 * Decode the frame at the start of `buf`. Return null when the frame has not fully arrived
 * (header, extended length, mask key or payload incomplete). Bytes after the frame are ignored.
 */
export function decodeFrame(buf: Buffer): Frame | null {
  throw new Error("TODO: decodeFrame");
}

/*
 * The room protocol. Every message is one JSON object in one text message.
 *
 * server → client, once, right after the connection opens:
 *   { type: "welcome", id }                       id: a non-empty string, unique per connection
 *
 * client → server:
 *   { type: "join",  room }                       room: a non-empty string
 *   { type: "leave", room }
 *   { type: "say",   room, text }                 text: a string
 *
 * server → client:
 *   { type: "joined", room, member, members }     to every member of the room, the joiner included;
 *                                                 member = who joined, members = ids in join order.
 *                                                 Joining a room you are in: joined to you only, no change.
 *   { type: "said", room, from, text }            to every member of the room, the sender included
 *   { type: "left", room, member, members }       to the leaver (after a leave message) and to every
 *                                                 remaining member; members = those still there.
 *                                                 Also sent to the others when a connection closes or
 *                                                 simply dies, once for each room it was in.
 *   { type: "error", code, message }              the connection stays open. code is one of
 *     "bad_json"     the text is not JSON
 *     "bad_message"  JSON, but not one of the three messages above (unknown type, missing field, …)
 *     "not_in_room"  say or leave for a room you have not joined
 *
 * A message over MAX_MESSAGE_BYTES closes the connection with code 1009.
 * A plain HTTP request (no Upgrade) gets 426 Upgrade Required with Upgrade: websocket.
 */

/**
 * Start the room server on 127.0.0.1 (port 0 = any free port) and resolve once it listens.
 * Build it on the `ws` package: a node:http server plus new WebSocketServer({ server, maxPayload }).
 * close() must end every open WebSocket connection, then stop listening.
 */
export async function startRoomServer(opts: { port?: number } = {}): Promise<Running> {
  throw new Error("TODO: startRoomServer");
}
