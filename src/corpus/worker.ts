/**
 * A loading worker: reads and parses its share of the article files and runs the costly per-article analysis
 * (quotations, reported speech, people named), off the main thread, so that a large archive loads on every core
 * while the main thread keeps the Discord gateway alive. See parallel.ts.
 */
import "../runtime.js";
import { parentPort, workerData } from "node:worker_threads";
import { analyseFile } from "./entries.js";

export interface WorkerInput {
  files: string[];
  base: string;
}

const BATCH = 100;
const { files, base } = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread");
for (let i = 0; i < files.length; i += BATCH) {
  port.postMessage({ kind: "batch", entries: files.slice(i, i + BATCH).map((f) => analyseFile(f, base)) });
}
port.postMessage({ kind: "done" });
