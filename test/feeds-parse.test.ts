/**
 * Every real feed document in ../shared/feeds/samples (read in place; CI has ../shared beside its clone) through
 * the parser: item counts as SOURCES.md states them, the README's first titles and guids, encodings, relative
 * links, odd dates, and the malformed documents reported rather than thrown.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalUrl, feedArticles, itemKeys } from "../src/feeds/articles.js";
import { htmlToParagraphs, repairMojibake } from "../src/feeds/html.js";
import { parseDate, parseFeed } from "../src/feeds/parse.js";

const SAMPLES = path.resolve(import.meta.dirname, "../../shared/feeds/samples");
const read = (name: string) => new Uint8Array(readFileSync(path.join(SAMPLES, name)));
const parse = (name: string) => parseFeed(read(name), { url: `https://feeds.example.org/${name}` });

/** Items per file, as SOURCES.md counts them (0 for the two that are no feed one can read). */
const COUNTS: Record<string, number> = {
  "feedextractor-googlenews-atom.xml": 38,
  "feedextractor-googlenews-rss2.xml": 38,
  "feedextractor-huggingface-rss2-relative.xml": 175,
  "feedextractor-medium-rss2.xml": 3,
  "feedextractor-microblog-jsonfeed10-relative.json": 2,
  "feedextractor-slashdot-rss1.xml": 3,
  "feedjira-huffpostcanada-rss2-media.xml": 2,
  "feedjira-tablix-atom-inside-xhtml.xml": 10,
  "feedjira-techcrunch-rss2-ws-before-decl.xml": 20,
  "feedreader-japantimes-rss2-wordpress.xml": 118,
  "feedreader-lefigaro-rss2-mojibake-dupguid.xml": 50,
  "feedreader-orf-rss1-bom.xml": 50,
  "feedreader-reuters-rss2-feedburner.xml": 10,
  "feedreader-stackoverflow-atom-ctrlchars.xml": 1,
  "feedreader-theverge-atom.xml": 10,
  "feedreader-youtube-atom.xml": 15,
  "feedrs-dbengines-rss2-undefined-entity.xml": 1,
  "feedrs-nbcnewyork-rss2-odd-date.xml": 1,
  "feedrs-reuters-rss2-truncated.xml": 0,
  "miniflux-golem-rss2-iso8859-1.xml": 40,
  "miniflux-heise-rss090.xml": 60,
  "nodefeedparser-braingle-rss2-double-guid.xml": 1,
  "nodefeedparser-intertwingly-atom-xhtml.xml": 20,
  "nodefeedparser-orenru-rss2-windows1251.xml": 10,
  "nodefeedparser-pcmag-rss2-nested-item.xml": 10,
  "nodefeedparser-tpm-atom-relative.xml": 20,
  "rsparser-3960-jsonfeed11.json": 20,
  "rsparser-fcutrecht-rss2-bogus-prolog.xml": 20,
  "rsparser-macworld-rss2-nodecl.xml": 30,
  "rsparser-russcox-atom-large.xml": 19,
  "rsparser-scriptingnews-rss-in-json.json": 0,
  "rsparser-scriptingnews-rss2-dupguid-notitle.xml": 50,
  "rssparser-guardian-rss2.xml": 55,
  "rssparser-jn-rss2-iso8859-1.xml": 40,
  "rssparser-uol-rss2-undeclared-latin1.xml": 15,
};

/** The documents SOURCES.md marks MALFORMED, and the JSON that is no JSON Feed: each must come with a problem. */
const BROKEN = [
  "feedrs-reuters-rss2-truncated.xml",
  "feedjira-techcrunch-rss2-ws-before-decl.xml",
  "feedrs-dbengines-rss2-undefined-entity.xml",
  "rssparser-uol-rss2-undeclared-latin1.xml",
  "feedreader-stackoverflow-atom-ctrlchars.xml",
  "rsparser-scriptingnews-rss-in-json.json",
];

describe("the feed parser on real documents", () => {
  it("finds all 35 samples", () => {
    expect(existsSync(SAMPLES), SAMPLES).toBe(true);
    expect(readdirSync(SAMPLES).sort()).toEqual(Object.keys(COUNTS).sort());
  });

  it("reads every document without throwing, with the item counts of SOURCES.md", () => {
    for (const [name, count] of Object.entries(COUNTS)) {
      const feed = parse(name);
      expect(feed.items.length, name).toBe(count);
      if (BROKEN.includes(name)) expect(feed.problems.length, name).toBeGreaterThan(0);
      else expect(feed.problems, name).toEqual([]);
    }
  });

  it("gives the README's first titles and guids", () => {
    const cases: Array<[string, string, string | undefined]> = [
      ["rssparser-guardian-rss2.xml", "Trump State of the Union address promised unity but emphasized discord", "https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord"],
      ["miniflux-golem-rss2-iso8859-1.xml", "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games", "https://www.golem.de/1810/137358-rss.html"],
      ["feedreader-theverge-atom.xml", "This is the new Hulu experience with live TV", "http://www.theverge.com/ces/2017/1/7/14195588/hulu-live-tv-streaming-internet-ces-2017"],
      ["rsparser-3960-jsonfeed11.json", "Lecker, lecker", "user/posts/2020-02-21-lecker-lecker/index.md"],
      ["nodefeedparser-pcmag-rss2-nested-item.xml", "My Professional Armchair Analysis of CES", undefined],
    ];
    for (const [name, title, guid] of cases) {
      const first = parse(name).items[0];
      expect(first?.title, name).toBe(title);
      expect(first?.guid, name).toBe(guid);
    }
    // RSS 1.0 has no guid: rdf:about (the story's URL) stands in, and is the link too.
    const slashdot = parse("feedextractor-slashdot-rss1.xml").items[0];
    expect(slashdot?.title).toBe("SpaceX Working With Cloudflare To Speed Up Starlink Service");
    expect(slashdot?.guid).toMatch(/^https:\/\/tech\.slashdot\.org\/story\/23\/08\/23\/2238246\//);
    expect(slashdot?.link).toBe(slashdot?.guid);
  });

  it("decodes declared and undeclared encodings, and repairs double-encoded UTF-8", () => {
    expect(parse("miniflux-golem-rss2-iso8859-1.xml").items[0]?.paragraphs[0]).toMatch(/^Viele Spieler wünschen sich/);
    expect(parse("nodefeedparser-orenru-rss2-windows1251.xml").items[0]?.title).toBe("В Бузулуке главные стройплощадки – детсад и Ледовый дворец");
    expect(parse("rssparser-jn-rss2-iso8859-1.xml").items[0]?.title).toBe("Mãe de utente é a nova presidente da Raríssimas");
    expect(parse("rssparser-uol-rss2-undeclared-latin1.xml").items[0]?.title).toMatch(/simulações de 2º turno$/);
    expect(parse("feedreader-lefigaro-rss2-mojibake-dupguid.xml").items[0]?.paragraphs[0]).toMatch(/l'économiste Bernard Maris/);
    expect(parse("feedreader-orf-rss1-bom.xml").items[0]?.title).toBe("US-Band New Edition mit Stern auf „Walk of Fame“ geehrt");
  });

  it("turns HTML into clean paragraphs: no tags, no scripts, entities decoded", () => {
    for (const name of Object.keys(COUNTS)) {
      // This blog writes about HTML: its text shows tags as text ("all <a> in a <nav>"), rightly.
      const aboutHtml = name === "rsparser-3960-jsonfeed11.json";
      for (const item of parse(name).items) {
        for (const p of item.paragraphs) {
          if (!aboutHtml) expect(p, name).not.toMatch(/<\/?(?:p|div|br|img|a|script|span)\b/i);
          expect(p, name).not.toMatch(/&(?:amp|lt|gt|quot|nbsp|#\d+);/);
          expect(p).toBe(p.trim());
        }
      }
    }
    expect(htmlToParagraphs("<p>One &amp; two</p><script>alert(1)</script><div>Three<br>Four</div>")).toEqual(["One & two", "Three", "Four"]);
  });

  it("resolves relative links against xml:base, the channel link or the feed URL", () => {
    // Every link of this feed is relative, its channel link too: they resolve against where the feed was fetched.
    const hf = parseFeed(read("feedextractor-huggingface-rss2-relative.xml"), { url: "https://huggingface.co/blog/feed.xml" });
    expect(hf.link).toBe("https://huggingface.co/blog");
    expect(hf.items[0]?.link).toBe("https://huggingface.co/blog/intro-graphml");
    const tpm = parse("nodefeedparser-tpm-atom-relative.xml").items[0]?.link ?? "";
    expect(tpm).toMatch(/^https?:\/\/[^/]+\/livewire\/hannity-announces-fox-hired-sebastian-gorka/);
    const micro = parse("feedextractor-microblog-jsonfeed10-relative.json").items[0]?.link ?? "";
    expect(micro).toMatch(/^https?:\/\/[^/]+\/2020\/08\/07\/json-feed-version\.html$/);
    for (const name of Object.keys(COUNTS)) for (const item of parse(name).items) if (item.link !== undefined) expect(item.link, name).toMatch(/^https?:\/\//);
  });

  it("parses odd dates, and leaves unreadable ones to the fetch time", () => {
    expect(parse("feedrs-nbcnewyork-rss2-odd-date.xml").items[0]?.published?.toISOString().slice(0, 10)).toBe("2023-12-16");
    expect(parse("feedextractor-googlenews-atom.xml").items[0]?.published?.toISOString()).toBe("2022-07-28T02:43:00.000Z");
    expect(parseDate("Qua, 07 Jun 2017 10:00:00 -0300")?.toISOString()).toBe("2017-06-07T13:00:00.000Z");
    expect(parseDate("Tue, 21 Aug 2012 10:33:00 EST")?.toISOString()).toBe("2012-08-21T15:33:00.000Z");
    expect(parseDate("yesterday-ish")).toBeUndefined();
    const fetchedAt = new Date("2026-01-01T00:00:00Z");
    const japan = feedArticles(parse("feedreader-japantimes-rss2-wordpress.xml"), { url: "https://feeds.example.org/jt", fetchedAt });
    expect(japan.articles.every((a) => a.article.published.getTime() === fetchedAt.getTime())).toBe(true);
  });
});

describe("feed items as articles", () => {
  it("makes a valid article of every item with a title or text, source the feed's title", () => {
    const fetchedAt = new Date("2026-01-01T00:00:00Z");
    for (const [name, count] of Object.entries(COUNTS)) {
      const r = feedArticles(parse(name), { url: `https://feeds.example.org/${name}`, fetchedAt });
      expect(r.articles.length + r.problems.length, name).toBe(count);
      for (const { article } of r.articles) {
        expect(article.paragraphs.length).toBeGreaterThan(0);
        expect(article.headline.length).toBeGreaterThan(0);
      }
    }
    const guardian = feedArticles(parse("rssparser-guardian-rss2.xml"), { url: "https://feeds.example.org/g", fetchedAt }).articles[0]?.article;
    expect(guardian?.source).toBe("The Guardian");
    expect(guardian?.url).toMatch(/^https:\/\/www\.theguardian\.com\/us-news\/2018\/jan\/31\//);
    // Items without a title get a generated headline; items without text have their title as text.
    const orf = feedArticles(parse("feedreader-orf-rss1-bom.xml"), { url: "https://feeds.example.org/orf", fetchedAt }).articles[0]?.article;
    expect(orf?.paragraphs).toEqual([orf?.title]);
  });

  it("knows an item by its guid, its link without tracking parameters, or its content", () => {
    expect(canonicalUrl("https://www.example.com/a/story/?utm_source=rss&utm_medium=feed&id=7#top")).toBe("example.com/a/story?id=7");
    expect(canonicalUrl("http://example.com/a/story?id=7&fbclid=x")).toBe("example.com/a/story?id=7");
    expect(canonicalUrl("javascript:alert(1)")).toBeUndefined();
    const keys = itemKeys({ guid: "g-1", link: "https://example.com/x?utm_campaign=y", title: "T", paragraphs: ["Body."] });
    expect(keys).toEqual(["guid:g-1", "link:example.com/x", expect.stringMatching(/^content:[0-9a-f]{16}$/)]);
    // The same text, spaced and punctuated differently, has the same content key.
    const a = itemKeys({ title: "Rain, again!", paragraphs: ["It  rained."] }).at(-1);
    const b = itemKeys({ title: "rain again", paragraphs: ["It rained"] }).at(-1);
    expect(a).toBe(b);
  });

  it("keeps an item's id when the publisher changes its text, and repairs mojibake only where it is", () => {
    const fetchedAt = new Date("2026-01-01T00:00:00Z");
    const one = (body: string) =>
      feedArticles({ format: "rss", items: [{ guid: "x-1", title: "A title", paragraphs: [body] }], problems: [] }, { url: "https://f.example.org/rss", fetchedAt }).articles[0]?.article.id;
    expect(one("First version.")).toBe(one("Corrected version."));
    expect(repairMojibake("CinÃ©ma and cafÃ© — and a real “quote”")).toBe("Cinéma and café — and a real “quote”");
    expect(repairMojibake("Ãœber is fine as is? No: Ã alone stays")).toBe("Über is fine as is? No: Ã alone stays");
  });
});
