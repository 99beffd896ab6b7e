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
import { splitUnits } from "./sentences.js";
import { runToEnd } from "./steps.js";
import { fold, terms } from "./text.js";

/**
 * A text lower-cased as `fold` would fold it, when that is cheap to know: ASCII letters and general punctuation
 * only (typographic apostrophes made straight). Null for text with other letters (accents, other scripts).
 */
function cheapFold(text: string): string | null {
  if (/[^\s!-~\u2000-\u206f]/u.test(text)) return null;
  return text.toLowerCase().replace(/[’‘`]/gu, "'");
}

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

/**
 * Postings of every term in two flat arrays: term `id`'s articles are `docs[starts[id]]` to `docs[starts[id + 1]]`,
 * ascending (newest first), and `tfs` beside them. No object per term: a large archive has hundreds of
 * thousands of terms, most of them in one article.
 */
interface Flat {
  ids: Map<string, number>;
  starts: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array | undefined;
}

/**
 * An article's index terms counted as the index counts them (headline terms HEADLINE_WEIGHT times), in first-seen
 * order, headline terms first: what indexTermsOf gives. Made once per article where the article is analysed (the
 * loading workers), so that building the index reads no text.
 */
export interface IndexTerms {
  /** The distinct terms, joined by single spaces (one string, not thousands, to send and keep). */
  terms: string;
  /**
   * Each term's count (at most 65,535) as one UTF-16 code unit, in the terms' order. A string rather than a typed
   * array: 100,000 typed arrays, each with a buffer of its own, sent from the loading workers and read back from
   * the cache, kept the garbage collector busy.
   */
  counts: string;
  /** How many of the first terms are in the headline. */
  heads: number;
}

/** An article's distinct terms and counts as the index weighs them. */
export function indexTermsOf(a: Article): IndexTerms {
  const tf = new Map<string, number>();
  for (const t of terms(a.headline)) tf.set(t, (tf.get(t) ?? 0) + HEADLINE_WEIGHT);
  const heads = tf.size;
  for (const p of a.paragraphs) for (const t of terms(p)) tf.set(t, (tf.get(t) ?? 0) + 1);
  // One pass over the map for both (two copies of it, of its keys and of its counts, cost about 1% of a file's analysis).
  const keys = new Array<string>(tf.size);
  const units = new Array<number>(tf.size);
  let i = 0;
  for (const [t, f] of tf) {
    keys[i] = t;
    units[i++] = Math.min(f, 0xffff);
  }
  let counts = "";
  for (let j = 0; j < units.length; j += 4096) counts += String.fromCharCode(...units.slice(j, j + 4096));
  return { terms: keys.join(" "), counts, heads };
}

interface Built {
  postings: Flat;
  headlines: Flat;
  norms: Float64Array;
  /** Each article's headline folded (`fold`): what a typed headline is matched against. */
  folded: string[];
}

/** A Flat as it travels between threads: its terms listed in id order, joined by single spaces, and its arrays. */
interface FlatParts {
  terms: string;
  starts: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array | undefined;
}

/**
 * An index's arrays, made on another thread (src/corpus builds a large archive's index on a worker while this one
 * builds the rest): `SearchIndex.assemble` makes the index of them.
 */
export interface IndexParts {
  postings: FlatParts;
  headlines: FlatParts;
  norms: Float64Array;
  folded: string[];
}

/** How many articles an index is over, and how many terms they have in all and in their headlines. */
export interface IndexRoom {
  articles: number;
  body: number;
  heads: number;
}

/** The room the index over articles with these index terms needs. */
export function roomFor(list: readonly IndexTerms[]): IndexRoom {
  const room = { articles: list.length, body: 0, heads: 0 };
  for (const it of list) {
    room.body += it.counts.length;
    room.heads += it.heads;
  }
  return room;
}

/**
 * The index's arrays built one article at a time, newest first: what SearchIndex.steps does in one thread, and the
 * indexing worker as the terms come in (holding no article's terms once added). With `room`, the arrays are made
 * at their size once.
 */
export class IndexBuilder {
  private readonly body: Triples;
  private readonly heads: Triples;
  private lengths: Float64Array;
  private count = 0;
  private total = 0;
  private readonly folded: string[] = [];

  constructor(room?: IndexRoom) {
    this.body = new Triples(room?.body);
    this.heads = new Triples(room?.heads);
    this.lengths = new Float64Array(Math.max(1, room?.articles ?? 1024));
  }

  /** The next article's terms, and its headline. */
  add(it: IndexTerms, headline: string): void {
    const doc = this.count++;
    this.folded.push(fold(headline));
    if (doc === this.lengths.length) {
      const more = new Float64Array(this.lengths.length * 2);
      more.set(this.lengths);
      this.lengths = more;
    }
    const list = it.terms === "" ? [] : it.terms.split(" ");
    let length = 0;
    for (let k = 0; k < list.length; k++) {
      const t = list[k] as string;
      const f = it.counts.charCodeAt(k);
      if (k < it.heads) this.heads.add(t, doc, 1);
      this.body.add(t, doc, f);
      length += f;
    }
    this.lengths[doc] = length;
    this.total += length;
  }

  /** The arrays over the articles added, step by step. */
  *built(): Generator<undefined, Built> {
    const count = this.count;
    const average = count > 0 ? this.total / count : 1;
    const norms = this.lengths.slice(0, count).map((l) => K1 * (1 - B + (B * l) / average));
    const postings = yield* this.body.flat(true);
    const headlines = yield* this.heads.flat(false);
    return { postings, headlines, norms, folded: this.folded };
  }

  /** The arrays over the articles added, as they travel between threads. */
  parts(): IndexParts {
    const built = runToEnd(this.built());
    const partsOf = (f: Flat): FlatParts => ({ terms: [...f.ids.keys()].join(" "), starts: f.starts, docs: f.docs, tfs: f.tfs });
    return { postings: partsOf(built.postings), headlines: partsOf(built.headlines), norms: built.norms, folded: built.folded };
  }
}

/** The parts of the index over the articles whose index terms are `list` and headlines `headlines`, in the index's
 * order (newest first). */
export function indexParts(list: readonly IndexTerms[], headlines: readonly string[]): IndexParts {
  const builder = new IndexBuilder(roomFor(list));
  list.forEach((it, doc) => builder.add(it, headlines[doc] ?? ""));
  return builder.parts();
}

/** The buffers of `parts`, to transfer rather than copy. */
export function partsBuffers(parts: IndexParts): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const f of [parts.postings, parts.headlines]) for (const a of [f.starts, f.docs, f.tfs]) if (a !== undefined) out.push(a.buffer as ArrayBuffer);
  out.push(parts.norms.buffer as ArrayBuffer);
  return out;
}

/** A copy of `a` with twice the room. */
function doubled<T extends Int32Array | Uint16Array>(a: T, Make: new (n: number) => T): T {
  const b = new Make(a.length * 2);
  b.set(a);
  return b;
}

/** (term, article, count) triples appended in article order, in typed arrays that double as they fill. */
class Triples {
  ids = new Map<string, number>();
  terms: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array;
  n = 0;

  /** Room for `capacity` triples at first (exact when known: no copies as they fill). */
  constructor(capacity = 1024) {
    const size = Math.max(1, capacity);
    this.terms = new Int32Array(size);
    this.docs = new Int32Array(size);
    this.tfs = new Uint16Array(size);
  }

  add(term: string, doc: number, tf: number): void {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    if (this.n === this.terms.length) {
      this.terms = doubled(this.terms, Int32Array);
      this.docs = doubled(this.docs, Int32Array);
      this.tfs = doubled(this.tfs, Uint16Array);
    }
    this.terms[this.n] = id;
    this.docs[this.n] = doc;
    this.tfs[this.n] = tf;
    this.n++;
  }

  /** Grouped by term (a counting sort, which keeps each term's articles in order), pausing now and then. */
  *flat(withTfs: boolean): Generator<undefined, Flat> {
    const count = this.ids.size;
    const starts = new Int32Array(count + 1);
    for (let i = 0; i < this.n; i++) {
      if (i > 0 && i % (FLAT_STEP * 4) === 0) yield;
      const t = (this.terms[i] as number) + 1;
      starts[t] = (starts[t] as number) + 1;
    }
    for (let t = 0; t < count; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
    yield;
    const at = starts.slice(0, count);
    const docs = new Int32Array(this.n);
    const tfs = withTfs ? new Uint16Array(this.n) : undefined;
    for (let i = 0; i < this.n; i++) {
      if (i > 0 && i % FLAT_STEP === 0) yield;
      const t = this.terms[i] as number;
      const k = at[t] as number;
      at[t] = k + 1;
      docs[k] = this.docs[i] as number;
      if (tfs !== undefined) tfs[k] = this.tfs[i] as number;
    }
    return { ids: this.ids, starts, docs, tfs };
  }
}

/** Articles indexed between two pauses of a step-by-step build. */
export const BUILD_STEP = 200;
/** Topics whose matching articles are remembered. */
const TOPIC_CACHE = 64;
const NO_DOCS = new Int32Array(0);
const NO_TFS = new Uint16Array(0);
/** Postings placed between two pauses of the final grouping (scattered writes: about 20 ms at 100,000 articles). */
const FLAT_STEP = 200_000;

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

/** Where `x` is in `list` (ascending), or -1. */
function indexOf(list: Int32Array, x: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid] as number;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Add a term's BM25 contribution (at most `most`, which is idf · (K1 + 1)) to every article of its postings;
 * articles scored for the first time are appended to `touched`. Returns the new count of touched articles.
 */
function scoreAll(docs: Int32Array, tfs: Uint16Array, most: number, scores: Float64Array, norms: Float64Array, touched: Int32Array, count: number): number {
  let n = count;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k] as number;
    const f = tfs[k] as number;
    const s = scores[doc] as number;
    // Every contribution is positive (idf > 0, f ≥ 1): a zero score means not yet touched.
    if (s === 0) touched[n++] = doc;
    scores[doc] = s + (most * f) / (f + (norms[doc] as number));
  }
  return n;
}

/** Add a term's contribution to the articles already scored; mark the others. Returns how many were newly marked. */
function scoreSome(docs: Int32Array, tfs: Uint16Array, most: number, scores: Float64Array, norms: Float64Array, marks: Uint8Array): number {
  let added = 0;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k] as number;
    const s = scores[doc] as number;
    if (s !== 0) {
      const f = tfs[k] as number;
      scores[doc] = s + (most * f) / (f + (norms[doc] as number));
    } else if (marks[doc] === 0) {
      marks[doc] = 1;
      added++;
    }
  }
  return added;
}

/** The best `limit` of the first `count` touched articles, best first; an equal score goes to the newer one. */
function bestOf(scores: Float64Array, touched: Int32Array, count: number, limit: number): number[] {
  const top: number[] = [];
  let floor = -1;
  for (let i = 0; i < count; i++) {
    const doc = touched[i] as number;
    const s = scores[doc] as number;
    if (top.length === limit && s < floor) continue;
    let at = top.length;
    while (at > 0) {
      const o = top[at - 1] as number;
      const so = scores[o] as number;
      if (s > so || (s === so && doc < o)) at--;
      else break;
    }
    if (at >= limit) continue;
    top.splice(at, 0, doc);
    if (top.length > limit) top.pop();
    floor = scores[top[top.length - 1] as number] as number;
  }
  return top;
}

export class SearchIndex {
  private readonly docs: readonly Article[];
  private readonly postings: Flat;
  private readonly headlines: Flat;
  /** Each article's BM25 length normalisation, K1 · (1 − B + B · length / average length). */
  private readonly norms: Float64Array;
  private readonly folded: readonly string[];
  private readonly position = new Map<string, number>();
  private readonly topicCache = new Map<string, Int32Array | null>();
  /**
   * One search's working memory: scores summed per article (zero between searches), the articles scored, and
   * the articles counted but not scored (zero between searches).
   */
  private scratch: { scores: Float64Array; marks: Uint8Array; touched: Int32Array } | undefined;

  /** `articles` newest first (ties in score go to the newer one). */
  constructor(articles: readonly Article[], built?: Built) {
    this.docs = articles;
    built ??= runToEnd(SearchIndex.steps(articles, (a) => indexTermsOf(a)));
    this.postings = built.postings;
    this.headlines = built.headlines;
    this.norms = built.norms;
    this.folded = built.folded;
    articles.forEach((a, i) => this.position.set(a.id, i));
  }

  /** The index built step by step: it pauses (yields) every BUILD_STEP articles, so a caller can let others run. */
  static *build(articles: readonly Article[], made?: (a: Article) => IndexTerms | undefined): Generator<undefined, SearchIndex> {
    const built = yield* SearchIndex.steps(articles, (a) => made?.(a) ?? indexTermsOf(a));
    return new SearchIndex(articles, built);
  }

  /**
   * The index over `articles` (newest first) of the parts made from their index terms (`indexParts`), step by step.
   * Throws if the parts are of another number of articles.
   */
  static *assemble(articles: readonly Article[], parts: IndexParts): Generator<undefined, SearchIndex> {
    if (parts.norms.length !== articles.length || parts.folded.length !== articles.length) {
      throw new Error(`search index parts of ${parts.norms.length} articles for ${articles.length}`);
    }
    function* flat(f: FlatParts): Generator<undefined, Flat> {
      const ids = new Map<string, number>();
      const count = f.starts.length - 1;
      const list = count > 0 ? f.terms.split(" ") : [];
      if (list.length !== Math.max(0, count)) throw new Error("search index parts: terms and postings differ in number");
      for (let id = 0; id < list.length; id++) {
        if (id > 0 && id % (BUILD_STEP * 100) === 0) yield;
        ids.set(list[id] as string, id);
      }
      return { ids, starts: f.starts, docs: f.docs, tfs: f.tfs };
    }
    const postings = yield* flat(parts.postings);
    const headlines = yield* flat(parts.headlines);
    yield;
    return new SearchIndex(articles, { postings, headlines, norms: parts.norms, folded: parts.folded });
  }

  /** Whether the index is over exactly these articles, in this order. */
  covers(articles: readonly Article[]): boolean {
    return articles.length === this.docs.length && articles.every((a, i) => this.docs[i] === a);
  }

  /** The index's arrays over `articles`, newest first, whose index terms `termsOf` gives. */
  private static *steps(articles: readonly Article[], termsOf: (a: Article) => IndexTerms): Generator<undefined, Built> {
    const builder = new IndexBuilder({ articles: articles.length, body: 1024, heads: 1024 });
    for (let doc = 0; doc < articles.length; doc++) {
      if (doc > 0 && doc % BUILD_STEP === 0) yield;
      const a = articles[doc] as Article;
      builder.add(termsOf(a), a.headline);
    }
    return yield* builder.built();
  }

  /** Each article's headline folded, in the index's order. */
  get foldedHeadlines(): readonly string[] {
    return this.folded;
  }

  /** A term's postings, as views into the flat arrays; undefined for a term in no article. */
  private postingsOf(term: string, flat: Flat = this.postings): Postings | undefined {
    const id = flat.ids.get(term);
    if (id === undefined) return undefined;
    const from = flat.starts[id] as number;
    const to = flat.starts[id + 1] as number;
    return { docs: flat.docs.subarray(from, to), tfs: flat.tfs?.subarray(from, to) ?? NO_TFS };
  }

  private idf(term: string): number {
    const id = this.postings.ids.get(term);
    const df = id === undefined ? 0 : (this.postings.starts[id + 1] as number) - (this.postings.starts[id] as number);
    return Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
  }

  /**
   * The best `limit` articles for a query, by BM25 over its content words (any of them may match; more and rarer
   * matches rank higher), and how many articles match at all.
   *
   * Terms are scored rarest first (MaxScore): once the `limit`-th best score so far reaches the most that the
   * remaining, commoner terms could add together, no article outside the ones already scored can make the list,
   * so those terms only add to the scored ones and count the rest. A word in most of the archive then costs a
   * count, not a score and a ranking, for every article holding it.
   */
  search(query: string, limit = 5): SearchResult {
    const q = [...new Set(terms(query))];
    if (q.length === 0 || limit < 1) return { hits: [], total: 0 };
    const n = this.docs.length;
    if (this.scratch === undefined || this.scratch.scores.length < n) {
      this.scratch = { scores: new Float64Array(n), marks: new Uint8Array(n), touched: new Int32Array(n) };
    }
    const { scores, marks, touched } = this.scratch;
    // A term adds less than idf · (K1 + 1) to any article: f / (f + norm) < 1.
    const lists: Array<{ p: Postings; most: number }> = [];
    for (const t of q) {
      const p = this.postingsOf(t);
      if (p) lists.push({ p, most: this.idf(t) * (K1 + 1) });
    }
    lists.sort((x, y) => y.most - x.most);
    let rest = 0;
    for (const l of lists) rest += l.most;
    let count = 0;
    let j = 0;
    for (; j < lists.length; j++) {
      if (j > 0 && count >= limit) {
        const top = bestOf(scores, touched, count, limit);
        if ((scores[top[limit - 1] as number] as number) >= rest) break;
      }
      const l = lists[j] as (typeof lists)[number];
      count = scoreAll(l.p.docs, l.p.tfs, l.most, scores, this.norms, touched, count);
      rest -= l.most;
    }
    // The commoner terms: added to the articles already scored; the others only counted.
    let others = 0;
    for (; j < lists.length; j++) {
      const l = lists[j] as (typeof lists)[number];
      others += scoreSome(l.p.docs, l.p.tfs, l.most, scores, this.norms, marks);
    }
    const top = bestOf(scores, touched, count, limit);
    const hits = top.map((doc) => {
      const article = this.docs[doc] as Article;
      return { article, score: scores[doc] as number, sentence: this.bestSentence(article, q) };
    });
    for (let i = 0; i < count; i++) scores[touched[i] as number] = 0;
    if (others > 0) marks.fill(0);
    return { hits, total: count + others };
  }

  /** The sentence with the most (and rarest) query words; the first on a tie; the lead when none has any. */
  private bestSentence(article: Article, q: readonly string[]): string {
    // Every term is its word's folded form cut short (and "ies" made "y"): a text whose folded form holds no
    // term's root as a substring has none of the terms, and is neither split nor stemmed.
    const roots = q.map((t) => (t.endsWith("y") ? t.slice(0, -1) : t));
    const mayHold = (text: string): boolean => {
      const plain = cheapFold(text);
      return plain === null || roots.some((r) => plain.includes(r));
    };
    let best: string | undefined;
    let bestScore = 0;
    for (const p of article.paragraphs) {
      if (best !== undefined && !mayHold(p)) continue;
      for (const u of splitUnits(p)) {
        const text = u.text.trim();
        best ??= text;
        if (!mayHold(text)) continue;
        const have = new Set(terms(text));
        let s = 0;
        for (const t of q) if (have.has(t)) s += this.idf(t);
        if (s > bestScore + 1e-9) {
          bestScore = s;
          best = text;
        }
      }
    }
    return best ?? "";
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
      const lists = q.map((t) => this.postingsOf(t)?.docs ?? NO_DOCS).sort((a, b) => a.length - b.length);
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
    return doc !== undefined && indexOf(docs, doc) >= 0;
  }

  /** The articles holding any of `qTerms`, newest first, with how many of them each holds, and in its headline. */
  termMatches(qTerms: readonly string[]): TermMatch[] {
    const counts = new Map<number, { inBody: number; inHead: number }>();
    for (const t of qTerms) {
      for (const doc of this.postingsOf(t)?.docs ?? NO_DOCS) {
        let c = counts.get(doc);
        if (!c) counts.set(doc, (c = { inBody: 0, inHead: 0 }));
        c.inBody++;
      }
      for (const doc of this.postingsOf(t, this.headlines)?.docs ?? NO_DOCS) {
        const c = counts.get(doc);
        if (c) c.inHead++;
      }
    }
    return [...counts]
      .sort((x, y) => x[0] - y[0])
      .map(([doc, c]) => ({ article: this.docs[doc] as Article, ...c }));
  }
}
