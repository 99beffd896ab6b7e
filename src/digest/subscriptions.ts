/**
 * Digest subscriptions: per guild in the store (zod-validated), plus the instance owner's default
 * from the environment (DIGEST_CHANNEL_ID…). Several channels per guild; one subscription per channel.
 */
import { nextDate, zonedInstant, zonedParts } from "../news/clock.js";
import type { ChannelState, Store, Subscription } from "../store/store.js";
import { digestKey } from "./deliver.js";

/** The guild id of the environment's default subscription (its guild is not known in advance). */
export const DEFAULT_GUILD = "*";

export interface SubscriptionStatus {
  subscription: Subscription;
  state: ChannelState;
  /** The next time the digest is due, or null while paused. */
  next: Date | null;
  /** Whether it comes from the environment (DIGEST_CHANNEL_ID) rather than /digest subscribe. */
  fromEnvironment: boolean;
}

const EMPTY_STATE: ChannelState = { paused: null, lastPosted: null, lastArticleIds: [] };

/** The local date before `date`. */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The occurrence a subscription owes at `now`: today's when its local time has come, else
 * yesterday's. Null when that occurrence was scheduled before the subscription existed.
 */
export function owedOccurrence(sub: Subscription, now: Date): { date: string; at: Date } | null {
  const local = zonedParts(now, sub.timeZone);
  const date = local.time >= sub.time ? local.date : previousDate(local.date);
  const at = zonedInstant(date, sub.time, sub.timeZone);
  if (at.getTime() > now.getTime() || at.getTime() < sub.createdAt) return null;
  return { date, at };
}

/** The next scheduled instant after the owed one (or today's, if not yet come). */
export function nextOccurrence(sub: Subscription, now: Date, postedToday: boolean): Date {
  const local = zonedParts(now, sub.timeZone);
  const today = zonedInstant(local.date, sub.time, sub.timeZone);
  if (today.getTime() > now.getTime() && today.getTime() >= sub.createdAt) return today;
  if (!postedToday && today.getTime() >= sub.createdAt) return now;
  return zonedInstant(nextDate(local.date), sub.time, sub.timeZone);
}

export class Subscriptions {
  constructor(
    private readonly store: Store,
    private readonly fallback: Subscription | null,
  ) {}

  get fromEnvironment(): Subscription | null {
    return this.fallback;
  }

  async forGuild(guildId: string): Promise<Subscription[]> {
    return (await this.store.subscriptions.get(guildId))?.subscriptions ?? [];
  }

  /** Every subscription: the environment's default and every guild's. */
  async all(): Promise<Subscription[]> {
    const guilds = (await this.store.index.get("guilds")) ?? [];
    const stored = (await Promise.all(guilds.map((g) => this.forGuild(g)))).flat();
    const fallback = this.fallback !== null && !stored.some((s) => s.channelId === this.fallback?.channelId) ? [this.fallback] : [];
    return [...fallback, ...stored];
  }

  /** Add or replace the subscription of a channel; a paused channel starts again. */
  async subscribe(sub: Subscription): Promise<{ replaced: boolean }> {
    const current = await this.forGuild(sub.guildId);
    const replaced = current.some((s) => s.channelId === sub.channelId);
    await this.store.subscriptions.set(sub.guildId, { subscriptions: [...current.filter((s) => s.channelId !== sub.channelId), sub] });
    const guilds = (await this.store.index.get("guilds")) ?? [];
    if (!guilds.includes(sub.guildId)) await this.store.index.set("guilds", [...guilds, sub.guildId]);
    const state = await this.state(sub.channelId);
    if (state.paused !== null) await this.store.channels.set(sub.channelId, { ...state, paused: null });
    return { replaced };
  }

  /** Remove one channel's subscription, or all of the guild's. Returns what was removed. */
  async unsubscribe(guildId: string, channelId?: string): Promise<Subscription[]> {
    const current = await this.forGuild(guildId);
    const removed = current.filter((s) => channelId === undefined || s.channelId === channelId);
    if (removed.length === 0) return [];
    const kept = current.filter((s) => !removed.includes(s));
    await this.store.subscriptions.set(guildId, { subscriptions: kept });
    return removed;
  }

  async state(channelId: string): Promise<ChannelState> {
    return (await this.store.channels.get(channelId)) ?? EMPTY_STATE;
  }

  async pause(channelId: string, reason: string, code: number | null, now: Date): Promise<void> {
    const state = await this.state(channelId);
    await this.store.channels.set(channelId, { ...state, paused: { reason, code, at: now.getTime() } });
  }

  async status(guildId: string, now: Date, channelGuild?: (channelId: string) => string | undefined): Promise<SubscriptionStatus[]> {
    const subs = await this.forGuild(guildId);
    const fallback = this.fallback;
    const withDefault =
      fallback !== null && channelGuild?.(fallback.channelId) === guildId && !subs.some((s) => s.channelId === fallback.channelId) ? [fallback, ...subs] : subs;
    return Promise.all(
      withDefault.map(async (sub) => {
        const state = await this.state(sub.channelId);
        const today = zonedParts(now, sub.timeZone).date;
        const posted = await this.store.digests.get(digestKey(sub.channelId, today));
        const next = state.paused !== null ? null : nextOccurrence(sub, now, posted?.state === "posted" || posted?.state === "skipped");
        return { subscription: sub, state, next, fromEnvironment: sub === fallback };
      }),
    );
  }
}
