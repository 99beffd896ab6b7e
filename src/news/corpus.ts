/**
 * The loaded articles with their indexes: time order, quotes, people and their aliases, terms for
 * topic filters, and cached summaries. Built once from `Article[]`; read-only afterwards.
 */
import type { Article } from "./article.js";
import { isTitleWord, peopleMentioned, personKey, surname, nameTokens } from "./names.js";
import { extractStatements, type Quote, type Statements } from "./quotes.js";
import { BUILD_STEP, type IndexTerms, SearchIndex, type SearchResult } from "./search.js";
import { articleItemSize } from "./reply.js";
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

/**
 * An analysis from a loading worker holds copies of the words it found (a structured clone copies every string).
 * Here they become references again: a quote's text a slice of its paragraph (which is kept anyway), and each
 * name one string however often it is met. At 100,000 articles that is about a tenth of the heap.
 */
function shareStrings(a: Article, analysis: Analysis, interned: Map<string, string>): void {
  const intern = (name: string): string => {
    const known = interned.get(name);
    if (known !== undefined) return known;
    interned.set(name, name);
    return name;
  };
  for (const list of [analysis.statements.quotes, analysis.statements.paraphrases]) {
    for (const q of list) {
      if (q.speaker !== null) q.speaker = intern(q.speaker);
      if (q.parts !== undefined) continue;
      const slice = a.paragraphs[q.paragraph]?.slice(q.start, q.end);
      if (slice === q.text) q.text = slice;
    }
  }
  const m = analysis.mentioned;
  for (let i = 0; i < m.length; i++) m[i] = intern(m[i] as string);
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
}

const EMPTY_INDEX = new SearchIndex([]);

export class Corpus {
  private sorted: readonly Article[] = [];
  private peopleByKey: ReadonlyMap<string, Person> = new Map();
  private searchIndex: SearchIndex = EMPTY_INDEX;
  private readonly byId = new Map<string, Article>();
  private readonly quotesById = new Map<string, QuoteRef[]>();
  /** Each article's headline folded, in `sorted` order: what a typed headline is matched against. */
  private foldedHeadlines: string[] = [];
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
    const steps = this.steps(articles, opts);
    while (steps.next().done !== true);
  }

  /**
   * The same corpus built in steps: the generator pauses every few hundred articles, so that its caller can let
   * other work run between steps (src/corpus/build.ts does, so that a large archive never holds up the gateway).
   */
  static *stepwise(articles: readonly Article[], opts: CorpusOptions = {}): Generator<void, Corpus> {
    const c = new Corpus([]);
    yield* c.steps(articles, opts);
    return c;
  }

  private *steps(articles: readonly Article[], opts: CorpusOptions): Generator<void, void> {
    this.byId.clear();
    this.summariesFrom = opts.summariesFrom;
    this.quotesById.clear();
    this.peopleById.clear();
    this.analysesById.clear();
    // Newest first, equal dates in load order: indexes sorted over the times in a typed array (a sort of 100,000
    // objects held the event loop for a quarter of a second).
    const times = Float64Array.from(articles, (a) => a.published.getTime());
    const order = Int32Array.from(articles, (_, i) => i).sort((x, y) => (times[y] as number) - (times[x] as number) || x - y);
    yield;
    this.sorted = Array.from(order, (i) => articles[i] as Article);
    let n = 0;
    this.foldedHeadlines = [];
    for (const a of this.sorted) {
      if (++n % BUILD_STEP === 0) yield;
      this.byId.set(a.id, a);
      this.foldedHeadlines.push(fold(a.headline));
    }
    this.peopleByKey = yield* this.buildPeople(opts.analyses);
    const made = opts.terms;
    this.searchIndex = yield* SearchIndex.build(this.sorted, made === undefined ? undefined : (a) => made.get(a.id));
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
    function* sizesOf(list: readonly QuoteRef[]): Generator<void, Int32Array> {
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
    this.speakerList = this.rankSpeakers();
    yield;
    this.names();
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
    this.speakerList ??= this.rankSpeakers();
    return this.speakerList;
  }

  private rankSpeakers(): Array<{ person: Person; tokens: readonly string[]; folded: string }> {
    const order = new Map(this.articles.map((a, i) => [a.id, i]));
    const newest = new Map<string, number>();
    const list = [...this.people.values()].filter((p) => p.quotes.length > 0);
    for (const p of list) {
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


  private *buildPeople(analyses: ReadonlyMap<string, Analysis> | undefined): Generator<void, Map<string, Person>> {
    const people = new Map<string, Person>();
    const touch = (name: string, articleId: string): Person => {
      const key = personKey(name);
      let p = people.get(key);
      if (!p) {
        p = { key, name, aliases: new Set(), quotes: [], reported: [], articles: new Set() };
        people.set(key, p);
      }
      if (name.length > p.name.length) p.name = name;
      p.aliases.add(name);
      p.articles.add(articleId);
      return p;
    };
    const pending: Array<{ a: Article; statements: Statements }> = [];
    const interned = new Map<string, string>();
    let n = 0;
    for (const a of this.articles) {
      // Analysing here is slow: pause after every few articles then.
      n += analyses?.has(a.id) === true ? 1 : 25;
      if (n >= BUILD_STEP) {
        n = 0;
        yield;
      }
      const analysis = analyses?.get(a.id) ?? analyzeArticle(a);
      shareStrings(a, analysis, interned);
      this.analysesById.set(a.id, analysis);
      const { statements, mentioned } = analysis;
      for (const name of mentioned) touch(name, a.id);
      for (const q of [...statements.quotes, ...statements.paraphrases]) if (q.speaker !== null) touch(q.speaker, a.id);
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
    const heads = this.foldedHeadlines;
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
    const heads = this.foldedHeadlines;
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
