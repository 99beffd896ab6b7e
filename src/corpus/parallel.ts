/**
 * Loading a folder of articles into a Corpus on every core: the files are shared out among worker threads
 * (worker.ts), which read, parse and analyse them; this thread only merges their results in file order,
 * drops duplicates and builds the indexes. The main thread stays free meanwhile (the Discord gateway keeps
 * its heartbeat, commands are answered "still loading"). Small folders load in this thread: starting workers
 * costs more than it saves.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "../news/article.js";
import { type Analysis, Corpus } from "../news/corpus.js";
import { buildCorpus } from "./build.js";
import { listFiles, loadFiles, type LoadResult } from "./load.js";

/**
 * Below this many files, one thread: starting workers (each compiles the code and its patterns anew) costs more
 * than sharing the analysis saves. Measured on generated corpora on two cores: 999 files 2.1 s in this thread
 * against 2.9 s on two workers, 1,991 files 4.1–4.6 s against 4.6–4.7 s, 3,983 files 7.4–10.3 s against 6.0–6.2 s.
 */
export const PARALLEL_FROM_FILES = 2500;

export interface Progress {
  /** Files read and analysed so far, of `total`. */
  done: number;
  total: number;
}

export interface LoadedCorpus {
  loaded: LoadResult;
  corpus: Corpus;
  /** Worker threads that read and analysed the files (0: this thread did). */
  workers: number;
}

export interface LoadCorpusOptions {
  onProgress?: (p: Progress) => void;
  /** Worker threads (default: one per core, at most 8; 1 loads in this thread). */
  workers?: number;
  /** Stops the workers (start-up failed meanwhile). */
  signal?: AbortSignal;
}

type WorkerMessage = { kind: "batch"; loaded: LoadResult; analyses: Analysis[] } | { kind: "done" };

/** Run one worker over its files; batches come back in file order. */
function runWorker(files: string[], base: string, onBatch: (loaded: LoadResult, analyses: Analysis[]) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // A worker starts from JavaScript, which registers tsx there and runs worker.ts (in tests and `npm start` alike).
    const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { files, base } });
    let finished = false;
    const abort = (): void => {
      void worker.terminate();
      reject(new Error("loading stopped"));
    };
    if (signal?.aborted === true) abort();
    signal?.addEventListener("abort", abort, { once: true });
    worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "batch") onBatch(m.loaded, m.analyses);
      else {
        finished = true;
        signal?.removeEventListener("abort", abort);
        void worker.terminate();
        resolve();
      }
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (!finished) reject(new Error(`a loading worker stopped (exit code ${code})`));
    });
  });
}

/** Everything under `dir`, read, analysed and indexed. A missing folder is reported in `loaded.skipped`. */
export async function loadCorpus(dir: string, opts: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const loaded: LoadResult = { articles: [], skipped: [{ file: dir, reason: `cannot read the folder (${err.code ?? err.message})` }], duplicates: 0, files: 0 };
    return { loaded, corpus: new Corpus([]), workers: 0 };
  }
  const total = files.length;
  opts.onProgress?.({ done: 0, total });
  const workers = Math.max(1, Math.min(opts.workers ?? Math.min(8, availableParallelism()), Math.ceil(total / 200)));
  if (workers === 1 || total < PARALLEL_FROM_FILES) {
    const loaded = await loadFiles(files, dir);
    opts.onProgress?.({ done: total, total });
    return { loaded, corpus: await buildCorpus(loaded.articles), workers: 0 };
  }
  // Contiguous shares keep the file order: the first copy of a duplicate wins, as in one thread.
  const share = Math.ceil(total / workers);
  const parts: Array<Array<{ loaded: LoadResult; analyses: Analysis[] }>> = [];
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const mine: Array<{ loaded: LoadResult; analyses: Analysis[] }> = [];
      parts[w] = mine;
      return runWorker(
        files.slice(w * share, (w + 1) * share),
        dir,
        (loaded, analyses) => {
          mine.push({ loaded, analyses });
          done += loaded.files;
          opts.onProgress?.({ done, total });
        },
        opts.signal,
      );
    }),
  );
  const articles: Article[] = [];
  const analyses = new Map<string, Analysis>();
  const merged: LoadResult = { articles, skipped: [], duplicates: 0, files: total };
  for (const part of parts) {
    for (const { loaded, analyses: found } of part) {
      merged.skipped.push(...loaded.skipped);
      merged.duplicates += loaded.duplicates;
      loaded.articles.forEach((a, i) => {
        if (analyses.has(a.id)) {
          merged.duplicates++;
          return;
        }
        analyses.set(a.id, found[i] as Analysis);
        articles.push(a);
      });
    }
  }
  return { loaded: merged, corpus: await buildCorpus(articles, { analyses }), workers };
}
