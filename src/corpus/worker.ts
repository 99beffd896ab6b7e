/**
 * A loading worker: reads and parses its share of the article files and runs the costly per-article analysis
 * (quotations, reported speech, people named), off the main thread, so that a large archive loads on every core
 * while the main thread keeps the Discord gateway alive. See parallel.ts.
 */
import "../runtime.js";
import { parentPort, workerData } from "node:worker_threads";
import { analyzeArticle } from "../news/corpus.js";
import { loadFiles } from "./load.js";

export interface WorkerInput {
  files: string[];
  base: string;
}

const BATCH = 100;
const { files, base } = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread");
for (let i = 0; i < files.length; i += BATCH) {
  const batch = files.slice(i, i + BATCH);
  const loaded = await loadFiles(batch, base, { sync: true });
  const analyses = loaded.articles.map((a) => analyzeArticle(a));
  port.postMessage({ kind: "batch", loaded, analyses });
}
port.postMessage({ kind: "done" });
