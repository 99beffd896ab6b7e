/**
 * Extractive summaries: sentences (merged so that no quotation is cut) are ranked by centrality in a
 * TF-IDF cosine graph (TextRank / PageRank) personalised toward the lead, then picked greedily with
 * a redundancy penalty (MMR) and returned in document order.
 */
import { splitUnits } from "./sentences.js";
import { terms } from "./text.js";

/** Spaces in a text (its words less one, near enough), counted without a regular expression. */
function spaces(text: string): number {
  let k = 0;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) k++;
  return k;
}

export type SummaryLength = "short" | "medium" | "long";
export const SUMMARY_SENTENCES: Record<SummaryLength, number> = { short: 1, medium: 3, long: 5 };

export interface Unit {
  text: string;
  paragraph: number;
  /** Where `text` starts in its paragraph. */
  start: number;
  index: number;
}

/** Sentence units of an article in document order. */
export function unitsOf(paragraphs: readonly string[]): Unit[] {
  const out: Unit[] = [];
  paragraphs.forEach((p, pi) => {
    for (const s of splitUnits(p)) {
      const text = s.text.trim();
      out.push({ text, paragraph: pi, start: s.start + s.text.indexOf(text), index: out.length });
    }
  });
  return out;
}

/** A sparse TF-IDF vector: term ids in ascending order and their weights, unit length. */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/** TF-IDF vectors of units, document frequency counted over the units themselves. */
export function vectors(texts: readonly string[]): Vector[] {
  const ids = new Map<string, number>();
  // Each text's term ids, sorted, so that equal terms are neighbours: counting them needs no map.
  const sorted = texts.map((text) => {
    const list = terms(text);
    const out = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const t = list[k] as string;
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      out[k] = id;
    }
    return out.sort();
  });
  const df = new Int32Array(ids.size);
  for (const list of sorted) for (let k = 0; k < list.length; k++) if (k === 0 || list[k] !== list[k - 1]) df[list[k] as number] = (df[list[k] as number] as number) + 1;
  const n = texts.length;
  return sorted.map((list) => {
    const uniq = new Int32Array(list.length);
    const weights = new Float64Array(list.length);
    let size = 0;
    let norm = 0;
    for (let k = 0; k < list.length; ) {
      const id = list[k] as number;
      let f = 0;
      while (k < list.length && list[k] === id) {
        f++;
        k++;
      }
      const w = (1 + Math.log(f)) * Math.log(1 + n / (df[id] as number));
      uniq[size] = id;
      weights[size++] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < size; k++) weights[k] = (weights[k] as number) / norm;
    return { ids: uniq.subarray(0, size), weights: weights.subarray(0, size) };
  });
}

export function cosine(a: Vector, b: Vector): number {
  let s = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) s += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** PageRank over the similarity graph with a personalisation vector (the lead bias). */
function rank(sim: readonly Float64Array[], prior: Float64Array, damping = 0.85, maxIterations = 50): Float64Array {
  const n = prior.length;
  const outSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const row = sim[j] as Float64Array;
    let t = 0;
    for (let i = 0; i < n; i++) t += row[i] as number;
    outSum[j] = t;
  }
  let r = prior.slice();
  let next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    for (let i = 0; i < n; i++) next[i] = (1 - damping) * (prior[i] as number);
    for (let j = 0; j < n; j++) {
      const sj = outSum[j] as number;
      // A sentence like no other hands its weight back to the prior.
      const row = sj === 0 ? prior : (sim[j] as Float64Array);
      const f = (damping * (r[j] as number)) / (sj === 0 ? 1 : sj);
      for (let i = 0; i < n; i++) next[i] = (next[i] as number) + f * (row[i] as number);
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs((next[i] as number) - (r[i] as number));
    [r, next] = [next, r];
    if (change < 1e-7) break;
  }
  return r;
}

/**
 * How the ranking is weighted. Measured on BBC News Summary with `npm run eval:summaries` (see the README):
 * - LEAD_SHARE of the random-walk restarts go to the lead (the rest spread evenly): news puts its point first,
 *   yet a summary built on the lead alone misses what the article goes on to say;
 * - LENGTH_POWER favours sentences with more content words, gently (a 2× longer one weighs 2^0.3 = 1.23×);
 * - REDUNDANCY is MMR's trade-off: how much a sentence's likeness to those already chosen counts against it.
 */
const LEAD_SHARE = 0.3;
const LEAD_DECAY = 0.9;
const LENGTH_POWER = 0.3;
const REDUNDANCY = 0.4;
/**
 * A sentence that leans on one before it ("He made the apology …", "“…,” she added.") reads as a riddle in a
 * summary without that one: it weighs ANAPHORA as much, unless the sentence it follows is picked already.
 */
const ANAPHORA = 0.5;
const LEANS_BACK = /^(?:He|She|They|His|Her|Their)\s|[,.!?]["”’]\s+(?:he|she|they)\s+(?:said|says|added|adds|told|tells|continued|explained|noted|argued|wrote|warned|insisted)\b/u;

/** Pick `count` units: central, near the lead, not redundant; returned in document order. */
export function summarize(paragraphs: readonly string[], count: number): Unit[] {
  const all = unitsOf(paragraphs);
  if (all.length <= count) return all;
  const pool = poolOf(all, count);
  return pick(pool, count)
    .sort((a, b) => a - b)
    .map((i) => pool[i] as Unit);
}

/** The units a summary of `count` picks from: very short fragments ("Read more.") are poor summary sentences
 * unless there are too few others. */
function poolOf(all: readonly Unit[], count: number): readonly Unit[] {
  const units = all.filter((u) => spaces(u.text) >= 5);
  return units.length >= count ? units : all;
}

/** Indexes in `pool` of up to `count` units, in the order MMR picks them (so a shorter summary's picks are the
 * first of a longer one's, from the same pool). */
function pick(pool: readonly Unit[], count: number): number[] {
  const vecs = vectors(pool.map((u) => u.text));
  const n = pool.length;
  const sim = vecs.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = cosine(vecs[i] as Vector, vecs[j] as Vector);
      (sim[i] as Float64Array)[j] = c;
      (sim[j] as Float64Array)[i] = c;
    }
  }
  const prior = new Float64Array(n);
  let leadTotal = 0;
  for (let i = 0; i < n; i++) leadTotal += 1 / (1 + (pool[i] as Unit).index) ** LEAD_DECAY;
  for (let i = 0; i < n; i++) prior[i] = (LEAD_SHARE * (1 / (1 + (pool[i] as Unit).index) ** LEAD_DECAY)) / leadTotal + (1 - LEAD_SHARE) / n;
  const pr = rank(sim, prior);
  let maxPr = 0;
  let maxSize = 0;
  for (let i = 0; i < n; i++) {
    maxPr = Math.max(maxPr, pr[i] as number);
    maxSize = Math.max(maxSize, (vecs[i] as Vector).ids.length);
  }
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = ((pr[i] as number) / (maxPr || 1)) * ((vecs[i] as Vector).ids.length / (maxSize || 1)) ** LENGTH_POWER;
  }
  const leans = pool.map((u) => u.index > 0 && LEANS_BACK.test(u.text));
  const chosen: number[] = [];
  const redundancy = new Float64Array(n);
  while (chosen.length < Math.min(count, n)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (chosen.includes(i)) continue;
      const alone = leans[i] === true && !(i > 0 && (pool[i - 1] as Unit).index === (pool[i] as Unit).index - 1 && chosen.includes(i - 1));
      const s = (1 - REDUNDANCY) * (score[i] as number) * (alone ? ANAPHORA : 1) - REDUNDANCY * (redundancy[i] as number);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    const row = sim[best] as Float64Array;
    for (let i = 0; i < n; i++) redundancy[i] = Math.max(redundancy[i] as number, row[i] as number);
  }
  return chosen;
}

/**
 * Every summary of one article, worked out at once so that `/summary` is a lookup: how many units the article
 * has (what a summary is "n of"), then for short, medium and long in turn the number of units picked and each
 * one's paragraph, start and end, in document order. A shorter summary's picks are the first of the long one's
 * when both pick from the same units (nearly always), so MMR runs once.
 *
 * Those numbers are written as the characters of a short string (see `packNumbers`): 100,000 plans are kept
 * in memory and in the analysis cache, and as arrays they cost a restart about 0.6 s and 55 MB more than without
 * them (as typed arrays, each with a buffer of its own, 2.7 s).
 */
export type SummaryPlan = string;

/** Non-negative integers below 2^30 as UTF-16 code units: one below 2^15, else two (the first with its top bit
 * set). String offsets stay below 2^29, so the first unit never falls among the surrogates. */
export function packNumbers(ns: readonly number[]): string {
  let out = "";
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** 30) throw new RangeError(`cannot pack ${n}`);
    out += n < 0x8000 ? String.fromCharCode(n) : String.fromCharCode(0x8000 | (n >>> 15), n & 0x7fff);
  }
  return out;
}

export function unpackNumbers(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c < 0x8000 ? c : ((c & 0x7fff) << 15) | s.charCodeAt(++i));
  }
  return out;
}

const LENGTHS: readonly SummaryLength[] = ["short", "medium", "long"];

export function planSummaries(paragraphs: readonly string[]): SummaryPlan {
  const all = unitsOf(paragraphs);
  const longest = SUMMARY_SENTENCES.long;
  const pool = poolOf(all, longest);
  let order: number[] | undefined;
  const out: number[] = [all.length];
  for (const length of LENGTHS) {
    const count = SUMMARY_SENTENCES[length];
    let units: readonly Unit[];
    if (all.length <= count) units = all;
    else {
      const own = poolOf(all, count);
      const picked = own.length === pool.length ? (order ??= pick(pool, longest)).slice(0, count) : pick(own, count);
      units = picked.sort((a, b) => a - b).map((i) => own[i] as Unit);
    }
    out.push(units.length);
    for (const u of units) out.push(u.paragraph, u.start, u.start + u.text.length);
  }
  return packNumbers(out);
}

/** The units a plan holds for one length, as text. */
export function summaryFromPlan(plan: SummaryPlan, paragraphs: readonly string[], length: SummaryLength): string[] {
  const ns = unpackNumbers(plan);
  let at = 1;
  for (const l of LENGTHS) {
    const n = ns[at] as number;
    if (l === length) {
      const out: string[] = [];
      for (let k = 0; k < n; k++) {
        const o = at + 1 + 3 * k;
        out.push((paragraphs[ns[o] as number] ?? "").slice(ns[o + 1], ns[o + 2]));
      }
      return out;
    }
    at += 1 + 3 * n;
  }
  return [];
}

/** How many units the article of a plan has. */
export const unitCountOf = (plan: SummaryPlan): number => unpackNumbers(plan)[0] as number;
