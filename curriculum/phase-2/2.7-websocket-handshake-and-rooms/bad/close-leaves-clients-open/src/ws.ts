/**
 * WebSocket by hand, then for real: the handshake key and the frame decoder are written from
 * RFC 6455; the room server leaves framing to the `ws` package and keeps only the rooms.
 */
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { Running } from "ts-dojo/kit";
import { type RawData, type WebSocket, WebSocketServer } from "ws";

/** Fixed by RFC 6455 §1.3; proves the server read the key as a WebSocket server. */
const WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** Largest message the room server accepts, in bytes; bigger ones close the connection with 1009. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key. */
export function computeAcceptKey(secWebSocketKey: string): string {
  return createHash("sha1")
    .update(secWebSocketKey + WS_GUID)
    .digest("base64");
}

export interface Frame {
  fin: boolean;
  opcode: number;
  masked: boolean;
  /** Already unmasked. */
  payload: Buffer;
  /** Bytes of `buf` this frame used: header + mask key + payload. */
  consumed: number;
}

/** Decode the frame at the start of `buf`, or null when it has not fully arrived yet. */
export function decodeFrame(buf: Buffer): Frame | null {
  if (buf.length < 2) return null;
  const b0 = buf[0] ?? 0;
  const b1 = buf[1] ?? 0;
  const fin = (b0 & 0x80) !== 0;
  const opcode = b0 & 0x0f;
  const masked = (b1 & 0x80) !== 0;
  let length = b1 & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2); // network byte order: big-endian
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    const big = buf.readBigUInt64BE(2);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("frame length does not fit in a JavaScript number");
    length = Number(big);
    offset = 10;
  }
  const maskKey = masked ? buf.subarray(offset, offset + 4) : undefined;
  if (masked) offset += 4;
  if (buf.length < offset + length) return null;

  // Copy, so the caller may keep the payload after reusing `buf`.
  const payload = Buffer.from(buf.subarray(offset, offset + length));
  if (maskKey) {
    if (maskKey.length < 4) return null;
    // The key index counts from the first payload byte, not from the start of the buffer.
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (maskKey[i % 4] ?? 0);
  }
  return { fin, opcode, masked, payload, consumed: offset + length };
}

type ClientMsg = { type: "join"; room: string } | { type: "leave"; room: string } | { type: "say"; room: string; text: string };
type ErrorCode = "bad_json" | "bad_message" | "not_in_room";

/** Start the room server on 127.0.0.1 (port 0 = any free port). */
export async function startRoomServer(opts: { port?: number } = {}): Promise<Running> {
  const http = createServer((_req, res) => {
    // A plain request reached a WebSocket-only endpoint: say what it should have asked for.
    res.writeHead(426, { upgrade: "websocket", connection: "Upgrade", "content-type": "text/plain" });
    res.end("this endpoint speaks WebSocket only\n");
  });
  const wss = new WebSocketServer({ server: http, maxPayload: MAX_MESSAGE_BYTES });
  const rooms = new Map<string, Map<string, WebSocket>>(); // room → (member id → socket), in join order
  let nextId = 1;

  const send = (ws: WebSocket, msg: object) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const toRoom = (room: string, msg: object) => {
    for (const ws of rooms.get(room)?.values() ?? []) send(ws, msg);
  };
  const fail = (ws: WebSocket, code: ErrorCode, message: string) => send(ws, { type: "error", code, message });

  const leave = (room: string, id: string) => {
    const members = rooms.get(room);
    if (!members?.delete(id)) return false;
    if (members.size === 0) rooms.delete(room);
    else toRoom(room, { type: "left", room, member: id, members: [...members.keys()] });
    return true;
  };

  wss.on("connection", (ws) => {
    const id = `u${nextId++}`;
    const joined = new Set<string>(); // rooms this connection is in, for clean-up on close
    send(ws, { type: "welcome", id });

    ws.on("message", (data: RawData, isBinary: boolean) => {
      const msg = isBinary ? undefined : parse(data.toString());
      if (msg === undefined) return fail(ws, "bad_json", "send one JSON object per text message");
      const checked = validate(msg);
      if (typeof checked === "string") return fail(ws, "bad_message", checked);

      if (checked.type === "join") {
        let members = rooms.get(checked.room);
        if (!members) rooms.set(checked.room, (members = new Map()));
        if (members.has(id)) return send(ws, { type: "joined", room: checked.room, member: id, members: [...members.keys()] });
        members.set(id, ws);
        joined.add(checked.room);
        return toRoom(checked.room, { type: "joined", room: checked.room, member: id, members: [...members.keys()] });
      }
      if (!joined.has(checked.room)) return fail(ws, "not_in_room", `you are not in room ${JSON.stringify(checked.room)}`);
      if (checked.type === "say") return toRoom(checked.room, { type: "said", room: checked.room, from: id, text: checked.text });
      // leave: tell the leaver directly; the others hear it from leave().
      joined.delete(checked.room);
      const rest = [...(rooms.get(checked.room)?.keys() ?? [])].filter((m) => m !== id);
      send(ws, { type: "left", room: checked.room, member: id, members: rest });
      leave(checked.room, id);
    });

    // 'close' fires for a close frame and for a connection that simply died (code 1006) alike.
    ws.on("close", () => {
      for (const room of joined) leave(room, id);
      joined.clear();
    });
    ws.on("error", () => {}); // e.g. 1009: ws closes the socket itself; 'close' does the clean-up
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The message as a ClientMsg, or a sentence saying what is wrong with it. */
function validate(msg: unknown): ClientMsg | string {
  if (typeof msg !== "object" || msg === null || Array.isArray(msg)) return "a message must be a JSON object";
  const m = msg as Record<string, unknown>;
  if (m.type !== "join" && m.type !== "leave" && m.type !== "say") return 'type must be "join", "leave" or "say"';
  if (typeof m.room !== "string" || m.room === "") return "room must be a non-empty string";
  if (m.type !== "say") return { type: m.type, room: m.room };
  if (typeof m.text !== "string") return "text must be a string";
  return { type: "say", room: m.room, text: m.text };
}
