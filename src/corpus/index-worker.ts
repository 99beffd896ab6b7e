/**
 * The indexing worker: once a large archive is loaded, it builds the search index's arrays from every article's
 * index terms (see parallel.ts) while the main thread builds the rest of the corpus (people, quotes, page sizes), so
 * that both cores work on it. It loads only the index code. Its answer's arrays are transferred, not copied.
 */
import { parentPort } from "node:worker_threads";
import { IndexBuilder, partsBuffers } from "../news/search.js";
import type { FromWorker, ToWorker } from "./worker.js";

const port = parentPort;
if (port === null) throw new Error("index-worker.ts runs as a worker thread");
// The terms come a chunk at a time, in order (so that sending them never holds up the main thread for long), the
// first with the room the index needs; each chunk is added as it comes and answered, the last with the index's parts.
let builder: IndexBuilder | undefined;
port.on("message", (m: ToWorker) => {
  if (m.kind !== "index") return;
  builder ??= new IndexBuilder(m.room);
  const b = builder;
  m.terms.forEach((t, k) => b.add(t, m.headlines[k] ?? ""));
  if (!m.last) {
    port.postMessage({ kind: "index", chunk: m.chunk, parts: null } satisfies FromWorker);
    return;
  }
  const parts = builder.parts();
  builder = undefined;
  port.postMessage({ kind: "index", chunk: m.chunk, parts } satisfies FromWorker, partsBuffers(parts));
});
