/**
 * The summarising worker: once a large archive is in, it makes every article's summaries (see parallel.ts) off
 * the main thread, which answers commands meanwhile. It loads only the summariser, not the analysis with its large
 * patterns, so it starts at once and holds little memory beside the loaded archive.
 */
import { parentPort } from "node:worker_threads";
import { planSummaries } from "../news/summary.js";
import type { FromWorker, ToWorker } from "./worker.js";

const port = parentPort;
if (port === null) throw new Error("summary-worker.ts runs as a worker thread");
port.on("message", (m: ToWorker) => {
  if (m.kind !== "summarise") return;
  const reply: FromWorker = { kind: "summaries", chunk: m.chunk, plans: m.articles.map((paragraphs) => planSummaries(paragraphs)) };
  port.postMessage(reply);
});
