/**
 * Persistent state through keyv: embedded SQLite by default (`sqlite://data/newsdesk.sqlite`),
 * Redis for several processes (`redis://…`), or memory (`memory://`, tests and throwaway runs).
 * Every namespace validates what it reads with zod: a record that does not parse is treated as
 * absent and reported, never trusted.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import KeyvRedis from "@keyv/redis";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { z } from "zod";
import { ArticleSchema } from "../news/article.js";

export const DigestRecordSchema = z.object({
  /** claimed: being posted; posted: done; skipped: missed by more than the catch-up window. */
  state: z.enum(["claimed", "posted", "skipped"]),
  /** Which process claimed or posted it. */
  by: z.string(),
  /** When (epoch ms) the claim was taken or the post finished. */
  at: z.number(),
  messageIds: z.array(z.string()).default([]),
  articleIds: z.array(z.string()).default([]),
});
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

/** A daily digest a server asked for: which channel, at what local time, in which zone. */
export const SubscriptionSchema = z.object({
  guildId: z.string().min(1),
  channelId: z.string().min(1),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timeZone: z.string().min(1),
  stories: z.number().int().min(1).max(10),
  /** Epoch ms; digests scheduled before this are not owed. */
  createdAt: z.number(),
  createdBy: z.string().optional(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const GuildSubscriptionsSchema = z.object({ subscriptions: z.array(SubscriptionSchema) });
export type GuildSubscriptions = z.infer<typeof GuildSubscriptionsSchema>;

/** What happened in a channel: pause, last digest. Kept apart from the subscription itself. */
export const ChannelStateSchema = z.object({
  paused: z.object({ reason: z.string(), code: z.number().nullable(), at: z.number() }).nullable(),
  lastPosted: z.string().nullable(),
  lastArticleIds: z.array(z.string()),
});
export type ChannelState = z.infer<typeof ChannelStateSchema>;

export const GuildIndexSchema = z.array(z.string());

/** What a page button needs to show another page: the command and its options (without `page`). */
export const PageStateSchema = z.object({
  command: z.string().min(1).max(32),
  input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type PageState = z.infer<typeof PageStateSchema>;

/** A feed a server follows. */
export const FollowedFeedSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().max(100).optional(),
  addedBy: z.string().optional(),
  addedAt: z.number(),
});
export type FollowedFeed = z.infer<typeof FollowedFeedSchema>;
export const GuildFeedsSchema = z.object({ feeds: z.array(FollowedFeedSchema) });
export type GuildFeeds = z.infer<typeof GuildFeedsSchema>;

/** What the poller knows of one feed URL, shared by every server that follows it. */
export const FeedStateSchema = z.object({
  url: z.string(),
  title: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Epoch ms of the last attempt, the last success, and the next planned fetch. */
  lastFetchAt: z.number().optional(),
  lastOkAt: z.number().optional(),
  /** When its articles last changed (any process): the others rebuild their corpora. */
  changedAt: z.number().optional(),
  nextFetchAt: z.number(),
  /** Failures in a row (0 after a success): the back-off grows with it. */
  failures: z.number().int().nonnegative(),
  lastError: z.object({ reason: z.string(), at: z.number() }).optional(),
  /** Items in the last document read, and what was wrong with it. */
  items: z.number().int().nonnegative(),
  problems: z.array(z.string()),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

/** An article as stored (JSON has no dates: `published` comes back as a string). */
export const StoredArticleSchema = ArticleSchema.extend({ published: z.coerce.date() });

/** The articles read from one feed URL, each with the keys it is known by. */
export const FeedItemsSchema = z.object({
  items: z.array(z.object({ keys: z.array(z.string()).min(1), version: z.number(), article: StoredArticleSchema })),
});
export type FeedItems = z.infer<typeof FeedItemsSchema>;

export class Namespace<T> {
  constructor(
    private readonly keyv: Keyv,
    private readonly schema: z.ZodType<T>,
    private readonly onInvalid: (key: string, reason: string) => void,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const raw: unknown = await this.keyv.get(key);
    if (raw === undefined) return undefined;
    const r = this.schema.safeParse(raw);
    if (r.success) return r.data;
    this.onInvalid(key, r.error.issues.map((i) => i.message).join("; "));
    return undefined;
  }

  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(key, this.schema.parse(value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(key);
  }
}

export interface Store {
  readonly kind: "sqlite" | "redis" | "memory";
  /** Per (channel, local date): the claim → post → mark record. */
  readonly digests: Namespace<DigestRecord>;
  /** Per guild: its digest subscriptions. */
  readonly subscriptions: Namespace<GuildSubscriptions>;
  /** Per channel: paused or not, the last digest. */
  readonly channels: Namespace<ChannelState>;
  /** "guilds": the ids of guilds that have subscriptions. */
  readonly index: Namespace<string[]>;
  /** Per page token: the command behind a paged reply, so its buttons work in any process, after restarts. */
  readonly pages: Namespace<PageState>;
  /** Per guild: the feeds it follows. */
  readonly feeds: Namespace<GuildFeeds>;
  /** Per feed URL: fetch state (validators, back-off, last error). */
  readonly feedState: Namespace<FeedState>;
  /** Per feed URL: its articles. */
  readonly feedItems: Namespace<FeedItems>;
  /**
   * Take a lease on `key` for `ttlMs` when nobody else holds it (or theirs has lapsed): true when `owner` holds it
   * now. Atomic across every process sharing the store (Redis SET NX PX; an SQLite upsert; a map in memory).
   */
  lock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Give a lease back, if `owner` still holds it. */
  unlock(key: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

interface Locks {
  lock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  unlock(key: string, owner: string): Promise<void>;
}

function memoryLocks(): Locks {
  const held = new Map<string, { owner: string; until: number }>();
  return {
    async lock(key, owner, ttlMs) {
      const now = Date.now();
      const h = held.get(key);
      if (h !== undefined && h.owner !== owner && h.until > now) return false;
      held.set(key, { owner, until: now + ttlMs });
      return true;
    },
    async unlock(key, owner) {
      if (held.get(key)?.owner === owner) held.delete(key);
    },
  };
}

function sqliteLocks(adapter: KeyvSqlite): Locks {
  const ready = adapter.query("CREATE TABLE IF NOT EXISTS newsdesk_locks(key VARCHAR(255) PRIMARY KEY, owner TEXT NOT NULL, until INTEGER NOT NULL)");
  return {
    async lock(key, owner, ttlMs) {
      await ready;
      const now = Date.now();
      // One statement: insert, or take over a lapsed lease (or renew our own); RETURNING says whether it happened.
      const rows = (await adapter.query(
        "INSERT INTO newsdesk_locks(key, owner, until) VALUES(?, ?, ?) ON CONFLICT(key) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE newsdesk_locks.until <= ? OR newsdesk_locks.owner = excluded.owner RETURNING owner",
        key,
        owner,
        now + ttlMs,
        now,
      )) as unknown[];
      return rows.length === 1;
    },
    async unlock(key, owner) {
      await ready;
      await adapter.query("DELETE FROM newsdesk_locks WHERE key = ? AND owner = ?", key, owner);
    },
  };
}

const UNLOCK_SCRIPT = 'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end';
const RENEW_SCRIPT = 'if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end';

function redisLocks(adapter: KeyvRedis<unknown>): Locks {
  const name = (key: string) => `newsdesk:lock:${key}`;
  return {
    async lock(key, owner, ttlMs) {
      const client = await adapter.getClient();
      const ms = String(Math.max(1, Math.round(ttlMs)));
      if ((await client.set(name(key), owner, { condition: "NX", expiration: { type: "PX", value: Number(ms) } })) === "OK") return true;
      // Already ours: renew it.
      return Number(await client.eval(RENEW_SCRIPT, { keys: [name(key)], arguments: [owner, ms] })) === 1;
    },
    async unlock(key, owner) {
      const client = await adapter.getClient();
      await client.eval(UNLOCK_SCRIPT, { keys: [name(key)], arguments: [owner] });
    },
  };
}

export interface StoreOptions {
  onError?: (err: unknown) => void;
  onInvalid?: (key: string, reason: string) => void;
}

export async function openStore(url: string, opts: StoreOptions = {}): Promise<Store> {
  const onError = opts.onError ?? (() => {});
  const onInvalid = opts.onInvalid ?? (() => {});
  const keyvs: Keyv[] = [];
  let kind: Store["kind"];
  let make: (namespace: string) => Keyv;
  let locks: Locks;
  if (url.startsWith("sqlite://")) {
    kind = "sqlite";
    const file = url.slice("sqlite://".length);
    if (file !== ":memory:") await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const adapter = new KeyvSqlite({ uri: url, busyTimeout: 10_000 });
    make = (namespace) => new Keyv({ store: adapter, namespace });
    locks = sqliteLocks(adapter);
  } else if (url.startsWith("redis://") || url.startsWith("rediss://")) {
    kind = "redis";
    const adapter = new KeyvRedis(url);
    make = (namespace) => new Keyv({ store: adapter, namespace, useKeyPrefix: false });
    locks = redisLocks(adapter);
  } else {
    kind = "memory";
    const map = new Map();
    make = (namespace) => new Keyv({ store: map, namespace });
    locks = memoryLocks();
  }
  const ns = (name: string): Keyv => {
    const k = make(name);
    k.on("error", onError);
    keyvs.push(k);
    return k;
  };
  const digests = new Namespace(ns("digest"), DigestRecordSchema, onInvalid);
  const subscriptions = new Namespace(ns("subscriptions"), GuildSubscriptionsSchema, onInvalid);
  const channels = new Namespace(ns("channels"), ChannelStateSchema, onInvalid);
  const index = new Namespace(ns("index"), GuildIndexSchema, onInvalid);
  const pages = new Namespace(ns("pages"), PageStateSchema, onInvalid);
  const feeds = new Namespace(ns("feeds"), GuildFeedsSchema, onInvalid);
  const feedState = new Namespace(ns("feed-state"), FeedStateSchema, onInvalid);
  const feedItems = new Namespace(ns("feed-items"), FeedItemsSchema, onInvalid);
  // Fail now, with a clear message, if the store cannot be reached.
  await digests.get("__probe__");
  return {
    kind,
    digests,
    subscriptions,
    channels,
    index,
    pages,
    feeds,
    feedState,
    feedItems,
    lock: (key, owner, ttlMs) => locks.lock(key, owner, ttlMs),
    unlock: (key, owner) => locks.unlock(key, owner),
    async close() {
      await Promise.allSettled(keyvs.map((k) => k.disconnect()));
    },
  };
}
