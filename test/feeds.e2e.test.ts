/**
 * Feeds through the real bot: the unmodified discord.js client against the loopback Discord emulator, two
 * servers, and a feed served on loopback (FEEDS_ALLOW_PRIVATE=true). One server follows it; only that server's
 * /headline, /search and /digest preview show its items, new ones included.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot.js";

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
}
const embedsOf = (m: { embeds: unknown[] }) => m.embeds as Embed[];

const A = { id: "111111111111111111", name: "Harbour Town", channels: [{ id: "111111111111111112", name: "news", guildId: "111111111111111111" }] };
const B = { id: "222222222222222221", name: "Elsewhere", channels: [{ id: "222222222222222222", name: "news", guildId: "222222222222222221" }] };
const MANAGE = 0x20n | 0x400n | 0x800n;
const MEMBER = 0x400n | 0x800n;

let items = [{ guid: "h-1", title: "Harbour workers end the long strike", body: "Dock workers voted on Friday to end the strike that had closed the port for three weeks." }];
let server: Server;
let feedUrl: string;
let h: Harness;

beforeAll(async () => {
  server = createServer((_req, res) => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>${items
      .map((i) => `<item><title>${i.title}</title><guid>${i.guid}</guid><pubDate>${new Date().toUTCString()}</pubDate><description>${i.body}</description></item>`)
      .join("")}</channel></rss>`;
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(xml);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`;
  h = await startHarness({ guildScoped: false, emulator: { guilds: [A, B] }, env: { FEEDS_ALLOW_PRIVATE: "true" } });
});
afterAll(async () => {
  await h.close();
  await new Promise((r) => server.close(r));
});

describe("feeds on a loopback Discord", () => {
  it("refuses /feeds add to a member without Manage Server, privately", async () => {
    const m = await h.emu.answer(h.emu.interact({ name: "feeds", subcommand: "add", options: { url: feedUrl }, guildId: A.id, permissions: MEMBER }));
    expect(m.flags & 64).toBe(64);
    expect(embedsOf(m)[0]?.title).toBe("Manage Server needed");
  });

  it("follows a feed for one server: fetched at once, answered with its title and item count", async () => {
    const m = await h.emu.answer(h.emu.interact({ name: "feeds", subcommand: "add", options: { url: feedUrl, name: "Gazette" }, guildId: A.id, permissions: MANAGE }));
    expect(m.flags & 64).toBe(0);
    expect(embedsOf(m)[0]?.title).toBe("Following “Gazette”");
    expect(embedsOf(m)[0]?.description).toMatch(/^1 item read from http:\/\/127\.0\.0\.1:\d+\/rss\.xml\./);
  });

  it("shows the feed's items in that server's /headline and /search, and not in the other's", async () => {
    const mine = await h.emu.answer(h.emu.interact({ name: "headline", guildId: A.id }));
    expect(embedsOf(mine)[0]?.description).toContain("Harbour workers end the long strike");
    const theirs = await h.emu.answer(h.emu.interact({ name: "headline", options: { count: 10 }, guildId: B.id }));
    expect(embedsOf(theirs)[0]?.description).not.toContain("Harbour workers");
    const search = await h.emu.answer(h.emu.interact({ name: "search", options: { query: "dock workers strike" }, guildId: B.id }));
    expect(embedsOf(search)[0]?.title).toBe("No articles match “dock workers strike”");
  });

  it("puts a new item in the next /headline and digest of the following server only", async () => {
    items = [...items, { guid: "h-2", title: "Port reopens to container ships", body: "The first container ships in three weeks docked on Saturday as the port reopened." }];
    const polled = await h.bot.feeds.poll(feedUrl);
    expect(polled).toMatchObject({ outcome: "updated", added: 1 });
    const mine = await h.emu.answer(h.emu.interact({ name: "headline", guildId: A.id }));
    expect(embedsOf(mine)[0]?.description).toMatch(/Port reopens to container ships/);
    const digestA = await h.emu.answer(h.emu.interact({ name: "digest", subcommand: "preview", guildId: A.id }));
    expect(embedsOf(digestA).map((e) => e.title)).toContain("Port reopens to container ships");
    const digestB = await h.emu.answer(h.emu.interact({ name: "digest", subcommand: "preview", guildId: B.id }));
    expect(embedsOf(digestB).map((e) => e.title)).not.toContain("Port reopens to container ships");
  });

  it("lists and reports the feed, then stops following it", async () => {
    const list = await h.emu.answer(h.emu.interact({ name: "feeds", subcommand: "list", guildId: A.id, permissions: MEMBER }));
    expect(embedsOf(list)[1]?.title).toBe("Gazette");
    const status = await h.emu.answer(h.emu.interact({ name: "feeds", subcommand: "status", guildId: A.id, permissions: MEMBER }));
    expect(embedsOf(status)[1]?.description).toMatch(/^Last fetch just now · 2 items · next fetch in 1[3-7] min\./);
    const removed = await h.emu.answer(h.emu.interact({ name: "feeds", subcommand: "remove", options: { feed: "Gazette" }, guildId: A.id, permissions: MANAGE }));
    expect(embedsOf(removed)[0]?.title).toBe("No longer following Gazette");
    const after = await h.emu.answer(h.emu.interact({ name: "headline", options: { count: 10 }, guildId: A.id }));
    expect(embedsOf(after)[0]?.description).not.toContain("Port reopens");
  });
});
