/**
 * Loading a folder of articles into a Corpus on every core: the files are shared out among worker threads
 * (worker.ts), which read, parse and analyse them; this thread only merges their results in file order,
 * drops duplicates and builds the indexes. The main thread stays free meanwhile (the Discord gateway keeps
 * its heartbeat, commands are answered "still loading"). Small folders load in this thread: starting workers
 * costs more than it saves.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Article } from "../news/article.js";
import { type Analysis, Corpus } from "../news/corpus.js";
import type { IndexTerms } from "../news/search.js";
import { buildCorpus } from "./build.js";
import { AnalysisCache } from "./cache.js";
import { analyseFile, type FileEntry } from "./entries.js";
import type { FromWorker, ToWorker, WorkerInput } from "./worker.js";
import { listFiles, type LoadResult, nameIn } from "./load.js";

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
  /** Files whose analysis came from the cache, unchanged since it was made; the others were read and analysed. */
  cached: number;
  /** The cache brought up to date (written after the corpus is built; resolves, never rejects). */
  saved: Promise<void>;
  /** The cache, to hand to the next load of the same folder (a reload): it analyses only new and changed files. */
  cache: AnalysisCache;
}

export interface LoadCorpusOptions {
  onProgress?: (p: Progress) => void;
  /** Worker threads (default: one per core, at most 8; 1 loads in this thread). */
  workers?: number;
  /** Stops the workers (start-up failed meanwhile). */
  signal?: AbortSignal;
  /** Where the analysis cache lives (see cache.ts); in memory only when unset. */
  cacheDir?: string;
  /** The cache of the last load of this folder (LoadedCorpus.cache), instead of reading `cacheDir` again. */
  cache?: AnalysisCache;
  /** A cache that could not be written (the load itself is whole; the next one analyses those files again). */
  onCacheError?: (err: Error) => void;
}

/** Files handed to a worker at a time, and chunks each worker holds at once (one in work, one waiting). */
const CHUNK = 100;
const IN_FLIGHT = 2;

/**
 * Share `files` (in order) among `count` workers, a chunk at a time as each finishes one: every chunk's entries
 * come to `onChunk` with the chunk's first index. Resolves when all are analysed.
 */
function runWorkers(
  files: readonly string[],
  base: string,
  count: number,
  onChunk: (first: number, entries: FileEntry[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const chunks = Math.ceil(files.length / CHUNK);
    let handed = 0;
    let finished = 0;
    let failed = false;
    const workers: Worker[] = [];
    const stopAll = (): void => {
      for (const w of workers) void w.terminate();
    };
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      signal?.removeEventListener("abort", abort);
      stopAll();
      reject(err);
    };
    const abort = (): void => fail(new Error("loading stopped"));
    const handOut = (worker: Worker): void => {
      if (handed >= chunks) return;
      const chunk = handed++;
      const m: ToWorker = { kind: "chunk", chunk, files: files.slice(chunk * CHUNK, (chunk + 1) * CHUNK) };
      worker.postMessage(m);
    };
    if (signal?.aborted === true) {
      abort();
      return;
    }
    signal?.addEventListener("abort", abort, { once: true });
    for (let w = 0; w < count; w++) {
      // A worker starts from JavaScript, which registers tsx there and runs worker.ts (in tests and `npm start` alike).
      const worker = new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { base } satisfies WorkerInput });
      workers.push(worker);
      worker.on("message", (m: FromWorker) => {
        if (failed) return;
        onChunk(m.chunk * CHUNK, m.entries);
        if (++finished === chunks) {
          signal?.removeEventListener("abort", abort);
          stopAll();
          resolve();
          return;
        }
        handOut(worker);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (finished < chunks) fail(new Error(`a loading worker stopped (exit code ${code})`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) handOut(worker);
    }
  });
}

const SLICE_MS = 15;

/** Lets other work run (the gateway, commands answered "still loading") when this thread has worked SLICE_MS. */
function slicer(signal?: AbortSignal): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (signal?.aborted === true) throw new Error("loading stopped");
    if (performance.now() - last < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/** The files' entries in file order: the first copy of a duplicate wins. */
async function merge(
  entries: readonly FileEntry[],
  files: number,
  pause: () => Promise<void>,
): Promise<{ loaded: LoadResult; analyses: Map<string, Analysis>; terms: Map<string, IndexTerms> }> {
  const articles: Article[] = [];
  const analyses = new Map<string, Analysis>();
  const terms = new Map<string, IndexTerms>();
  const loaded: LoadResult = { articles, skipped: [], duplicates: 0, files };
  for (const e of entries) {
    await pause();
    if (e.problem !== "") loaded.skipped.push({ file: e.file, reason: e.problem });
    e.articles.forEach((a, i) => {
      if (analyses.has(a.id)) {
        loaded.duplicates++;
        return;
      }
      analyses.set(a.id, e.analyses[i] as Analysis);
      const t = e.terms[i];
      if (t !== undefined) terms.set(a.id, t);
      articles.push(a);
    });
  }
  return { loaded, analyses, terms };
}

/**
 * Everything under `dir`, read, analysed and indexed. Files the cache holds unchanged are not read again. A
 * missing folder is reported in `loaded.skipped`.
 */
export async function loadCorpus(dir: string, opts: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const loaded: LoadResult = { articles: [], skipped: [{ file: dir, reason: `cannot read the folder (${err.code ?? err.message})` }], duplicates: 0, files: 0 };
    return { loaded, corpus: new Corpus([]), workers: 0, cached: 0, saved: Promise.resolve(), cache: opts.cache ?? AnalysisCache.memory() };
  }
  const total = files.length;
  opts.onProgress?.({ done: 0, total });
  const pause = slicer(opts.signal);
  const cache =
    opts.cache ?? (opts.cacheDir === undefined ? null : await AnalysisCache.open(opts.cacheDir, dir).catch(() => null)) ?? AnalysisCache.memory();
  const entries: Array<FileEntry | undefined> = new Array<FileEntry | undefined>(total);
  const todo: number[] = [];
  for (let i = 0; i < total; i++) {
    await pause();
    const file = files[i] as string;
    if (cache.size > 0) {
      const info = statSync(file, { throwIfNoEntry: false });
      const hit = info === undefined ? undefined : cache.lookup(nameIn(dir, file), info.size, info.mtimeMs);
      if (hit !== undefined) {
        entries[i] = hit;
        continue;
      }
    }
    todo.push(i);
  }
  const cached = total - todo.length;
  let done = cached;
  opts.onProgress?.({ done, total });
  const workers = Math.max(1, Math.min(opts.workers ?? Math.min(8, availableParallelism()), Math.ceil(todo.length / 200)));
  const inThread = workers === 1 || todo.length < PARALLEL_FROM_FILES;
  if (inThread) {
    for (const i of todo) {
      await pause();
      entries[i] = analyseFile(files[i] as string, dir);
      opts.onProgress?.({ done: ++done, total });
    }
  } else {
    const paths = todo.map((i) => files[i] as string);
    await runWorkers(
      paths,
      dir,
      workers,
      (first, batch) => {
        batch.forEach((e, k) => (entries[todo[first + k] as number] = e));
        done += batch.length;
        opts.onProgress?.({ done, total });
      },
      opts.signal,
    );
  }
  const all = entries as FileEntry[];
  const { loaded, analyses, terms } = await merge(all, total, pause);
  await new Promise<void>((resolve) => setImmediate(resolve));
  const corpus = await buildCorpus(loaded.articles, { analyses, terms });
  const saved = cache.save(all).then(
    () => undefined,
    (err: unknown) => opts.onCacheError?.(err as Error),
  );
  return { loaded, corpus, workers: inThread ? 0 : workers, cached, saved, cache };
}
