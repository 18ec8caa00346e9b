import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { afterEach, describe, test } from "node:test";
import { rawConnect, useServer } from "ts-dojo/harness";
import { encodeFrame } from "./frame-encoder.ts";
import { connect, dropClients, join, type ServerMsg } from "./room-client.ts";
import { decodeFrame, startRoomServer } from "./src/ws.ts";

const upgradeRequest = (port: number, key: string) =>
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`;

describe("the handshake, byte by byte", () => {
  afterEach(dropClients);
  const api = useServer(() => startRoomServer({ port: 0 }), { closeTimeoutMs: 1500 });

  test("an Upgrade request is answered 101 with Upgrade, Connection and the right Sec-WebSocket-Accept", async () => {
    const raw = await rawConnect(api.port);
    try {
      const key = randomBytes(16).toString("base64");
      await raw.write(upgradeRequest(api.port, key));
      const res = await raw.readResponse();
      assert.equal(res.status, 101, `expected 101 Switching Protocols, got:\n${res.raw}`);
      assert.match(res.headers.get("upgrade") ?? "", /^websocket$/i, "the 101 must carry Upgrade: websocket");
      assert.match(res.headers.get("connection") ?? "", /\bupgrade\b/i, "the 101 must carry Connection: Upgrade");
      const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      assert.equal(res.headers.get("sec-websocket-accept"), accept, `Sec-WebSocket-Accept for key ${key}`);
    } finally {
      raw.destroy();
    }
  });

  test("after the 101 the same socket carries frames: decodeFrame reads the server's welcome, a hand-masked join is understood", async () => {
    const raw = await rawConnect(api.port);
    try {
      await raw.write(upgradeRequest(api.port, randomBytes(16).toString("base64")));
      assert.equal((await raw.readResponse()).status, 101, "expected 101 Switching Protocols");
      await raw.waitFor((b) => decodeFrame(b) !== null, "a whole first frame from the server");
      const welcome = decodeFrame(raw.received());
      assert.ok(welcome);
      assert.deepEqual([welcome.fin, welcome.opcode, welcome.masked], [true, 0x1, false], "a server sends final, unmasked text frames");
      const hello = JSON.parse(welcome.payload.toString()) as { type: string; id: string };
      assert.equal(hello.type, "welcome", `the first message must be the welcome, got ${welcome.payload.toString()}`);
      const after = welcome.consumed;

      // A client must mask what it sends; build the join frame by hand.
      await raw.write(encodeFrame({ opcode: 0x1, payload: JSON.stringify({ type: "join", room: "raw" }), mask: randomBytes(4) }));
      await raw.waitFor((b) => decodeFrame(b.subarray(after)) !== null, "a reply frame to the join");
      const reply = decodeFrame(raw.received().subarray(after));
      assert.ok(reply);
      assert.deepEqual(
        JSON.parse(reply.payload.toString()),
        { type: "joined", room: "raw", member: hello.id, members: [hello.id] },
        "the server must read a masked frame from a raw socket like any other client's",
      );
    } finally {
      raw.destroy();
    }
  });

  test("a plain HTTP request (no Upgrade) is answered 426 Upgrade Required", async () => {
    const reply = await api.get("/");
    reply.expectStatus(426).expectHeader("upgrade", /websocket/i);
  });
});

describe("rooms", () => {
  afterEach(dropClients);
  const api = useServer(() => startRoomServer({ port: 0 }), { closeTimeoutMs: 1500 });

  test("every connection is welcomed with its own id", async () => {
    const a = await connect(api.url);
    const b = await connect(api.url);
    assert.notEqual(a.id, b.id, "two connections must get different ids");
  });

  test("join answers joined with the members in join order, and tells those already there", async () => {
    const a = await connect(api.url);
    const b = await connect(api.url);
    assert.deepEqual(await join(a, "lobby"), { type: "joined", room: "lobby", member: a.id, members: [a.id] });
    assert.deepEqual(await join(b, "lobby"), { type: "joined", room: "lobby", member: b.id, members: [a.id, b.id] });
    assert.deepEqual(
      await a.expect("joined", "when b joins a's room"),
      { type: "joined", room: "lobby", member: b.id, members: [a.id, b.id] },
      "a member already in the room hears about the newcomer",
    );
  });

  test("joining a room twice changes nothing: joined again, no duplicate member", async () => {
    const a = await connect(api.url);
    await join(a, "lobby");
    assert.deepEqual((await join(a, "lobby")).members, [a.id], "a member appears once however often it joins");
  });

  test("say reaches every member of the room, the sender included, and nobody in another room", async () => {
    const [a, b, c] = [await connect(api.url), await connect(api.url), await connect(api.url)];
    await join(a, "red");
    await join(b, "red");
    await a.expect("joined", "b joining red");
    await join(c, "blue");
    a.ws.send({ type: "say", room: "red", text: "hi red" });
    const said = { type: "said", room: "red", from: a.id, text: "hi red" };
    assert.deepEqual(await a.expect("said", "a's own message echoed to a"), said, "the sender gets its own message back");
    assert.deepEqual(await b.expect("said", "a's message to red"), said);
    // c is in blue. Once the server has echoed a's message, anything for c from that say is
    // already on the wire ahead of the reply to c's own next request.
    c.ws.send({ type: "say", room: "blue", text: "hi blue" });
    const next = await c.expect("said", "c's own message in blue");
    assert.equal(next.room, "blue", `c is only in blue but received ${JSON.stringify(next)}: a message to red leaked into another room`);
  });

  test("one connection can be in several rooms and hears each with its room name", async () => {
    const [a, b] = [await connect(api.url), await connect(api.url)];
    await join(a, "one");
    await join(a, "two");
    await join(b, "two");
    await a.expect("joined", "b joining two");
    b.ws.send({ type: "say", room: "two", text: "x" });
    assert.deepEqual(await a.expect("said", "b's message"), { type: "said", room: "two", from: b.id, text: "x" });
  });

  test("leave: the leaver and the rest get left with the new members, and the leaver hears no more", async () => {
    const [a, b] = [await connect(api.url), await connect(api.url)];
    await join(a, "r");
    await join(b, "r");
    await a.expect("joined", "b joining r");
    b.ws.send({ type: "leave", room: "r" });
    const left = { type: "left", room: "r", member: b.id, members: [a.id] };
    assert.deepEqual(await b.expect("left", "b's own leave"), left);
    assert.deepEqual(await a.expect("left", "b leaving a's room"), left);
    a.ws.send({ type: "say", room: "r", text: "still here?" });
    await a.expect("said", "a's echo");
    b.ws.send({ type: "join", room: "elsewhere" });
    const next = await b.ws.next<ServerMsg>();
    assert.equal(next.type, "joined", `after leaving r, b must not receive r's messages; got ${JSON.stringify(next)}`);
  });

  test("say or leave in a room you are not in → error not_in_room, and nothing is sent to that room", async () => {
    const [a, b] = [await connect(api.url), await connect(api.url)];
    await join(a, "r");
    b.ws.send({ type: "say", room: "r", text: "let me in" });
    assert.equal((await b.expect("error", "say without joining")).code, "not_in_room");
    b.ws.send({ type: "leave", room: "r" });
    assert.equal((await b.expect("error", "leave without joining")).code, "not_in_room");
    a.ws.send({ type: "say", room: "r", text: "mine" });
    assert.equal((await a.expect("said", "a's echo")).text, "mine", "an outsider's say must not reach the room");
  });

  test("text that is not JSON → error bad_json, and the connection stays usable", async () => {
    const a = await connect(api.url);
    a.ws.send("{not json");
    const err = await a.expect("error", "a message that is not JSON");
    assert.equal(err.code, "bad_json");
    assert.ok(typeof err.message === "string" && err.message.length > 0, "an error carries a human-readable message");
    await join(a, "after-error");
  });

  test("JSON of the wrong shape → error bad_message, and the connection stays usable", async () => {
    const a = await connect(api.url);
    for (const bad of [
      { type: "dance", room: "r" },
      { type: "join" },
      { type: "join", room: 7 },
      { type: "say", room: "r" },
      [1, 2],
      "join",
      null,
    ]) {
      a.ws.send(JSON.stringify(bad));
      const err = await a.expect("error", `the message ${JSON.stringify(bad)}`);
      assert.equal(err.code, "bad_message", `${JSON.stringify(bad)} is valid JSON but not a valid message`);
    }
    await join(a, "after-errors");
  });
});

describe("faults and limits", () => {
  afterEach(dropClients);
  const api = useServer(() => startRoomServer({ port: 0 }), { closeTimeoutMs: 1500 });

  test("a client that vanishes without a close frame is removed: the others get left", async () => {
    const [a, b, c] = [await connect(api.url), await connect(api.url), await connect(api.url)];
    await join(a, "r");
    await join(b, "r");
    await a.expect("joined", "b joining");
    await join(c, "r");
    await a.expect("joined", "c joining");
    await b.expect("joined", "c joining");
    c.ws.drop();
    const left = { type: "left", room: "r", member: c.id, members: [a.id, b.id] };
    assert.deepEqual(await a.expect("left", "c's connection dying"), left, "a dropped connection must leave every room it was in");
    assert.deepEqual(await b.expect("left", "c's connection dying"), left);
    const d = await connect(api.url);
    assert.deepEqual((await join(d, "r")).members, [a.id, b.id, d.id], "the next joiner must not see c among the members");
  });

  test("a client in two rooms that closes normally leaves both", async () => {
    const [a, b, c] = [await connect(api.url), await connect(api.url), await connect(api.url)];
    await join(a, "x");
    await join(b, "y");
    await join(c, "x");
    await a.expect("joined", "c joining x");
    await join(c, "y");
    await b.expect("joined", "c joining y");
    c.ws.close();
    assert.deepEqual(await a.expect("left", "c closing"), { type: "left", room: "x", member: c.id, members: [a.id] });
    assert.deepEqual(await b.expect("left", "c closing"), { type: "left", room: "y", member: c.id, members: [b.id] });
  });

  test("a message of exactly 64 KiB is accepted", async () => {
    const a = await connect(api.url);
    await join(a, "r");
    const shell = JSON.stringify({ type: "say", room: "r", text: "" });
    const text = "z".repeat(64 * 1024 - shell.length);
    a.ws.send(JSON.stringify({ type: "say", room: "r", text }));
    assert.equal((await a.expect("said", "a 65,536-byte message")).text.length, text.length, "65,536 bytes is at the limit, not over it");
  });

  test("a message over 64 KiB closes the connection with 1009 (message too big)", async () => {
    const a = await connect(api.url);
    await join(a, "r");
    a.ws.send(JSON.stringify({ type: "say", room: "r", text: "z".repeat(64 * 1024) }));
    const { code } = await a.ws.closed(1500);
    assert.equal(code, 1009, "set maxPayload to 64 KiB on the WebSocketServer; ws then closes with 1009");
  });

  test("close() ends every open WebSocket connection and resolves", async () => {
    const [a, b] = [await connect(api.url), await connect(api.url)];
    await join(a, "r");
    await api
      .close()
      .catch((e: Error) =>
        assert.fail(
          `close() did not finish while clients were connected (${e.message}): ws's WebSocketServer.close() does not end open connections, so close() has to`,
        ),
      );
    await a.ws.closed(1000);
    await b.ws.closed(1000);
  });
});
