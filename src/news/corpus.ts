/**
 * The loaded articles with their indexes: time order, quotes, people and their aliases, terms for
 * topic filters, and cached summaries. Built once from `Article[]`; read-only afterwards.
 */
import type { Article } from "./article.js";
import { isTitleWord, peopleMentioned, personKey, surname, nameTokens } from "./names.js";
import { extractStatements, type Quote, type Statements } from "./quotes.js";
import { BUILD_STEP, type IndexTerms, SearchIndex, type SearchResult } from "./search.js";
import { articleItemSize } from "./reply.js";
import { runToEnd } from "./steps.js";
import { planSummaries, type SummaryLength, type SummaryPlan, summaryFromPlan, unitCountOf } from "./summary.js";
import { editDistance, fold, terms, words } from "./text.js";

export interface QuoteRef extends Quote {
  articleId: string;
  /** Key of the person who said it (see `Person.key`). */
  person: string;
}

/**
 * A quote filed under its article and person. Made field by field, never by spreading: a spread copy of an
 * object that came from a loading worker (structured clone) gets a hidden class of its own in V8, which cost
 * about 280 bytes per quote and made every quote lookup megamorphic.
 */
function refOf(q: Quote, articleId: string, person: string): QuoteRef {
  const ref: QuoteRef = { text: q.text, speaker: q.speaker, paragraph: q.paragraph, start: q.start, end: q.end, articleId, person };
  if (q.parts !== undefined) ref.parts = q.parts;
  return ref;
}

export interface Person {
  key: string;
  /** The fullest name seen, for display: "Donald Trump". */
  name: string;
  /** Every form seen: "Donald Trump", "Trump", "Donald J. Trump". */
  aliases: Set<string>;
  quotes: QuoteRef[];
  /** Reported speech attributed to this person (whole sentences, in the articles' words). */
  reported: QuoteRef[];
  /** Ids of articles that name this person. */
  articles: Set<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** What indexing needs from one article that costs the most to find: its statements and the people it names. */
export interface Analysis {
  statements: Statements;
  /** People named with a title or as a full name ("President Vladimir Putin" → "Vladimir Putin"). */
  mentioned: string[];
}

export function analyzeArticle(a: Article): Analysis {
  return { statements: extractStatements(a.paragraphs), mentioned: a.paragraphs.flatMap(peopleMentioned) };
}

export interface CorpusOptions {
  /** Analyses already made (by the loading workers), by article id; the others are made here. */
  analyses?: ReadonlyMap<string, Analysis>;
  /** Index terms already counted (by the loading workers), by article id; the others are counted here. */
  terms?: ReadonlyMap<string, IndexTerms>;
  /** A corpus whose summaries this one shares for the articles both hold (a server's corpus: the base corpus's). */
  summariesFrom?: Corpus;
  /**
   * The search index is made elsewhere (src/corpus makes a large archive's on a worker thread meanwhile): the
   * stepwise build yields INDEX_WANTED as its last step and must be resumed with the index over its articles,
   * newest first (`next(index)`). Not for the constructor.
   */
  indexMadeElsewhere?: boolean;
  /** The articles are given newest first already (`newestFirst`'s order: a caller that needed it beforehand). */
  inOrder?: boolean;
}

/** What a stepwise build yields when it wants the search index made elsewhere (see `indexMadeElsewhere`). */
export const INDEX_WANTED = Symbol("search index wanted");

/** A stepwise build: it yields to pause, or INDEX_WANTED, and is resumed with nothing, or the search index. */
export type CorpusSteps = Generator<typeof INDEX_WANTED | undefined, Corpus, SearchIndex | undefined>;

/**
 * Articles newest first, equal dates in their given order: the corpus's order. The times are sorted as numbers (a
 * sort of 100,000 objects held the event loop for a quarter of a second, and of their indexes with a comparing
 * function about 0.1 s); each article then goes to the first place of its time, after the earlier ones of that time.
 */
export function newestFirst(articles: readonly Article[]): Article[] {
  const n = articles.length;
  // Negated, so that ascending order is newest first.
  const keys = Float64Array.from(articles, (a) => -a.published.getTime());
  const sorted = keys.slice().sort();
  const placed = new Int32Array(n);
  const out = new Array<Article>(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    out[lo + (placed[lo] as number)] = articles[i] as Article;
    placed[lo] = (placed[lo] as number) + 1;
  }
  return out;
}

const EMPTY_INDEX = new SearchIndex([]);

export class Corpus {
  private sorted: readonly Article[] = [];
  private peopleByKey: ReadonlyMap<string, Person> = new Map();
  private searchIndex: SearchIndex = EMPTY_INDEX;
  private readonly byId = new Map<string, Article>();
  private readonly quotesById = new Map<string, QuoteRef[]>();
  /** Each summarised article's summaries (see SummaryPlan): made when first asked for, or beforehand by the loader. */
  private readonly plans = new Map<string, SummaryPlan>();
  private summariesFrom: Corpus | undefined;
  private readonly peopleById = new Map<string, Set<string>>();
  /** Each speaker's quotes' and reported statements' page sizes (see quoteItemSizes), made at load. */
  private readonly itemSizes = new Map<Person, { quotes: Int32Array; reported: Int32Array }>();
  private speakerList: Array<{ person: Person; tokens: readonly string[]; folded: string }> | undefined;
  private readonly analysesById = new Map<string, Analysis>();
  /** Name word → the people whose aliases hold it, and each person's name words (built at load). */
  private nameIndex: { byToken: Map<string, Person[]>; tokens: Map<Person, Set<string>> } | undefined;

  constructor(articles: readonly Article[], opts: CorpusOptions = {}) {
    runToEnd(this.steps(articles, { ...opts, indexMadeElsewhere: false }));
  }

  /**
   * The same corpus built in steps: the generator pauses every few hundred articles, so that its caller can let
   * other work run between steps (src/corpus/build.ts does, so that a large archive never holds up the gateway).
   */
  static *stepwise(articles: readonly Article[], opts: CorpusOptions = {}): CorpusSteps {
    const c = new Corpus([]);
    yield* c.steps(articles, opts);
    return c;
  }

  private *steps(articles: readonly Article[], opts: CorpusOptions): Generator<typeof INDEX_WANTED | undefined, void, SearchIndex | undefined> {
    this.byId.clear();
    this.summariesFrom = opts.summariesFrom;
    this.quotesById.clear();
    this.peopleById.clear();
    this.analysesById.clear();
    // Newest first, equal dates in load order.
    this.sorted = opts.inOrder === true ? articles.slice() : newestFirst(articles);
    yield;
    let n = 0;
    for (const a of this.sorted) {
      if (++n % BUILD_STEP === 0) yield;
      this.byId.set(a.id, a);
    }
    this.peopleByKey = yield* this.buildPeople(opts.analyses);
    n = 0;
    for (const p of this.people.values()) {
      if (++n % BUILD_STEP === 0) yield;
      if (!p.key.includes(" ")) continue;
      for (const id of p.articles) {
        let set = this.peopleById.get(id);
        if (!set) this.peopleById.set(id, (set = new Set()));
        set.add(p.key);
      }
    }
    // Page sizes of every speaker's quotes: a long list is paged without visiting each quote again. The pauses
    // count quotes, not people: the most quoted person of a large archive has tens of thousands.
    this.itemSizes.clear();
    n = 0;
    const byId = this.byId;
    // An item's size is its article's part (headline, source and date: the same for each of its quotes) and its text.
    const articleParts = new Map<string, number>();
    const articlePart = (id: string): number => {
      let part = articleParts.get(id);
      if (part === undefined) articleParts.set(id, (part = articleItemSize(byId.get(id), "")));
      return part;
    };
    function* sizesOf(list: readonly QuoteRef[]): Generator<undefined, Int32Array> {
      const sizes = new Int32Array(list.length);
      for (let i = 0; i < list.length; i++) {
        if (++n % (BUILD_STEP * 10) === 0) yield;
        const q = list[i] as QuoteRef;
        sizes[i] = articlePart(q.articleId) + q.text.length;
      }
      return sizes;
    }
    for (const p of this.people.values()) {
      if (p.quotes.length === 0 && p.reported.length === 0) continue;
      if (++n % BUILD_STEP === 0) yield;
      this.itemSizes.set(p, { quotes: yield* sizesOf(p.quotes), reported: yield* sizesOf(p.reported) });
    }
    // The lookups' own indexes, built now rather than on the first command that needs them.
    this.speakerList = undefined;
    this.nameIndex = undefined;
    yield;
    this.speakerList = yield* this.rankSpeakers();
    yield;
    this.names();
    // Last, so that an index made elsewhere meanwhile is waited for only once the rest is built.
    if (opts.indexMadeElsewhere === true) {
      const index = yield INDEX_WANTED;
      if (index === undefined || !index.covers(this.sorted)) throw new Error("the search index given is not over this corpus's articles");
      this.searchIndex = index;
    } else {
      const made = opts.terms;
      this.searchIndex = yield* SearchIndex.build(this.sorted, made === undefined ? undefined : (a) => made.get(a.id));
    }
  }

  /** Newest first; equal dates keep load order. */
  get articles(): readonly Article[] {
    return this.sorted;
  }

  get people(): ReadonlyMap<string, Person> {
    return this.peopleByKey;
  }

  /** Full-text index over headlines and bodies: `/search` and every `topic` option. */
  get index(): SearchIndex {
    return this.searchIndex;
  }

  get size(): number {
    return this.articles.length;
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** An article's analysis, for building another corpus that holds it without analysing it again. */
  analysisOf(articleId: string): Analysis | undefined {
    return this.analysesById.get(articleId);
  }

  quotesOf(articleId: string): readonly QuoteRef[] {
    return this.quotesById.get(articleId) ?? [];
  }

  /**
   * People with direct quotes, most quoted first, then by their newest quote; with the folded words of their
   * aliases, for autocomplete. Built at load.
   */
  get speakers(): ReadonlyArray<{ person: Person; tokens: readonly string[]; folded: string }> {
    this.speakerList ??= runToEnd(this.rankSpeakers());
    return this.speakerList;
  }

  private *rankSpeakers(): Generator<undefined, Array<{ person: Person; tokens: readonly string[]; folded: string }>> {
    const order = new Map<string, number>();
    const articles = this.articles;
    for (let i = 0; i < articles.length; i++) {
      if (i > 0 && i % (BUILD_STEP * 50) === 0) yield;
      order.set((articles[i] as Article).id, i);
    }
    const newest = new Map<string, number>();
    const list = [...this.people.values()].filter((p) => p.quotes.length > 0);
    let n = 0;
    for (const p of list) {
      n += p.quotes.length;
      if (n >= BUILD_STEP * 50) {
        n = 0;
        yield;
      }
      let first = Infinity;
      for (const q of p.quotes) first = Math.min(first, order.get(q.articleId) ?? Infinity);
      newest.set(p.key, first);
    }
    list.sort((a, b) => b.quotes.length - a.quotes.length || (newest.get(a.key) ?? 0) - (newest.get(b.key) ?? 0));
    return list.map((person) => ({ person, tokens: [...new Set([...person.aliases].flatMap((a) => words(a)))], folded: fold(person.name) }));
  }

  /** Keys of the people (with a full name) that an article names. */
  peopleIn(articleId: string): ReadonlySet<string> {
    return this.peopleById.get(articleId) ?? EMPTY;
  }


  private *buildPeople(analyses: ReadonlyMap<string, Analysis> | undefined): Generator<undefined, Map<string, Person>> {
    const people = new Map<string, Person>();
    /** Each name's person once met: a name met again adds only its article (its alias and length are known). */
    const byName = new Map<string, Person>();
    const touch = (name: string, articleId: string): void => {
      let p = byName.get(name);
      if (p === undefined) {
        const key = personKey(name);
        p = people.get(key);
        if (!p) {
          p = { key, name, aliases: new Set(), quotes: [], reported: [], articles: new Set() };
          people.set(key, p);
        }
        if (name.length > p.name.length) p.name = name;
        p.aliases.add(name);
        byName.set(name, p);
      }
      p.articles.add(articleId);
    };
    const pending: Array<{ a: Article; statements: Statements }> = [];
    /** The names an article gives, each once, in the order first met (touching a name again changes nothing). */
    const names: string[] = [];
    const add = (name: string | null): void => {
      if (name !== null && !names.includes(name)) names.push(name);
    };
    let n = 0;
    for (const a of this.articles) {
      // Analysing here is slow: pause after every few articles then.
      const given = analyses?.get(a.id);
      n += given !== undefined ? 1 : 25;
      if (n >= BUILD_STEP) {
        n = 0;
        yield;
      }
      const analysis = given ?? analyzeArticle(a);
      this.analysesById.set(a.id, analysis);
      const { statements, mentioned } = analysis;
      names.length = 0;
      for (const name of mentioned) add(name);
      for (const q of statements.quotes) add(q.speaker);
      for (const q of statements.paraphrases) add(q.speaker);
      for (const name of names) touch(name, a.id);
      pending.push({ a, statements });
    }
    // A bare surname joins the one full name in the corpus that ends with it.
    const full = [...people.values()].filter((p) => p.key.includes(" "));
    const bySurname = new Map<string, Person[]>();
    for (const f of full) {
      const key = surname(f.name);
      const list = bySurname.get(key);
      if (list) list.push(f);
      else bySurname.set(key, [f]);
    }
    n = 0;
    for (const p of [...people.values()]) {
      if (++n % (BUILD_STEP * 10) === 0) yield;
      if (p.key.includes(" ")) continue;
      const matches = bySurname.get(p.key) ?? [];
      if (matches.length !== 1) continue;
      const target = matches[0] as Person;
      for (const alias of p.aliases) target.aliases.add(alias);
      for (const id of p.articles) target.articles.add(id);
      people.delete(p.key);
    }
    // Every alias of a full name, for the names that are no key of their own (the first full name wins, as before).
    const byAlias = new Map<string, Person>();
    for (const f of full) for (const alias of f.aliases) if (!byAlias.has(alias)) byAlias.set(alias, f);
    const resolve = (name: string): Person | undefined => people.get(personKey(name)) ?? byAlias.get(name);
    n = 0;
    for (const { a, statements } of pending) {
      if (++n % BUILD_STEP === 0) yield;
      const refs: QuoteRef[] = [];
      for (const q of statements.quotes) {
        if (q.speaker === null) continue;
        const person = resolve(q.speaker);
        if (!person) continue;
        const ref = refOf(q, a.id, person.key);
        person.quotes.push(ref);
        refs.push(ref);
      }
      for (const q of statements.paraphrases) {
        const person = q.speaker !== null ? resolve(q.speaker) : undefined;
        if (person) person.reported.push(refOf(q, a.id, person.key));
      }
      this.quotesById.set(a.id, refs);
    }
    return people;
  }

  /** People whose name contains every word of the query (any part of the name, accents ignored); titles in
   * the query ("President Trump", "Sen. Rubio") are dropped when the whole query matches nobody. */
  findPeople(query: string): Person[] {
    const hits = this.peopleWith(nameTokens(query));
    if (hits.length > 0) return hits;
    const words = query.trim().split(/\s+/);
    const bare = words.filter((t) => !isTitleWord(t));
    return bare.length > 0 && bare.length < words.length ? this.peopleWith(nameTokens(bare.join(" "))) : [];
  }

  private peopleWith(q: string[]): Person[] {
    if (q.length === 0) return [];
    const { byToken, tokens } = this.names();
    // The people with the rarest word of the query, then those who have every other word too.
    let fewest: Person[] | undefined;
    for (const t of q) {
      const list = byToken.get(t) ?? [];
      if (fewest === undefined || list.length < fewest.length) fewest = list;
    }
    const hits = (fewest ?? []).filter((p) => q.every((t) => tokens.get(p)?.has(t) === true));
    return hits.sort((a, b) => b.quotes.length - a.quotes.length || b.articles.size - a.articles.size);
  }

  /** The name-word index (built at load; see steps()). */
  private names(): { byToken: Map<string, Person[]>; tokens: Map<Person, Set<string>> } {
    if (this.nameIndex === undefined) {
      const byToken = new Map<string, Person[]>();
      const tokens = new Map<Person, Set<string>>();
      for (const p of this.people.values()) {
        const own = new Set([...p.aliases].flatMap(nameTokens));
        tokens.set(p, own);
        for (const t of own) {
          const list = byToken.get(t);
          if (list) list.push(p);
          else byToken.set(t, [p]);
        }
      }
      this.nameIndex = { byToken, tokens };
    }
    return this.nameIndex;
  }

  /** Names close to a query that matched nobody, best first. */
  suggestPeople(query: string, limit = 5): string[] {
    return this.closePeople(query)
      .slice(0, limit)
      .map((s) => s.person.name);
  }

  /**
   * The one person a mistyped query surely means ("Trmp" → Donald Trump): the closest speaker, when
   * no other speaker is as close. Undefined when nobody is close or two are equally close.
   */
  closestSpeaker(query: string): Person | undefined {
    const close = this.closePeople(query).filter((s) => s.person.quotes.length > 0 || s.person.reported.length > 0);
    const [best, next] = close;
    if (best === undefined || best.d > 2) return undefined;
    if (next !== undefined && next.d === best.d && personKey(next.person.name) !== personKey(best.person.name)) return undefined;
    return best.person;
  }

  /** People whose name or a part of it is within a few edits of the query, closest first. */
  private closePeople(query: string): Array<{ person: Person; d: number }> {
    const q = fold(query).replace(/[^\p{L}\p{N} ]/gu, "").trim();
    if (q === "") return [];
    const scored: Array<{ person: Person; name: string; d: number; quotes: number }> = [];
    for (const p of this.people.values()) {
      let d = Infinity;
      for (const alias of p.aliases) {
        const full = fold(alias);
        d = Math.min(d, editDistance(q, full, 4));
        for (const t of nameTokens(alias)) {
          d = Math.min(d, editDistance(q, t, 4));
          if (t.startsWith(q) && q.length >= 2) d = Math.min(d, 0.5);
        }
      }
      const allowed = Math.max(1, Math.floor(q.length / 3));
      if (d <= allowed) scored.push({ person: p, name: p.name, d, quotes: p.quotes.length });
    }
    return scored.sort((a, b) => a.d - b.d || b.quotes - a.quotes || a.name.localeCompare(b.name));
  }

  /**
   * What each of a person's quotes (`quotes`, in order) and reported statements (`reported`) takes of a reply page
   * (`itemSize` of an item with the article's headline, the words and the source line), or undefined for someone
   * with neither.
   */
  quoteItemSizes(p: Person): { quotes: Int32Array; reported: Int32Array } | undefined {
    return this.itemSizes.get(p);
  }

  /** Number of articles that contain every content word of `query` (as the topic filters count; 0 for none). */
  mentions(query: string): number {
    return this.index.newestAbout(query, 0)?.total ?? 0;
  }

  /** Whether an article is about a topic: every content word of the topic appears in it (from the search index). */
  matchesTopic(articleId: string, topic: string | undefined): boolean {
    if (topic === undefined || topic.trim() === "") return true;
    return this.index.isAbout(articleId, topic);
  }

  /** The newest `limit` articles about a topic (all articles without one), and how many there are in all. */
  newestAbout(topic: string | undefined, limit: number): { articles: Article[]; total: number } {
    const found = topic === undefined || topic.trim() === "" ? null : this.index.newestAbout(topic, limit);
    return found ?? { articles: this.articles.slice(0, limit), total: this.size };
  }

  /** The articles best matching a query (BM25 over headlines and bodies), with their best sentence. */
  search(query: string, limit = 5): SearchResult {
    return this.index.search(query, limit);
  }

  /** Whether a quote is about a topic: the topic's words appear in the quote or in its article. */
  quoteMatchesTopic(q: QuoteRef, topic: string | undefined): boolean {
    return this.matchesTopic(q.articleId, topic);
  }

  /** How many sentence units an article has (what a summary is "n of"), counted once. */
  sentenceCount(article: Article): number {
    return unitCountOf(this.planOf(article));
  }

  summary(article: Article, length: SummaryLength = "medium"): string[] {
    return summaryFromPlan(this.planOf(article), article.paragraphs, length);
  }

  private planOf(article: Article): SummaryPlan {
    // An article of the corpus shared with: summarised there, once for every corpus that holds it.
    const from = this.summariesFrom;
    if (from !== undefined && from.byId.get(article.id) === article) return from.planOf(article);
    let plan = this.plans.get(article.id);
    if (plan === undefined) this.plans.set(article.id, (plan = planSummaries(article.paragraphs)));
    return plan;
  }

  /** Whether an article's summaries are made (by `summary`, or handed over with `keepSummaries`), here or in the
   * corpus this one shares them with. */
  hasSummaries(id: string): boolean {
    return this.plans.has(id) || this.summariesFrom?.hasSummaries(id) === true;
  }

  /**
   * Summaries made elsewhere (a worker, the analysis cache) for an article of this corpus: `article` must be the
   * very object the corpus holds, so that a plan made from a duplicate's text never serves another's.
   */
  keepSummaries(article: Article, plan: SummaryPlan): boolean {
    if (this.byId.get(article.id) !== article) return false;
    this.plans.set(article.id, plan);
    return true;
  }

  /**
   * The article a user means: an id, or words of its headline. Returns the best match, or the
   * closest headlines when nothing matches.
   */
  findArticle(query: string): { article: Article } | { suggestions: Article[] } {
    const trimmed = query.trim();
    const exact = this.byId.get(trimmed);
    if (exact) return { article: exact };
    const q = fold(trimmed);
    const heads = this.searchIndex.foldedHeadlines;
    let at = heads.indexOf(q);
    if (at < 0) at = heads.findIndex((h) => h.includes(q));
    const byText = this.sorted[at];
    if (byText && q.length >= 2) return { article: byText };
    const qt = terms(trimmed);
    const scored = this.index.termMatches(qt);
    const complete = scored.filter((s) => s.inBody === qt.length && qt.length > 0).sort((x, y) => y.inHead - x.inHead);
    if (complete.length > 0 && (complete[0] as { inHead: number }).inHead > 0) return { article: (complete[0] as { article: Article }).article };
    const suggestions = scored
      .sort((x, y) => y.inHead + y.inBody - (x.inHead + x.inBody))
      .slice(0, 5)
      .map((s) => s.article);
    return { suggestions: suggestions.length > 0 ? suggestions : this.articles.slice(0, 3) };
  }

  /** Headlines matching what a user has typed so far (for autocomplete), newest first. */
  searchHeadlines(typed: string, limit = 25): Article[] {
    const q = words(typed);
    if (q.length === 0) return this.articles.slice(0, limit);
    const out: Article[] = [];
    const heads = this.searchIndex.foldedHeadlines;
    for (let i = 0; i < heads.length; i++) {
      // Only a headline holding every typed word as text is split into words.
      if (!q.every((w) => (heads[i] as string).includes(w))) continue;
      const a = this.sorted[i] as Article;
      const hw = words(a.headline);
      if (q.every((w, i) => hw.some((h) => (i === q.length - 1 ? h.startsWith(w) : h === w)))) out.push(a);
      if (out.length >= limit) break;
    }
    return out;
  }
}
