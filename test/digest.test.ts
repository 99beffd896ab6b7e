import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverDigest, digestNonce, type Post } from "../src/digest/deliver.js";
import { buildDigest, localDate } from "../src/news/digest.js";
import { openStore } from "../src/store/store.js";
import { services } from "./support/seed.js";
import { memoryLogger } from "./support/streams.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-digest-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const { corpus } = services();
function recorder(): { post: Post; posts: string[] } {
  const posts: string[] = [];
  return {
    posts,
    post: async (channelId, reply, date) => {
      posts.push(`${channelId}:${date}:${reply.title}`);
      return [`m${posts.length}`];
    },
  };
}

describe("the daily digest", () => {
  it("uses the local date of its time zone", () => {
    const at = new Date("2025-08-15T23:30:00Z");
    expect(localDate(at, "UTC")).toBe("2025-08-15");
    expect(localDate(at, "Europe/Berlin")).toBe("2025-08-16");
    expect(localDate(at, "America/New_York")).toBe("2025-08-15");
  });
  it("builds stories newest first with one or two sentences each", () => {
    const d = buildDigest(corpus, { now: new Date("2025-08-15T08:00:00Z"), timeZone: "UTC", stories: 3 });
    expect(d.stories).toHaveLength(3);
    expect(d.stories[0]?.sentences).toHaveLength(2);
    expect(d.stories[1]?.sentences).toHaveLength(1);
    expect(d.quote?.speaker).toBe("Marco Rubio");
  });
  it("is posted once per channel and date, also after a restart on the same SQLite store", async () => {
    const url = `sqlite://${path.join(dir, "store.sqlite")}`;
    const { log } = memoryLogger();
    const { post, posts } = recorder();
    const at = new Date("2025-08-15T08:00:00Z");
    const opts = { corpus, target: { channelId: "123456789012345678", timeZone: "UTC", stories: 5 }, post, log };

    const first = await openStore(url);
    expect(await deliverDigest({ ...opts, store: first, now: at, date: "2025-08-15", owner: "a" })).toBe("posted");
    expect(await deliverDigest({ ...opts, store: first, now: new Date("2025-08-15T20:00:00Z"), date: "2025-08-15", owner: "a" })).toBe("already-posted");
    await first.close();

    const second = await openStore(url);
    expect(await deliverDigest({ ...opts, store: second, now: at, date: "2025-08-15", owner: "b" })).toBe("already-posted");
    expect(await deliverDigest({ ...opts, store: second, now: new Date("2025-08-16T08:00:00Z"), date: "2025-08-16", owner: "b" })).toBe("posted");
    const record = await second.digests.get("123456789012345678:2025-08-15");
    expect(record?.state).toBe("posted");
    expect(record?.articleIds).toHaveLength(4);
    await second.close();
    expect(posts).toEqual([
      "123456789012345678:2025-08-15:News digest — 2025-08-15",
      "123456789012345678:2025-08-16:News digest — 2025-08-16",
    ]);
  });
  it("leaves a digest claimed by another process alone until the claim lapses", async () => {
    const store = await openStore("memory://");
    const { log } = memoryLogger();
    const { post, posts } = recorder();
    const at = new Date("2025-08-15T08:00:00Z");
    await store.digests.set("c1:2025-08-15", { state: "claimed", by: "other", at: at.getTime(), messageIds: [], articleIds: [] });
    const opts = { corpus, target: { channelId: "c1", timeZone: "UTC", stories: 5 }, date: "2025-08-15", post, log, store, owner: "me", leaseMs: 60_000 };
    expect(await deliverDigest({ ...opts, now: new Date(at.getTime() + 30_000) })).toBe("claimed-elsewhere");
    expect(posts).toHaveLength(0);
    expect(await deliverDigest({ ...opts, now: new Date(at.getTime() + 61_000) })).toBe("posted");
    expect(posts).toHaveLength(1);
  });
  it("does not mark a digest posted when posting fails, so it is tried again", async () => {
    const store = await openStore("memory://");
    const { log } = memoryLogger();
    const failing: Post = async () => {
      throw new Error("Discord is down");
    };
    const at = new Date("2025-08-15T08:00:00Z");
    const opts = { corpus, target: { channelId: "c1", timeZone: "UTC", stories: 5 }, date: "2025-08-15", log, store, owner: "me", now: at };
    await expect(deliverDigest({ ...opts, post: failing })).rejects.toThrow("Discord is down");
    const { post, posts } = recorder();
    expect(await deliverDigest({ ...opts, post })).toBe("posted");
    expect(posts).toHaveLength(1);
  });
  it("takes over a lapsed claim by looking for the digest in the channel before posting again", async () => {
    const store = await openStore("memory://");
    const { log } = memoryLogger();
    const { post, posts } = recorder();
    const at = new Date("2025-08-15T08:00:00Z");
    await store.digests.set("c1:2025-08-15", { state: "claimed", by: "crashed", at: at.getTime() - 5 * 60_000, messageIds: [], articleIds: [] });
    const looked: string[] = [];
    const found = async (channelId: string, date: string) => {
      looked.push(`${channelId}:${date}`);
      return ["m-existing"];
    };
    const opts = { corpus, target: { channelId: "c1", timeZone: "UTC", stories: 5 }, date: "2025-08-15", post, log, store, owner: "me", now: at };
    expect(await deliverDigest({ ...opts, findPosted: found })).toBe("recovered");
    expect(posts).toHaveLength(0);
    expect(looked).toEqual(["c1:2025-08-15"]);
    expect(await store.digests.get("c1:2025-08-15")).toMatchObject({ state: "posted", messageIds: ["m-existing"] });
    // When the channel does not have it, the digest is posted.
    await store.digests.set("c2:2025-08-15", { state: "claimed", by: "crashed", at: at.getTime() - 5 * 60_000, messageIds: [], articleIds: [] });
    const none = async () => null;
    expect(await deliverDigest({ ...opts, target: { ...opts.target, channelId: "c2" }, findPosted: none })).toBe("posted");
    expect(posts).toHaveLength(1);
  });

  it("derives a deterministic nonce of at most 25 characters per message", () => {
    const n = digestNonce("123456789012345678", "2025-08-15", 0);
    expect(n.length).toBeLessThanOrEqual(25);
    expect(digestNonce("123456789012345678", "2025-08-15", 0)).toBe(n);
    expect(digestNonce("123456789012345678", "2025-08-15", 1)).not.toBe(n);
    expect(digestNonce("123456789012345678", "2025-08-16", 0)).not.toBe(n);
  });
  it("ignores a stored record that does not validate", async () => {
    const seen: string[] = [];
    const url = `sqlite://${path.join(dir, "store.sqlite")}`;
    const raw = new Keyv({ store: new KeyvSqlite(url), namespace: "digest" });
    await raw.set("x", { state: "weird" });
    await raw.disconnect();
    const store = await openStore(url, { onInvalid: (key) => seen.push(key) });
    expect(await store.digests.get("x")).toBeUndefined();
    expect(seen).toEqual(["x"]);
    await store.close();
  });
});
