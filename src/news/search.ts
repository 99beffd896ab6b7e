/**
 * Full-text search over headlines and bodies: an inverted index built once at load, ranked with BM25 (headline
 * terms counted HEADLINE_WEIGHT times, a light form of BM25F). The same index answers topic filters: the
 * articles that contain every content word of a topic.
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

interface Postings {
  docs: number[];
  tfs: number[];
}

/** Articles indexed between two pauses of a step-by-step build. */
export const BUILD_STEP = 200;

export class SearchIndex {
  private readonly docs: readonly Article[];
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;
  private readonly topicCache = new Map<string, ReadonlySet<string> | null>();

  /** `articles` newest first (ties in score go to the newer one). */
  constructor(articles: readonly Article[], built?: { postings: Map<string, Postings>; lengths: Float64Array; averageLength: number }) {
    this.docs = articles;
    if (built !== undefined) {
      this.postings = built.postings;
      this.lengths = built.lengths;
      this.averageLength = built.averageLength;
      return;
    }
    const steps = SearchIndex.steps(articles);
    let r = steps.next();
    while (r.done !== true) r = steps.next();
    this.postings = r.value.postings;
    this.lengths = r.value.lengths;
    this.averageLength = r.value.averageLength;
  }

  /** The index built step by step: it pauses (yields) every BUILD_STEP articles, so a caller can let others run. */
  static *build(articles: readonly Article[]): Generator<void, SearchIndex> {
    const built = yield* SearchIndex.steps(articles);
    return new SearchIndex(articles, built);
  }

  private static *steps(articles: readonly Article[]): Generator<void, { postings: Map<string, Postings>; lengths: Float64Array; averageLength: number }> {
    const postings = new Map<string, Postings>();
    const lengths = new Float64Array(articles.length);
    let total = 0;
    for (let doc = 0; doc < articles.length; doc++) {
      if (doc > 0 && doc % BUILD_STEP === 0) yield;
      const a = articles[doc] as Article;
      const tf = new Map<string, number>();
      for (const t of terms(a.headline)) tf.set(t, (tf.get(t) ?? 0) + HEADLINE_WEIGHT);
      for (const p of a.paragraphs) for (const t of terms(p)) tf.set(t, (tf.get(t) ?? 0) + 1);
      let length = 0;
      for (const [t, f] of tf) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = { docs: [], tfs: [] }));
        p.docs.push(doc);
        p.tfs.push(f);
        length += f;
      }
      lengths[doc] = length;
      total += length;
    }
    return { postings, lengths, averageLength: articles.length > 0 ? total / articles.length : 1 };
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
    const scores = new Map<number, number>();
    for (const t of q) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      for (let k = 0; k < p.docs.length; k++) {
        const doc = p.docs[k] as number;
        const f = p.tfs[k] as number;
        const norm = f + K1 * (1 - B + (B * (this.lengths[doc] as number)) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * f * (K1 + 1)) / norm);
      }
    }
    const matching = [...scores].filter(([doc]) => keep === undefined || keep(this.docs[doc] as Article));
    const ranked = matching.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
    const hits = ranked.map(([doc, score]) => {
      const article = this.docs[doc] as Article;
      return { article, score, sentence: this.bestSentence(article, q) };
    });
    return { hits, total: matching.length };
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
   * Ids of the articles that contain every content word of a topic (headline or body), from the postings;
   * null when the topic has no content word (no filter). Remembered for the last few topics.
   */
  containingAll(topic: string): ReadonlySet<string> | null {
    const key = topic.trim().toLowerCase();
    const cached = this.topicCache.get(key);
    if (cached !== undefined) return cached;
    const q = [...new Set(terms(topic))];
    let result: ReadonlySet<string> | null = null;
    if (q.length > 0) {
      const lists = q.map((t) => this.postings.get(t)?.docs ?? []).sort((a, b) => a.length - b.length);
      let docs = new Set(lists[0]);
      for (const list of lists.slice(1)) {
        const other = new Set(list);
        docs = new Set([...docs].filter((d) => other.has(d)));
      }
      result = new Set([...docs].map((d) => (this.docs[d] as Article).id));
    }
    if (this.topicCache.size >= 64) this.topicCache.delete(this.topicCache.keys().next().value as string);
    this.topicCache.set(key, result);
    return result;
  }
}
