import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deck, EMPTY_SCORE, grade, normalize, random, scoreAfter } from "./engine.js";
import type { Drill } from "./schema.js";

const match: Drill = {
  id: "m",
  title: "t",
  summary: "s",
  kind: "match",
  items: ["a", "b", "c", "d", "e"].map((x) => ({ prompt: `p-${x}`, answer: `A-${x}`, explain: `because ${x}` })),
};

describe("deck", () => {
  test("the same seed gives the same questions in the same order", () => {
    assert.deepEqual(deck(match, { seed: 42 }), deck(match, { seed: 42 }));
    assert.notDeepEqual(
      deck(match, { seed: 1 }).map((q) => q.prompt),
      deck(match, { seed: 2 }).map((q) => q.prompt),
    );
  });

  test("a match question offers its answer among three others from the drill", () => {
    for (const q of deck(match, { seed: 3 })) {
      assert.equal(q.options?.length, 4);
      assert.ok(q.options?.includes(q.expected));
      assert.equal(new Set(q.options).size, 4, "no option twice");
    }
  });

  test("count cuts the deck; group filters match items", () => {
    assert.equal(deck(match, { seed: 1, count: 2 }).length, 2);
    const grouped: Drill = { ...match, items: match.items.map((i, n) => ({ ...i, group: n < 2 ? "x" : "y" })) };
    assert.deepEqual(
      deck(grouped, { seed: 1, group: "x" })
        .map((q) => q.prompt)
        .sort(),
      ["p-a", "p-b"],
    );
  });

  test("an order question is never shown already in order", () => {
    const order: Drill = { id: "o", title: "t", summary: "s", kind: "order", items: [{ prompt: "p", steps: ["1", "2", "3"] }] };
    for (let seed = 0; seed < 50; seed++) assert.notDeepEqual(deck(order, { seed })[0]?.options, ["1", "2", "3"]);
  });
});

describe("grade", () => {
  test("options are answered by number or by text", () => {
    const [q] = deck(match, { seed: 5, count: 1 });
    assert.ok(q);
    const n = (q.options ?? []).indexOf(q.expected) + 1;
    assert.equal(grade(q, String(n)).correct, true);
    assert.equal(grade(q, ` ${q.expected.toUpperCase()} `).correct, true);
    assert.equal(grade(q, String((n % 4) + 1)).correct, false);
    assert.equal(grade(q, "").correct, false);
    assert.equal(grade(q, "9").correct, false);
  });

  test("a wrong answer carries the right one and its explanation", () => {
    const [q] = deck(match, { seed: 5, count: 1 });
    assert.ok(q);
    const g = grade(q, "nonsense");
    assert.equal(g.correct, false);
    assert.equal(g.expected, q.expected);
    assert.match(g.explain ?? "", /^because /);
  });

  test("order answers are the numbers of the shown steps, in the right order", () => {
    const order: Drill = {
      id: "o",
      title: "t",
      summary: "s",
      kind: "order",
      items: [{ prompt: "p", steps: ["dns", "tcp", "tls", "http"] }],
    };
    const [q] = deck(order, { seed: 9 });
    assert.ok(q?.options);
    const right = ["dns", "tcp", "tls", "http"].map((s) => (q.options ?? []).indexOf(s) + 1);
    assert.equal(grade(q, right.join(" ")).correct, true);
    assert.equal(grade(q, right.join(",")).correct, true);
    assert.equal(grade(q, right.join("")).correct, true);
    assert.equal(grade(q, [...right].reverse().join(" ")).correct, false);
    assert.equal(grade(q, right.slice(0, 3).join(" ")).correct, false);
  });

  test("recall accepts listed spellings, ignoring case, spacing and a final full stop", () => {
    const recall: Drill = {
      id: "r",
      title: "t",
      summary: "s",
      kind: "recall",
      items: [{ prompt: "p", answer: "Round trip time", accept: ["RTT"] }],
    };
    const [q] = deck(recall, { seed: 1 });
    assert.ok(q);
    assert.equal(grade(q, "round  trip time.").correct, true);
    assert.equal(grade(q, "rtt").correct, true);
    assert.equal(grade(q, "latency").correct, false);
  });

  test("predict compares every printed line in order", () => {
    const predict: Drill = {
      id: "p",
      title: "t",
      summary: "s",
      kind: "predict",
      items: [{ code: "x", output: ["sync", "tick", "promise"] }],
    };
    const [q] = deck(predict, { seed: 1 });
    assert.ok(q);
    assert.equal(grade(q, "sync, tick, promise").correct, true);
    assert.equal(grade(q, "sync | tick | promise").correct, true);
    assert.equal(grade(q, "sync, promise, tick").correct, false);
    assert.equal(grade(q, "sync, tick").correct, false);
  });

  test("estimates count within the relative tolerance, not beyond", () => {
    const est: Drill = {
      id: "e",
      title: "t",
      summary: "s",
      kind: "estimate",
      items: [{ prompt: "p", answer: 8.76, tolerance: 0.05, unit: "h" }],
    };
    const [q] = deck(est, { seed: 1 });
    assert.ok(q);
    assert.equal(grade(q, "8.76").correct, true);
    assert.equal(grade(q, "9,1").correct, true, "a decimal comma and a value 4 % off count");
    assert.equal(grade(q, "9.3").correct, false);
    assert.equal(grade(q, "87.6").correct, false, "off by ten is the classic mistake");
  });
});

test("an option whose text is a number is picked by its text first", () => {
  const codes: Drill = {
    id: "c",
    title: "t",
    summary: "s",
    kind: "choose",
    items: [{ prompt: "created?", options: ["200", "201", "204"], answer: "201" }],
  };
  const [q] = deck(codes, { seed: 1 });
  assert.ok(q);
  assert.equal(grade(q, "201").correct, true);
  assert.equal(grade(q, "200").correct, false);
});

test("score keeps count, streak and best streak", () => {
  const s = [true, true, false, true].reduce(scoreAfter, EMPTY_SCORE);
  assert.deepEqual(s, { asked: 4, correct: 3, streak: 1, best: 2 });
});

test("random is deterministic and in [0, 1)", () => {
  const a = random(7);
  const b = random(7);
  for (let i = 0; i < 100; i++) {
    const x = a();
    assert.equal(x, b());
    assert.ok(x >= 0 && x < 1);
  }
  assert.equal(normalize("  Hello   World. "), "hello world");
});
