/**
 * Full-text search over headlines and bodies: an inverted index built once at load, ranked with BM25 (headline
 * terms counted HEADLINE_WEIGHT times, a light form of BM25F). The same index answers topic filters: the
 * articles that contain every content word of a topic, newest first.
 *
 * Postings are typed arrays of article positions in the index's order (newest first), so a topic's newest
 * articles are the head of an intersection and a query's scores are summed in one flat array: a command costs
 * the length of its words' postings, never a pass over every article.
 */
import type { Article } from "./article.js";
import { unitsOf } from "./summary.js";
import { terms } from "./text.js";

const K1 = 1.2;
const B = 0.75;
const HEADLINE_WEIGHT = 3;

export interface SearchHit {
  article: Article;
  score: number;
  /** The sentence of the article that best matches the query (the lead when only the headline does). */
  sentence: string;
}

export interface SearchResult {
  /** The best articles, best first. */
  hits: SearchHit[];
  /** How many articles match at all. */
  total: number;
}

/** How many of an article's query terms it has: anywhere, and in its headline. */
export interface TermMatch {
  article: Article;
  inBody: number;
  inHead: number;
}

interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
}

interface Built {
  postings: Map<string, Postings>;
  headlines: Map<string, Int32Array>;
  norms: Float64Array;
}

/** Articles indexed between two pauses of a step-by-step build. */
export const BUILD_STEP = 200;
/** Topics whose matching articles are remembered. */
const TOPIC_CACHE = 64;
const NO_DOCS = new Int32Array(0);

/** The members of `list` (ascending) that are also in `other` (ascending), by galloping search. */
function intersect(list: Int32Array, other: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(list.length, other.length));
  let n = 0;
  let lo = 0;
  for (let i = 0; i < list.length && lo < other.length; i++) {
    const x = list[i] as number;
    let step = 1;
    let hi = lo;
    while (hi < other.length && (other[hi] as number) < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, other.length - 1);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((other[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    if (other[lo] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

function contains(list: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid] as number;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export class SearchIndex {
  private readonly docs: readonly Article[];
  private readonly postings: Map<string, Postings>;
  private readonly headlines: Map<string, Int32Array>;
  /** Each article's BM25 length normalisation, K1 · (1 − B + B · length / average length). */
  private readonly norms: Float64Array;
  private readonly position = new Map<string, number>();
  private readonly topicCache = new Map<string, Int32Array | null>();
  /** Scores summed per article during one search, all zero between searches. */
  private scratch: Float64Array | undefined;

  /** `articles` newest first (ties in score go to the newer one). */
  constructor(articles: readonly Article[], built?: Built) {
    this.docs = articles;
    if (built === undefined) {
      const steps = SearchIndex.steps(articles);
      let r = steps.next();
      while (r.done !== true) r = steps.next();
      built = r.value;
    }
    this.postings = built.postings;
    this.headlines = built.headlines;
    this.norms = built.norms;
    articles.forEach((a, i) => this.position.set(a.id, i));
  }

  /** The index built step by step: it pauses (yields) every BUILD_STEP articles, so a caller can let others run. */
  static *build(articles: readonly Article[]): Generator<void, SearchIndex> {
    const built = yield* SearchIndex.steps(articles);
    return new SearchIndex(articles, built);
  }

  private static *steps(articles: readonly Article[]): Generator<void, Built> {
    const growing = new Map<string, { docs: number[]; tfs: number[] }>();
    const heads = new Map<string, number[]>();
    const lengths = new Float64Array(articles.length);
    let total = 0;
    for (let doc = 0; doc < articles.length; doc++) {
      if (doc > 0 && doc % BUILD_STEP === 0) yield;
      const a = articles[doc] as Article;
      const tf = new Map<string, number>();
      for (const t of terms(a.headline)) {
        if (!tf.has(t)) {
          let h = heads.get(t);
          if (!h) heads.set(t, (h = []));
          h.push(doc);
        }
        tf.set(t, (tf.get(t) ?? 0) + HEADLINE_WEIGHT);
      }
      for (const p of a.paragraphs) for (const t of terms(p)) tf.set(t, (tf.get(t) ?? 0) + 1);
      let length = 0;
      for (const [t, f] of tf) {
        let p = growing.get(t);
        if (!p) growing.set(t, (p = { docs: [], tfs: [] }));
        p.docs.push(doc);
        p.tfs.push(Math.min(f, 0xffff));
        length += f;
      }
      lengths[doc] = length;
      total += length;
    }
    const average = articles.length > 0 ? total / articles.length : 1;
    const norms = lengths.map((l) => K1 * (1 - B + (B * l) / average));
    // Typed arrays: a quarter of the memory of number arrays, and no garbage for the collector to walk.
    const postings = new Map<string, Postings>();
    let n = 0;
    for (const [t, p] of growing) {
      if (++n % (BUILD_STEP * 50) === 0) yield;
      postings.set(t, { docs: Int32Array.from(p.docs), tfs: Uint16Array.from(p.tfs) });
      growing.delete(t);
    }
    const headlines = new Map<string, Int32Array>();
    for (const [t, docs] of heads) headlines.set(t, Int32Array.from(docs));
    return { postings, headlines, norms };
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
  }

  /**
   * The best `limit` articles for a query, by BM25 over its content words (any of them may match; more and rarer
   * matches rank higher). `keep` narrows the articles considered.
   */
  search(query: string, limit = 5, keep?: (a: Article) => boolean): SearchResult {
    const q = [...new Set(terms(query))];
    if (q.length === 0) return { hits: [], total: 0 };
    if (this.scratch === undefined || this.scratch.length < this.docs.length) this.scratch = new Float64Array(this.docs.length);
    const scores = this.scratch;
    const touched: number[] = [];
    for (const t of q) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      const { docs, tfs } = p;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k] as number;
        const f = tfs[k] as number;
        // Every term's contribution is positive (idf > 0, f ≥ 1): a zero score means not yet touched.
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (idf * f * (K1 + 1)) / (f + (this.norms[doc] as number));
      }
    }
    // The best `limit`, best first (ties to the newer article), kept in a small sorted list.
    const top: number[] = [];
    let total = 0;
    const better = (x: number, y: number) => (scores[x] as number) > (scores[y] as number) || (scores[x] === scores[y] && x < y);
    for (const doc of touched) {
      if (keep !== undefined && !keep(this.docs[doc] as Article)) continue;
      total++;
      if (top.length === limit && !better(doc, top[limit - 1] as number)) continue;
      let i = Math.min(top.length, limit - 1);
      while (i > 0 && better(doc, top[i - 1] as number)) i--;
      top.splice(i, 0, doc);
      if (top.length > limit) top.pop();
    }
    const hits = top.map((doc) => {
      const article = this.docs[doc] as Article;
      return { article, score: scores[doc] as number, sentence: this.bestSentence(article, q) };
    });
    for (const doc of touched) scores[doc] = 0;
    return { hits, total };
  }

  /** The sentence with the most (and rarest) query words; the first on a tie; the lead when none has any. */
  private bestSentence(article: Article, q: readonly string[]): string {
    const units = unitsOf(article.paragraphs);
    let best = units[0]?.text ?? "";
    let bestScore = 0;
    for (const u of units) {
      const have = new Set(terms(u.text));
      let s = 0;
      for (const t of q) if (have.has(t)) s += this.idf(t);
      if (s > bestScore + 1e-9) {
        bestScore = s;
        best = u.text;
      }
    }
    return best;
  }

  /**
   * The positions (newest first) of the articles that contain every content word of a topic, headline or body;
   * null when the topic has no content word (no filter). Remembered for the last TOPIC_CACHE topics.
   */
  private about(topic: string): Int32Array | null {
    const key = topic.trim().toLowerCase();
    const cached = this.topicCache.get(key);
    if (cached !== undefined) {
      // Most recently used last.
      this.topicCache.delete(key);
      this.topicCache.set(key, cached);
      return cached;
    }
    const q = [...new Set(terms(topic))];
    let result: Int32Array | null = null;
    if (q.length > 0) {
      const lists = q.map((t) => this.postings.get(t)?.docs ?? NO_DOCS).sort((a, b) => a.length - b.length);
      result = lists[0] as Int32Array;
      for (const list of lists.slice(1)) result = intersect(result, list);
    }
    if (this.topicCache.size >= TOPIC_CACHE) this.topicCache.delete(this.topicCache.keys().next().value as string);
    this.topicCache.set(key, result);
    return result;
  }

  /** The newest `limit` articles about a topic (every content word in it) and how many there are; null: no filter. */
  newestAbout(topic: string, limit: number): { articles: Article[]; total: number } | null {
    const docs = this.about(topic);
    if (docs === null) return null;
    return { articles: Array.from(docs.subarray(0, limit), (d) => this.docs[d] as Article), total: docs.length };
  }

  /** Whether an article contains every content word of a topic; true for a topic without one (no filter). */
  isAbout(articleId: string, topic: string): boolean {
    const docs = this.about(topic);
    if (docs === null) return true;
    const doc = this.position.get(articleId);
    return doc !== undefined && contains(docs, doc);
  }

  /** The ids of the articles about a topic, or null for no filter. */
  containingAll(topic: string): ReadonlySet<string> | null {
    const docs = this.about(topic);
    return docs === null ? null : new Set(Array.from(docs, (d) => (this.docs[d] as Article).id));
  }

  /** The articles holding any of `qTerms`, newest first, with how many of them each holds, and in its headline. */
  termMatches(qTerms: readonly string[]): TermMatch[] {
    const counts = new Map<number, { inBody: number; inHead: number }>();
    for (const t of qTerms) {
      for (const doc of this.postings.get(t)?.docs ?? NO_DOCS) {
        let c = counts.get(doc);
        if (!c) counts.set(doc, (c = { inBody: 0, inHead: 0 }));
        c.inBody++;
      }
      for (const doc of this.headlines.get(t) ?? NO_DOCS) {
        const c = counts.get(doc);
        if (c) c.inHead++;
      }
    }
    return [...counts]
      .sort((x, y) => x[0] - y[0])
      .map(([doc, c]) => ({ article: this.docs[doc] as Article, ...c }));
  }
}
