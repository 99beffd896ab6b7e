/**
 * One measurement run over one articles folder, in its own process (so that its peak memory is its own):
 * load + index time and peak RSS, then per-command latency (options in, Reply out, in-process) beside a naive
 * baseline measured in the same run. Prints one JSON line. Used by bench/run.ts (`npm run bench`).
 *
 * `tsx bench/measure.ts DIR [--cache CACHE_DIR] [--load-only]`: with --cache the load uses (and writes) that
 * analysis cache, as the bot does; --load-only stops after the load (a restart's figures).
 */
import { findCommand, OWNER_CONTEXT, type CommandInput, type Services } from "../commands/index.js";
import { loadArticles } from "../src/corpus/load.js";
import { loadCorpus } from "../src/corpus/parallel.js";
import { Corpus } from "../src/news/corpus.js";
import { buildDigest } from "../src/news/digest.js";
import { summarize, SUMMARY_SENTENCES, unitsOf } from "../src/news/summary.js";
import { fold, terms } from "../src/news/text.js";

export interface Timing {
  p50: number;
  p99: number;
  n: number;
}

export interface Measurement {
  dir: string;
  articles: number;
  /** Load + index as the bot starts: files read and analysed on worker threads (from 2,500 files), indexes built here. */
  startMs: number;
  /** Worker threads the load used (0: this thread). */
  workers: number;
  /** Files whose analysis came from the analysis cache (see --cache). */
  cached: number;
  files: number;
  /** Articles summarised after the load, in the background (0 when the cache held their summaries), and how long
   * that took from the end of the load. Commands are timed after it. */
  summarised: number;
  summariesMs: number;
  /** From the end of the load until the analysis cache was written, after the summaries (not part of startMs: the
   * bot answers meanwhile). */
  saveMs: number;
  /** The longest this thread was busy at once meanwhile (what the gateway would wait). */
  blockedMs: number;
  /** The same while the summaries were made and the cache written, after the load. */
  afterBlockedMs: number;
  /** Baseline: the first version's path, load then index in one thread (measured up to 20,000 articles). */
  baselineLoadMs?: number;
  baselineIndexMs?: number;
  peakRssMb: number;
  commands: Record<string, { ours: Timing; baseline?: Timing }>;
  digestMs: number;
  /** Calls made before timing each of ours. */
  warmUp: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/**
 * Calls made before timing ours, with inputs of their own: a bot that has run for a while has warm code. 20 were
 * too few for autocomplete, which a bot runs at every keystroke: V8 had not yet compiled its scan of the speakers,
 * and its first 25 or so timed calls (0.15–3.5 ms against 0.016 ms after) made its p99 (0.159 ms after 20 calls,
 * 0.042 ms after 200, in one process each over the same archive).
 */
const WARM_UP = 200;

async function time(n: number, f: (i: number) => unknown, warmUp = 0): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await f(n + i);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    xs.push(performance.now() - t0);
  }
  return { p50: percentile(xs, 50), p99: percentile(xs, 99), n };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args[0];
  if (dir === undefined) throw new Error("usage: tsx bench/measure.ts DIR [--cache CACHE_DIR] [--load-only]");
  const c = args.indexOf("--cache");
  const cacheDir = c > 0 ? args[c + 1] : undefined;
  const loadOnly = args.includes("--load-only");
  // The event loop's longest stall while loading, then while the summaries are made and the cache written (the bot
  // answering meanwhile), sampled every 20 ms.
  let stall = 0;
  let tick = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - tick - 20);
    tick = now;
  }, 20);
  const t0 = performance.now();
  const { corpus, loaded, workers, cached, saved, summarised: summarising } = await loadCorpus(dir, { ...(cacheDir !== undefined ? { cacheDir } : {}), summaries: true });
  const startMs = performance.now() - t0;
  const last = performance.now();
  const blockedMs = Math.max(stall, last - tick - 20);
  stall = 0;
  const summarised = await summarising;
  const summariesMs = performance.now() - last;
  await saved;
  const saveMs = performance.now() - last;
  const afterBlockedMs = Math.max(stall, performance.now() - tick - 20);
  clearInterval(probe);
  let baselineLoadMs: number | undefined;
  let baselineIndexMs: number | undefined;
  if (loaded.articles.length <= 20_000 && !loadOnly) {
    const b0 = performance.now();
    const again = await loadArticles(dir);
    const b1 = performance.now();
    new Corpus(again.articles);
    baselineLoadMs = b1 - b0;
    baselineIndexMs = performance.now() - b1;
  }
  const services: Services = { corpus, now: () => new Date("2025-11-28T08:00:00Z"), digest: { timeZone: "UTC", stories: 5 } };
  const run = (name: string, input: CommandInput) => (findCommand(name) as NonNullable<ReturnType<typeof findCommand>>).execute(input, services, OWNER_CONTEXT);
  const people = [...corpus.people.values()].filter((p) => p.quotes.length > 0);
  const names = people.map((p) => p.name);
  const N = 1000;
  // Topics and queries: one or two content words of a headline spread over the archive, so that the timed calls
  // meet common and rare words and the topic cache rarely holds the answer.
  const words = Array.from({ length: N + WARM_UP }, (_, i) => {
    const t = terms(corpus.articles[(i * 104_729) % Math.max(1, corpus.size)]?.headline ?? "").filter((x) => x.length > 3);
    const w = t[i % Math.max(1, t.length)] ?? "strike";
    return i % 2 === 0 ? w : `${w} ${t[(i + 1) % Math.max(1, t.length)] ?? ""}`.trim();
  });
  const commands: Measurement["commands"] = {};
  const result = (digestMs: number): Measurement => ({
    dir,
    articles: corpus.size,
    startMs,
    workers,
    cached,
    files: loaded.files,
    saveMs,
    summarised,
    summariesMs,
    blockedMs,
    afterBlockedMs,
    ...(baselineLoadMs !== undefined ? { baselineLoadMs } : {}),
    ...(baselineIndexMs !== undefined ? { baselineIndexMs } : {}),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    commands,
    digestMs,
    warmUp: WARM_UP,
  });
  if (loadOnly) {
    process.stdout.write(`${JSON.stringify(result(0))}\n`);
    return;
  }

  // /quote person — baseline: scan every article's quotes for the name.
  commands.quote = {
    ours: await time(N, (i) => run("quote", { person: names[i % names.length] ?? "Trump" }), WARM_UP),
    baseline: await time(Math.min(N, 50), (i) => {
      const want = fold(names[i % names.length] ?? "");
      const last = want.split(" ").at(-1) ?? want;
      let found = 0;
      for (const a of corpus.articles) for (const q of corpus.quotesOf(a.id)) if (q.speaker !== null && fold(q.speaker).includes(last)) found++;
      return found;
    }),
  };
  // autocomplete on /quote person — baseline: scan all people for the typed prefix.
  const quoteCmd = findCommand("quote");
  commands.autocomplete = {
    ours: await time(N, (i) => quoteCmd?.autocomplete?.("person", (names[i % names.length] ?? "a").slice(0, 3), services), WARM_UP),
    baseline: await time(Math.min(N, 50), (i) => {
      const typed = fold((names[i % names.length] ?? "a").slice(0, 3));
      return [...corpus.people.values()].filter((p) => [...p.aliases].some((a) => fold(a).startsWith(typed))).sort((a, b) => b.quotes.length - a.quotes.length).slice(0, 25);
    }),
  };
  // /summary article — baseline: the first version's path for an article not summarised before, the same command
  // with the summary made on the spot (and its sentences counted) instead of looked up.
  const cold = Object.create(corpus) as Corpus;
  cold.summary = (a, length) => summarize(a.paragraphs, SUMMARY_SENTENCES[length ?? "medium"]).map((u) => u.text);
  cold.sentenceCount = (a) => unitsOf(a.paragraphs).length;
  const coldServices: Services = { ...services, corpus: cold };
  commands.summary = {
    ours: await time(N, (i) => run("summary", { article: corpus.articles[(i * 7919) % corpus.size]?.id ?? "" }), WARM_UP),
    // (Warmed up like ours: the summariser has not run in this thread, a worker made the summaries.)
    baseline: await time(
      Math.min(N, 50),
      (i) => (findCommand("summary") as NonNullable<ReturnType<typeof findCommand>>).execute({ article: corpus.articles[(i * 7919) % corpus.size]?.id ?? "" }, coldServices, OWNER_CONTEXT),
      WARM_UP,
    ),
  };
  // /headline topic — baseline: scan every article's text for the topic's words.
  commands.headline = {
    ours: await time(N, (i) => run("headline", { topic: words[i % words.length] ?? "strike" }), WARM_UP),
    baseline: await time(Math.min(N, 20), (i) => {
      const t = terms(words[i % words.length] ?? "strike");
      return corpus.articles.filter((a) => {
        const have = new Set(terms(`${a.headline} ${a.paragraphs.join(" ")}`));
        return t.every((x) => have.has(x));
      }).length;
    }),
  };
  // /search — baseline: scan every article's text and count query words.
  commands.search = {
    ours: await time(N, (i) => run("search", { query: words[i % words.length] ?? "strike" }), WARM_UP),
    baseline: await time(Math.min(N, 20), (i) => {
      const t = terms(words[i % words.length] ?? "strike");
      return corpus.articles
        .map((a) => {
          const all = terms(`${a.headline} ${a.paragraphs.join(" ")}`);
          return { a, s: all.filter((x) => t.includes(x)).length };
        })
        .filter((x) => x.s > 0)
        .sort((x, y) => y.s - x.s)
        .slice(0, 5);
    }),
  };
  const d0 = performance.now();
  buildDigest(corpus, { now: new Date("2025-11-28T08:00:00Z"), timeZone: "UTC", stories: 5 });
  const digestMs = performance.now() - d0;
  process.stdout.write(`${JSON.stringify(result(digestMs))}\n`);
}

void main();
