/**
 * Building a Corpus without holding up the event loop: the core builds it in steps (Corpus.stepwise); this drives
 * those steps and lets other work (the Discord gateway, commands answered "still loading") run whenever about
 * 15 ms have gone by. The same pause (`slicer`) serves the other long work of loading.
 */
import type { Article } from "../news/article.js";
import { Corpus, type CorpusOptions } from "../news/corpus.js";

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

export async function buildCorpus(articles: readonly Article[], opts: CorpusOptions = {}): Promise<Corpus> {
  const steps = Corpus.stepwise(articles, opts);
  const pause = slicer();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    await pause();
  }
}
