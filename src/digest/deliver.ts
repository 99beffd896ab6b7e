/**
 * Delivering one digest to one channel for one local date: claim → post → mark in the store.
 * - A posted (or skipped) record means done: never posted twice for the same (channel, date).
 * - A claim is a lease taken atomically in the store (`store.lock`): one process at a time, and another one
 *   waits for it to lapse before taking over.
 * - Taking over a lapsed claim (a crash between posting and marking) first looks at the channel's
 *   recent messages for that date's digest, and only posts when it is not there.
 * - Every message goes out with a nonce derived from (channel, date, part) and `enforce_nonce`, so
 *   that a retry within Discord's nonce window returns the existing message instead of a second one.
 */
import type { Logger } from "pino";
import type { Corpus } from "../news/corpus.js";
import { buildDigest, digestArticleIds, digestReply } from "../news/digest.js";
import type { Reply } from "../news/reply.js";
import { hash64 } from "../news/text.js";
import type { Store } from "../store/store.js";

/**
 * Shows a digest in a channel; returns the ids of the messages it created. The Discord transport
 * sends each message with `digestNonce(channelId, date, part)`; the console prints it.
 */
export type Post = (channelId: string, reply: Reply, date: string) => Promise<string[]>;

/** Ids of this date's digest messages already in the channel, or null when there are none. */
export type FindPosted = (channelId: string, date: string) => Promise<string[] | null>;

export interface DigestTarget {
  channelId: string;
  timeZone: string;
  stories: number;
}

export interface DeliverOptions {
  store: Store;
  corpus: Corpus;
  target: DigestTarget;
  /** The local date (YYYY-MM-DD) in the target's zone that this digest is for. */
  date: string;
  now: Date;
  /** This process, for claims. */
  owner: string;
  post: Post;
  findPosted?: FindPosted;
  log: Logger;
  leaseMs?: number;
}

export type DeliverResult = "posted" | "recovered" | "already-posted" | "claimed-elsewhere" | "nothing-loaded";

export const DEFAULT_LEASE_MS = 120_000;

/** Discord nonces are at most 25 characters. */
export function digestNonce(channelId: string, date: string, part: number): string {
  return `d${hash64(`${channelId}:${date}`).slice(0, 20)}${part.toString(36)}`.slice(0, 25);
}

export function digestKey(channelId: string, date: string): string {
  return `${channelId}:${date}`;
}

export async function deliverDigest(o: DeliverOptions): Promise<DeliverResult> {
  const { channelId } = o.target;
  const key = digestKey(channelId, o.date);
  const log = o.log.child({ channelId, date: o.date });
  const existing = await o.store.digests.get(key);
  if (existing?.state === "posted" || existing?.state === "skipped") return "already-posted";
  const lease = o.leaseMs ?? DEFAULT_LEASE_MS;
  if (existing?.state === "claimed" && existing.by !== o.owner && o.now.getTime() - existing.at < lease) {
    log.debug({ by: existing.by }, "digest claimed by another process; leaving it");
    return "claimed-elsewhere";
  }
  if (o.corpus.size === 0) {
    log.warn("no articles loaded; digest not posted");
    return "nothing-loaded";
  }
  if (!(await o.store.lock(`digest:${key}`, o.owner, lease))) {
    log.debug("digest being posted by another process; leaving it");
    return "claimed-elsewhere";
  }
  // Read again under the lease: another process may have finished it since the first look.
  const current = await o.store.digests.get(key);
  if (current?.state === "posted" || current?.state === "skipped") {
    await o.store.unlock(`digest:${key}`, o.owner);
    return "already-posted";
  }
  await o.store.digests.set(key, { state: "claimed", by: o.owner, at: o.now.getTime(), messageIds: [], articleIds: [] });

  const state = (await o.store.channels.get(channelId)) ?? { paused: null, lastPosted: null, lastArticleIds: [] };
  if (current?.state === "claimed" && o.findPosted) {
    // Taking over a claim that was never marked: the digest may be in the channel already.
    const found = await o.findPosted(channelId, o.date);
    if (found) {
      await o.store.digests.set(key, { state: "posted", by: o.owner, at: o.now.getTime(), messageIds: found, articleIds: [] });
      await o.store.channels.set(channelId, { ...state, lastPosted: o.date });
      await o.store.unlock(`digest:${key}`, o.owner);
      log.warn({ messages: found.length }, "found this date's digest already in the channel after an interrupted run; not posting again");
      return "recovered";
    }
  }

  const exclude = new Set(state.lastArticleIds);
  const digest = buildDigest(o.corpus, { now: o.now, timeZone: o.target.timeZone, stories: o.target.stories, exclude, date: o.date });
  let messageIds: string[];
  try {
    messageIds = await o.post(channelId, digestReply(o.corpus, digest, o.target.timeZone), o.date);
  } catch (err) {
    // Release the claim so that a later run may try again; the nonce keeps a retry from
    // duplicating whatever part did get through.
    await o.store.digests.delete(key);
    await o.store.unlock(`digest:${key}`, o.owner);
    const code = (err as { code?: unknown }).code;
    log.error({ err, code }, `digest not posted to channel ${channelId}`);
    throw err;
  }
  const articleIds = digestArticleIds(digest);
  await o.store.digests.set(key, { state: "posted", by: o.owner, at: o.now.getTime(), messageIds, articleIds });
  await o.store.channels.set(channelId, { ...state, lastPosted: o.date, lastArticleIds: articleIds.length > 0 ? articleIds : state.lastArticleIds });
  await o.store.unlock(`digest:${key}`, o.owner);
  log.info({ messages: messageIds.length, stories: digest.stories.length }, "digest posted");
  return "posted";
}
