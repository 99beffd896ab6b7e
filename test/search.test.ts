import { describe, expect, it } from "vitest";
import type { Article } from "../src/news/article.js";
import { SearchIndex } from "../src/news/search.js";

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
    expect([...(index.containingAll("harbour strike") ?? [])].sort()).toEqual(["a", "b"]);
    expect([...(index.containingAll("harbour parking") ?? [])]).toEqual(["c"]);
    expect(index.containingAll("the of")).toBeNull();
    expect([...(index.containingAll("zebra") ?? [])]).toEqual([]);
  });
});
