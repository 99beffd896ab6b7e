import { describe, expect, it } from "vitest";
import { commands, findCommand } from "../commands/index.js";
import { OWNER_CONTEXT, type CommandInput } from "../commands/index.js";
import type { Article } from "../src/news/article.js";
import { itemSize, PAGE_LIMITS, pages as split, type Reply, type ReplyItem } from "../src/news/reply.js";
import { services } from "./support/seed.js";

const svc = services();
async function run(name: string, input: CommandInput = {}, s = svc): Promise<Reply> {
  const c = findCommand(name);
  if (!c) throw new Error(`no command ${name}`);
  return c.execute(input, s, OWNER_CONTEXT);
}

describe("command definitions", () => {
  it("are valid, unique and within Discord's limits", () => {
    const names = new Set<string>();
    for (const c of commands) {
      const json = c.data.toJSON();
      expect(json.name).toMatch(/^[-_'\p{Ll}\p{N}]{1,32}$/u);
      expect(names.has(json.name)).toBe(false);
      names.add(json.name);
      expect(json.description.length).toBeGreaterThan(0);
      expect(json.description.length).toBeLessThanOrEqual(100);
      for (const o of json.options ?? []) {
        expect(o.name).toMatch(/^[-_'\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
    expect([...names]).toEqual(["headline", "summary", "quote", "search", "digest", "feeds"]);
  });
});

describe("/headline", () => {
  it("lists the four seed headlines, Alaska first", async () => {
    const r = await run("headline");
    expect(r.status).toBe("ok");
    expect(r.items).toHaveLength(4);
    expect(r.items[0]?.heading).toBe("Trump and Putin to meet in Alaska for high-stakes summit on Ukraine ceasefire");
    expect(r.items[0]?.meta).toBe("ILKHA · 15 Aug 2025");
  });
  it("honours count and topic", async () => {
    expect((await run("headline", { count: 2 })).items).toHaveLength(2);
    const flood = await run("headline", { topic: "flood" });
    expect(flood.items.map((i) => i.heading)).toEqual(["Catastrophic flash flood and landslide struck village of Chasoti"]);
  });
  it("explains a bad count ephemerally", async () => {
    for (const count of [0, 11, 2.5]) {
      const r = await run("headline", { count });
      expect(r.status).toBe("invalid");
      expect(r.ephemeral).toBe(true);
      expect(r.intro).toMatch(/count/);
    }
    expect((await run("headline", { count: "many" })).intro).toMatch(/`count` must be a number/);
  });
  it("orders by date, newest first", async () => {
    const base = svc.corpus.articles;
    const older = base.map((a, i) => ({ ...a, published: new Date(Date.UTC(2025, 0, 1 + i)) }));
    const r = await run("headline", {}, services(older));
    expect(r.items[0]?.heading).toBe(older[3]?.headline);
  });
});

describe("/summary", () => {
  it("summarises the newest article in three sentences by default", async () => {
    const r = await run("summary");
    expect(r.title).toMatch(/^Trump and Putin to meet in Alaska/);
    expect(r.footer).toMatch(/^3 of \d+ sentences$/);
  });
  it("finds an article by a word of its headline, with a length", async () => {
    const r = await run("summary", { article: "Alaska", length: "short" });
    expect(r.footer).toMatch(/^1 of /);
    const flood = await run("summary", { article: "Chasoti" });
    expect(flood.title).toMatch(/flash flood/);
  });
  it("finds an article by id (what autocomplete sends)", async () => {
    const id = svc.corpus.articles[2]?.id ?? "";
    expect((await run("summary", { article: id })).title).toBe(svc.corpus.articles[2]?.headline);
  });
  it("answers an unknown article ephemerally with the closest matches", async () => {
    const r = await run("summary", { article: "zzzz qqqq" });
    expect(r.status).toBe("not_found");
    expect(r.ephemeral).toBe(true);
    expect(r.items.length).toBeGreaterThan(0);
  });
  it("autocompletes over headlines, with ids as values", async () => {
    const c = findCommand("summary");
    const choices = (await c?.autocomplete?.("article", "gaz", svc)) ?? [];
    expect(choices).toHaveLength(1);
    expect(choices[0]?.name).toMatch(/Gaza/);
    expect(choices[0]?.value).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("/quote", () => {
  it("shows exactly Trump's two quotes", async () => {
    const r = await run("quote", { person: "Trump" });
    expect(r.title).toBe("Donald Trump — 2 quotes");
    expect(r.items.map((i) => i.body.slice(0, 40))).toEqual([
      "We have a meeting with President Putin t",
      "We’re going to have a meeting with Presi",
    ]);
  });
  it("says plainly that Putin is mentioned but never quoted", async () => {
    const r = await run("quote", { person: "Putin" });
    expect(r.intro).toBe("No direct quotes from Vladimir Putin in the 4 loaded articles (mentioned in 1).");
  });
  it("answers a typo for the one close speaker, and says so", async () => {
    const r = await run("quote", { person: "Trmp" });
    expect(r.status).toBe("ok");
    expect(r.title).toBe("Donald Trump — 2 quotes");
    expect(r.intro).toBe("No one called “Trmp”; showing Donald Trump, the closest name.");
  });
  it("says when the closest name has only reported speech, and when a name is far from everyone", async () => {
    const r = await run("quote", { person: "Zelinsky" });
    expect(r.status).toBe("empty");
    expect(r.ephemeral).toBe(true);
    expect(r.intro).toBe(
      "No one called “Zelinsky”; showing Volodymyr Zelenskyy, the closest name.\nNo direct quotes from Volodymyr Zelenskyy in the 4 loaded articles (mentioned in 1).\n1 reported statement: add include:paraphrase to see it.",
    );
    const far = await run("quote", { person: "Qwxyz" });
    expect(far.status).toBe("not_found");
    expect(far.intro).toBe("No one of that name appears in the 4 loaded articles.");
  });
  it("lists reported speech only when asked, after the direct quotes and marked as such", async () => {
    const plain = await run("quote", { person: "Rubio" });
    expect(plain.items.every((i) => i.quote === true)).toBe(true);
    const r = await run("quote", { person: "Rubio", include: "paraphrase" });
    expect(r.title).toMatch(/^Marco Rubio — 2 quotes, \d+ reported statements?$/);
    const kinds = r.items.map((i) => (i.quote === true ? "quote" : "reported"));
    expect(kinds.slice(0, 2)).toEqual(["quote", "quote"]);
    expect(kinds.slice(2).every((k) => k === "reported")).toBe(true);
    expect(kinds.length).toBeGreaterThan(2);
    for (const i of r.items.slice(2)) expect(i.meta).toMatch(/^Reported speech, not a direct quote · /);
    const bad = await run("quote", { person: "Rubio", include: "everything" });
    expect(bad.status).toBe("invalid");
    expect(bad.intro).toBe("`include` can only be `paraphrase` (reported speech too)");
  });
  it("pages a long list exactly as its items' sizes allow, however many quotes (only the shown page is made)", async () => {
    // Quotes of 300 to 900 characters: most pages end at the character limit, where a size one character off shows.
    const filler = (i: number) => Array.from({ length: 40 + ((i * 53) % 97) }, (_, k) => `word${(i + k) % 17}`).join(" ");
    const articles: Article[] = Array.from({ length: 120 }, (_, i) => ({
      id: `lind-${i}`,
      file: "lind.json",
      headline: `Harbour report number ${i}${"!".repeat(i % 7)}`,
      title: `Harbour report number ${i}`,
      source: i % 2 === 0 ? "Wire" : "The Northern Harbour Gazette",
      published: new Date(Date.UTC(2025, 0, 1 + i, (i * 5) % 24)),
      tags: [],
      paragraphs: [
        `“We will open the harbour ${filler(i)},” Mara Lind said on Monday.`,
        `“The ships are waiting ${filler(i + 3)},” Oskar Lind said.`,
        `Mara Lind said that the ${filler(i + 5)} was late.`,
      ],
      offsets: [null, null, null],
      order: i,
    }));
    const s = services(articles);
    const inputs: Array<{ person: string; include?: string; topic?: string }> = [
      { person: "Mara Lind" },
      { person: "Lind" },
      { person: "Mara Lind", include: "paraphrase" },
      // With a topic, each item is measured as it comes.
      { person: "Lind", topic: "harbour", include: "paraphrase" },
    ];
    for (const input of inputs) {
      const first = await run("quote", input, s);
      expect(first.status).toBe("ok");
      const pages = first.paging?.pages ?? 1;
      expect(pages).toBeGreaterThan(3);
      const seen: string[] = [];
      const onPage: ReplyItem[][] = [];
      for (let n = 1; n <= pages; n++) {
        const r = await run("quote", { ...input, page: n }, s);
        expect(r.paging?.page).toBe(n);
        onPage.push(r.items);
        seen.push(...r.items.map((i) => `${i.meta} ${i.body}`));
      }
      expect(new Set(seen).size).toBe(first.paging?.total);
      // The sizes made at load for one person's quotes are those of the items shown.
      const all = onPage.flat();
      if (input.person === "Mara Lind") {
        const person = s.corpus.findPeople("Mara Lind")[0];
        const ready = person === undefined ? undefined : s.corpus.quoteItemSizes(person);
        const reported = "Reported speech, not a direct quote · ".length;
        expect(all.map((i) => itemSize(i))).toEqual([...(ready?.quotes ?? []), ...(input.include === undefined ? [] : [...(ready?.reported ?? [])].map((n) => n + reported))]);
      }
      // And the pages are where the items' sizes put them.
      expect(onPage.map((p) => p.length)).toEqual(split(all).map((p) => p.length));
      onPage.forEach((items, k) => {
        const size = items.reduce((n, i) => n + itemSize(i), 0);
        // Within the limits (or one item alone)…
        expect(items.length).toBeLessThanOrEqual(PAGE_LIMITS.items);
        if (items.length > 1) expect(size).toBeLessThanOrEqual(PAGE_LIMITS.chars);
        // …and full: the next page's first item did not fit on this one.
        const next = onPage[k + 1]?.[0];
        if (next !== undefined) expect(items.length === PAGE_LIMITS.items || size + itemSize(next) > PAGE_LIMITS.chars).toBe(true);
      });
    }
  });
  it("explains a bad page ephemerally", async () => {
    const r = await run("quote", { person: "Rubio", page: 0 });
    expect(r.status).toBe("invalid");
    expect(r.ephemeral).toBe(true);
    expect(r.intro).toBe("`page` must be a whole number from 1");
  });
  it("filters by topic", async () => {
    expect((await run("quote", { person: "Rubio", topic: "Alaska" })).items).toHaveLength(2);
    const none = await run("quote", { person: "Rubio", topic: "flood" });
    expect(none.status).toBe("empty");
  });
  it("requires a person", async () => {
    const r = await run("quote", { person: "   " });
    expect(r.status).toBe("invalid");
    expect(r.intro).toMatch(/person/);
  });
  it("autocompletes known speakers with their quote counts", async () => {
    const c = findCommand("quote");
    const all = (await c?.autocomplete?.("person", "", svc)) ?? [];
    expect(all.map((x) => x.name)).toEqual(["Donald Trump (2 quotes)", "Marco Rubio (2 quotes)", "Keir Starmer (1 quote)"]);
    const ru = (await c?.autocomplete?.("person", "ru", svc)) ?? [];
    expect(ru).toEqual([{ name: "Marco Rubio (2 quotes)", value: "Marco Rubio" }]);
  });
});

describe("/summary topic", () => {
  it("summarises the article that best matches the topic", async () => {
    const r = await run("summary", { topic: "flood Kashmir", length: "short" });
    expect(r.title).toMatch(/flash flood/);
    expect(r.footer).toMatch(/^1 of /);
  });
  it("says so when no article is about the topic, or the chosen article is not", async () => {
    const none = await run("summary", { topic: "zzzz volcano" });
    expect(none.status).toBe("empty");
    expect(none.ephemeral).toBe(true);
    expect(none.title).toBe("No article about “zzzz volcano”");
    const mismatch = await run("summary", { article: "Chasoti", topic: "Putin" });
    expect(mismatch.status).toBe("empty");
    expect(mismatch.title).toMatch(/is not about “Putin”/);
    const both = await run("summary", { article: "Alaska", topic: "Putin" });
    expect(both.status).toBe("ok");
  });
});

describe("/search", () => {
  it("finds articles by words in headline or body, best first, with the matching sentence", async () => {
    const r = await run("search", { query: "Zelenskyy security guarantees" });
    expect(r.status).toBe("ok");
    expect(r.title).toBe("Search: “Zelenskyy security guarantees”");
    expect(r.items[0]?.heading).toMatch(/^Trump and Putin to meet in Alaska/);
    expect(r.items[0]?.body).toMatch(/security guarantees/i);
    expect(r.footer).toMatch(/^1 of 1 matching article, best first$/);
  });
  it("ranks rarer and more matching words higher, and shows at most five", async () => {
    const r = await run("search", { query: "Trump troops capital" });
    expect(r.items[0]?.heading).toMatch(/National Guard troops/);
    expect(r.items.length).toBeLessThanOrEqual(5);
    expect(r.items.map((i) => i.heading)).toContain(svc.corpus.articles[0]?.headline);
  });
  it("explains a missing or empty query and a search with no match ephemerally", async () => {
    for (const input of [{}, { query: "   " }]) {
      const r = await run("search", input);
      expect(r.status).toBe("invalid");
      expect(r.ephemeral).toBe(true);
      expect(r.intro).toMatch(/`query` is required/);
    }
    const none = await run("search", { query: "qwxyz" });
    expect(none.status).toBe("empty");
    expect(none.ephemeral).toBe(true);
    expect(none.title).toBe("No articles match “qwxyz”");
  });
});

describe("/digest", () => {
  it("gives one item per story and a quote of the day of at least eight words", async () => {
    const r = await run("digest", { subcommand: "preview" });
    expect(r.title).toBe("News digest — 2025-08-15");
    expect(r.items).toHaveLength(5);
    const quote = r.items[4];
    expect(quote?.heading).toBe("Quote of the day");
    expect(quote?.body.split(/\s+/).length).toBeGreaterThanOrEqual(8);
    for (const story of r.items.slice(0, 4)) expect(story.body.length).toBeGreaterThan(0);
  });
});

describe("with no articles", () => {
  it("every command says plainly that nothing is loaded", async () => {
    const empty = services([]);
    for (const [name, input] of [["headline", {}], ["summary", {}], ["quote", { person: "Trump" }], ["search", { query: "Alaska" }], ["digest", { subcommand: "preview" }]] as const) {
      const r = await run(name, input, empty);
      expect(r.status).toBe("empty");
      expect(r.title).toBe("No articles are loaded");
    }
  });
});
