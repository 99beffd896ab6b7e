import { describe, expect, it } from "vitest";
import { Corpus } from "../src/news/corpus.js";
import { parseArticleFile } from "../src/news/parse.js";
import { extractQuotes, quoteSpans } from "../src/news/quotes.js";
import { seedArticles } from "./support/seed.js";

const q = (...paragraphs: string[]) => extractQuotes(paragraphs).map((x) => [x.speaker, x.text]);

describe("quote extraction", () => {
  it("finds “Q,” X said / said X / X noted / he added", () => {
    expect(q("“We will win this fight together,” Trump said.")).toEqual([["Trump", "We will win this fight together"]]);
    expect(q("“We will win this fight,” said Rubio.")).toEqual([["Rubio", "We will win this fight"]]);
    expect(q("“There is much to discuss here,” Rubio noted.")).toEqual([["Rubio", "There is much to discuss here"]]);
    expect(q("Mr. Trump spoke first. “We will win this,” he added.")).toEqual([["Trump", "We will win this"]]);
  });
  it("finds X said: “Q”, X said that “Q”, and participles with that", () => {
    expect(q("Rubio said: “We have to get there fast.”")).toEqual([["Rubio", "We have to get there fast."]]);
    expect(q("Leaders agreed, with Starmer emphasizing that “borders must not be changed.”")).toEqual([["Starmer", "borders must not be changed."]]);
  });
  it("strips titles and uses the article's fullest name", () => {
    expect(q("President Donald Trump arrived.", "“It will be a good meeting,” President Trump said.")).toEqual([["Donald Trump", "It will be a good meeting"]]);
  });
  it("gives a pronoun to the last named speaker", () => {
    expect(q("“First thing to say,” Rubio said. “Second thing to say,” he added.")).toEqual([
      ["Rubio", "First thing to say"],
      ["Rubio", "Second thing to say"],
    ]);
  });
  it("skips scare quotes of fewer than three words", () => {
    expect(q("He called it “critical” and a “listening exercise” for all.")).toEqual([]);
  });
  it("handles straight quotation marks", () => {
    expect(q('"We are ready for the vote," Pelosi said.')).toEqual([["Pelosi", "We are ready for the vote"]]);
  });
  it("leaves a quotation without an attribution unattributed", () => {
    expect(q("“Nobody knows what happens next here.”")).toEqual([[null, "Nobody knows what happens next here."]]);
  });
  it("pairs marks and leaves apostrophes alone", () => {
    expect(quoteSpans("It’s “one two three” and ‘four’.")).toEqual([{ open: 5, close: 19 }]);
  });
});

describe("quotes in the seed", () => {
  const corpus = new Corpus(seedArticles());
  const by = (name: string) => corpus.findPeople(name).flatMap((p) => p.quotes.map((x) => x.text));
  it("gives Trump exactly his two quotes", () => {
    const t = by("Trump");
    expect(t).toHaveLength(2);
    expect(t[0]).toMatch(/^We have a meeting with President Putin tomorrow\./);
    expect(t[1]).toMatch(/^We’re going to have a meeting with President Putin, President Zelenskyy, myself/);
  });
  it("gives Rubio his two full quotes and Starmer his one", () => {
    expect(by("rubio")).toEqual([
      "They’re going very fast because this was put together very quickly, and it’s in Alaska, so we’ve got to get there",
      "I think we all recognize that there’ll have to be some conversation about security guarantees. There’ll have to be some conversation about, you know, territorial disputes and claims and what they’re fighting over",
    ]);
    expect(by("Starmer")).toEqual(["international borders cannot be, and must not be, changed by force."]);
  });
  it("knows Putin is mentioned but never quoted", () => {
    const putin = corpus.findPeople("Putin");
    expect(putin.map((p) => p.name)).toEqual(["Vladimir Putin"]);
    expect(putin[0]?.quotes).toHaveLength(0);
    expect(putin[0]?.articles.size).toBe(1);
  });
  it("merges President Donald Trump, President Trump and Trump into one person", () => {
    const trump = corpus.findPeople("donald");
    expect(trump).toHaveLength(1);
    expect(trump[0]?.name).toBe("Donald Trump");
    expect(trump[0]?.articles.size).toBe(2);
  });
  it("finds people by any part of the name, ignoring case and accents", () => {
    expect(corpus.findPeople("MARCO").map((p) => p.name)).toEqual(["Marco Rubio"]);
    expect(corpus.findPeople("Zelénskyy").map((p) => p.name)).toEqual(["Volodymyr Zelenskyy"]);
  });
  it("keeps two people with one surname apart and gives a bare surname to the one in that article", () => {
    const file = (name: string, text: string) => parseArticleFile({ name, text, mtime: new Date(0) }).articles;
    const c = new Corpus([
      ...file("a.txt", "Title A\n\nFormer President Bill Clinton spoke.\n\n“We need more jobs now,” Clinton said."),
      ...file("b.txt", "Title B\n\nHillary Clinton campaigned.\n\n“I will fight for you,” Clinton said."),
    ]);
    expect(c.findPeople("Bill").flatMap((p) => p.quotes.map((x) => x.text))).toEqual(["We need more jobs now"]);
    expect(c.findPeople("Hillary").flatMap((p) => p.quotes.map((x) => x.text))).toEqual(["I will fight for you"]);
    expect(c.findPeople("Clinton")).toHaveLength(2);
  });
});
