import { describe, expect, it } from "vitest";
import type { Article } from "../src/news/article.js";
import { newestFirst } from "../src/news/corpus.js";
import { indexParts, indexTermsOf, type SearchHit, SearchIndex } from "../src/news/search.js";
import { runToEnd } from "../src/news/steps.js";

function article(id: string, headline: string, paragraphs: string[]): Article {
  return { id, file: "t.json", headline, title: headline, source: "Test", published: new Date("2025-08-15T00:00:00Z"), tags: [], paragraphs, offsets: paragraphs.map(() => null), order: 0 };
}

const docs = [
  article("a", "Harbour strike ends", ["Dock workers voted to end the strike on Monday. Ships began unloading.", "The union said wages would rise."]),
  article("b", "Orchard prices fall", ["Apple growers say prices fell again. A strike by pickers was avoided.", "Harbour exports of apples rose."]),
  article("c", "City council meets", ["The council discussed parking. No one mentioned the harbour."]),
];
const index = new SearchIndex(docs);

describe("the search index (BM25)", () => {
  it("ranks a word in the headline above the same word in the body", () => {
    const r = index.search("strike");
    expect(r.hits.map((h) => h.article.id)).toEqual(["a", "b"]);
    expect(r.total).toBe(2);
  });
  it("ranks articles matching more of the query words higher, rarer words weighing more", () => {
    expect(index.search("harbour apples").hits[0]?.article.id).toBe("b");
    // In the headline first; then the shorter text, where the one mention weighs more.
    expect(index.search("harbour").hits.map((h) => h.article.id)).toEqual(["a", "c", "b"]);
  });
  it("gives the sentence with the query words, and the lead when only the headline matches", () => {
    expect(index.search("pickers strike").hits.find((h) => h.article.id === "b")?.sentence).toBe("A strike by pickers was avoided.");
    expect(index.search("meets").hits[0]?.sentence).toBe("The council discussed parking.");
  });
  it("matches stems and ignores case, accents and stopwords; nothing for a query of stopwords", () => {
    expect(index.search("STRIKES").hits.map((h) => h.article.id)).toEqual(["a", "b"]);
    expect(index.search("the and of").hits).toEqual([]);
  });
  it("gives the articles containing every word of a topic, or null for no filter", () => {
    const ids = (topic: string) => index.newestAbout(topic, 10)?.articles.map((a) => a.id) ?? null;
    expect(ids("harbour strike")).toEqual(["a", "b"]);
    expect(ids("harbour parking")).toEqual(["c"]);
    expect(ids("the of")).toBeNull();
    expect(ids("zebra")).toEqual([]);
  });
  it("gives a topic's newest articles first with the count of all, and answers membership from the postings", () => {
    const about = index.newestAbout("harbour", 2);
    expect(about?.articles.map((a) => a.id)).toEqual(["a", "b"]);
    expect(about?.total).toBe(3);
    expect(index.newestAbout("the of", 2)).toBeNull();
    expect(index.newestAbout("zebra", 5)).toEqual({ articles: [], total: 0 });
    expect(index.isAbout("c", "harbour parking")).toBe(true);
    expect(index.isAbout("a", "harbour parking")).toBe(false);
    expect(index.isAbout("nope", "harbour")).toBe(false);
    expect(index.isAbout("a", "the of")).toBe(true);
  });
  it("keeps the best few of many matches exactly as a full ranking orders them", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocab = ["harbour", "strike", "budget", "vote", "storm", "court", "apple", "rail", "tunnel", "summit", "harbour", "strike"];
    const pick = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]).join(" ");
    // A rare word in about one article in twenty: queries with it skip scoring the common words' other articles.
    const many = Array.from({ length: 300 }, (_, i) =>
      article(`d${i}`, pick(3), [`${pick(4 + Math.floor(rnd() * 30))}${rnd() < 0.05 ? " kestrel" : ""}.`]),
    );
    const big = new SearchIndex(many);
    for (const query of ["harbour", "strike budget", "storm court rail", "summit", "kestrel harbour", "strike kestrel budget vote"]) {
      const all = big.search(query, many.length);
      const top = big.search(query, 5);
      expect(top.total).toBe(all.total);
      expect(top.hits.map((h) => h.article.id)).toEqual(all.hits.slice(0, 5).map((h) => h.article.id));
      // Best first; an equal score goes to the article earlier in the index (the newer one).
      for (let i = 1; i < all.hits.length; i++) {
        const [x, y] = [all.hits[i - 1] as SearchHit, all.hits[i] as SearchHit];
        expect(x.score > y.score || (x.score === y.score && many.indexOf(x.article) < many.indexOf(y.article))).toBe(true);
      }
      // Every matching article is counted: those holding any query word.
      const q = query.split(" ");
      expect(all.total).toBe(many.filter((a) => q.some((w) => `${a.headline} ${a.paragraphs.join(" ")}`.split(/\W+/).includes(w))).length);
    }
  });
  it("is the same built from parts made elsewhere (a worker) as built here", () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocab = ["harbour", "strike", "budget", "vote", "storm", "court", "apple", "rail", "tunnel", "summit", "kestrel"];
    const pick = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]).join(" ");
    const many = Array.from({ length: 120 }, (_, i) => article(`p${i}`, pick(3), [`${pick(5 + Math.floor(rnd() * 20))}.`, `${pick(4)}.`]));
    const parts = indexParts(
      many.map((a) => indexTermsOf(a)),
      many.map((a) => a.headline),
    );
    const made = runToEnd(SearchIndex.assemble(many, parts));
    const here = new SearchIndex(many);
    expect(made.covers(many)).toBe(true);
    expect(made.foldedHeadlines).toEqual(here.foldedHeadlines);
    expect(made.foldedHeadlines).toEqual(many.map((a) => a.headline.toLowerCase()));
    expect(made.covers(many.slice(1))).toBe(false);
    for (const q of ["harbour", "strike budget", "kestrel rail vote", "nothing"]) {
      expect(made.search(q, 7)).toEqual(here.search(q, 7));
      expect(made.newestAbout(q, 5)).toEqual(here.newestAbout(q, 5));
      expect(made.termMatches(q.split(" "))).toEqual(here.termMatches(q.split(" ")));
    }
    expect(here.search("strike budget", 7).hits.length).toBe(7);
    // Parts of another number of articles are refused.
    expect(() => SearchIndex.assemble(many.slice(1), parts).next()).toThrow(/parts of 120 articles for 119/);
  });
});

describe("newest first", () => {
  it("orders articles by date, newest first, equal dates in their given order", () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Few distinct dates, so that most articles share theirs with others; one before 1970.
    const days = ["2025-08-15", "2025-08-16", "2024-01-01", "1969-07-20", "2025-08-15T12:00:00Z"];
    const list = Array.from({ length: 200 }, (_, i) => ({ ...article(`n${i}`, "h", ["p."]), published: new Date(days[Math.floor(rnd() * days.length)] as string) }));
    const expected = list
      .map((a, i) => ({ a, i }))
      .sort((x, y) => y.a.published.getTime() - x.a.published.getTime() || x.i - y.i)
      .map((x) => x.a.id);
    expect(newestFirst(list).map((a) => a.id)).toEqual(expected);
    expect(newestFirst([])).toEqual([]);
  });
});
