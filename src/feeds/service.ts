/**
 * Following feeds: which servers follow which URLs (in the store), fetching each distinct URL once for all of
 * them on a jittered schedule with back-off, one request at a time per host, and folding what is read into the
 * stored articles of that URL. `FEEDS_FILE` feeds are followed for every server.
 */
import type { Logger } from "pino";
import type { Article } from "../news/article.js";
import type { FeedState, FollowedFeed, Store } from "../store/store.js";
import { feedArticles } from "./articles.js";
import { fetchFeed, type FetchOptions, type FetchResult, urlProblem } from "./fetch.js";
import { mergeItems, type StoredItem } from "./merge.js";
import { parseFeed } from "./parse.js";

export const DEFAULT_INTERVAL_MINUTES = 15;
export const DEFAULT_FEEDS_PER_GUILD = 50;
/** Longest wait after failures. */
const MAX_BACKOFF_MS = 24 * 3600_000;
const GUILDS_KEY = "feed-guilds";

export interface FeedServiceOptions {
  store: Store;
  log: Logger;
  now?: () => Date;
  intervalMinutes?: number;
  perGuild?: number;
  allowPrivate?: boolean;
  /** Feeds every server follows (FEEDS_FILE). */
  ownerFeeds?: readonly string[];
  /** Called after a URL's articles changed. */
  onChange?: (url: string) => void;
  /** Called after a server followed or left a feed. */
  onGuildChange?: (guildId: string) => void;
  /** Fetching, replaceable in tests. */
  fetch?: (url: string, opts: FetchOptions) => Promise<FetchResult>;
  /** Random numbers for jitter, replaceable in tests. */
  random?: () => number;
  /** This process, for the lease that lets only one process fetch a feed at a time. */
  owner?: string;
}

/** How long one process may hold a feed's fetch lease (a fetch takes at most 15 s per try). */
const FETCH_LEASE_MS = 5 * 60_000;

export interface PollResult {
  url: string;
  outcome: "updated" | "unchanged" | "not-modified" | "failed";
  added: number;
  updated: number;
  reason?: string;
}

export type FollowResult =
  | { ok: true; url: string; title: string; items: number; problems: string[] }
  | { ok: false; reason: string };

/** A feed's URL as stored: trimmed, with its scheme and host lower-cased by URL. */
/**
 * The articles of several feeds' items (in the order given), one per story: guids are a feed's own, while links
 * and content name the same story across feeds, so an item whose link or content was seen already is left out.
 */
export function dedupeItems(lists: ReadonlyArray<readonly StoredItem[]>): Article[] {
  const seen = new Set<string>();
  const out: Article[] = [];
  for (const items of lists) {
    for (const item of items) {
      const shared = item.keys.filter((k) => !k.startsWith("guid:"));
      if (shared.some((k) => seen.has(k))) continue;
      for (const k of shared) seen.add(k);
      out.push(item.article);
    }
  }
  return out;
}

export function normaliseFeedUrl(raw: string): string {
  try {
    return new URL(raw.trim()).toString();
  } catch {
    return raw.trim();
  }
}

export class FeedService {
  private readonly now: () => Date;
  private readonly intervalMs: number;
  private readonly perGuild: number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PollResult[]> | null = null;
  /** Per URL, the `changedAt` this process last saw: a newer one (another process fetched) rebuilds the corpora. */
  private readonly seenChange = new Map<string, number>();

  constructor(private readonly o: FeedServiceOptions) {
    this.now = o.now ?? (() => new Date());
    this.intervalMs = (o.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES) * 60_000;
    this.perGuild = o.perGuild ?? DEFAULT_FEEDS_PER_GUILD;
    this.random = o.random ?? Math.random;
  }

  get ownerFeeds(): readonly string[] {
    return this.o.ownerFeeds ?? [];
  }

  async followed(guildId: string): Promise<FollowedFeed[]> {
    return (await this.o.store.feeds.get(guildId))?.feeds ?? [];
  }

  /** Every URL some server follows, the owner's included. */
  async allUrls(): Promise<string[]> {
    const guilds = (await this.o.store.index.get(GUILDS_KEY)) ?? [];
    const urls = new Set(this.ownerFeeds);
    for (const g of guilds) for (const f of await this.followed(g)) urls.add(f.url);
    return [...urls];
  }

  /** The URLs a server's commands read: its own and the owner's. */
  async urlsOf(guildId: string | null): Promise<string[]> {
    const own = guildId === null ? [] : (await this.followed(guildId)).map((f) => f.url);
    return [...new Set([...this.ownerFeeds, ...own])];
  }

  /** Which servers follow a URL (the owner's feeds: all). */
  async guildsFollowing(url: string): Promise<string[] | "all"> {
    if (this.ownerFeeds.includes(url)) return "all";
    const guilds = (await this.o.store.index.get(GUILDS_KEY)) ?? [];
    const out: string[] = [];
    for (const g of guilds) if ((await this.followed(g)).some((f) => f.url === url)) out.push(g);
    return out;
  }

  async state(url: string): Promise<FeedState | undefined> {
    return this.o.store.feedState.get(url);
  }

  /** The articles of the feeds a server reads, one per story key across feeds (the newest version). */
  async articlesOf(guildId: string | null): Promise<Article[]> {
    const urls = await this.urlsOf(guildId);
    const items = await Promise.all(urls.map(async (url) => (await this.o.store.feedItems.get(url))?.items ?? []));
    return dedupeItems(items);
  }

  /** The stored items of one URL. */
  async itemsOf(url: string): Promise<StoredItem[]> {
    return (await this.o.store.feedItems.get(url))?.items ?? [];
  }

  /** Follow a feed: checked, fetched at once, and kept only when it can be read. */
  async follow(guildId: string, rawUrl: string, name: string | undefined, userId: string | null): Promise<FollowResult> {
    const url = normaliseFeedUrl(rawUrl);
    const problem = urlProblem(url, this.o.allowPrivate ?? false);
    if (problem !== null) return { ok: false, reason: `The URL ${problem}.` };
    const feeds = await this.followed(guildId);
    if (feeds.some((f) => f.url === url)) return { ok: false, reason: "This server already follows that feed." };
    if (feeds.length >= this.perGuild) return { ok: false, reason: `This server follows ${feeds.length} feeds, the most allowed (FEEDS_PER_GUILD). Remove one first.` };
    const result = await this.poll(url, { first: true });
    if (result.outcome === "failed") return { ok: false, reason: `It cannot be read: ${result.reason ?? "unknown error"}.` };
    const state = await this.state(url);
    const fresh = await this.followed(guildId);
    if (!fresh.some((f) => f.url === url)) {
      const entry: FollowedFeed = { url, addedAt: this.now().getTime(), ...(name !== undefined ? { name } : {}), ...(userId !== null ? { addedBy: userId } : {}) };
      await this.o.store.feeds.set(guildId, { feeds: [...fresh, entry] });
      const guilds = (await this.o.store.index.get(GUILDS_KEY)) ?? [];
      if (!guilds.includes(guildId)) await this.o.store.index.set(GUILDS_KEY, [...guilds, guildId]);
    }
    this.o.onGuildChange?.(guildId);
    return { ok: true, url, title: name ?? state?.title ?? url, items: state?.items ?? 0, problems: state?.problems ?? [] };
  }

  /** Stop following a feed, named by URL or by the name given at `add`. Returns the removed entry. */
  async unfollow(guildId: string, which: string): Promise<FollowedFeed | null> {
    const feeds = await this.followed(guildId);
    const url = normaliseFeedUrl(which);
    const target = feeds.find((f) => f.url === url) ?? feeds.find((f) => f.name !== undefined && f.name.toLowerCase() === which.trim().toLowerCase());
    if (!target) return null;
    await this.o.store.feeds.set(guildId, { feeds: feeds.filter((f) => f !== target) });
    // A URL no server follows any more is no longer fetched (its state and articles go).
    if ((await this.allUrls()).every((u) => u !== target.url)) {
      await this.o.store.feedState.delete(target.url);
      await this.o.store.feedItems.delete(target.url);
    }
    this.o.onGuildChange?.(guildId);
    return target;
  }

  private nextDelay(failures: number, retryAfterMs?: number): number {
    const base = failures === 0 ? this.intervalMs : Math.min(MAX_BACKOFF_MS, this.intervalMs * 2 ** failures);
    const jittered = base * (0.9 + 0.2 * this.random());
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  /** The last request queued per host: a new one waits for it, so that a host never has two at once. */
  private readonly hostQueue = new Map<string, Promise<unknown>>();

  /** Fetch one URL now and fold in what it says; after any request to the same host still running. */
  async poll(url: string, opts: { first?: boolean } = {}): Promise<PollResult> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      host = url;
    }
    const before = this.hostQueue.get(host) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(() => this.pollNow(url, opts));
    this.hostQueue.set(host, mine);
    try {
      return await mine;
    } finally {
      if (this.hostQueue.get(host) === mine) this.hostQueue.delete(host);
    }
  }

  private async pollNow(url: string, opts: { first?: boolean }): Promise<PollResult> {
    const now = this.now();
    const prior = await this.o.store.feedState.get(url);
    const fetched = await (this.o.fetch ?? fetchFeed)(url, {
      ...(prior !== undefined && !opts.first ? { validators: { ...(prior.etag !== undefined ? { etag: prior.etag } : {}), ...(prior.lastModified !== undefined ? { lastModified: prior.lastModified } : {}) } } : {}),
      allowPrivate: this.o.allowPrivate ?? false,
    });
    const base: FeedState = prior ?? { url, nextFetchAt: 0, failures: 0, items: 0, problems: [] };
    if (fetched.status === "error") {
      const failures = base.failures + 1;
      await this.o.store.feedState.set(url, { ...base, lastFetchAt: now.getTime(), failures, lastError: { reason: fetched.reason, at: now.getTime() }, nextFetchAt: now.getTime() + this.nextDelay(failures, fetched.retryAfterMs) });
      this.o.log.warn({ url, reason: fetched.reason, failures }, "feed fetch failed");
      return { url, outcome: "failed", added: 0, updated: 0, reason: fetched.reason };
    }
    if (fetched.status === "not-modified") {
      const { lastError: _, ...rest } = base;
      await this.o.store.feedState.set(url, { ...rest, lastFetchAt: now.getTime(), lastOkAt: now.getTime(), failures: 0, nextFetchAt: now.getTime() + this.nextDelay(0) });
      return { url, outcome: "not-modified", added: 0, updated: 0 };
    }
    const feed = parseFeed(fetched.bytes, { url: fetched.url, ...(fetched.contentType !== undefined ? { contentType: fetched.contentType } : {}) });
    if (feed.format === null) {
      const reason = feed.problems.join("; ") || "not a feed";
      const failures = base.failures + 1;
      await this.o.store.feedState.set(url, { ...base, lastFetchAt: now.getTime(), failures, lastError: { reason, at: now.getTime() }, problems: feed.problems, nextFetchAt: now.getTime() + this.nextDelay(failures) });
      return { url, outcome: "failed", added: 0, updated: 0, reason };
    }
    const read = feedArticles(feed, { url, fetchedAt: now });
    const stored: StoredItem[] = (await this.o.store.feedItems.get(url))?.items ?? [];
    const merged = mergeItems(stored, read.articles);
    if (merged.added > 0 || merged.updated > 0 || stored.length === 0) await this.o.store.feedItems.set(url, { items: merged.items });
    const changed = merged.added > 0 || merged.updated > 0;
    const { lastError: _, ...rest } = base;
    await this.o.store.feedState.set(url, {
      ...rest,
      ...(changed ? { changedAt: now.getTime() } : {}),
      ...(feed.title !== undefined ? { title: feed.title } : {}),
      ...fetched.validators,
      lastFetchAt: now.getTime(),
      lastOkAt: now.getTime(),
      failures: 0,
      items: feed.items.length,
      problems: [...feed.problems, ...read.problems].slice(0, 20),
      nextFetchAt: now.getTime() + this.nextDelay(0),
    });
    if (changed) this.seenChange.set(url, now.getTime());
    if (changed && !opts.first) this.o.onChange?.(url);
    if (changed) this.o.log.info({ url, added: merged.added, updated: merged.updated }, "feed read");
    return { url, outcome: changed ? "updated" : "unchanged", added: merged.added, updated: merged.updated };
  }

  /**
   * Fetch every followed URL that is due: each URL once, whoever follows it; one request at a time per host, the
   * hosts in parallel. Never two ticks at once.
   */
  async tick(): Promise<PollResult[]> {
    if (this.running) return this.running;
    this.running = (async () => {
      const now = this.now().getTime();
      const byHost = new Map<string, string[]>();
      for (const url of await this.allUrls()) {
        const state = await this.o.store.feedState.get(url);
        // Another process sharing the store read new articles for this feed: our corpora must see them.
        const changedAt = state?.changedAt;
        if (changedAt !== undefined) {
          const seen = this.seenChange.get(url);
          this.seenChange.set(url, changedAt);
          if (seen !== undefined && changedAt > seen) this.o.onChange?.(url);
        }
        if (state !== undefined && state.nextFetchAt > now) continue;
        const host = new URL(url).host;
        const list = byHost.get(host) ?? [];
        list.push(url);
        byHost.set(host, list);
      }
      const results = await Promise.all(
        [...byHost.values()].map(async (urls) => {
          const out: PollResult[] = [];
          const owner = this.o.owner ?? "this process";
          for (const url of urls) {
            // Several processes on one store: only the one holding the lease fetches; the others skip it.
            if (!(await this.o.store.lock(`feed:${url}`, owner, FETCH_LEASE_MS))) continue;
            try {
              out.push(await this.poll(url));
            } finally {
              await this.o.store.unlock(`feed:${url}`, owner);
            }
          }
          return out;
        }),
      );
      return results.flat();
    })();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Look for due feeds every `everyMs` (the schedule itself is per feed, in the store). */
  start(everyMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch((err: unknown) => this.o.log.error({ err }, "feed tick failed"));
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
