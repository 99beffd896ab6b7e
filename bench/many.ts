/**
 * The many-servers case: 1,000 servers each following 20 of 2,000 feeds served on loopback (20 hosts,
 * 127.0.0.1–127.0.0.20, 100 feeds each; RSS with 12 short items, conditional GET). Measures, in this process:
 * - the first fetch cycle (every feed due) and a second one (every feed answers 304 Not Modified);
 * - each server's first command (its corpus built from the shared, already analysed feed items) and a second one,
 *   p50/p99, beside the baseline of building a server's corpus from scratch (its articles analysed again);
 * - peak RSS.
 * Prints one JSON line (bench/run.ts prints it readably). `tsx bench/many.ts [SERVERS] [FEEDS] [PER_SERVER]`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { findCommand, OWNER_CONTEXT, type Services } from "../commands/index.js";
import { Corpora } from "../src/feeds/corpora.js";
import { FeedService } from "../src/feeds/service.js";
import { Corpus } from "../src/news/corpus.js";
import { openStore } from "../src/store/store.js";
import { mulberry32 } from "./corpus.js";

export interface ManyResult {
  servers: number;
  feeds: number;
  perServer: number;
  items: number;
  firstCycleMs: number;
  fetched: number;
  failed: number;
  secondCycleMs: number;
  notModified: number;
  firstCommand: { p50: number; p99: number };
  warmCommand: { p50: number; p99: number };
  baselineBuild: { p50: number; p99: number };
  peakRssMb: number;
}

const HOSTS = 20;
const ITEMS = 12;

const PEOPLE = ["Maria Lopez", "John Carter", "Amina Diallo", "Kenji Watanabe", "Olga Petrova", "David Mensah", "Laura Becker", "Rahul Mehta"];
const TOPICS = ["harbour strike", "flood relief", "budget vote", "railway tunnel", "court appeal", "vaccine rollout", "summit talks", "drought prices"];

function feedXml(n: number): string {
  const rnd = mulberry32(n + 1);
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const topic = TOPICS[Math.floor(rnd() * TOPICS.length)] ?? "news";
    const who = PEOPLE[Math.floor(rnd() * PEOPLE.length)] ?? "a spokesperson";
    const place = `district ${Math.floor(rnd() * 500)}`;
    const body = `<p>Officials in ${place} said on Monday that the ${topic} would take weeks to settle, feed ${n} reports.</p><p>“We are doing everything we can for the people of ${place},” said ${who}, who spoke to reporters after the meeting.</p>`;
    const date = new Date(Date.UTC(2026, 10, 1 + (i % 27), 8, n % 60)).toUTCString();
    items.push(`<item><title>${topic} in ${place} (feed ${n}, item ${i})</title><guid isPermaLink="false">f${n}-i${i}</guid><link>http://example.invalid/f${n}/${i}</link><pubDate>${date}</pubDate><description>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>http://example.invalid/f${n}</link>${items.join("")}</channel></rss>`;
}

function percentiles(xs: number[]): { p50: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  return { p50: at(50), p99: at(99) };
}

export async function measureMany(servers = 1000, feeds = 2000, perServer = 20): Promise<ManyResult> {
  const docs = Array.from({ length: feeds }, (_, n) => feedXml(n));
  const hosts: Server[] = [];
  const bases: string[] = [];
  for (let h = 0; h < HOSTS; h++) {
    const server = createServer((req, res) => {
      const n = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? "")?.[1] ?? -1);
      const doc = docs[n];
      if (doc === undefined) {
        res.writeHead(404).end();
        return;
      }
      const etag = `"f${n}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(doc);
    });
    await new Promise<void>((r) => server.listen(0, `127.0.0.${h + 1}`, r));
    hosts.push(server);
    bases.push(`http://127.0.0.${h + 1}:${(server.address() as AddressInfo).port}`);
  }
  const urlOf = (n: number) => `${bases[n % HOSTS] ?? ""}/feed/${n}.xml`;
  const store = await openStore("memory://");
  const log = pino({ level: "silent" });
  let now = new Date("2026-11-28T08:00:00Z");
  const service = new FeedService({ store, log, now: () => now, allowPrivate: true, intervalMinutes: 15, perGuild: perServer, random: () => 0.5 });
  const corpora = new Corpora([], service);
  const rnd = mulberry32(7);
  const guilds: string[] = [];
  for (let g = 0; g < servers; g++) {
    const id = `guild-${g}`;
    guilds.push(id);
    const picked = new Set<number>();
    while (picked.size < perServer) picked.add(Math.floor(rnd() * feeds));
    await store.feeds.set(id, { feeds: [...picked].map((n) => ({ url: urlOf(n), addedAt: 0 })) });
  }
  // The index of servers that follow feeds, as follow() keeps it (src/feeds/service.ts, "feed-guilds").
  await store.index.set("feed-guilds", guilds);

  const c0 = performance.now();
  const first = await service.tick();
  const firstCycleMs = performance.now() - c0;
  now = new Date(now.getTime() + 16 * 60_000);
  const c1 = performance.now();
  const second = await service.tick();
  const secondCycleMs = performance.now() - c1;

  const services: Services = { corpus: corpora.shared, now: () => now, digest: { timeZone: "UTC", stories: 5 }, corpusFor: (g) => corpora.get(g), feeds: service };
  const headline = findCommand("headline");
  if (!headline) throw new Error("no /headline");
  const run = async (g: string) => {
    const scoped = { ...services, corpus: await corpora.get(g) };
    return headline.execute({}, scoped, { ...OWNER_CONTEXT, guildId: g });
  };
  const firstTimes: number[] = [];
  for (const g of guilds) {
    const t = performance.now();
    await run(g);
    firstTimes.push(performance.now() - t);
  }
  // The most recently used servers are served from their kept corpus.
  const warmTimes: number[] = [];
  for (const g of guilds.slice(-150)) {
    const t = performance.now();
    await run(g);
    warmTimes.push(performance.now() - t);
  }
  const baseline: number[] = [];
  for (const g of guilds.slice(0, 50)) {
    const articles = await service.articlesOf(g);
    const t = performance.now();
    new Corpus(articles);
    baseline.push(performance.now() - t);
  }
  let items = 0;
  for (let n = 0; n < feeds; n++) items += (await store.feedItems.get(urlOf(n)))?.items.length ?? 0;
  await store.close();
  for (const s of hosts) await new Promise<void>((r) => s.close(() => r()));
  return {
    servers,
    feeds,
    perServer,
    items,
    firstCycleMs,
    fetched: first.filter((r) => r.outcome !== "failed").length,
    failed: first.filter((r) => r.outcome === "failed").length,
    secondCycleMs,
    notModified: second.filter((r) => r.outcome === "not-modified").length,
    firstCommand: percentiles(firstTimes),
    warmCommand: percentiles(warmTimes),
    baselineBuild: percentiles(baseline),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [servers = "1000", feeds = "2000", per = "20"] = process.argv.slice(2);
  void measureMany(Number(servers), Number(feeds), Number(per)).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
