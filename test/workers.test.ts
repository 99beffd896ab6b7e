/**
 * The code loading workers run: their module bundled once with esbuild (worker-code.ts), or, when that fails,
 * started through tsx (worker-boot.mjs). Either way a worker must answer exactly what the same work gives in this
 * thread.
 */
import { Worker } from "node:worker_threads";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseFile } from "../src/corpus/entries.js";
import type { FromWorker, ToWorker } from "../src/corpus/worker.js";
import { workerCode } from "../src/corpus/worker-code.js";
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

describe("loading workers", () => {
  const files = [SEED_FILE, path.join(SEEDS_DIR, "no-such-file.md")];
  const chunk: ToWorker = { kind: "chunk", chunk: 3, files };
  const here = files.map((f) => analyseFile(f, SEEDS_DIR));

  it("run the analysis bundled, answering as this thread does", async () => {
    const code = await workerCode("worker.ts");
    expect(code).not.toBeNull();
    expect(await ask(bundled(code as string), chunk)).toEqual({ kind: "batch", chunk: 3, entries: here });
    expect(here[0]?.articles.length).toBeGreaterThan(0);
    expect(here[1]?.problem).toMatch(/ENOENT/);
  }, 30_000);

  it("run the summariser bundled, answering as this thread does", async () => {
    const code = await workerCode("summary-worker.ts");
    expect(code).not.toBeNull();
    const articles = seedArticles().map((a) => a.paragraphs);
    expect(await ask(bundled(code as string), { kind: "summarise", chunk: 1, articles })).toEqual({ kind: "summaries", chunk: 1, plans: articles.map((p) => planSummaries(p)) });
  }, 30_000);

  it("start through tsx when there is no bundle, answering the same", async () => {
    expect(await ask(throughTsx("worker.ts"), chunk)).toEqual({ kind: "batch", chunk: 3, entries: here });
  }, 30_000);

  it("are made once per process", async () => {
    expect(workerCode("worker.ts")).toBe(workerCode("worker.ts"));
  });
});
