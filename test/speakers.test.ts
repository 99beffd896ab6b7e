import { describe, expect, it } from "vitest";
import { extractQuotes, speakerCandidates } from "../src/news/quotes.js";
import { type Candidate, fitMargin, pickSpeaker, probabilities, SPEAKER_FEATURES, train } from "../src/news/speakers.js";

const dims = SPEAKER_FEATURES.length;
const at = (name: (typeof SPEAKER_FEATURES)[number]) => SPEAKER_FEATURES.indexOf(name);
function candidate(name: string, set: Partial<Record<(typeof SPEAKER_FEATURES)[number], number>>): Candidate {
  const x = new Array<number>(dims).fill(0);
  for (const [k, v] of Object.entries(set)) x[at(k as (typeof SPEAKER_FEATURES)[number])] = v;
  return { name, x };
}

describe("the speaker model", () => {
  it("learns from examples which features mark the speaker", () => {
    // The right candidate is always the one named next to a speech verb; distractors are nearer.
    const items = Array.from({ length: 40 }, (_, i) => ({
      candidates: [candidate("near", { nearBefore: 0.9, recencyRank: 1 }), candidate("speaker", { speechVerbAfter: 0.5 + (i % 5) / 10, nearBefore: 0.3 })],
      right: [1],
    }));
    const w = train(items, { epochs: 200, rate: 1 });
    expect(w[at("speechVerbAfter")]).toBeGreaterThan(0);
    for (const item of items) expect(pickSpeaker(item.candidates, w)?.name).toBe("speaker");
    const p = probabilities(items[0]?.candidates ?? [], w);
    expect(p[1]).toBeGreaterThan(0.5);
    expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 10);
  });
  it("never gives 'she said' to a man or 'he said' to a woman, whatever the score", () => {
    const w = new Array<number>(dims).fill(0);
    w[at("nearBefore")] = 10;
    const man = candidate("Bernie Sanders", { nearBefore: 1, genderAgrees: -1 });
    const woman = candidate("Hillary Clinton", { nearBefore: 0.1, genderAgrees: 1 });
    expect(pickSpeaker([man, woman], w)?.name).toBe("Hillary Clinton");
    expect(pickSpeaker([man], w)).toBeUndefined();
  });
  it("keeps the rules' pick unless another scores more than the margin higher, and learns the margin that picks best", () => {
    const w = new Array<number>(dims).fill(0);
    w[at("nearBefore")] = 1;
    const rule = candidate("Cornell Belcher", { rulePronoun: 1, nearBefore: 0.7 });
    const other = candidate("Barack Obama", { nearBefore: 1 });
    expect(pickSpeaker([other, rule], w, 0)?.name).toBe("Barack Obama");
    expect(pickSpeaker([other, rule], w, 0.3)?.name).toBe("Cornell Belcher");
    expect(pickSpeaker([other, rule], w, 0.2)?.name).toBe("Barack Obama");
    // Not against gender: a man is no "she", margin or not.
    expect(pickSpeaker([other, candidate("Bill Clinton", { rulePronoun: 1, nearBefore: 0.9, genderAgrees: -1 })], w, 1)?.name).toBe("Barack Obama");
    // The rules right three times out of four when their pick trails by 0.3: a margin of 0.3 or more.
    const items = [0, 1, 2, 3].map((i) => ({ candidates: [other, rule], right: [i < 3 ? 1 : 0] }));
    expect(fitMargin(items, w)).toBeCloseTo(0.3, 10);
    expect(fitMargin([{ candidates: [other, rule], right: [0] }], w)).toBe(0);
  });
  it("offers the people named around a quotation, and marks one the rules named at it as locked", () => {
    const [first, second] = speakerCandidates([
      "Senator Jane Roe met Governor John Smith in Albany on Monday.",
      "“We agreed on the budget and on the schools,” Roe said. “The rest can wait for another week.”",
    ]);
    expect(first?.locked).toBe(true);
    expect(first?.quote.speaker).toBe("Jane Roe");
    expect(first?.candidates.map((c) => c.name).sort()).toEqual(["Albany", "Jane Roe", "John Smith"]);
    // A continuation is the model's to decide, among the same people.
    expect(second?.locked).toBe(false);
    expect(extractQuotes(["Senator Jane Roe met Governor John Smith in Albany on Monday.", "“We agreed on the budget and on the schools,” Roe said. “The rest can wait for another week.”"]).map((q) => q.speaker)).toEqual([
      "Jane Roe",
      "Jane Roe",
    ]);
  });
});
