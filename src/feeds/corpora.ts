/**
 * One corpus per server: the base articles (seed files) plus the articles of the feeds that server reads, so
 * that a server's commands and digest see its own feeds and never another server's. Built on first use and
 * rebuilt after one of its feeds changed; a server that reads no feed shares the base corpus.
 *
 * What many servers share is read and analysed once: each feed URL's items (from the store) and each article's
 * analysis (quotations, people) are kept per URL, so that a thousand servers following the same feeds cost one
 * analysis per article. Only the most recently used server corpora are kept (`maxCorpora`); the others are built
 * again, from the shared parts, when next used.
 */
import type { Article } from "../news/article.js";
import { buildCorpus } from "../corpus/build.js";
import { type Analysis, Corpus } from "../news/corpus.js";
import type { StoredItem } from "./merge.js";
import { dedupeItems, type FeedService } from "./service.js";

/** Server corpora kept built (least recently used dropped first). */
export const DEFAULT_MAX_CORPORA = 200;

interface UrlEntry {
  items: Promise<StoredItem[]>;
  analyses: Map<string, Analysis>;
}

export class Corpora {
  private baseCorpus: Corpus;
  /** Insertion order is use order: the first key is the least recently used. */
  private readonly byGuild = new Map<string, Promise<Corpus>>();
  /** Which feed URLs each cached corpus was built from. */
  private readonly urlsOf = new Map<string, readonly string[]>();
  private readonly byUrl = new Map<string, UrlEntry>();

  constructor(
    private base: readonly Article[],
    private readonly feeds?: FeedService,
    private readonly maxCorpora = DEFAULT_MAX_CORPORA,
  ) {
    this.baseCorpus = new Corpus(base);
  }

  /** The corpus of the base articles alone. */
  get shared(): Corpus {
    return this.baseCorpus;
  }

  /** Server corpora built and kept now. */
  get cached(): number {
    return this.byGuild.size;
  }

  async get(guildId: string | null): Promise<Corpus> {
    if (this.feeds === undefined) return this.baseCorpus;
    const key = guildId ?? "";
    let c = this.byGuild.get(key);
    if (c) {
      // Used again: now the most recent.
      this.byGuild.delete(key);
      this.byGuild.set(key, c);
      return c;
    }
    c = this.build(key, guildId);
    this.byGuild.set(key, c);
    c.catch(() => {
      if (this.byGuild.get(key) === c) this.byGuild.delete(key);
    });
    while (this.byGuild.size > this.maxCorpora) {
      const oldest = this.byGuild.keys().next().value as string;
      this.byGuild.delete(oldest);
      this.urlsOf.delete(oldest);
    }
    return c;
  }

  private url(url: string): UrlEntry {
    let e = this.byUrl.get(url);
    if (!e) {
      const feeds = this.feeds as FeedService;
      e = { items: feeds.itemsOf(url), analyses: new Map() };
      const entry = e;
      e.items.catch(() => {
        if (this.byUrl.get(url) === entry) this.byUrl.delete(url);
      });
      this.byUrl.set(url, e);
    }
    return e;
  }

  private async build(key: string, guildId: string | null): Promise<Corpus> {
    const feeds = this.feeds as FeedService;
    const urls = await feeds.urlsOf(guildId);
    this.urlsOf.set(key, urls);
    if (urls.length === 0) return this.baseCorpus;
    const entries = urls.map((u) => this.url(u));
    const lists = await Promise.all(entries.map((e) => e.items));
    const own = dedupeItems(lists);
    const ids = new Set(this.base.map((a) => a.id));
    const articles = [...this.base, ...own.filter((a) => !ids.has(a.id))];
    // Each article analysed once: the base corpus's analyses, or the feed's (made on first use).
    const owner = new Map<string, Map<string, Analysis>>();
    lists.forEach((items, i) => {
      for (const item of items) if (!owner.has(item.article.id)) owner.set(item.article.id, (entries[i] as UrlEntry).analyses);
    });
    const analyses = new Map<string, Analysis>();
    for (const a of articles) {
      const found = this.baseCorpus.analysisOf(a.id) ?? owner.get(a.id)?.get(a.id);
      if (found !== undefined) analyses.set(a.id, found);
    }
    // The rest are analysed while the corpus is built (step by step), then kept for the other servers.
    // The base articles' summaries are the base corpus's, made once (and in the background after a load).
    const corpus = await buildCorpus(articles, { analyses, summariesFrom: this.baseCorpus });
    for (const a of articles) {
      if (analyses.has(a.id)) continue;
      const made = corpus.analysisOf(a.id);
      if (made !== undefined) owner.get(a.id)?.set(a.id, made);
    }
    return corpus;
  }

  /** A feed changed (or a server followed or left one): the corpora built from it are rebuilt on next use. */
  invalidateUrl(url: string): void {
    this.byUrl.delete(url);
    for (const [key, urls] of this.urlsOf) if (urls.includes(url)) this.invalidateGuild(key);
  }

  /** A server's feed list changed. */
  invalidateGuild(guildId: string): void {
    this.byGuild.delete(guildId);
    this.urlsOf.delete(guildId);
  }

  /** The base articles changed (seed files): every corpus is rebuilt. `corpus`: theirs, when already built. */
  setBase(base: readonly Article[], corpus?: Corpus): void {
    this.base = base;
    this.baseCorpus = corpus ?? new Corpus(base);
    this.byGuild.clear();
    this.urlsOf.clear();
  }
}
