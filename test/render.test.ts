import { describe, expect, it } from "vitest";
import { escapeText, payloadProblems, renderDiscord } from "../src/discord/render.js";
import { splitText } from "../src/discord/limits.js";
import { renderText } from "../src/console/render.js";
import type { Reply } from "../src/news/reply.js";

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
