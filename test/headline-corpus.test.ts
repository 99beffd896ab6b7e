/**
 * Every generated headline over the 940 real articles of ../shared/eval (BBC News Summary and PolNeAR, read in
 * place, never copied): within Discord's and our limit, made of whole words of the article, never ending on a
 * dangling function word. CI has ../shared beside its clone; a missing folder fails here with its path.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../bench/eval-summaries.js";
import { generateHeadline, HEADLINE_MAX } from "../src/news/headline.js";
import { fold } from "../src/news/text.js";

const EVAL = path.resolve(import.meta.dirname, "../../shared/eval");
const DANGLING = /(?:^|\s)(?:and|or|but|of|the|a|an|to|in|on|at|for|with|by|from|that|which|whether)$/iu;

describe("generated headlines over the evaluation articles", () => {
  it("finds the evaluation data", () => {
    expect(existsSync(path.join(EVAL, "bbc-summary")), `${EVAL}/bbc-summary`).toBe(true);
    expect(existsSync(path.join(EVAL, "polnear-train")), `${EVAL}/polnear-train`).toBe(true);
  });

  it("never ends mid-word or on a dangling word, and fits 90 characters", async () => {
    const sets = await Promise.all(["bbc-summary", "polnear-train"].map((d) => loadEvalSet(path.join(EVAL, d))));
    const articles = sets.flatMap((s) => s.articles);
    expect(articles.length).toBe(940);
    const problems: string[] = [];
    for (const a of articles) {
      const h = generateHeadline(a.paragraphs[0] ?? "", HEADLINE_MAX, a.paragraphs);
      const source = ` ${fold(a.paragraphs.join(" ")).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
      const body = h.replace(/…$/u, "");
      const words = fold(body).replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ");
      if (h.length === 0 || h.length > HEADLINE_MAX) problems.push(`${a.name}: length ${h.length}: ${h}`);
      if (DANGLING.test(body.replace(/[^\p{L}\p{N}]+$/u, ""))) problems.push(`${a.name}: dangling: ${h}`);
      // Every word, the last above all, is a whole word of the article: no word cut in half.
      for (const w of words) if (!source.includes(` ${w} `)) problems.push(`${a.name}: “${w}” is not a word of the article: ${h}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
