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
import { type Analysis, Corpus, newestFirst } from "../news/corpus.js";
import { type IndexParts, type IndexTerms, roomFor, SearchIndex } from "../news/search.js";
import { planSummaries, type SummaryPlan } from "../news/summary.js";
import { buildCorpus, runSteps, slicer } from "./build.js";
import { AnalysisCache } from "./cache.js";
import { analyseFile, type FileEntry, shareStrings } from "./entries.js";
import type { FromWorker, ToWorker, WorkerInput } from "./worker.js";
import { listFiles, type LoadResult, nameIn } from "./load.js";
import { type WorkerScript, workerCode } from "./worker-code.js";

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
  /** The cache brought up to date (written after the corpus is built, and after the summaries when they are made
   * (`summaries`); resolves, never rejects). */
  saved: Promise<void>;
  /** The cache, to hand to the next load of the same folder (a reload): it analyses only new and changed files. */
  cache: AnalysisCache;
  /**
   * Resolves (never rejects) once every article's summaries are made and the corpus holds them: how many articles
   * were summarised after the load (0 when `summaries` is off, or when they all came from the cache). If stopped
   * or failed, 0: the rest are made when asked for.
   */
  summarised: Promise<number>;
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
  /**
   * Once the corpus is built and handed back, make every article's summaries in the background (on a worker for a
   * large folder, leaving a core to this thread), so that `/summary` is a lookup; the cache keeps them, so a
   * restart has them at once. Until an article's turn comes, its summary is made when asked for, as without.
   */
  summaries?: boolean;
  /** From this many articles the search index is built on a worker (default INDEX_IN_WORKER_FROM). */
  indexWorkerFrom?: number;
  /** Making the summaries failed (or was stopped): the rest are made when asked for, and the cache is written
   * without them. */
  onSummariesError?: (err: Error) => void;
}

/** The young generation of each worker's heap (see runWorkers). */
const YOUNG_GENERATION_MB = 96;

/** Files handed to a worker at a time, and chunks each worker holds at once (one in work, one waiting). */
const CHUNK = 100;
const IN_FLIGHT = 2;

/**
 * Share `jobs` chunks among `count` workers, a chunk at a time as each finishes one: `message(k)` is chunk k's
 * message, and every answer comes to `onReply` in the order it arrives. Resolves when all are answered.
 */
async function runWorkers(
  script: WorkerScript,
  jobs: number,
  base: string,
  count: number,
  message: (chunk: number) => ToWorker,
  onReply: (reply: FromWorker) => void,
  signal?: AbortSignal,
): Promise<void> {
  const code = jobs === 0 || signal?.aborted === true ? null : await workerCode(script);
  return new Promise((resolve, reject) => {
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
      if (handed >= jobs) return;
      worker.postMessage(message(handed++));
    };
    if (signal?.aborted === true) {
      abort();
      return;
    }
    if (jobs === 0) {
      resolve();
      return;
    }
    signal?.addEventListener("abort", abort, { once: true });
    for (let w = 0; w < count; w++) {
      // A worker runs its module bundled (worker-code.ts), or else starts from JavaScript, which registers tsx there
      // and runs worker.ts or summary-worker.ts (in tests and `npm start` alike).
      // The analysis makes many short-lived strings and arrays: a young generation larger than V8's default
      // collects them less often (at 100,000 articles the workers finished 20.4–20.9 s → 19.7–19.9 s with 96–192 MB;
      // peak memory unchanged).
      const options = { workerData: { base } satisfies WorkerInput, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
      const worker = code !== null ? new Worker(code, { eval: true, ...options }) : new Worker(new URL("./worker-boot.mjs", import.meta.url), { argv: [script], ...options });
      workers.push(worker);
      worker.on("message", (m: FromWorker) => {
        if (failed) return;
        onReply(m);
        if (++finished === jobs) {
          signal?.removeEventListener("abort", abort);
          stopAll();
          resolve();
          return;
        }
        handOut(worker);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (finished < jobs) fail(new Error(`a loading worker stopped (exit code ${code})`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) handOut(worker);
    }
  });
}

/** The files' entries in file order: the first copy of a duplicate wins. */
async function merge(
  entries: readonly FileEntry[],
  files: number,
  pause: () => Promise<void>,
): Promise<{ loaded: LoadResult; analyses: Map<string, Analysis>; terms: Map<string, IndexTerms>; plans: Array<[Article, SummaryPlan]> }> {
  const articles: Article[] = [];
  const analyses = new Map<string, Analysis>();
  const terms = new Map<string, IndexTerms>();
  const plans: Array<[Article, SummaryPlan]> = [];
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
      const plan = e.plans?.[i];
      if (plan !== undefined) plans.push([a, plan]);
      articles.push(a);
    });
  }
  return { loaded, analyses, terms, plans };
}

/**
 * Everything under `dir`, read, analysed and indexed. Files the cache holds unchanged are not read again. A
 * missing folder is reported in `loaded.skipped`.
 */
export async function loadCorpus(dir: string, opts: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  // The cache is read while the folder is listed (never rejects: an unreadable cache is none).
  const opening: Promise<AnalysisCache | null> =
    opts.cache !== undefined ? Promise.resolve(opts.cache) : opts.cacheDir === undefined ? Promise.resolve(null) : AnalysisCache.open(opts.cacheDir, dir).catch(() => null);
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const loaded: LoadResult = { articles: [], skipped: [{ file: dir, reason: `cannot read the folder (${err.code ?? err.message})` }], duplicates: 0, files: 0 };
    return { loaded, corpus: new Corpus([]), workers: 0, cached: 0, saved: Promise.resolve(), cache: opts.cache ?? AnalysisCache.memory(), summarised: Promise.resolve(0) };
  }
  const total = files.length;
  opts.onProgress?.({ done: 0, total });
  const pause = slicer(opts.signal);
  const cache = (await opening) ?? AnalysisCache.memory();
  // With nothing cached every file is analysed: the workers' code is made meanwhile (a restart, every file cached,
  // needs none), and the indexing worker's for a large archive.
  if (cache.size === 0 && total >= PARALLEL_FROM_FILES) void workerCode("worker.ts");
  if (total >= INDEX_IN_WORKER_FROM) void workerCode("index-worker.ts");
  const entries: Array<FileEntry | undefined> = new Array<FileEntry | undefined>(total);
  // Every entry's words shared as it comes in (see shareStrings): each name is one string in the corpus.
  const interned = new Map<string, string>();
  const todo: number[] = [];
  for (let i = 0; i < total; i++) {
    await pause();
    const file = files[i] as string;
    if (cache.size > 0) {
      const info = statSync(file, { throwIfNoEntry: false });
      const hit = info === undefined ? undefined : cache.lookup(nameIn(dir, file), info.size, info.mtimeMs);
      if (hit !== undefined) {
        shareStrings(hit, interned);
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
      const e = analyseFile(files[i] as string, dir);
      shareStrings(e, interned);
      entries[i] = e;
      opts.onProgress?.({ done: ++done, total });
    }
  } else {
    const paths = todo.map((i) => files[i] as string);
    await runWorkers(
      "worker.ts",
      Math.ceil(paths.length / CHUNK),
      dir,
      workers,
      (chunk) => ({ kind: "chunk", chunk, files: paths.slice(chunk * CHUNK, (chunk + 1) * CHUNK) }),
      (reply) => {
        if (reply.kind !== "batch") return;
        reply.entries.forEach((e, k) => {
          shareStrings(e, interned);
          entries[todo[reply.chunk * CHUNK + k] as number] = e;
        });
        done += reply.entries.length;
        opts.onProgress?.({ done, total });
      },
      opts.signal,
    );
  }
  const all = entries as FileEntry[];
  const { loaded, analyses, terms, plans } = await merge(all, total, pause);
  await new Promise<void>((resolve) => setImmediate(resolve));
  const sorted = newestFirst(loaded.articles);
  // A large archive's search index is built on a worker meanwhile (the rest of the corpus here).
  const index = sorted.length >= (opts.indexWorkerFrom ?? INDEX_IN_WORKER_FROM) ? indexOnWorker(sorted, terms, dir, opts.signal) : undefined;
  const corpus = await buildCorpus(sorted, { analyses, terms, inOrder: true }, index);
  for (const [a, plan] of plans) corpus.keepSummaries(a, plan);
  const onCacheError = (err: unknown): void => opts.onCacheError?.(err as Error);
  // With summaries, the cache is written once they are made, so that it keeps them beside the analyses (a second
  // write of every entry would cost as much again, and the index terms are dropped after the first).
  const summaries =
    opts.summaries === true
      ? summariseAll(all, corpus, dir, opts.signal).catch((err: unknown) => {
          opts.onSummariesError?.(err as Error);
          return null;
        })
      : Promise.resolve(null);
  const summarised = summaries.then((made) => made?.count ?? 0);
  const saved = summaries
    .then((made) => {
      for (const [i, e] of made?.entries ?? []) all[i] = e;
      return cache.save(all);
    })
    .then(() => undefined, onCacheError);
  return { loaded, corpus, workers: inThread ? 0 : workers, cached, saved, cache, summarised };
}

/**
 * From this many articles, the search index is built on a worker while this thread builds the rest of the corpus
 * (people, quotes, page sizes): at 100,000 articles each takes about 1.5 s, and one core was idle meanwhile.
 * Below, starting the worker and sending it the terms cost about as much as they save.
 */
export const INDEX_IN_WORKER_FROM = 20_000;
/** Articles' index terms sent to the indexing worker at a time (one message of 100,000 held the event loop 0.12 s). */
const INDEX_CHUNK = 5000;

/**
 * The search index over `sorted` (newest first), its arrays built on a worker from the index terms the loading
 * made. Built here instead, step by step, when an article has no terms counted (the cache had dropped them), or when
 * the worker fails; rejects only if stopped.
 */
async function indexOnWorker(sorted: readonly Article[], terms: ReadonlyMap<string, IndexTerms>, base: string, signal?: AbortSignal): Promise<SearchIndex> {
  const here = (): Promise<SearchIndex> => runSteps(SearchIndex.build(sorted, (a) => terms.get(a.id)), signal);
  const list: IndexTerms[] = [];
  const pause = slicer(signal);
  for (const a of sorted) {
    await pause();
    const t = terms.get(a.id);
    if (t === undefined) return here();
    list.push(t);
  }
  try {
    let parts: IndexParts | null = null;
    const chunks = Math.ceil(list.length / INDEX_CHUNK);
    await runWorkers(
      "index-worker.ts",
      chunks,
      base,
      1,
      (chunk) => ({
        kind: "index",
        chunk,
        terms: list.slice(chunk * INDEX_CHUNK, (chunk + 1) * INDEX_CHUNK),
        headlines: sorted.slice(chunk * INDEX_CHUNK, (chunk + 1) * INDEX_CHUNK).map((a) => a.headline),
        last: chunk === chunks - 1,
        ...(chunk === 0 ? { room: roomFor(list) } : {}),
      }),
      (reply) => {
        if (reply.kind === "index" && reply.parts !== null) parts = reply.parts;
      },
      signal,
    );
    if (parts === null) throw new Error("the indexing worker gave no index");
    return await runSteps(SearchIndex.assemble(sorted, parts), signal);
  } catch (err) {
    if (signal?.aborted === true) throw err;
    return here();
  }
}

/** Below this many articles to summarise, this thread does it (about 0.07 ms an article), in slices. */
export const SUMMARISE_IN_WORKER_FROM = 2000;
/** Articles sent to the summarising worker at a time. */
const SUMMARY_CHUNK = 250;

/**
 * Every article's summaries for the entries that have none yet, each handed to the corpus as it is made (only for
 * the very article the corpus holds: a duplicate dropped by the merge is summarised, but serves no one). Returns
 * the index of each such entry with a copy of it that holds its summaries (a new object, so that the cache sees
 * it changed); rejects if stopped.
 */
async function summariseAll(
  all: readonly FileEntry[],
  corpus: Corpus,
  base: string,
  signal?: AbortSignal,
): Promise<{ entries: Array<[number, FileEntry]>; count: number }> {
  const owners: number[] = [];
  const articles: Article[] = [];
  all.forEach((e, i) => {
    if (e.articles.length === 0 || e.plans?.length === e.articles.length) return;
    for (const a of e.articles) {
      owners.push(i);
      articles.push(a);
    }
  });
  const plans: SummaryPlan[] = new Array<SummaryPlan>(articles.length);
  const take = (k: number, plan: SummaryPlan): void => {
    plans[k] = plan;
    corpus.keepSummaries(articles[k] as Article, plan);
  };
  const pause = slicer(signal);
  if (articles.length < SUMMARISE_IN_WORKER_FROM) {
    for (let k = 0; k < articles.length; k++) {
      await pause();
      take(k, planSummaries((articles[k] as Article).paragraphs));
    }
  } else {
    // One worker: the other core is this thread's, which answers commands meanwhile.
    const workers = Math.max(1, Math.min(8, availableParallelism()) - 1);
    await runWorkers(
      "summary-worker.ts",
      Math.ceil(articles.length / SUMMARY_CHUNK),
      base,
      workers,
      (chunk) => ({ kind: "summarise", chunk, articles: articles.slice(chunk * SUMMARY_CHUNK, (chunk + 1) * SUMMARY_CHUNK).map((a) => a.paragraphs) }),
      (reply) => {
        if (reply.kind === "summaries") reply.plans.forEach((plan, k) => take(reply.chunk * SUMMARY_CHUNK + k, plan));
      },
      signal,
    );
  }
  // Made field by field (a spread copy of 100,000 entries that came from workers held the event loop 0.3 s), and
  // letting other work run meanwhile.
  const entries: Array<[number, FileEntry]> = [];
  for (let k = 0; k < articles.length; ) {
    await pause();
    const i = owners[k] as number;
    const e = all[i] as FileEntry;
    const copy: FileEntry = { file: e.file, size: e.size, mtimeMs: e.mtimeMs, problem: e.problem, articles: e.articles, analyses: e.analyses, terms: e.terms };
    copy.plans = plans.slice(k, k + e.articles.length);
    entries.push([i, copy]);
    k += e.articles.length;
  }
  return { entries, count: articles.length };
}
