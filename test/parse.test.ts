import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { bodyKey, KEY_PLAIN, parseArticleFile, simpleFrontMatter } from "../src/news/parse.js";
import { fold, hash64, squash } from "../src/news/text.js";
import { ArticleSchema, MetadataSchema, makeArticle, metadataOfStrings } from "../src/news/article.js";
import { SEED_TEXT, seedArticles } from "./support/seed.js";

const mtime = new Date("2025-01-02T03:04:05Z");
const parse = (name: string, text: string) => parseArticleFile({ name, text, mtime });

describe("the seed file", () => {
  const articles = seedArticles();
  it("becomes four articles", () => {
    expect(articles).toHaveLength(4);
  });
  it("keeps the Alaska article's title, takes ILKHA from its sign-off and drops the legal boilerplate", () => {
    const a = articles[0];
    expect(a?.title).toBe("Trump and Putin to meet in Alaska for high-stakes summit on Ukraine ceasefire");
    expect(a?.headline).toBe(a?.title);
    expect(a?.source).toBe("ILKHA");
    expect(a?.paragraphs).toHaveLength(9);
    expect(a?.paragraphs.at(-1)).toMatch(/European security landscape\.$/);
    expect(articles.flatMap((x) => x.paragraphs).join(" ")).not.toMatch(/LEGAL WARNING|All rights/);
  });
  it("makes each brief after the boilerplate its own untitled article with a generated headline", () => {
    const briefs = articles.slice(1);
    expect(briefs.map((b) => b.paragraphs[0]?.slice(0, 30))).toEqual([
      "For 679 relentless days, Israe",
      "A catastrophic flash flood and",
      "The Pentagon has confirmed tha",
    ]);
    for (const b of briefs) {
      expect(b.title).toBeUndefined();
      expect(b.headline.length).toBeGreaterThan(20);
      expect(b.headline.length).toBeLessThanOrEqual(90);
      expect(b.paragraphs).toHaveLength(1);
    }
  });
  it("gives stable ids from content and keeps paragraph offsets into the file", () => {
    const again = seedArticles();
    expect(again.map((a) => a.id)).toEqual(articles.map((a) => a.id));
    expect(new Set(articles.map((a) => a.id)).size).toBe(4);
    for (const a of articles) {
      a.paragraphs.forEach((p, i) => {
        const at = a.offsets[i];
        expect(at).not.toBeNull();
        expect(SEED_TEXT.slice(at ?? 0, (at ?? 0) + p.length)).toBe(p);
      });
    }
  });
  it("dates the articles from the file's mtime when the text has no date", () => {
    expect(articles[0]?.published.toISOString()).toBe("2025-08-15T06:00:00.000Z");
  });
});

describe("plain text", () => {
  it("reads the title from a first line followed by a blank line, paragraphs from blank lines", () => {
    const r = parse("a.txt", "My title\n\nFirst paragraph here.\n\nSecond paragraph here.\n");
    expect(r.articles[0]?.title).toBe("My title");
    expect(r.articles[0]?.paragraphs).toEqual(["First paragraph here.", "Second paragraph here."]);
  });
  it("has no title when the first line is a sentence", () => {
    const r = parse("a.txt", "The council met on Monday.\n\nIt approved the budget.");
    expect(r.articles[0]?.title).toBeUndefined();
    expect(r.articles[0]?.headline).toBe("The council met on Monday");
    expect(r.articles).toHaveLength(1);
  });
  it("joins hard-wrapped lines and handles CRLF", () => {
    const r = parse("a.txt", "Title here\r\n\r\nThe council met on Monday and\r\napproved the budget.\r\n");
    expect(r.articles[0]?.paragraphs).toEqual(["The council met on Monday and  approved the budget."]);
  });
  it("reads a dateline source", () => {
    const r = parse("a.txt", "Title\n\nLONDON (Reuters) - The pound fell on Monday.\n\nTraders were nervous.");
    expect(r.articles[0]?.source).toBe("Reuters");
  });
  it("keeps related paragraphs after a sign-off together", () => {
    const r = parse(
      "a.txt",
      "Main story\n\nBody of the main story. (AP)\nThe mayor of Springfield opened a bridge.\nShe said it cost less than planned.\nThe Springfield bridge links two districts.",
    );
    expect(r.articles).toHaveLength(2);
    expect(r.articles[1]?.paragraphs).toHaveLength(3);
    expect(r.articles[1]?.source).toBe("AP");
  });
  it("does not take a parenthesised remark for a sign-off", () => {
    const r = parse("a.txt", "Title\n\nWe asked Chipotle to cater. (Fingers crossed.)\n\nThe dinner went well.");
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]?.source).toBe("unknown");
  });
});

describe("Markdown and JSON", () => {
  it("reads YAML front matter", () => {
    const r = parse(
      "a.md",
      "---\ntitle: Budget passes\nsource: Daily Planet\nurl: https://example.com/a\npublished: 2025-03-01T10:00:00Z\ntags: [politics, budget]\n---\nThe **budget** passed on [Monday](https://x.y).\n\nIt was close.\n",
    );
    expect(r.problems).toEqual([]);
    const a = r.articles[0];
    expect(a?.title).toBe("Budget passes");
    expect(a?.source).toBe("Daily Planet");
    expect(a?.url).toBe("https://example.com/a");
    expect(a?.published.toISOString()).toBe("2025-03-01T10:00:00.000Z");
    expect(a?.tags).toEqual(["politics", "budget"]);
    expect(a?.paragraphs).toEqual(["The budget passed on Monday.", "It was close."]);
  });
  it("takes a leading # heading as the title when there is no front matter", () => {
    const r = parse("a.md", "# Big news\n\nSomething happened today in the city.");
    expect(r.articles[0]?.title).toBe("Big news");
  });
  it("reads one JSON article or an array", () => {
    const one = parse("a.json", JSON.stringify({ title: "T", body: "Para one.\n\nPara two.", source: "S", date: "2025-02-03" }));
    expect(one.articles[0]?.paragraphs).toEqual(["Para one.", "Para two."]);
    expect(one.articles[0]?.published.toISOString()).toBe("2025-02-03T00:00:00.000Z");
    const many = parse("b.json", JSON.stringify([{ paragraphs: ["First article text."] }, { text: "Second article text." }]));
    expect(many.articles).toHaveLength(2);
  });
  it("skips a JSON item that fails the schema and keeps the rest, naming the item", () => {
    const r = parse("b.json", JSON.stringify([{ text: "Good article." }, { title: "no body" }, { text: "x", url: "not a url" }]));
    expect(r.articles).toHaveLength(1);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^\[1\] .*no text/);
    expect(r.problems[1]).toMatch(/^\[2\] url/);
  });
  it("reports invalid JSON, bad front matter and empty files without throwing", () => {
    expect(parse("a.json", "{ nope").problems[0]).toMatch(/invalid JSON/);
    expect(parse("a.md", "---\ntitle: [unclosed\n---\nBody.").problems[0]).toMatch(/invalid front matter/);
    expect(parse("a.md", "---\npublished: not a date\n---\nBody text.").problems[0]).toMatch(/published: not a date/);
    expect(parse("a.txt", "  \n\n ").problems).toEqual(["empty file"]);
  });
});

describe("article ids", () => {
  it("are the same with and without Unicode normalisation for every character the fast path takes", () => {
    const full = (ps: string[]) => hash64(squash(fold(ps.join("\n"))).replace(/[^\p{L}\p{N} ]/gu, ""));
    let checked = 0;
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      if (!KEY_PLAIN.test(ch)) continue;
      checked++;
      for (const t of [`a${ch}b`, `A ${ch} B`, ch]) expect(bodyKey([t, "x"]), `U+${c.toString(16)}`).toBe(full([t, "x"]));
    }
    expect(checked).toBeGreaterThan(200);
    // Characters outside it still fold: accents go, so "Café" and "Cafe" are one article.
    expect(bodyKey(["Café society"])).toBe(bodyKey(["Cafe society"]));
    expect(KEY_PLAIN.test("a\u2017b")).toBe(false);
    // Nothing outside the Basic Multilingual Plane, nor half of it, takes the fast path (the pattern has no u flag).
    expect(KEY_PLAIN.test("a\u{1F600}b")).toBe(false);
    expect(KEY_PLAIN.test("a\ud83db")).toBe(false);
    expect(bodyKey(["a\u{1D400}b"])).toBe(full(["a\u{1D400}b"]));
  });
});

describe("simple front matter", () => {
  it("reads what the YAML parser reads, or leaves the text to it", () => {
    const values = [
      '"Hansen and Kaur meet as wages plan stalls"', '"He said “no” — twice"', '"a \\"quoted\\" word"', '"a \\\\ b"', "''",
      "2025-03-07T15:59:50.175Z", "2025-03-07", "https://news.example.com/a/1?x=1#top", "Sundby Gazette 50", "2025",
      "1e3", "0x1F", "0o17", ".5", "-.inf", ".NaN", "true", "False", "null", "~", "[a, b]", "{a: 1}", "- item",
      "value # comment", "a: b", "ends:", "'single'", "plain with \"inner\" quotes", "trailing  ", "Café au lait",
      "&anchor", "*alias", "!tag x", "|", ">", "%x", "@x", "`x", "#x", "?x", ",x", "x,y", "O’Brien’s win",
    ];
    const keys = ["title", "source", "published", "url", "tags", "true", "null", "__proto__", "a_b"];
    let fast = 0;
    for (const key of keys) {
      for (const value of values) {
        for (const src of [`${key}: ${value}`, `source: "S"\n${key}: ${value}\nurl: https://x.example/1`, `${key}: ${value}\n${key}: ${value}`]) {
          const mine = simpleFrontMatter(src);
          if (mine === undefined) continue;
          fast++;
          expect(mine, src).toEqual(parseYaml(src));
        }
      }
    }
    for (const odd of ['title: "a"\r', 'title: "a\tb"', "# comment\ntitle: x", "title: x\n  continued", 'title: "a"\u2028']) expect(simpleFrontMatter(odd), odd).toBeUndefined();
    // The common shape takes the fast path.
    expect(fast).toBeGreaterThan(50);
    expect(simpleFrontMatter('title: "T"\nsource: "S"\npublished: 2025-03-07T15:59:50.175Z\nurl: https://news.example.com/s/1')).toEqual({
      title: "T",
      source: "S",
      published: "2025-03-07T15:59:50.175Z",
      url: "https://news.example.com/s/1",
    });
  });
});

describe("makeArticle", () => {
  const parts = (): Parameters<typeof makeArticle>[0] => ({
    id: "0123456789abcdef",
    file: "a.md",
    title: "Council votes",
    headline: "Council votes",
    source: "Courier",
    published: new Date("2026-01-02T03:04:05Z"),
    url: "  https://news.example.com/a?b=1  ",
    tags: ["politics"],
    paragraphs: ["The council voted on Tuesday."],
    offsets: [0],
    order: 0,
  });
  it("gives what ArticleSchema.parse gives, for every seed article and for an article's edge cases", () => {
    const cases = [
      ...seedArticles().map((a) => ({ ...a })),
      parts(),
      { ...parts(), title: undefined, url: undefined, tags: [], offsets: [null] },
      { ...parts(), title: "x".repeat(500), headline: "y".repeat(500), source: "z".repeat(200), tags: Array.from({ length: 50 }, (_, i) => `t${i}`) },
    ];
    for (const c of cases) expect(makeArticle({ ...c })).toStrictEqual(ArticleSchema.parse({ ...c }));
  });
  it("fails as ArticleSchema.parse fails, with its message", () => {
    const bad = [
      { id: "0123456789ABCDEF" },
      { file: "" },
      { title: "" },
      { title: "x".repeat(501) },
      { headline: "" },
      { source: "z".repeat(201) },
      { published: new Date(Number.NaN) },
      { url: "ftp://news.example.com/a" },
      { url: "http:news.example.com" },
      { tags: [""] },
      { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { paragraphs: [] },
      { paragraphs: [""] },
      { offsets: [-1] },
      { offsets: [1.5] },
      { order: -1 },
    ];
    for (const change of bad) {
      const zod = (() => {
        try {
          ArticleSchema.parse({ ...parts(), ...change });
          return "accepted";
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(zod).not.toBe("accepted");
      expect(() => makeArticle({ ...parts(), ...change })).toThrow(zod);
    }
  });
});

describe("metadataOfStrings", () => {
  const cases: Array<Record<string, string>> = [
    { title: "Council votes", source: "Courier", published: "2026-01-02T03:04:05Z", url: "https://news.example.com/a" },
    { headline: "Council votes", date: "Tue, 02 Jan 2026 03:04:05 GMT", tags: "politics, harbour ,, town" },
    { title: "x".repeat(500), source: "z".repeat(200), tags: Array.from({ length: 50 }, (_, i) => `t${i}`).join(",") },
    { title: "Council votes", extra: "ignored", author: "Ann Cole" },
    {},
    // Refused, as the schema refuses them:
    { title: "x".repeat(501) },
    { source: "z".repeat(201) },
    { published: "not a date" },
    { date: "2026-13-45" },
    { url: "ftp://news.example.com/a" },
    { url: "http:news.example.com" },
    { tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(",") },
    { tags: `${"t".repeat(101)}, b` },
    { title: "" },
  ];
  it("gives what MetadataSchema gives, and refuses what it refuses", () => {
    for (const raw of cases) {
      const zod = MetadataSchema.safeParse(raw);
      const ours = metadataOfStrings(raw);
      if (zod.success) expect(ours).toStrictEqual(zod.data);
      else expect(ours).toBeUndefined();
    }
    expect(cases.filter((raw) => metadataOfStrings(raw) === undefined)).toHaveLength(9);
  });
});
