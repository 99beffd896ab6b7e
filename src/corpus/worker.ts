/**
 * A loading worker: reads and parses the article files it is handed and runs the costly per-article analysis
 * (quotations, reported speech, people named), off the main thread, so that a large archive loads on every core
 * while the main thread keeps the Discord gateway alive. The main thread hands out files a chunk at a time as
 * workers ask (see parallel.ts), so that a worker given the longer files does not finish last on its own.
 */
import "../runtime.js";
import { parentPort, workerData } from "node:worker_threads";
import { analyseFile, type FileEntry } from "./entries.js";

export interface WorkerInput {
  base: string;
}
/** From the main thread: a chunk of files to analyse (its number comes back with the entries). The main thread
 * stops the worker when every chunk is back. */
export interface ToWorker {
  kind: "chunk";
  chunk: number;
  files: string[];
}
/** To the main thread: one chunk's entries, in the order of its files. */
export interface FromWorker {
  kind: "batch";
  chunk: number;
  entries: FileEntry[];
}

const { base } = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread");
port.on("message", (m: ToWorker) => {
  const reply: FromWorker = { kind: "batch", chunk: m.chunk, entries: m.files.map((f) => analyseFile(f, base)) };
  port.postMessage(reply);
});
