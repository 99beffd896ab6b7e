import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_FLAGS } from "../src/runtime.js";
import { SEED_FILE } from "./support/seed.js";
import { ROOT, runEntry } from "./support/spawn.js";

interface Analyzed {
  articles: Array<{ file: string; id: string; title: string | null; headline: string; source: string; summary: string[]; quotes: Array<{ speaker: string | null; text: string; start: number; end: number }> }>;
}

describe("the one-shot CLI", () => {
  it("analyze --json gives the seed's four articles with exact quote offsets", async () => {
    const r = await runEntry("src/cli.ts", ["analyze", SEED_FILE, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Analyzed;
    expect(out.articles).toHaveLength(4);
    const text = readFileSync(SEED_FILE, "utf8");
    const [alaska, ...briefs] = out.articles;
    expect(alaska?.title).toBe("Trump and Putin to meet in Alaska for high-stakes summit on Ukraine ceasefire");
    expect(alaska?.source).toBe("ILKHA");
    expect(alaska?.summary).toHaveLength(3);
    expect(alaska?.quotes.map((q) => q.speaker)).toEqual(["Donald Trump", "Donald Trump", "Marco Rubio", "Marco Rubio", "Keir Starmer"]);
    for (const q of alaska?.quotes ?? []) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect("“\"").toContain(text[q.start - 1]);
    }
    for (const b of briefs) {
      expect(b.title).toBeNull();
      expect(b.headline.length).toBeGreaterThan(0);
      expect(b.quotes).toEqual([]);
    }
  });
  it("answers a command as JSON and as text", async () => {
    const json = await runEntry("src/cli.ts", ["quote", "Trump", "--json"], { env: { ARTICLES_DIR: `${ROOT}/seeds` } });
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { command: string; options: object; reply: { title: string; items: unknown[] } };
    expect(out.command).toBe("quote");
    expect(out.options).toEqual({ person: "Trump" });
    expect(out.reply.title).toBe("Donald Trump — 2 quotes");
    const text = await runEntry("src/cli.ts", ["headline", "--count", "2"], { env: { ARTICLES_DIR: `${ROOT}/seeds` } });
    expect(text.stdout).toMatch(/^Latest headlines\n/);
    expect(text.stdout).toMatch(/\(2 of 4 articles\)/);
  });
  it("exits 1 for an answer that is an error and 2 for bad usage", async () => {
    const bad = await runEntry("src/cli.ts", ["headline", "--count", "40", "--json"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ reply: { status: "invalid" } });
    const usage = await runEntry("src/cli.ts", ["weather"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown command "weather"/);
  });
});

describe("the bot process", () => {
  it("stops with exit code 2 and one message listing every configuration problem", async () => {
    const r = await runEntry("src/main.ts", [], { env: { DIGEST_TIMEZONE: "Nowhere/Land", LOG_LEVEL: "chatty", STORE_URL: "memory://" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^newsdesk: Invalid configuration:\n {2}- DIGEST_TIMEZONE.*\n {2}- LOG_LEVEL.*\n$/);
    expect(r.stdout).toBe("");
  });
  it("answers piped commands in console mode and exits 0 at the end of input", async () => {
    const r = await runEntry("src/main.ts", [], { env: { STORE_URL: "memory://" }, input: "/quote Trump\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Donald Trump — 2 quotes/);
    expect(r.stdout).toMatch(/We have a meeting with President Putin tomorrow/);
    expect(r.stderr).not.toContain("started without");
  });
  it("says so, and still answers, when node was started without the flags npm start gives it", async () => {
    const r = await runEntry("src/main.ts", [], { env: { STORE_URL: "memory://" }, input: "/quote Trump\n", nodeFlags: [] });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Donald Trump — 2 quotes/);
    expect(r.stderr).toContain("node was started without --no-regexp-tier-up --no-parallel-scavenge (npm start gives it): articles are analysed about a third slower; a large archive loads a little slower");
  });
});

describe("how node is started", () => {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  it("gives node its flags on the command line in every script that runs our code, and never sets them after start", () => {
    // V8's flags changed after start (v8.setFlagsFromString) crashed the process now and then: see src/runtime.ts.
    for (const name of ["start", "cli", "deploy-commands", "eval:quotes", "train:speakers", "eval:summaries", "bench:corpus", "bench"]) {
      expect(scripts[name], name).toContain(`tsx ${NODE_FLAGS.join(" ")} `);
    }
    const sources = ["src", "bench", "commands"].flatMap((d) => readdirSync(path.join(ROOT, d), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => path.join(ROOT, d, f)));
    expect(sources.length).toBeGreaterThan(20);
    for (const f of sources) expect(readFileSync(f, "utf8"), f).not.toMatch(/setFlagsFromString\s*\(/u);
  });
});
