/** Test helpers for the room protocol: connect and read the welcome, join and read the reply. */
import assert from "node:assert/strict";
import { type WsClient, wsConnect } from "ts-dojo/harness";

export type ServerMsg =
  | { type: "welcome"; id: string }
  | { type: "joined"; room: string; member: string; members: string[] }
  | { type: "left"; room: string; member: string; members: string[] }
  | { type: "said"; room: string; from: string; text: string }
  | { type: "error"; code: string; message: string };

export interface Member {
  ws: WsClient;
  id: string;
  /** The next message, which must be of `type`. */
  expect<T extends ServerMsg["type"]>(type: T, what: string): Promise<Extract<ServerMsg, { type: T }>>;
}

/** `http://127.0.0.1:p` → `ws://127.0.0.1:p/`. */
export const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, "ws")}/`;

const opened = new Set<WsClient>();

/**
 * Drop every client the test opened, so a test checks one thing: only the close() test relies
 * on the server to end connections. Register with afterEach *before* useServer().
 */
export async function dropClients(): Promise<void> {
  const all = [...opened];
  opened.clear();
  for (const ws of all) ws.drop();
  await Promise.all(all.map((ws) => ws.closed(1000).catch(() => undefined)));
}

/** Open a connection and read its welcome. */
export async function connect(httpUrl: string): Promise<Member> {
  const ws = await wsConnect(wsUrl(httpUrl));
  opened.add(ws);
  const expect = async <T extends ServerMsg["type"]>(type: T, what: string) => {
    const m = await ws.next<ServerMsg>(1500).catch((e: Error) => assert.fail(`${what}: expected a "${type}" message. ${e.message}`));
    assert.equal(m?.type, type, `${what}: expected a "${type}" message, got ${JSON.stringify(m)}`);
    return m as Extract<ServerMsg, { type: T }>;
  };
  const welcome = await expect("welcome", "right after connecting");
  assert.ok(typeof welcome.id === "string" && welcome.id !== "", `welcome.id must be a non-empty string, got ${JSON.stringify(welcome)}`);
  return { ws, id: welcome.id, expect };
}

/** `m` joins `room`; resolves with the joined message it gets back. */
export async function join(m: Member, room: string) {
  m.ws.send({ type: "join", room });
  const j = await m.expect("joined", `after ${m.id} sent join ${room}`);
  assert.equal(j.room, room, `joined.room should be ${room}`);
  return j;
}
