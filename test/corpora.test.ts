/** Server corpora: what many servers share is analysed once, and only the most recently used corpora are kept. */
import { describe, expect, it } from "vitest";
import { Corpora } from "../src/feeds/corpora.js";
import { FeedService } from "../src/feeds/service.js";
import { parseArticleFile } from "../src/news/parse.js";
import { openStore } from "../src/store/store.js";
import { seedArticles } from "./support/seed.js";
import { memoryLogger } from "./support/streams.js";

function article(n: number) {
  const text = `# Harbour strike day ${n}\n\nDock workers in port ${n} walked out on Monday over pay, the union said.\n\n“We will not go back until the offer is fair,” said union leader Maria Lopez.`;
  const a = parseArticleFile({ name: `feed-${n}.md`, text, mtime: new Date("2026-11-20T08:00:00Z") }).articles[0];
  if (!a) throw new Error("no article");
  return a;
}

describe("server corpora", () => {
  it("analyse a feed's articles once for every server that follows it, and keep only the most recently used", async () => {
    const store = await openStore("memory://");
    const { log } = memoryLogger("warn");
    const feeds = new FeedService({ store, log });
    const url = "https://news.example/rss";
    const items = [article(1), article(2)].map((a) => ({ keys: [`guid:${a.id}`, `body:${a.id}`], version: 1, article: a }));
    await store.feedItems.set(url, { items });
    for (const g of ["g1", "g2", "g3"]) await store.feeds.set(g, { feeds: [{ url, addedAt: 0 }] });
    const base = seedArticles();
    const corpora = new Corpora(base, feeds, 2);

    const c1 = await corpora.get("g1");
    const c2 = await corpora.get("g2");
    expect(c1).not.toBe(c2);
    expect(c1.size).toBe(base.length + 2);
    const id = items[0]?.article.id ?? "";
    // One analysis object shared by both servers' corpora, and the seed's from the base corpus.
    expect(c1.analysisOf(id)).toBeDefined();
    expect(c1.analysisOf(id)).toBe(c2.analysisOf(id));
    expect(c1.analysisOf(base[0]?.id ?? "")).toBe(corpora.shared.analysisOf(base[0]?.id ?? ""));
    expect(c1.findPeople("Lopez")[0]?.quotes).toHaveLength(2);
    // A seed article's summaries are the base corpus's, made once for every server; a feed article's its own.
    const seed = c1.get(base[0]?.id ?? "");
    if (seed === undefined) throw new Error("seed article missing");
    expect(corpora.shared.hasSummaries(seed.id)).toBe(false);
    expect(c1.summary(seed, "short")).toEqual(corpora.shared.summary(seed, "short"));
    expect(corpora.shared.hasSummaries(seed.id)).toBe(true);
    expect(c2.hasSummaries(seed.id)).toBe(true);
    const fromFeed = c1.get(id);
    if (fromFeed === undefined) throw new Error("feed article missing");
    expect(c1.summary(fromFeed, "medium").length).toBeGreaterThan(0);
    expect([c1.hasSummaries(id), c2.hasSummaries(id), corpora.shared.hasSummaries(id)]).toEqual([true, false, false]);

    // Two kept: g3 pushes out g1 (the least recently used); g2 stays.
    await corpora.get("g3");
    expect(corpora.cached).toBe(2);
    expect(await corpora.get("g2")).toBe(c2);
    const again = await corpora.get("g1");
    expect(again).not.toBe(c1);
    expect(again.analysisOf(id)).toBe(c1.analysisOf(id));

    // A changed feed is read again and analysed anew.
    corpora.invalidateUrl(url);
    const fresh = await corpora.get("g2");
    expect(fresh).not.toBe(c2);
    expect(fresh.analysisOf(id)).not.toBe(c2.analysisOf(id));
    await store.close();
  });
});
