/**
 * Extractive summaries: sentences (merged so that no quotation is cut) are ranked by centrality in a
 * TF-IDF cosine graph (TextRank / PageRank) personalised toward the lead, then picked greedily with
 * a redundancy penalty (MMR) and returned in document order.
 */
import { splitUnits } from "./sentences.js";
import { terms } from "./text.js";

export type SummaryLength = "short" | "medium" | "long";
export const SUMMARY_SENTENCES: Record<SummaryLength, number> = { short: 1, medium: 3, long: 5 };

export interface Unit {
  text: string;
  paragraph: number;
  index: number;
}

/** Sentence units of an article in document order. */
export function unitsOf(paragraphs: readonly string[]): Unit[] {
  const out: Unit[] = [];
  paragraphs.forEach((p, pi) => {
    for (const s of splitUnits(p)) out.push({ text: s.text.trim(), paragraph: pi, index: out.length });
  });
  return out;
}

type Vector = Map<string, number>;

function vectors(units: readonly Unit[]): Vector[] {
  const tf = units.map((u) => {
    const m = new Map<string, number>();
    for (const t of terms(u.text)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = units.length;
  return tf.map((m) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, f] of m) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) s += w * (large.get(t) ?? 0);
  return s;
}

/** PageRank over the similarity graph with a personalisation vector (the lead bias). */
function rank(sim: number[][], prior: number[], damping = 0.85, iterations = 40): number[] {
  const n = prior.length;
  const outSum = sim.map((row) => row.reduce((a, b) => a + b, 0));
  let r = prior.slice();
  for (let it = 0; it < iterations; it++) {
    const next = prior.map((p) => (1 - damping) * p);
    for (let j = 0; j < n; j++) {
      const rj = r[j] as number;
      const sj = outSum[j] as number;
      const row = sim[j] as number[];
      if (sj === 0) {
        for (let i = 0; i < n; i++) next[i] = (next[i] as number) + damping * rj * (prior[i] as number);
        continue;
      }
      for (let i = 0; i < n; i++) next[i] = (next[i] as number) + (damping * rj * (row[i] as number)) / sj;
    }
    r = next;
  }
  return r;
}

/** Pick `count` units: central, near the lead, not redundant; returned in document order. */
export function summarize(paragraphs: readonly string[], count: number): Unit[] {
  const all = unitsOf(paragraphs);
  if (all.length <= count) return all;
  // Very short fragments ("Read more.") are poor summary sentences unless nothing else exists.
  const units = all.filter((u) => u.text.split(/\s+/).length >= 6);
  const pool = units.length >= count ? units : all;
  const vecs = vectors(pool);
  const n = pool.length;
  const sim = vecs.map((a, i) => vecs.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const priorRaw = pool.map((u) => 1 / (1 + u.index) ** 0.9);
  const total = priorRaw.reduce((a, b) => a + b, 0);
  const prior = priorRaw.map((p) => p / total);
  const pr = rank(sim, prior);
  const maxPr = Math.max(...pr) || 1;
  const score = pr.map((s, i) => 0.5 * (s / maxPr) + 0.5 * ((prior[i] as number) / (prior[0] as number)));
  const chosen: number[] = [];
  while (chosen.length < Math.min(count, n)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (chosen.includes(i)) continue;
      const redundancy = chosen.reduce((m, c) => Math.max(m, (sim[i] as number[])[c] as number), 0);
      const s = 0.75 * (score[i] as number) - 0.25 * redundancy - (redundancy > 0.6 ? 1 : 0);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen.sort((a, b) => a - b).map((i) => pool[i] as Unit);
}
