/**
 * Delivering one digest to one channel for one local date: claim → post → mark in the store.
 * - A posted record means done: never posted twice for the same (channel, date), across restarts.
 * - A claim has a lease: another process (or this one after a crash) waits for it to lapse.
 * - Every message is sent with a nonce derived from (channel, date, part) and `enforce_nonce`, so a
 *   retry after a crash between posting and marking returns Discord's existing message.
 */
import type { Logger } from "pino";
import type { Corpus } from "../news/corpus.js";
import { buildDigest, digestReply, localDate } from "../news/digest.js";
import { hash64 } from "../news/text.js";
import type { Reply } from "../news/reply.js";
import type { Store } from "../store/store.js";

/**
 * Shows a digest in a channel; returns the ids of the messages it created. The Discord transport
 * sends each message with `digestNonce(channelId, date, part)`; the console prints it.
 */
export type Post = (channelId: string, reply: Reply, date: string) => Promise<string[]>;

export interface DeliverOptions {
  store: Store;
  corpus: Corpus;
  channelId: string;
  now: Date;
  timeZone: string;
  stories: number;
  /** This process, for claims. */
  owner: string;
  post: Post;
  log: Logger;
  leaseMs?: number;
}

export type DeliverResult = "posted" | "already-posted" | "claimed-elsewhere" | "nothing-loaded";

/** Discord nonces are at most 25 characters. */
export function digestNonce(channelId: string, date: string, part: number): string {
  return `d${hash64(`${channelId}:${date}`).slice(0, 20)}${part.toString(36)}`.slice(0, 25);
}

export async function deliverDigest(o: DeliverOptions): Promise<DeliverResult> {
  const date = localDate(o.now, o.timeZone);
  const key = `${o.channelId}:${date}`;
  const log = o.log.child({ channelId: o.channelId, date });
  const existing = await o.store.digests.get(key);
  if (existing?.state === "posted") {
    log.debug("digest already posted for this date");
    return "already-posted";
  }
  const lease = o.leaseMs ?? 10 * 60_000;
  if (existing?.state === "claimed" && existing.by !== o.owner && o.now.getTime() - existing.at < lease) {
    log.info({ by: existing.by }, "digest claimed by another process; leaving it");
    return "claimed-elsewhere";
  }
  if (o.corpus.size === 0) {
    log.warn("no articles loaded; digest not posted");
    return "nothing-loaded";
  }
  await o.store.digests.set(key, { state: "claimed", by: o.owner, at: o.now.getTime(), messageIds: [], articleIds: [] });
  const confirm = await o.store.digests.get(key);
  if (confirm?.by !== o.owner) return "claimed-elsewhere";

  const digest = buildDigest(o.corpus, { now: o.now, timeZone: o.timeZone, stories: o.stories });
  let messageIds: string[];
  try {
    messageIds = await o.post(o.channelId, digestReply(o.corpus, digest, o.timeZone), date);
  } catch (err) {
    // Release the claim so that a later run may try again; the nonce keeps a retry from duplicating
    // whatever part did get through.
    await o.store.digests.delete(key);
    const code = (err as { code?: unknown }).code;
    log.error({ err, code }, `digest not posted to channel ${o.channelId}`);
    throw err;
  }
  await o.store.digests.set(key, {
    state: "posted",
    by: o.owner,
    at: o.now.getTime(),
    messageIds,
    articleIds: digest.stories.map((s) => s.articleId),
  });
  log.info({ messages: messageIds.length, stories: digest.stories.length }, "digest posted");
  return "posted";
}
