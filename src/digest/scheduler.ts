/**
 * The digest clock: node-cron ticks each minute (and once at start, for catch-up) and delivers every
 * subscription that is due — its local time has come in its zone and that local date has no digest
 * yet; and once more when a claim another process left behind runs out. A digest missed by more than
 * the catch-up window is skipped and logged. Discord refusing the channel (50001 Missing Access, 50013
 * Missing Permissions, 10003 Unknown Channel) pauses that subscription until it is subscribed again; 429/5xx
 * and network errors are retried with backoff.
 */
import cron from "node-cron";
import type { Logger } from "pino";
import type { Corpus } from "../news/corpus.js";
import type { Store, Subscription } from "../store/store.js";
import { DEFAULT_LEASE_MS, deliverDigest, digestKey, type DeliverResult, type FindPosted, type Post } from "./deliver.js";
import { owedOccurrence, type Subscriptions } from "./subscriptions.js";

/** Discord error codes that mean "this channel cannot receive the digest": pause, do not retry. */
export const PAUSING_CODES: Record<number, string> = {
  10003: "Unknown Channel: the channel was deleted or the bot cannot see it",
  50001: "Missing Access: the bot cannot see the channel",
  50013: "Missing Permissions: the bot may not send messages or embeds there",
};

export interface SchedulerOptions {
  store: Store;
  subscriptions: Subscriptions;
  /** The corpus a server's digest reads (its feeds and the seed articles). */
  corpus: (guildId: string) => Corpus | Promise<Corpus>;
  post: Post;
  findPosted?: FindPosted;
  log: Logger;
  owner: string;
  now: () => Date;
  catchupHours: number;
  leaseMs?: number;
  /** Whether this process posts a subscription's digest: it holds the shard of its server (default: all). */
  holds?: (sub: Subscription) => boolean;
}

export interface TickResult {
  channelId: string;
  date: string;
  result: DeliverResult | "skipped" | "paused" | "failed" | "backing-off";
}

export class DigestScheduler {
  private readonly failures = new Map<string, { count: number; retryAt: number }>();
  private task: ReturnType<typeof cron.schedule> | null = null;
  private running: Promise<TickResult[]> | null = null;
  /** A tick due when a claim another process left behind runs out (sooner than the next minute). */
  private retry: { at: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private stopped = false;

  constructor(private readonly o: SchedulerOptions) {}

  /** Tick every minute from now on, and once right away (catch-up after downtime). */
  start(): void {
    this.task = cron.schedule("* * * * *", () => void this.tick(), { noOverlap: true, name: "digest-tick" });
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = null;
    await this.task?.destroy();
    this.task = null;
    await this.running?.catch(() => []);
  }

  /** Deliver what is due at `now`. One tick at a time. */
  async tick(now: Date = this.o.now()): Promise<TickResult[]> {
    if (this.running) return this.running;
    this.running = this.run(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(now: Date): Promise<TickResult[]> {
    const results: TickResult[] = [];
    let subs: Subscription[];
    try {
      subs = await this.o.subscriptions.all();
    } catch (err) {
      this.o.log.error({ err }, "could not read digest subscriptions");
      return results;
    }
    for (const sub of subs) {
      // Another process holds this server's shard: it posts the digest.
      if (this.o.holds !== undefined && !this.o.holds(sub)) continue;
      const r = await this.one(sub, now).catch((err: unknown) => {
        this.o.log.error({ err, channelId: sub.channelId }, "digest tick failed");
        return null;
      });
      if (r) results.push(r);
    }
    return results;
  }

  /** One extra tick at `at` (epoch ms), if that is sooner than one already planned. */
  private retryAt(at: number): void {
    if (this.stopped || this.task === null) return;
    if (this.retry !== null && this.retry.at <= at) return;
    if (this.retry !== null) clearTimeout(this.retry.timer);
    const timer = setTimeout(() => {
      this.retry = null;
      void this.tick();
    }, Math.max(0, at - this.o.now().getTime()));
    timer.unref();
    this.retry = { at, timer };
  }

  private async one(sub: Subscription, now: Date): Promise<TickResult | null> {
    const owed = owedOccurrence(sub, now);
    if (!owed) return null;
    const { channelId } = sub;
    const key = digestKey(channelId, owed.date);
    const log = this.o.log.child({ guildId: sub.guildId, channelId, date: owed.date });
    const record = await this.o.store.digests.get(key);
    if (record?.state === "posted" || record?.state === "skipped") return null;
    const state = await this.o.subscriptions.state(channelId);
    if (state.paused !== null) return { channelId, date: owed.date, result: "paused" };
    const late = now.getTime() - owed.at.getTime();
    if (late > this.o.catchupHours * 3600_000 && record?.state !== "claimed") {
      await this.o.store.digests.set(key, { state: "skipped", by: this.o.owner, at: now.getTime(), messageIds: [], articleIds: [] });
      log.warn({ lateHours: Math.round(late / 360_000) / 10 }, `digest for ${owed.date} skipped: missed by more than DIGEST_CATCHUP_HOURS (${this.o.catchupHours})`);
      return { channelId, date: owed.date, result: "skipped" };
    }
    const failure = this.failures.get(key);
    if (failure && failure.retryAt > now.getTime()) return { channelId, date: owed.date, result: "backing-off" };
    const lease = this.o.leaseMs ?? DEFAULT_LEASE_MS;
    try {
      const result = await deliverDigest({
        store: this.o.store,
        corpus: await this.o.corpus(sub.guildId),
        target: { channelId, timeZone: sub.timeZone, stories: sub.stories },
        date: owed.date,
        now,
        owner: this.o.owner,
        post: this.o.post,
        ...(this.o.findPosted ? { findPosted: this.o.findPosted } : {}),
        log: this.o.log.child({ guildId: sub.guildId }),
        ...(this.o.leaseMs !== undefined ? { leaseMs: this.o.leaseMs } : {}),
      });
      this.failures.delete(key);
      // Another process's claim (perhaps of one that died mid-post): look again as soon as it runs out, not only at
      // the next minute, so a digest interrupted by a crash is finished (or found in the channel) promptly. A process
      // that died after taking the lock but before writing its claim left no record: its lock runs out within a
      // lease from now.
      if (result === "claimed-elsewhere") this.retryAt((record?.state === "claimed" ? record.at : now.getTime()) + lease + 500);
      return { channelId, date: owed.date, result };
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const reason = typeof code === "number" ? PAUSING_CODES[code] : undefined;
      if (typeof code === "number" && reason !== undefined) {
        await this.o.subscriptions.pause(channelId, reason, code, now);
        log.warn({ code, reason }, `digest subscription paused: ${reason}; run /digest subscribe again once fixed`);
        return { channelId, date: owed.date, result: "paused" };
      }
      const count = (failure?.count ?? 0) + 1;
      const waitMin = Math.min(60, 2 ** (count - 1));
      this.failures.set(key, { count, retryAt: now.getTime() + waitMin * 60_000 });
      log.warn({ attempt: count, retryInMinutes: waitMin }, "digest will be retried");
      return { channelId, date: owed.date, result: "failed" };
    }
  }
}
