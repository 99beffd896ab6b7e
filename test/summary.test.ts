import { describe, expect, it } from "vitest";
import { summarize, unitsOf } from "../src/news/summary.js";
import { seedArticles } from "./support/seed.js";

describe("summaries", () => {
  const alaska = seedArticles()[0];
  if (!alaska) throw new Error("seed missing");
  it("gives 1, 3 and 5 sentences for short, medium and long", () => {
    expect(summarize(alaska.paragraphs, 1)).toHaveLength(1);
    expect(summarize(alaska.paragraphs, 3)).toHaveLength(3);
    expect(summarize(alaska.paragraphs, 5)).toHaveLength(5);
  });
  it("returns sentences in document order, each once", () => {
    const s = summarize(alaska.paragraphs, 5);
    const idx = s.map((u) => u.index);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    expect(new Set(idx).size).toBe(idx.length);
  });
  it("starts from the lead for a news article", () => {
    expect(summarize(alaska.paragraphs, 1)[0]?.text).toMatch(/^U\.S\. President Donald Trump and Russian President Vladimir Putin are set to convene/);
  });
  it("never cuts a quotation in half", () => {
    for (const n of [1, 3, 5, 8]) {
      for (const u of summarize(alaska.paragraphs, n)) {
        expect((u.text.match(/“/g) ?? []).length).toBe((u.text.match(/”/g) ?? []).length);
      }
    }
  });
  it("prefers central sentences over an off-topic one in a long article", () => {
    const paragraphs = [
      "The city council approved the new budget for schools on Monday.",
      "The weather was mild and a dog barked somewhere near the river bank.",
      "The school budget adds money for teachers and for school buildings.",
      "Council members said the school budget was the largest in a decade.",
      "Parents welcomed the budget for schools and teachers.",
    ];
    const picked = summarize(paragraphs, 3).map((u) => u.text);
    expect(picked).not.toContain(paragraphs[1]);
  });
  it("returns every sentence of an article shorter than asked", () => {
    expect(summarize(["One sentence only."], 3).map((u) => u.text)).toEqual(["One sentence only."]);
    expect(unitsOf(["A. B."])).toHaveLength(1);
  });
});
