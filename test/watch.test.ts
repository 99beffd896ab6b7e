import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchArticles } from "../src/corpus/watch.js";
import { start } from "../src/main.js";
import { runCommand } from "../src/run.js";
import { memoryLogger } from "./support/streams.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-watch-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const article = (title: string, body: string) => `${title}\n\n${body}\n`;

describe("the articles folder is watched", () => {
  it("reloads when a file is added or changed, and not otherwise", async () => {
    await writeFile(path.join(dir, "a.txt"), article("Bridge opens to traffic", "The new bridge over the river opened to traffic on Monday morning."));
    const seen: number[] = [];
    const w = await watchArticles(dir, (l) => seen.push(l.articles.length), memoryLogger().log, {}, 60_000);
    expect(await w.check()).toBeNull();
    await writeFile(path.join(dir, "b.txt"), article("Library extends its hours", "The city library will stay open until nine in the evening from next week."));
    expect((await w.check())?.articles).toHaveLength(2);
    expect(await w.check()).toBeNull();
    await writeFile(path.join(dir, "b.txt"), article("Library extends its opening hours again", "The city library will stay open until ten in the evening from next week on."));
    const changed = await w.check();
    expect(changed?.articles.map((a) => a.headline).sort()).toEqual(["Bridge opens to traffic", "Library extends its opening hours again"]);
    // A broken file is skipped with its reason; the rest stay.
    await writeFile(path.join(dir, "c.json"), "{ not json");
    const broken = await w.check();
    expect(broken?.articles).toHaveLength(2);
    expect(broken?.skipped.map((s) => s.file)).toEqual([expect.stringMatching(/c\.json$/)]);
    expect(seen).toEqual([2, 2, 2]);
    w.stop();
  });

  it("puts a new file's article in the running bot's /headline without a restart", async () => {
    await writeFile(path.join(dir, "a.txt"), article("Bridge opens to traffic", "The new bridge over the river opened to traffic on Monday morning."));
    const { log } = memoryLogger();
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const bot = await start({ env: { ARTICLES_DIR: dir, STORE_URL: "memory://" }, log, input, output, schedule: false });
    try {
      await writeFile(path.join(dir, "b.txt"), article("Library extends its hours", "The city library will stay open until nine in the evening from next week."));
      await bot.articles.check();
      const services = { corpus: bot.corpora.shared, now: () => new Date(), digest: { timeZone: "UTC", stories: 5 }, corpusFor: (g: string | null) => bot.corpora.get(g) };
      const reply = await runCommand("headline", { count: 5 }, services, log);
      expect(reply.items.map((i) => i.heading).sort()).toEqual(["Bridge opens to traffic", "Library extends its hours"]);
    } finally {
      input.end();
      await bot.stop();
    }
  });
});
