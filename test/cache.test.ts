/**
 * The analysis cache: a second load of an unchanged folder reads no article file and gives the same corpus; a
 * changed, added or removed file is read again (or dropped); a damaged bucket or one from other code is ignored;
 * a cache that cannot be written leaves the load whole.
 */
import { readdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCorpus } from "../bench/corpus.js";
import { bucketOf, codeVersion } from "../src/corpus/cache.js";
import type { FileEntry } from "../src/corpus/entries.js";
import { loadCorpus, type LoadedCorpus } from "../src/corpus/parallel.js";
import { cacheDirOf, loadConfig } from "../src/config.js";
import type { Corpus } from "../src/news/corpus.js";

let dir: string;
let articles: string;
let cacheDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-cache-"));
  articles = path.join(dir, "articles");
  cacheDir = path.join(dir, "cache");
  await generateCorpus({ articles: 60, out: articles, seed: 3 });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Everything a command could answer from: articles, people with their quotes, and a search. */
function fingerprint(c: Corpus): unknown {
  return {
    articles: c.articles.map((a) => `${a.id}:${a.headline}`),
    people: [...c.people.values()].map((p) => `${p.key}|${p.name}|${p.quotes.map((q) => q.text).join("¦")}|${p.reported.length}|${p.articles.size}`).sort(),
    search: c.index.search("said government minister", 10).hits.map((h) => `${h.article.id}:${h.score.toFixed(6)}:${h.sentence}`),
  };
}

async function load(opts: { cacheDir?: string; workers?: number } = { cacheDir }): Promise<LoadedCorpus> {
  const r = await loadCorpus(articles, opts);
  await r.saved;
  return r;
}

async function bucketFiles(): Promise<string[]> {
  const [sub] = await readdir(cacheDir);
  if (sub === undefined) return [];
  return (await readdir(path.join(cacheDir, sub))).map((f) => path.join(cacheDir, sub, f));
}

describe("the analysis cache", () => {
  it("gives the same corpus from the cache, reading no unchanged file again", async () => {
    await writeFile(path.join(articles, "broken.md"), Buffer.from([0x23, 0x20, 0x00, 0x41]));
    const plain = await load({});
    const first = await load();
    expect(first.cached).toBe(0);
    const second = await load();
    expect(second.cached).toBe(second.loaded.files);
    expect(second.loaded.files).toBe(first.loaded.files);
    expect(fingerprint(second.corpus)).toEqual(fingerprint(plain.corpus));
    expect(fingerprint(first.corpus)).toEqual(fingerprint(plain.corpus));
    // The skipped files are still reported, from the cache, with their reasons.
    expect(second.loaded.skipped).toEqual(plain.loaded.skipped);
    expect(second.loaded.skipped).toContainEqual({ file: "broken.md", reason: "binary file (contains NUL bytes)" });
    expect(second.loaded.duplicates).toBe(plain.loaded.duplicates);
  });

  it("reads a changed or new file again and drops a removed one", async () => {
    await load();
    const names = (await readdir(articles)).filter((f) => f.endsWith(".md")).sort();
    const changed = path.join(articles, names[0] as string);
    const removed = path.join(articles, names[1] as string);
    await writeFile(changed, "# Harbour crane toppled by storm\n\nA crane at the harbour toppled in the storm overnight, the port authority said on Tuesday.\n");
    await rm(removed);
    await writeFile(path.join(articles, "zz-new.txt"), "Museum opens a new wing\n\n“We have waited ten years for this day,” said Agnes Moll, the museum's director.\n");
    const r = await load();
    expect(r.cached).toBe(r.loaded.files - 2);
    const heads = r.corpus.articles.map((a) => a.headline);
    expect(heads).toContain("Harbour crane toppled by storm");
    expect(heads).toContain("Museum opens a new wing");
    expect(r.corpus.people.get("agnes moll")?.quotes.map((q) => q.text)).toEqual(["We have waited ten years for this day"]);
    // The same as a load without any cache.
    expect(fingerprint(r.corpus)).toEqual(fingerprint((await load({})).corpus));
    // A file touched but not changed in size keeps nothing stale either: its stamp differs, so it is read again.
    const later = new Date(Date.now() + 60_000);
    await utimes(changed, later, later);
    expect((await load()).cached).toBe(r.loaded.files - 1);
  });

  it("hands a reload the last load's analyses in memory: the same objects, nothing read or copied again", async () => {
    for (const opts of [{ cacheDir }, {}]) {
      const first = await load(opts);
      const names = (await readdir(articles)).filter((f) => f.endsWith(".md")).sort();
      await writeFile(path.join(articles, names[0] as string), "# Harbour crane toppled by storm\n\nA crane at the harbour toppled in the storm overnight, the port authority said.\n");
      const second = await loadCorpus(articles, { cache: first.cache });
      await second.saved;
      expect(second.cached).toBe(second.loaded.files - 1);
      expect(second.cache).toBe(first.cache);
      const kept = first.corpus.articles.find((a) => a.file !== names[0]);
      expect(kept && second.corpus.get(kept.id)).toBe(kept);
      expect(second.corpus.articles.map((a) => a.headline)).toContain("Harbour crane toppled by storm");
      // The same corpus as a load from scratch, search index included (its terms are counted again).
      expect(fingerprint(second.corpus)).toEqual(fingerprint((await load({})).corpus));
      await rm(articles, { recursive: true, force: true });
      await generateCorpus({ articles: 60, out: articles, seed: 3 });
    }
  });

  it("ignores a damaged bucket and one written by other code, and rewrites both", async () => {
    const first = await load();
    const files = (await bucketFiles()).filter((f) => f.endsWith(".v8"));
    expect(files.length).toBeGreaterThan(2);
    const [damaged, foreign] = files as [string, string];
    await writeFile(damaged, (await readFile(damaged)).subarray(0, 40));
    const other = v8.deserialize(await readFile(foreign)) as { version: string };
    await writeFile(foreign, v8.serialize({ ...other, version: "other code" }));
    const second = await load();
    expect(second.cached).toBeLessThan(first.loaded.files);
    expect(second.cached).toBeGreaterThan(0);
    expect(fingerprint(second.corpus)).toEqual(fingerprint(first.corpus));
    // Both were rewritten: the next load takes every file from the cache.
    expect((await load()).cached).toBe(first.loaded.files);
  });

  it("keeps the load whole when the cache cannot be written", async () => {
    await writeFile(cacheDir, "a file where the cache's folder would be");
    const errors: Error[] = [];
    const r = await loadCorpus(articles, { cacheDir, onCacheError: (e) => errors.push(e) });
    await r.saved;
    expect(errors).toHaveLength(1);
    expect(r.corpus.size).toBeGreaterThan(50);
    expect(fingerprint(r.corpus)).toEqual(fingerprint((await load({})).corpus));
  });

  it("keeps the summaries made after a load, so that the next load has them at once", async () => {
    const first = await loadCorpus(articles, { cacheDir, summaries: true });
    // 60 articles are summarised on this thread, after the load.
    expect(await first.summarised).toBe(first.loaded.articles.length + first.loaded.duplicates);
    expect(first.corpus.articles.every((a) => first.corpus.hasSummaries(a.id))).toBe(true);
    // Written once, after the summaries: every entry keeps its articles' index terms and summaries.
    await first.saved;
    const entries = (await Promise.all((await bucketFiles()).map(async (f) => (v8.deserialize(await readFile(f)) as { entries: FileEntry[] }).entries))).flat();
    const articlesIn = entries.filter((e) => e.articles.length > 0);
    expect(articlesIn.length).toBeGreaterThan(50);
    expect(articlesIn.filter((e) => e.terms.length !== e.articles.length || e.plans?.length !== e.articles.length).map((e) => e.file)).toEqual([]);
    const second = await loadCorpus(articles, { cacheDir, summaries: true });
    expect(second.corpus.articles.every((a) => second.corpus.hasSummaries(a.id))).toBe(true);
    expect(await second.summarised).toBe(0);
    const medium = (c: Corpus) => c.articles.map((a) => c.summary(a, "medium"));
    expect(medium(second.corpus)).toEqual(medium((await load({})).corpus));
    // Without `summaries`, none are made until asked for.
    const plain = await load({});
    expect(await plain.summarised).toBe(0);
    expect(plain.corpus.articles.some((a) => plain.corpus.hasSummaries(a.id))).toBe(false);
  });

  it("names its code version and spreads files over buckets", async () => {
    expect(await codeVersion()).toMatch(/^[0-9a-f]{32}$/);
    const buckets = new Set(Array.from({ length: 1000 }, (_, i) => bucketOf(`a-${i}.md`)));
    expect(buckets.size).toBeGreaterThan(200);
    expect(Math.max(...buckets)).toBeLessThan(256);
  });

  it("lives in data/cache by default, nowhere with a memory store or CACHE_DIR=off", () => {
    const env = (e: Record<string, string>) => cacheDirOf(loadConfig(e));
    expect(env({})).toBe("data/cache");
    expect(env({ STORE_URL: "memory://" })).toBeUndefined();
    expect(env({ STORE_URL: "memory://", CACHE_DIR: "/var/cache/newsdesk" })).toBe("/var/cache/newsdesk");
    expect(env({ CACHE_DIR: "off" })).toBeUndefined();
    expect(env({ CACHE_DIR: "" })).toBe("data/cache");
  });
});
