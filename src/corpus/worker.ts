/**
 * A loading worker: reads and parses the article files it is handed and runs the costly per-article analysis
 * (quotations, reported speech, people named), off the main thread, so that a large archive loads on every core
 * while the main thread keeps the Discord gateway alive. The main thread hands out files a chunk at a time as
 * workers ask (see parallel.ts), so that a worker given the longer files does not finish last on its own.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { IndexParts, IndexRoom, IndexTerms } from "../news/search.js";
import type { SummaryPlan } from "../news/summary.js";
import { analyseFile, type FileEntry, withoutQuoteTexts } from "./entries.js";

export interface WorkerInput {
  base: string;
}
/**
 * From the main thread: a chunk of files to analyse, or (to summary-worker.ts) of articles, their paragraphs, to
 * summarise, or (to index-worker.ts) of the articles' index terms and headlines, newest first (the first chunk with
 * the room the index needs), to index once the last is in. Its number comes back with the answer. The main thread
 * stops the worker when every chunk is back.
 */
export type ToWorker =
  | { kind: "chunk"; chunk: number; files: string[] }
  | { kind: "summarise"; chunk: number; articles: string[][] }
  | { kind: "index"; chunk: number; terms: IndexTerms[]; headlines: string[]; last: boolean; room?: IndexRoom };
/** To the main thread: one chunk's entries, in the order of its files (their quotes' texts left out: see
 * withoutQuoteTexts), or its articles' summaries in their order, or (for the last chunk of index terms) the search
 * index's parts. */
export type FromWorker =
  | { kind: "batch"; chunk: number; entries: FileEntry[] }
  | { kind: "summaries"; chunk: number; plans: SummaryPlan[] }
  | { kind: "index"; chunk: number; parts: IndexParts | null };

const { base } = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread");
port.on("message", (m: ToWorker) => {
  if (m.kind !== "chunk") return;
  const reply: FromWorker = { kind: "batch", chunk: m.chunk, entries: m.files.map((f) => withoutQuoteTexts(analyseFile(f, base))) };
  port.postMessage(reply);
});
