/**
 * Following feeds against a loopback HTTP server whose documents the tests change: conditional GET, changed,
 * re-dated and re-IDed items, failure and recovery, one fetch for two servers, a restart on SQLite, and a new item
 * reaching only the servers that follow its feed.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findCommand, type CommandContext, type CommandInput, type Services } from "../commands/index.js";
import { payloadProblems, renderDiscord } from "../src/discord/render.js";
import { Corpora } from "../src/feeds/corpora.js";
import { FeedService } from "../src/feeds/service.js";
import { buildDigest } from "../src/news/digest.js";
import type { Reply } from "../src/news/reply.js";
import { runCommand } from "../src/run.js";
import { openStore, type Store } from "../src/store/store.js";
import { seedArticles } from "./support/seed.js";
import { serveOnLoopback } from "./support/http.js";
import { memoryLogger } from "./support/streams.js";

interface Item {
  guid: string;
  title: string;
  body: string;
  date: string;
  link?: string;
}

/** What the server serves, per path; tests change it between polls. */
const docs = new Map<string, { items: Item[]; status?: number; etag?: string }>();
const hits = new Map<string, number>();
let base: string;

function rss(title: string, items: Item[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>${base}/</link>${items
    .map((i) => `<item><title>${esc(i.title)}</title><guid isPermaLink="false">${esc(i.guid)}</guid>${i.link !== undefined ? `<link>${esc(i.link)}</link>` : ""}<pubDate>${i.date}</pubDate><description>${esc(`<p>${i.body}</p>`)}</description></item>`)
    .join("")}</channel></rss>`;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const p = new URL(req.url ?? "/", "http://x").pathname;
  hits.set(p, (hits.get(p) ?? 0) + 1);
  const doc = docs.get(p);
  if (doc === undefined) {
    res.writeHead(404).end();
    return;
  }
  if (doc.status !== undefined) {
    res.writeHead(doc.status).end();
    return;
  }
  if (doc.etag !== undefined && req.headers["if-none-match"] === doc.etag) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", ...(doc.etag !== undefined ? { etag: doc.etag } : {}) }).end(rss(`Feed ${p}`, doc.items));
}

let close: () => Promise<void>;
beforeAll(async () => {
  ({ base, close } = await serveOnLoopback(handle));
});
afterAll(async () => {
  await close();
});

let clock = new Date("2026-11-28T10:00:00Z");
let store: Store;
let dir: string;
beforeEach(async () => {
  clock = new Date("2026-11-28T10:00:00Z");
  docs.clear();
  hits.clear();
  store = await openStore("memory://");
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-feeds-"));
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function service(s: Store = store, changes: string[] = []): FeedService {
  return new FeedService({ store: s, log: memoryLogger().log, now: () => clock, intervalMinutes: 15, allowPrivate: true, random: () => 0.5, onChange: (u) => changes.push(u) });
}

const item = (n: number, extra: Partial<Item> = {}): Item => ({
  guid: `g-${n}`,
  title: `Harbour workers end strike number ${n}`,
  body: `Dock workers in the port voted to end strike number ${n} after a new offer from the operators.`,
  date: "Sat, 28 Nov 2026 09:00:00 GMT",
  ...extra,
});

const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe("following a feed", () => {
  it("fetches at once when added, answers with the title and item count, and asks with its ETag after", async () => {
    docs.set("/a.xml", { items: [item(1), item(2)], etag: '"e1"' });
    const feeds = service();
    const r = await feeds.follow("g1", `${base}/a.xml`, undefined, "u1");
    expect(r).toMatchObject({ ok: true, title: "Feed /a.xml", items: 2 });
    expect((await feeds.articlesOf("g1")).map((a) => a.title)).toEqual([item(1).title, item(2).title]);
    later(16);
    expect(await feeds.tick()).toEqual([{ url: `${base}/a.xml`, outcome: "not-modified", added: 0, updated: 0 }]);
    expect((await feeds.state(`${base}/a.xml`))?.etag).toBe('"e1"');
  });

  it("does not fetch before the next planned time, then fetches once per interval", async () => {
    docs.set("/a.xml", { items: [item(1)] });
    const feeds = service();
    await feeds.follow("g1", `${base}/a.xml`, undefined, null);
    later(5);
    expect(await feeds.tick()).toEqual([]);
    later(11);
    expect(await feeds.tick()).toHaveLength(1);
    expect(hits.get("/a.xml")).toBe(2);
  });

  it("replaces a changed item instead of adding it twice, and does not duplicate a re-dated or re-IDed one", async () => {
    docs.set("/a.xml", { items: [item(1), item(2, { link: "https://news.example.com/s/2?utm_source=rss" })] });
    const changes: string[] = [];
    const feeds = service(store, changes);
    await feeds.follow("g1", `${base}/a.xml`, undefined, null);
    const before = await feeds.articlesOf("g1");
    // The publisher corrects item 1's text, re-dates item 2 and gives it a new guid (same link, tracking aside).
    docs.set("/a.xml", {
      items: [
        item(1, { body: "Dock workers in the port voted to end the strike after a better offer, the union said." }),
        item(2, { guid: "g-2-new", date: "Sat, 28 Nov 2026 09:45:00 GMT", link: "https://news.example.com/s/2?utm_source=feed&utm_medium=x" }),
      ],
    });
    later(16);
    expect(await feeds.tick()).toEqual([{ url: `${base}/a.xml`, outcome: "updated", added: 0, updated: 1 }]);
    const after = await feeds.articlesOf("g1");
    expect(after).toHaveLength(2);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(after.find((a) => a.title === item(1).title)?.paragraphs[0]).toMatch(/better offer/);
    // The re-dated item keeps the date it was first seen with.
    expect(after.find((a) => a.title === item(2).title)?.published.toISOString()).toBe("2026-11-28T09:00:00.000Z");
    expect(changes).toEqual([`${base}/a.xml`]);
  });

  it("backs off while a feed fails, says so in its state, and recovers", async () => {
    docs.set("/a.xml", { items: [item(1)] });
    const feeds = service();
    await feeds.follow("g1", `${base}/a.xml`, undefined, null);
    docs.set("/a.xml", { items: [], status: 500 });
    later(16);
    expect((await feeds.tick())[0]).toMatchObject({ outcome: "failed", reason: "HTTP 500" });
    const s1 = await feeds.state(`${base}/a.xml`);
    expect(s1?.failures).toBe(1);
    expect(s1?.lastError?.reason).toBe("HTTP 500");
    // Back-off: twice the interval after one failure (the jitter is fixed at its middle here).
    expect(((s1?.nextFetchAt ?? 0) - clock.getTime()) / 60_000).toBe(30);
    later(31);
    await feeds.tick();
    const s2 = await feeds.state(`${base}/a.xml`);
    expect(s2?.failures).toBe(2);
    expect(((s2?.nextFetchAt ?? 0) - clock.getTime()) / 60_000).toBe(60);
    docs.set("/a.xml", { items: [item(1), item(3)] });
    later(61);
    expect((await feeds.tick())[0]).toMatchObject({ outcome: "updated", added: 1 });
    const s3 = await feeds.state(`${base}/a.xml`);
    expect(s3?.failures).toBe(0);
    expect(s3?.lastError).toBeUndefined();
    // The article read before the failures is still there.
    expect(await feeds.articlesOf("g1")).toHaveLength(2);
  });

  it("refuses what cannot be followed, with the reason, and keeps nothing", async () => {
    docs.set("/a.xml", { items: [item(1)] });
    const strict = new FeedService({ store, log: memoryLogger().log, now: () => clock, perGuild: 1 });
    expect(await strict.follow("g1", `${base}/a.xml`, undefined, null)).toEqual({ ok: false, reason: "The URL points at 127.0.0.1, a private or reserved address." });
    const feeds = new FeedService({ store, log: memoryLogger().log, now: () => clock, perGuild: 1, allowPrivate: true });
    const ftp = await feeds.follow("g1", "ftp://example.com/rss", undefined, null);
    expect(ftp.ok ? "" : ftp.reason).toMatch(/only http and https/);
    expect(await feeds.follow("g1", `${base}/missing.xml`, undefined, null)).toEqual({ ok: false, reason: "It cannot be read: HTTP 404." });
    expect(await feeds.followed("g1")).toEqual([]);
    expect((await feeds.follow("g1", `${base}/a.xml`, "A", null)).ok).toBe(true);
    expect(await feeds.follow("g1", `${base}/a.xml`, undefined, null)).toEqual({ ok: false, reason: "This server already follows that feed." });
    docs.set("/b.xml", { items: [item(2)] });
    const full = await feeds.follow("g1", `${base}/b.xml`, undefined, null);
    expect(full.ok ? "" : full.reason).toMatch(/^This server follows 1 feeds, the most allowed/);
  });

  it("fetches a URL that two servers follow once per cycle, and forgets it when the last one leaves", async () => {
    docs.set("/shared.xml", { items: [item(1)] });
    const feeds = service();
    await feeds.follow("g1", `${base}/shared.xml`, undefined, null);
    await feeds.follow("g2", `${base}/shared.xml`, undefined, null);
    expect(hits.get("/shared.xml")).toBe(2);
    later(16);
    expect(await feeds.tick()).toHaveLength(1);
    expect(hits.get("/shared.xml")).toBe(3);
    expect(await feeds.guildsFollowing(`${base}/shared.xml`)).toEqual(["g1", "g2"]);
    await feeds.unfollow("g1", `${base}/shared.xml`);
    expect(await feeds.state(`${base}/shared.xml`)).toBeDefined();
    await feeds.unfollow("g2", `${base}/shared.xml`);
    expect(await feeds.state(`${base}/shared.xml`)).toBeUndefined();
    later(16);
    expect(await feeds.tick()).toEqual([]);
  });

  it("neither duplicates nor loses articles across a restart on SQLite, nor reads them again as new", async () => {
    const url = `sqlite://${path.join(dir, "store.sqlite")}`;
    docs.set("/a.xml", { items: [item(1), item(2)], etag: '"v1"' });
    const first = await openStore(url);
    await service(first).follow("g1", `${base}/a.xml`, undefined, null);
    await first.close();

    const second = await openStore(url);
    const changes: string[] = [];
    const feeds = service(second, changes);
    expect((await feeds.articlesOf("g1")).map((a) => a.title)).toEqual([item(1).title, item(2).title]);
    later(16);
    // The stored ETag is sent: nothing is read again.
    expect(await feeds.tick()).toEqual([{ url: `${base}/a.xml`, outcome: "not-modified", added: 0, updated: 0 }]);
    docs.set("/a.xml", { items: [item(1), item(2), item(3)], etag: '"v2"' });
    later(16);
    expect(await feeds.tick()).toEqual([{ url: `${base}/a.xml`, outcome: "updated", added: 1, updated: 0 }]);
    expect(await feeds.articlesOf("g1")).toHaveLength(3);
    expect(changes).toEqual([`${base}/a.xml`]);
    await second.close();
  });
});

describe("a server's commands and digest see its feeds, and no other server's", () => {
  it("shows a new feed item in /headline and the next digest of the following server only", async () => {
    docs.set("/a.xml", { items: [item(1)] });
    const feeds = service();
    const corpora = new Corpora(seedArticles(), feeds);
    const svc: Services = { corpus: corpora.shared, now: () => clock, digest: { timeZone: "UTC", stories: 5 }, feeds, corpusFor: (g) => corpora.get(g) };
    const ctx = (guildId: string): CommandContext => ({ guildId, channelId: "c", canManageGuild: true, userId: "u" });
    const run = (name: string, input: CommandInput, guildId: string): Promise<Reply> => runCommand(name, input, svc, memoryLogger().log, ctx(guildId));

    const added = await run("feeds", { subcommand: "add", url: `${base}/a.xml` }, "g1");
    expect(added.title).toBe("Following “Feed /a.xml”");
    corpora.invalidateGuild("g1");
    docs.set("/a.xml", { items: [item(1), item(7, { date: "Sat, 28 Nov 2026 10:10:00 GMT" })] });
    later(16);
    const polled = await feeds.tick();
    expect(polled[0]?.outcome).toBe("updated");
    corpora.invalidateUrl(`${base}/a.xml`);

    const mine = await run("headline", { count: 3 }, "g1");
    expect(mine.items[0]?.heading).toBe(item(7).title);
    const theirs = await run("headline", { count: 10 }, "g2");
    expect(theirs.items.map((i) => i.heading)).not.toContain(item(7).title);
    expect(theirs.items).toHaveLength(4);

    const digest1 = buildDigest(await corpora.get("g1"), { now: clock, timeZone: "UTC", stories: 10 });
    expect(digest1.stories.map((s) => s.headline)).toContain(item(7).title);
    const digest2 = buildDigest(await corpora.get("g2"), { now: clock, timeZone: "UTC", stories: 10 });
    expect(digest2.stories.map((s) => s.headline)).not.toContain(item(7).title);

    // /search and /quote read the same per-server corpus.
    expect((await run("search", { query: "strike number 7" }, "g1")).items[0]?.heading).toBe(item(7).title);
    expect((await run("search", { query: "strike number 7" }, "g2")).status).toBe("empty");
  });

  it("lets no feed content ping anyone or break a message", async () => {
    const nasty = item(9, {
      title: `@everyone <@&123456789012345678> **Breaking** [click](https://discord.gg/x) ${"very long title ".repeat(40)}`,
      body: `@here ${"<b>bold</b> text with > quotes and # headings ".repeat(2000)}`,
    });
    docs.set("/nasty.xml", { items: [nasty] });
    const feeds = service();
    const corpora = new Corpora(seedArticles(), feeds);
    await feeds.follow("g1", `${base}/nasty.xml`, undefined, null);
    const svc: Services = { corpus: corpora.shared, now: () => clock, digest: { timeZone: "UTC", stories: 5 }, feeds, corpusFor: (g) => corpora.get(g) };
    const ctx: CommandContext = { guildId: "g1", channelId: "c", canManageGuild: true, userId: "u" };
    for (const [name, input] of [["headline", {}], ["summary", { topic: "breaking" }], ["search", { query: "breaking" }], ["digest", { subcommand: "preview" }]] as const) {
      const reply = await runCommand(name, input, svc, memoryLogger().log, ctx);
      expect(reply.status, name).toBe("ok");
      for (const p of renderDiscord(reply)) {
        expect(payloadProblems(p), name).toEqual([]);
        const text = JSON.stringify(p.embeds);
        expect(text, name).not.toMatch(/@(?:everyone|here)|<@&\d|https?:\/\/discord\.gg/);
      }
    }
  });

  it("checks Manage Server for add and remove, and answers list and status for everyone", async () => {
    docs.set("/a.xml", { items: [item(1)] });
    const feeds = service();
    const svc: Services = { corpus: new Corpora(seedArticles()).shared, now: () => clock, digest: { timeZone: "UTC", stories: 5 }, feeds };
    const member: CommandContext = { guildId: "g1", channelId: "c", canManageGuild: false, userId: "u" };
    const cmd = findCommand("feeds");
    const refused = await cmd?.execute({ subcommand: "add", url: `${base}/a.xml` }, svc, member);
    expect(refused).toMatchObject({ status: "invalid", ephemeral: true, title: "Manage Server needed" });
    expect(hits.get("/a.xml")).toBeUndefined();
    await feeds.follow("g1", `${base}/a.xml`, "Harbour news", null);
    expect(await cmd?.execute({ subcommand: "remove", feed: "Harbour news" }, svc, member)).toMatchObject({ title: "Manage Server needed" });
    const list = await cmd?.execute({ subcommand: "list" }, svc, member);
    expect(list?.items.map((i) => i.heading)).toEqual(["Harbour news"]);
    const status = await cmd?.execute({ subcommand: "status" }, svc, member);
    expect(status?.items[0]?.body).toMatch(/^Last fetch just now · 1 item · next fetch in 15 min\.$/);
    const removed = await cmd?.execute({ subcommand: "remove", feed: "harbour news" }, svc, { ...member, canManageGuild: true });
    expect(removed?.title).toBe("No longer following Harbour news");
    expect((await cmd?.execute({ subcommand: "list" }, svc, member))?.title).toBe("This server follows no feeds");
  });
});

describe("FEEDS_FILE", () => {
  it("reads a list of URLs or {url, name} objects, and says what is wrong with a bad file", async () => {
    const { readFeedsFile } = await import("../src/feeds/owner.js");
    const good = path.join(dir, "feeds.json");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(good, JSON.stringify(["https://example.com/rss", { url: "https://example.org/atom.xml", name: "Org" }, "https://example.com/rss"]));
    expect(await readFeedsFile(good)).toEqual(["https://example.com/rss", "https://example.org/atom.xml"]);
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify(["https://example.com/rss", "ftp://example.com/x"]));
    await expect(readFeedsFile(bad)).rejects.toThrow(/entry 1: must be a list of http\(s\) URLs/);
    await writeFile(bad, "{ nope");
    await expect(readFeedsFile(bad)).rejects.toThrow(/cannot be read as JSON/);
  });

  it("has every server read the owner's feeds, fetched once", async () => {
    docs.set("/owner.xml", { items: [item(5)] });
    const feeds = new FeedService({ store, log: memoryLogger().log, now: () => clock, allowPrivate: true, ownerFeeds: [`${base}/owner.xml`] });
    expect(await feeds.tick()).toHaveLength(1);
    expect((await feeds.articlesOf("g1")).map((a) => a.title)).toEqual([item(5).title]);
    expect((await feeds.articlesOf("g2")).map((a) => a.title)).toEqual([item(5).title]);
    expect(await feeds.guildsFollowing(`${base}/owner.xml`)).toBe("all");
    expect(hits.get("/owner.xml")).toBe(1);
  });
});

describe("one request at a time per host", () => {
  it("queues a second request to a host until the first has finished, whoever asks", async () => {
    let running = 0;
    let most = 0;
    const feeds = new FeedService({
      store,
      log: memoryLogger().log,
      now: () => clock,
      allowPrivate: true,
      fetch: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        return { status: "error", reason: "HTTP 503", httpStatus: 503 };
      },
    });
    // An admin's /feeds add and the scheduler's poll of another feed on the same host, at once.
    await Promise.all([feeds.follow("g1", "https://one.example.com/a.xml", undefined, null), feeds.poll("https://one.example.com/b.xml"), feeds.poll("https://two.example.com/c.xml")]);
    expect(most).toBe(2);
    const perHost = new Map<string, number>();
    let peak = 0;
    const traced = new FeedService({
      store,
      log: memoryLogger().log,
      now: () => clock,
      allowPrivate: true,
      fetch: async (url) => {
        const h = new URL(url).host;
        perHost.set(h, (perHost.get(h) ?? 0) + 1);
        peak = Math.max(peak, perHost.get(h) ?? 0);
        await new Promise((r) => setTimeout(r, 20));
        perHost.set(h, (perHost.get(h) ?? 1) - 1);
        return { status: "error", reason: "HTTP 503", httpStatus: 503 };
      },
    });
    await Promise.all(["a", "b", "c"].map((x) => traced.poll(`https://one.example.com/${x}.xml`)));
    expect(peak).toBe(1);
  });
});
