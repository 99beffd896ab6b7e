/**
 * The code loading workers run: their module bundled once with esbuild (worker-code.ts), or, when that fails,
 * started through tsx (worker-boot.mjs). Either way a worker must answer exactly what the same work gives in this
 * thread.
 */
import { Worker } from "node:worker_threads";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseFile, shareStrings } from "../src/corpus/entries.js";
import type { FromWorker, ToWorker } from "../src/corpus/worker.js";
import { workerCode } from "../src/corpus/worker-code.js";
import { newestFirst } from "../src/news/corpus.js";
import { indexParts, indexTermsOf, SearchIndex } from "../src/news/search.js";
import { runToEnd } from "../src/news/steps.js";
import { planSummaries } from "../src/news/summary.js";
import { SEED_FILE, SEEDS_DIR, seedArticles } from "./support/seed.js";

/** One message to a worker started as `start` says, and its answer. */
async function ask(start: () => Worker, message: ToWorker): Promise<FromWorker> {
  const worker = start();
  try {
    return await new Promise<FromWorker>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(message);
    });
  } finally {
    await worker.terminate();
  }
}

const bundled = (code: string) => () => new Worker(code, { eval: true, workerData: { base: SEEDS_DIR } });
const throughTsx = (script: string) => () =>
  new Worker(new URL("../src/corpus/worker-boot.mjs", import.meta.url), { argv: [script], workerData: { base: SEEDS_DIR } });

/** A worker's batch with its quotes' texts made again, as the loader makes them (shareStrings). */
function received(reply: FromWorker): FromWorker {
  if (reply.kind === "batch") for (const e of reply.entries) shareStrings(e, new Map());
  return reply;
}

/** How many quotes and reported statements in the entries have no text: those sent without it. */
function textless(reply: FromWorker): number {
  if (reply.kind !== "batch") return 0;
  return reply.entries.flatMap((e) => e.analyses.flatMap((a) => [...a.statements.quotes, ...a.statements.paraphrases])).filter((q) => q.text === "").length;
}

describe("loading workers", () => {
  const files = [SEED_FILE, path.join(SEEDS_DIR, "no-such-file.md")];
  const chunk: ToWorker = { kind: "chunk", chunk: 3, files };
  const here = files.map((f) => analyseFile(f, SEEDS_DIR));

  it("run the analysis bundled, answering as this thread does", async () => {
    const code = await workerCode("worker.ts");
    expect(code).not.toBeNull();
    const reply = await ask(bundled(code as string), chunk);
    // Quotes are sent without the texts that are their paragraphs' slices, and made again here.
    expect(textless(reply)).toBeGreaterThan(5);
    expect(received(reply)).toEqual({ kind: "batch", chunk: 3, entries: here });
    expect(textless(reply)).toBe(0);
    expect(here[0]?.articles.length).toBeGreaterThan(0);
    expect(here[1]?.problem).toMatch(/ENOENT/);
  }, 30_000);

  it("keep their patterns as literals in the bundle, also those with Unicode property escapes", async () => {
    // esbuild would make each `/\p{Lu}/u` a `new RegExp("\\p{Lu}", "u")`, built anew at every use.
    const code = (await workerCode("worker.ts")) as string;
    expect(code).toMatch(/\/[^/\n]*\\p\{L[ul]?\}[^/\n]*\/[gimsy]*u/u);
    expect(code).not.toMatch(/new RegExp\("[^"\n]*\\\\p\{/u);
  }, 30_000);

  it("build the search index bundled, from terms sent a chunk at a time, as this thread does", async () => {
    const code = await workerCode("index-worker.ts");
    expect(code).not.toBeNull();
    const articles = newestFirst(seedArticles());
    const terms = articles.map((a) => indexTermsOf(a));
    const worker = bundled(code as string)();
    try {
      const replies: FromWorker[] = [];
      await new Promise<void>((resolve, reject) => {
        worker.on("message", (m: FromWorker) => {
          replies.push(m);
          if (replies.length === 2) resolve();
        });
        worker.once("error", reject);
        const headlines = articles.map((a) => a.headline);
        worker.postMessage({ kind: "index", chunk: 0, terms: terms.slice(0, 2), headlines: headlines.slice(0, 2), last: false } satisfies ToWorker);
        worker.postMessage({ kind: "index", chunk: 1, terms: terms.slice(2), headlines: headlines.slice(2), last: true } satisfies ToWorker);
      });
      expect(replies[0]).toEqual({ kind: "index", chunk: 0, parts: null });
      expect(replies[1]).toEqual({
        kind: "index",
        chunk: 1,
        parts: indexParts(
          terms,
          articles.map((a) => a.headline),
        ),
      });
      const made = replies[1]?.kind === "index" ? replies[1].parts : null;
      if (made === null) throw new Error("no parts");
      const index = runToEnd(SearchIndex.assemble(articles, made));
      const local = new SearchIndex(articles);
      const queries = ["Trump", "election campaign", "the", "minister said"];
      for (const q of queries) expect(index.search(q, 10)).toEqual(local.search(q, 10));
      expect(queries.filter((q) => local.search(q, 10).hits.length > 0).length).toBeGreaterThan(1);
    } finally {
      await worker.terminate();
    }
  }, 30_000);

  it("run the summariser bundled, answering as this thread does", async () => {
    const code = await workerCode("summary-worker.ts");
    expect(code).not.toBeNull();
    const articles = seedArticles().map((a) => a.paragraphs);
    expect(await ask(bundled(code as string), { kind: "summarise", chunk: 1, articles })).toEqual({ kind: "summaries", chunk: 1, plans: articles.map((p) => planSummaries(p)) });
  }, 30_000);

  it("start through tsx when there is no bundle, answering the same", async () => {
    expect(received(await ask(throughTsx("worker.ts"), chunk))).toEqual({ kind: "batch", chunk: 3, entries: here });
  }, 30_000);

  it("are made once per process", async () => {
    expect(workerCode("worker.ts")).toBe(workerCode("worker.ts"));
  });
});
