/**
 * ROUGE-N and ROUGE-L F1 as the summarization literature reports them: tokens lower-cased, everything that is
 * not a letter or digit dropped, each token Porter-stemmed with the `natural` package's stemmer (the one of
 * ROUGE-1.5.5's `-m`), n-gram counts clipped. ROUGE-L takes each text as one token sequence (rouge-score's
 * `rougeL`, not the union-LCS `rougeLsum`). Figures are percentages.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const porter = require("natural/lib/natural/stemmers/porter_stemmer.js") as { stem(word: string): string };

export function rougeTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((t) => porter.stem(t));
}

export interface Score {
  p: number;
  r: number;
  f: number;
}

function f1(overlap: number, candidate: number, reference: number): Score {
  const p = candidate === 0 ? 0 : overlap / candidate;
  const r = reference === 0 ? 0 : overlap / reference;
  return { p: 100 * p, r: 100 * r, f: p + r === 0 ? 0 : (200 * p * r) / (p + r) };
}

function grams(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(" ");
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): Score {
  const c = grams(candidate, n);
  const r = grams(reference, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    prev = cur;
  }
  return prev[b.length] as number;
}

export function rougeL(candidate: readonly string[], reference: readonly string[]): Score {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

export interface Rouge {
  r1: number;
  r2: number;
  rl: number;
}

/** ROUGE-1, -2 and -L F1 of a candidate text against a reference text. */
export function rouge(candidate: string, reference: string): Rouge {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { r1: rougeN(c, r, 1).f, r2: rougeN(c, r, 2).f, rl: rougeL(c, r).f };
}
