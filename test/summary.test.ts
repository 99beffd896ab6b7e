import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../bench/eval-summaries.js";
import { packNumbers, planSummaries, summarize, SUMMARY_SENTENCES, type SummaryLength, summaryFromPlan, unitCountOf, unitsOf, unpackNumbers } from "../src/news/summary.js";
import { seedArticles } from "./support/seed.js";

const EVAL = path.resolve(import.meta.dirname, "../../shared/eval");

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
  it("leaves out a sentence that leans on the one before it, unless that one is in the summary too", () => {
    const paragraphs = [
      "Storms hit the coast this week and officials in the harbour town counted the damage to boats and homes.",
      "The harbour master Jan Olsen walked the damaged piers with the mayor on Tuesday morning.",
      "He said the harbour town storm damage to boats, piers and homes was the worst the harbour had seen in decades.",
      "Insurers said claims for storm damage to boats and homes in the harbour town would take months to settle.",
      "The weather office expects calmer seas by the weekend, with light winds along the coast.",
    ];
    // "He said …" is the most central after the lead, but "he" is Jan Olsen, named only in the sentence before.
    expect(summarize(paragraphs, 2).map((u) => u.index)).toEqual([0, 3]);
    // With Jan Olsen's sentence in the summary, his "He said …" may follow it.
    const withOlsen = ["The harbour master Jan Olsen walked the damaged piers on Tuesday morning with the mayor.", ...paragraphs.slice(2)];
    expect(summarize(withOlsen, 3).map((u) => u.text.slice(0, 8))).toEqual(["The harb", "He said ", "Insurers"]);
  });

  it("returns every sentence of an article shorter than asked", () => {
    expect(summarize(["One sentence only."], 3).map((u) => u.text)).toEqual(["One sentence only."]);
    expect(unitsOf(["A. B."])).toHaveLength(1);
  });
});

describe("summary plans (every length made at once, for /summary to look up)", () => {
  const lengths = Object.keys(SUMMARY_SENTENCES) as SummaryLength[];
  /** Where the plan and `summarize` disagree, one line each. */
  const differences = (paragraphs: readonly string[], name: string): string[] => {
    const plan = planSummaries(paragraphs);
    const out: string[] = [];
    if (unitCountOf(plan) !== unitsOf(paragraphs).length) out.push(`${name}: ${unitCountOf(plan)} units, not ${unitsOf(paragraphs).length}`);
    for (const length of lengths) {
      const want = summarize(paragraphs, SUMMARY_SENTENCES[length]).map((u) => u.text);
      const got = summaryFromPlan(plan, paragraphs, length);
      if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${name} ${length}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    return out;
  };

  it("gives what summarize gives, for every length, over the seed and the 940 evaluation articles", async () => {
    const sets = await Promise.all(["bbc-summary", "polnear-train"].map((d) => loadEvalSet(path.join(EVAL, d))));
    const articles = [...seedArticles().map((a) => ({ name: a.id, paragraphs: a.paragraphs })), ...sets.flatMap((s) => s.articles)];
    expect(articles.length).toBe(944);
    expect(articles.flatMap((a) => differences(a.paragraphs, a.name))).toEqual([]);
  }, 60_000);

  it("picks a shorter summary from its own units when they differ from the long one's", () => {
    // Two sentences of six words or more and four fragments: "short" picks among the two, "long" among all six.
    const paragraphs = [
      "Read more. Go on. The council approved the new school budget on Monday evening.",
      "Yes. Teachers welcomed the budget for schools and new buildings this year. No.",
    ];
    expect(differences(paragraphs, "fragments")).toEqual([]);
    const plan = planSummaries(paragraphs);
    expect(summaryFromPlan(plan, paragraphs, "short")[0]).toMatch(/budget/);
    expect(summaryFromPlan(plan, paragraphs, "long")).toHaveLength(5);
    // Shorter than asked: every unit, for every length.
    const one = ["One sentence only."];
    expect(lengths.map((l) => summaryFromPlan(planSummaries(one), one, l))).toEqual([["One sentence only."], ["One sentence only."], ["One sentence only."]]);
    expect(differences(["A first sentence here. A second one."], "two")).toEqual([]);
  });

  it("packs the plan's numbers into a string and back, large ones too", () => {
    const ns = [0, 1, 0x7fff, 0x8000, 0x8001, 65535, 65536, 1_000_000, 2 ** 29, 2 ** 30 - 1, 42];
    const packed = packNumbers(ns);
    expect(packed.length).toBe(3 + 2 * 7 + 1);
    expect(unpackNumbers(packed)).toEqual(ns);
    expect(() => packNumbers([2 ** 30])).toThrow(RangeError);
    expect(() => packNumbers([-1])).toThrow(RangeError);
    // A paragraph longer than 2^15 characters: its offsets take two units each, and the summary is still right.
    const long = `${"Filler words go on and on here. ".repeat(1200)}The council approved the new school budget on Monday evening at last.`;
    expect(long.length).toBeGreaterThan(0x8000);
    const paragraphs = [long, "Teachers welcomed the budget for schools and new buildings this year."];
    expect(Math.max(...unpackNumbers(planSummaries(paragraphs)))).toBeGreaterThan(0x8000);
    expect(differences(paragraphs, "long paragraph")).toEqual([]);
  });
});
