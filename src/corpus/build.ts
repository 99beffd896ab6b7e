/**
 * Building a Corpus without holding up the event loop: the core builds it in steps (Corpus.stepwise); this drives
 * those steps and lets other work (the Discord gateway, commands answered "still loading") run whenever about
 * 15 ms have gone by.
 */
import type { Article } from "../news/article.js";
import { Corpus, type CorpusOptions } from "../news/corpus.js";

const SLICE_MS = 15;

export async function buildCorpus(articles: readonly Article[], opts: CorpusOptions = {}): Promise<Corpus> {
  const steps = Corpus.stepwise(articles, opts);
  let last = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (performance.now() - last < SLICE_MS) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  }
}
