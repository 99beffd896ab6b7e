/**
 * New or changed article files are picked up without a restart: the folder's files are listed every few seconds
 * (names, sizes, modification times — no reading), and when that changes the folder is loaded again and handed
 * over. Polling works on every file system and platform, and costs one stat per file; a large folder is looked
 * at less often.
 */
import { stat } from "node:fs/promises";
import type { Logger } from "pino";
import type { Corpus } from "../news/corpus.js";
import { listFiles, type LoadResult } from "./load.js";
import { loadCorpus, type LoadCorpusOptions } from "./parallel.js";

export const WATCH_INTERVAL_MS = 5_000;

async function signature(dir: string): Promise<string> {
  const files = await listFiles(dir).catch(() => [] as string[]);
  const parts: string[] = [];
  for (const f of files) {
    const s = await stat(f).catch(() => null);
    if (s) parts.push(`${f}:${s.size}:${s.mtimeMs}`);
  }
  return parts.join("\n");
}

export interface ArticleWatcher {
  /** Look now (what the timer does); resolves to the new load when something changed, else null. */
  check(): Promise<LoadResult | null>;
  stop(): void;
}

export async function watchArticles(
  dir: string,
  onChange: (loaded: LoadResult, corpus: Corpus) => void,
  log: Logger,
  load: Pick<LoadCorpusOptions, "cacheDir" | "cache" | "onCacheError" | "summaries" | "onSummariesError" | "signal"> = {},
  intervalMs = WATCH_INTERVAL_MS,
): Promise<ArticleWatcher> {
  let last = await signature(dir);
  /** The last load's analyses (the first load's, given by the caller, or the watcher's own last reload). */
  let cache = load.cache;
  let busy: Promise<LoadResult | null> | null = null;
  const check = (): Promise<LoadResult | null> => {
    busy ??= (async () => {
      try {
        const now = await signature(dir);
        if (now === last) return null;
        last = now;
        // Like the first load: on every core, off this thread; files unchanged since then come from the cache.
        const { loaded, corpus, cache: next } = await loadCorpus(dir, { ...load, ...(cache !== undefined ? { cache } : {}) });
        cache = next;
        for (const s of loaded.skipped) log.warn({ file: s.file, reason: s.reason }, `skipped ${s.file}: ${s.reason}`);
        log.info({ articles: loaded.articles.length, files: loaded.files, skipped: loaded.skipped.length, dir }, "articles reloaded");
        onChange(loaded, corpus);
        return loaded;
      } catch (err) {
        log.error({ err, dir }, "reloading the articles failed; keeping the ones loaded");
        return null;
      } finally {
        busy = null;
      }
    })();
    return busy;
  };
  // The next look waits at least 20 times as long as the last one took, so that a huge folder costs little.
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const loop = (): void => {
    const t0 = Date.now();
    void check().finally(() => {
      if (stopped) return;
      timer = setTimeout(loop, Math.max(intervalMs, (Date.now() - t0) * 20));
      timer.unref();
    });
  };
  timer = setTimeout(loop, intervalMs);
  timer.unref();
  return {
    check,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
