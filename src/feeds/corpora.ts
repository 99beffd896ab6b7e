/**
 * One corpus per server: the base articles (seed files) plus the articles of the feeds that server reads, so
 * that a server's commands and digest see its own feeds and never another server's. Built on first use and
 * rebuilt after one of its feeds changed; a server that reads no feed shares the base corpus.
 */
import type { Article } from "../news/article.js";
import { Corpus } from "../news/corpus.js";
import type { FeedService } from "./service.js";

export class Corpora {
  private baseCorpus: Corpus;
  private readonly byGuild = new Map<string, Promise<Corpus>>();
  /** Which feed URLs each cached corpus was built from. */
  private readonly urlsOf = new Map<string, readonly string[]>();

  constructor(
    private base: readonly Article[],
    private readonly feeds?: FeedService,
  ) {
    this.baseCorpus = new Corpus(base);
  }

  /** The corpus of the base articles alone. */
  get shared(): Corpus {
    return this.baseCorpus;
  }

  async get(guildId: string | null): Promise<Corpus> {
    if (this.feeds === undefined) return this.baseCorpus;
    const key = guildId ?? "";
    let c = this.byGuild.get(key);
    if (!c) {
      c = (async () => {
        const feeds = this.feeds as FeedService;
        const urls = await feeds.urlsOf(guildId);
        this.urlsOf.set(key, urls);
        if (urls.length === 0) return this.baseCorpus;
        const own = await feeds.articlesOf(guildId);
        const ids = new Set(this.base.map((a) => a.id));
        return new Corpus([...this.base, ...own.filter((a) => !ids.has(a.id))]);
      })();
      this.byGuild.set(key, c);
      c.catch(() => this.byGuild.delete(key));
    }
    return c;
  }

  /** A feed changed (or a server followed or left one): the corpora built from it are rebuilt on next use. */
  invalidateUrl(url: string): void {
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
