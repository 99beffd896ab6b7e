/**
 * A large archive loads on worker threads while Discord connects: meanwhile the bot is on the gateway and answers
 * every command "still loading" (privately, within Discord's 3 seconds), autocomplete offers nothing, and once the
 * articles are in it answers as usual — the same corpus as a load in one thread.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/corpus.js";
import { buildCorpus } from "../src/corpus/build.js";
import { loadArticles } from "../src/corpus/load.js";
import { loadCorpus, PARALLEL_FROM_FILES } from "../src/corpus/parallel.js";
import { start, type RunningBot } from "../src/main.js";
import { Corpus } from "../src/news/corpus.js";
import { summarize } from "../src/news/summary.js";
import { DiscordEmulator } from "./support/emulator/index.js";
import { memoryLogger } from "./support/streams.js";

let dir: string;
let articles: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-loading-"));
  articles = path.join(dir, "articles");
  // About 2,700 files: enough for the loading workers (from 2,500 files).
  await generateCorpus({ articles: 3000, out: articles, seed: 7 });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loading a large archive", () => {
  it("gives the same articles, quotes and people on worker threads as in one thread", async () => {
    const progress: number[] = [];
    const cacheDir = path.join(dir, "cache");
    // The search index built on a worker too (as from 20,000 articles).
    const parallel = await loadCorpus(articles, { workers: 2, cacheDir, summaries: true, indexWorkerFrom: 1000, onProgress: (p) => progress.push(p.done) });
    const single = await loadArticles(articles);
    const one = new Corpus(single.articles);
    expect(parallel.loaded.files).toBeGreaterThanOrEqual(PARALLEL_FROM_FILES);
    expect(parallel.workers).toBe(2);
    expect(parallel.loaded.articles.map((a) => a.id)).toEqual(single.articles.map((a) => a.id));
    expect(parallel.loaded.skipped).toEqual(single.skipped);
    expect(parallel.loaded.duplicates).toBe(single.duplicates);
    expect(parallel.corpus.size).toBe(one.size);
    const people = (c: Corpus) => [...c.people.values()].map((p) => `${p.key}:${p.quotes.length}:${p.reported.length}:${p.articles.size}`).sort();
    expect(people(parallel.corpus)).toEqual(people(one));
    // The same quotes, word for word, and the same search index.
    const quotes = (c: Corpus) => c.articles.map((a) => c.quotesOf(a.id).map((q) => [q.person, q.text]));
    expect(quotes(parallel.corpus)).toEqual(quotes(one));
    const queries = ["election campaign", "minister", "said the", "budget vote"];
    const answers = (c: Corpus) =>
      queries.map((q) => [c.search(q, 10), c.mentions(q), c.newestAbout(q, 5).articles.map((a) => a.id), c.findArticle(q), c.searchHeadlines(q.slice(0, 5)).map((a) => a.id)]);
    expect(answers(parallel.corpus)).toEqual(answers(one));
    expect(one.search("election campaign", 10).hits.length).toBeGreaterThan(0);
    // Progress rises to the number of files.
    expect(progress.at(-1)).toBe(parallel.loaded.files);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // After the load, a worker made every article's summaries (duplicates too), the same as summarize's.
    expect(await parallel.summarised).toBe(parallel.loaded.articles.length + parallel.loaded.duplicates);
    const summaries = (c: Corpus) => c.articles.map((a) => [c.hasSummaries(a.id), c.summary(a, "short"), c.summary(a, "medium"), c.summary(a, "long"), c.sentenceCount(a)]);
    const made = (c: Corpus) => c.articles.map((a) => [true, ...[1, 3, 5].map((n) => summarize(a.paragraphs, n).map((u) => u.text)), unitsCount(a.paragraphs)]);
    const unitsCount = (paragraphs: readonly string[]) => summarize(paragraphs, Number.MAX_SAFE_INTEGER).length;
    expect(summaries(parallel.corpus)).toEqual(made(one));
    // The workers' analyses were cached, and the summaries: loading again reads no file and gives the same.
    await parallel.saved;
    const again = await loadCorpus(articles, { workers: 2, cacheDir, summaries: true, indexWorkerFrom: 1000 });
    expect(again.corpus.articles.every((a) => again.corpus.hasSummaries(a.id))).toBe(true);
    expect(await again.summarised).toBe(0);
    expect(summaries(again.corpus)).toEqual(made(one));
    expect(again.cached).toBe(parallel.loaded.files);
    expect(again.workers).toBe(0);
    expect(again.loaded.skipped).toEqual(single.skipped);
    expect(people(again.corpus)).toEqual(people(one));
    expect(answers(again.corpus)).toEqual(answers(one));
  }, 120_000);

  it("fails as stopped, with nothing left unhandled, when the search index made elsewhere fails before the rest is built", async () => {
    const single = await loadArticles(articles);
    // Rejected at once, while the corpus takes many steps (and turns of the event loop) to reach it.
    const stopped = Promise.reject(new Error("loading stopped"));
    await expect(buildCorpus(single.articles, {}, stopped)).rejects.toThrow("loading stopped");
  }, 60_000);

  it("stops making summaries when told, says so, and still writes the cache", async () => {
    const stop = new AbortController();
    const errors: Error[] = [];
    const cacheDir = path.join(dir, "cache-stopped");
    const r = await loadCorpus(articles, { workers: 2, cacheDir, summaries: true, signal: stop.signal, onSummariesError: (e) => errors.push(e) });
    stop.abort();
    expect(await r.summarised).toBe(0);
    expect(errors.map((e) => e.message)).toEqual(["loading stopped"]);
    await r.saved;
    // The analyses are cached; the summaries are made when asked for.
    const again = await loadCorpus(articles, { cacheDir });
    expect(again.cached).toBe(r.loaded.files);
    const a = again.corpus.articles[0];
    if (a === undefined) throw new Error("no articles");
    expect(again.corpus.hasSummaries(a.id)).toBe(false);
    expect(again.corpus.summary(a, "medium")).toEqual(summarize(a.paragraphs, 3).map((u) => u.text));
  }, 120_000);

  it("answers 'still loading' on Discord until the articles are in, then answers as usual", async () => {
    const emu = await new DiscordEmulator().start();
    const { log } = memoryLogger("warn");
    const env = {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      DISCORD_GUILD_ID: emu.guilds[0]?.id ?? "",
      STORE_URL: "memory://",
      ARTICLES_DIR: articles,
    };
    let bot: RunningBot | undefined;
    const starting = start({ env, log, schedule: false }).then((b) => (bot = b));
    try {
      await emu.waitFor(() => emu.connected() && emu.registered(emu.guilds[0]?.id).length > 0, 30_000, "the bot on the gateway");
      expect(bot, "the load finished before Discord connected: the test needs a larger archive").toBeUndefined();
      // Until the folder is listed the answer has no count; after, it says how far the load is. Ask until it does.
      let counted: string | undefined;
      for (let tries = 0; tries < 50 && counted === undefined && bot === undefined; tries++) {
        const m = await emu.answer(emu.interact({ name: "headline" }));
        if (bot !== undefined) break;
        expect((m.embeds[0] as { title?: string }).title).toBe("Still loading the news");
        expect(m.flags & 64).toBe(64);
        const description = (m.embeds[0] as { description?: string }).description ?? "";
        if (/\(\d/.test(description)) counted = description;
        else {
          expect(description).toBe("newsdesk has just started and is reading its articles. Try again in a moment.");
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      expect(counted, "no 'still loading' answer said how far the load was").toMatch(/\(\d[\d,]* of 2,\d{3} files, \d+%\)/);
      const ac = emu.interact({ name: "quote", options: { person: "a" }, focused: "person" });
      await emu.waitFor(() => ac.choices, 5000, "autocomplete");
      expect(ac.choices).toEqual([]);
      await starting;
      const later = emu.interact({ name: "headline" });
      const answer = await emu.answer(later);
      expect((answer.embeds[0] as { title?: string }).title).not.toBe("Still loading the news");
      expect(answer.flags & 64).toBe(0);
    } finally {
      await starting.catch(() => undefined);
      await bot?.stop();
      await emu.stop();
    }
  }, 120_000);
});
