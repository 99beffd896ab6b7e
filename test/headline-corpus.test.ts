/**
 * Every generated headline over the 940 real articles of ../shared/eval (BBC News Summary and PolNeAR, read in
 * place, never copied): within Discord's and our limit, made of whole words of the article, never ending on a
 * dangling function word, its quotations the article's word for word. CI has ../shared beside its clone; a missing folder fails here with its path.
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

  it("never ends mid-word or on a dangling word, fits 90 characters, and quotes word for word", async () => {
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
      // A quotation is as it was said, word for word (its first letter may be capitalised; a cut one ends on "…").
      const text = a.paragraphs.join(" ").replace(/''/gu, '"');
      for (const m of h.matchAll(/[“"]([^”"]+)[”"]/gu)) {
        const q = (m[1] as string).replace(/…$/u, "");
        const plain = q.charAt(0).toLowerCase() + q.slice(1);
        if (!text.includes(q) && !text.includes(plain)) problems.push(`${a.name}: quotation “${q}” is not the article's: ${h}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
