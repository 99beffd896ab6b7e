/**
 * Building a Corpus without holding up the event loop: the core builds it in steps (Corpus.stepwise); this drives
 * those steps and lets other work (the Discord gateway, commands answered "still loading") run whenever about
 * 15 ms have gone by. The same pause (`slicer`) serves the other long work of loading.
 */
import type { Article } from "../news/article.js";
import { Corpus, type CorpusOptions, INDEX_WANTED } from "../news/corpus.js";
import type { SearchIndex } from "../news/search.js";

const SLICE_MS = 15;

/**
 * A pause to await between steps of long work on this thread: it lets other work run (the gateway, commands)
 * once SLICE_MS have gone by since the last, and throws "loading stopped" once `signal` is aborted.
 */
export function slicer(signal?: AbortSignal): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (signal?.aborted === true) throw new Error("loading stopped");
    if (performance.now() - last < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/**
 * The corpus of `articles`, built in steps. With `index`, its search index is the one that promise gives (made
 * meanwhile on a worker: see parallel.ts), over the same articles newest first; the rest is built here meanwhile.
 */
export async function buildCorpus(articles: readonly Article[], opts: CorpusOptions = {}, index?: Promise<SearchIndex>): Promise<Corpus> {
  const steps = Corpus.stepwise(articles, { ...opts, indexMadeElsewhere: index !== undefined });
  // The index is awaited only once the rest is built: a failure before then (the load stopped) is not left
  // unhandled meanwhile, which would end the process; it still fails the build when awaited.
  index?.catch(() => undefined);
  const pause = slicer();
  let r = steps.next();
  for (;;) {
    if (r.done === true) return r.value;
    if (r.value === INDEX_WANTED) {
      r = steps.next(await index);
      continue;
    }
    await pause();
    r = steps.next();
  }
}

/** The value of a generator that pauses by yielding, run with `slicer`'s pauses between its steps. */
export async function runSteps<T>(steps: Generator<void, T>, signal?: AbortSignal): Promise<T> {
  const pause = slicer(signal);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    await pause();
  }
}
