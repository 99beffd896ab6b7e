import { describe, expect, it } from "vitest";
import { escapeText, pageButtons, parsePageCustomId, payloadProblems, renderDiscord } from "../src/discord/render.js";
import { splitText } from "../src/discord/limits.js";
import { renderText } from "../src/console/render.js";
import { pageOf, type Reply, type ReplyItem } from "../src/news/reply.js";

const long = (n: number, word = "word") => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");

function check(reply: Reply) {
  const payloads = renderDiscord(reply);
  for (const p of payloads) expect(payloadProblems(p)).toEqual([]);
  return payloads;
}

describe("rendering for Discord", () => {
  it("splits a body far over one embed into several embeds and messages, losing nothing", () => {
    const body = long(6000); // ~50,000 characters
    const payloads = check({ status: "ok", ephemeral: false, title: "T", items: [{ heading: "H", body }] });
    expect(payloads.length).toBeGreaterThan(1);
    const joined = payloads.flatMap((p) => p.embeds.map((e) => e.description ?? "")).join(" ");
    expect(joined.replace(/\s+/g, " ")).toContain("word0 word1");
    expect(joined).toContain("word5999");
    expect(joined.split(/\s+/).filter((w) => /^word\d+$/.test(w))).toHaveLength(6000);
  });
  it("keeps many items within 10 embeds and 6000 characters per message", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ heading: `Story ${i} ${"x".repeat(300)}`, body: long(300), meta: "m".repeat(3000) }));
    const payloads = check({ status: "ok", ephemeral: false, title: "x".repeat(1000), intro: long(2000), items, footer: "f".repeat(5000) });
    expect(payloads.length).toBeGreaterThan(4);
  });
  it("splits a word longer than an embed without breaking a surrogate pair", () => {
    const body = "😀".repeat(5000);
    const payloads = check({ status: "ok", ephemeral: false, title: "T", items: [{ heading: "H", body }] });
    for (const p of payloads) for (const e of p.embeds) expect(e.description ?? "").not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
  it("pings nobody and marks ephemeral replies", () => {
    const [p] = check({ status: "invalid", ephemeral: true, title: "Bad", items: [] });
    expect(p?.allowedMentions).toEqual({ parse: [] });
    expect(p?.flags).toBe(64);
  });
  it("escapes markdown and defuses mentions in article text", () => {
    expect(escapeText("**bold** @everyone <@123> <@&456> `code` [x](http://y)")).toBe(
      "\\*\\*bold\\*\\* @\u200beveryone <\u200b@123> <\u200b@&456> \\`code\\` \\[x\\](http://y)",
    );
    const [p] = check({ status: "ok", ephemeral: false, title: "@here", items: [{ heading: "# h", body: "> quote\n- item" }] });
    const text = JSON.stringify(p);
    expect(text).not.toMatch(/@here/);
    expect(p?.embeds[1]?.description).toBe("\\> quote\n\\- item");
  });
  it("lists headline items in one embed", () => {
    const payloads = check({ status: "ok", ephemeral: false, title: "Latest", items: [{ heading: "A", body: "", meta: "S · d" }, { heading: "B", body: "" }] });
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.embeds).toHaveLength(1);
    expect(payloads[0]?.embeds[0]?.description).toBe("**1.** **A**\n-# S · d\n**2.** **B**");
  });
});

describe("splitText", () => {
  it("never returns a piece over the limit and keeps all words", () => {
    const text = long(3000);
    const pieces = splitText(text, 1000);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(1000);
    expect(pieces.join(" ")).toBe(text);
  });
});

describe("rendering for the console", () => {
  it("shows title, items, quotes and meta as plain text", () => {
    const text = renderText({ status: "ok", ephemeral: false, title: "Donald Trump — 1 quote", items: [{ heading: "Headline", body: "We will win", quote: true, meta: "ILKHA · 15 Aug 2025" }] });
    expect(text).toBe("Donald Trump — 1 quote\n======================\n1. Headline\n   “We will win”\n   — ILKHA · 15 Aug 2025");
  });
});

describe("pages", () => {
  const quote = (i: number, words = 30): ReplyItem => ({ heading: `Headline ${i}`, body: long(words, `q${i}w`), quote: true, meta: "Wire · 1 Jan 2025" });
  it("puts every item on exactly one page, each page one message, with buttons on it", () => {
    const items = Array.from({ length: 53 }, (_, i) => quote(i, 20 + ((i * 37) % 400)));
    const first = pageOf(items, 1);
    const pages = first.paging?.pages ?? 0;
    expect(pages).toBeGreaterThan(5);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const page = pageOf(items, n);
      seen.push(...page.items.map((i) => i.heading));
      const reply: Reply = { status: "ok", ephemeral: false, title: "Someone — 53 quotes", items: page.items, ...(page.paging ? { paging: page.paging, footer: page.footer } : {}) };
      const payloads = renderDiscord(reply, { pageToken: "0123456789abcdef" });
      expect(payloads).toHaveLength(1);
      expect(payloadProblems(payloads[0] as never)).toEqual([]);
      expect(payloads[0]?.components?.[0]?.components.map((b) => b.label)).toEqual(["◀ Previous", `Page ${n} of ${pages}`, "Next ▶"]);
    }
    expect(seen).toEqual(items.map((i) => i.heading));
    // Past the end: the last page.
    expect(pageOf(items, 999).paging?.page).toBe(pages);
    // A list that fits one page has no paging at all.
    expect(pageOf(items.slice(0, 3), 1).paging).toBeUndefined();
  });
  it("gives each button a distinct custom id within 100 characters that names its page", () => {
    const row = pageButtons("0123456789abcdef", 2, 5);
    const ids = row.components.map((b) => b.custom_id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(ids.map((id) => parsePageCustomId(id)?.page)).toEqual([1, 2, 3]);
    expect(parsePageCustomId("other:thing")).toBeNull();
    expect(row.components.map((b) => b.disabled === true)).toEqual([false, true, false]);
    expect(pageButtons("t", 1, 5).components[0]?.disabled).toBe(true);
    expect(pageButtons("t", 5, 5).components[2]?.disabled).toBe(true);
  });
  it("adds no buttons without a token, and the console says how to see more", () => {
    const items = Array.from({ length: 20 }, (_, i) => quote(i));
    const page = pageOf(items, 1);
    const reply: Reply = { status: "ok", ephemeral: false, title: "T", items: page.items, ...(page.paging ? { paging: page.paging, footer: page.footer } : {}) };
    expect(renderDiscord(reply).every((p) => p.components === undefined)).toBe(true);
    expect(renderText(reply)).toContain("(Page 1 of 3 — add page:2 for more)");
  });
});
