/**
 * Composition root: config → articles → corpus → store → transport (Discord or console) →
 * daily digest schedule; graceful shutdown on SIGINT/SIGTERM or at the end of console input.
 */
import { missingNodeFlags, startedWithNodeFlags } from "./runtime.js";
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Services } from "../commands/index.js";
import { cacheDirOf, type Config, ConfigError, dailyTime, loadConfig } from "./config.js";
import { runConsole } from "./console/repl.js";
import { renderText } from "./console/render.js";
import type { AnalysisCache } from "./corpus/cache.js";
import { loadCorpus, type Progress } from "./corpus/parallel.js";
import { ProgressBar } from "./console/progress.js";
import { type ArticleWatcher, watchArticles } from "./corpus/watch.js";
import { deliverDigest, type Post } from "./digest/deliver.js";
import { scheduleDaily } from "./digest/schedule.js";
import { DigestScheduler } from "./digest/scheduler.js";
import { DEFAULT_GUILD, Subscriptions } from "./digest/subscriptions.js";
import { localDate } from "./news/digest.js";
import { type DiscordBot, StartupError, startDiscord } from "./discord/bot.js";
import { createLogger, scrub } from "./log.js";
import { Corpus } from "./news/corpus.js";
import { plural } from "./news/reply.js";
import { openStore, type Store, type Subscription } from "./store/store.js";
import { storePages } from "./discord/pages.js";
import { Corpora } from "./feeds/corpora.js";
import { readFeedsFile } from "./feeds/owner.js";
import { FeedService } from "./feeds/service.js";

export interface RunningBot {
  mode: "discord" | "console";
  corpus: Corpus;
  store: Store;
  bot?: DiscordBot;
  scheduler: DigestScheduler;
  subscriptions: Subscriptions;
  feeds: FeedService;
  corpora: Corpora;
  /** ARTICLES_DIR's watcher (`check()` looks at once). */
  articles: ArticleWatcher;
  /** Deliver today's digest now (what the schedule does when it fires). */
  deliverNow(now?: Date): Promise<string>;
  stop(): Promise<void>;
  /** Resolves when console input has ended (console mode only). */
  done: Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  log?: Logger;
  now?: () => Date;
  /** Discord answers not ready after this long are deferred first (default 2 s). */
  deferAfterMs?: number;
  /** Start the minute tick (default true; tests drive `scheduler.tick(now)` themselves). */
  schedule?: boolean;
}

/** Start newsdesk. Throws ConfigError or StartupError with a message fit for one line. */
export async function start(opts: StartOptions = {}): Promise<RunningBot> {
  const config: Config = loadConfig(opts.env ?? process.env);
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  if (!startedWithNodeFlags) {
    const flags = missingNodeFlags.map((f) => f.flag);
    log.warn({ flags }, `node was started without ${flags.join(" ")} (npm start gives it): ${missingNodeFlags.map((f) => f.without).join("; ")}`);
  }
  const output = opts.output ?? process.stdout;
  const now = opts.now ?? (() => new Date());

  let ownerFeeds: string[] = [];
  if (config.FEEDS_FILE !== undefined) {
    try {
      ownerFeeds = await readFeedsFile(config.FEEDS_FILE);
    } catch (err) {
      throw new StartupError((err as Error).message);
    }
  }
  let store: Store;
  try {
    store = await openStore(config.STORE_URL, {
      onError: (err) => log.error({ err }, "store error"),
      onInvalid: (key, reason) => log.warn({ key, reason }, "ignored an invalid stored record"),
    });
  } catch (err) {
    throw new StartupError(`Cannot open the store at STORE_URL=${config.STORE_URL}: ${(err as Error).message}`);
  }

  // The articles load on every core while Discord connects; until they are in, commands answer "still loading".
  const progress: { at: Progress; finished: boolean } = { at: { done: 0, total: 0 }, finished: false };
  const interactiveOutput = config.DISCORD_TOKEN === undefined && Boolean((output as { isTTY?: boolean }).isTTY);
  const bar = interactiveOutput ? new ProgressBar(output, "Loading articles") : undefined;
  let loggedShare = 0;
  const stopLoading = new AbortController();
  const cacheDir = cacheDirOf(config);
  const onCacheError = (err: Error): void => log.warn({ err, cacheDir }, "could not write the analysis cache; the next start analyses those files again");
  const onSummariesError = (err: Error): void => {
    if (!stopLoading.signal.aborted) log.warn({ err }, "could not make the summaries in the background; each is made when first asked for");
  };
  const loading = loadCorpus(config.ARTICLES_DIR, {
    signal: stopLoading.signal,
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    onCacheError,
    // Every article's summaries are made once the articles are in, off this thread, so /summary is a lookup.
    summaries: true,
    onSummariesError,
    onProgress: (p) => {
      progress.at = p;
      bar?.update(p.done, p.total);
      const share = Math.floor((10 * p.done) / Math.max(1, p.total));
      if (share > loggedShare && p.done < p.total) {
        loggedShare = share;
        log.info({ done: p.done, total: p.total }, `loading articles: ${share * 10}%`);
      }
    },
  });
  // Nothing is unhandled if start-up fails before the load is awaited.
  loading.catch(() => {});

  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // Live feeds: each server's own, and FEEDS_FILE's for all; one corpus per server.
  const changed: { corpora?: Corpora } = {};
  const feeds = new FeedService({
    store,
    log: log.child({ part: "feeds" }),
    now,
    intervalMinutes: config.FEEDS_INTERVAL_MINUTES,
    perGuild: config.FEEDS_PER_GUILD,
    allowPrivate: config.FEEDS_ALLOW_PRIVATE,
    ownerFeeds,
    owner,
    onChange: (url) => changed.corpora?.invalidateUrl(url),
    onGuildChange: (guildId) => changed.corpora?.invalidateGuild(guildId),
  });
  const corpora = new Corpora([], feeds);
  changed.corpora = corpora;
  const services: Services = {
    corpus: corpora.shared,
    loading: () => (progress.finished ? null : progress.at),
    now,
    digest: { timeZone: config.DIGEST_TIMEZONE, stories: config.DIGEST_STORIES },
    feeds,
    feedsIntervalMinutes: config.FEEDS_INTERVAL_MINUTES,
    corpusFor: (guildId) => corpora.get(guildId),
  };

  let bot: DiscordBot | undefined;
  let post: Post;
  let defaultChannel: string | undefined;
  if (config.DISCORD_TOKEN !== undefined) {
    try {
      bot = await startDiscord({
        token: config.DISCORD_TOKEN,
        apiUrl: config.DISCORD_API_URL,
        ...(config.DISCORD_APPLICATION_ID !== undefined ? { applicationId: config.DISCORD_APPLICATION_ID } : {}),
        ...(config.DISCORD_GUILD_ID !== undefined ? { guildId: config.DISCORD_GUILD_ID } : {}),
        services,
        log,
        pages: storePages(store),
        ...(config.SHARDS !== undefined ? { shards: config.SHARDS } : {}),
        ...(config.SHARD_IDS !== undefined ? { shardIds: config.SHARD_IDS } : {}),
        ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
      });
    } catch (err) {
      stopLoading.abort();
      await store.close();
      throw err;
    }
    post = bot.post;
    services.channelGuild = bot.channelGuild;
    defaultChannel = config.DIGEST_CHANNEL_ID;
  } else {
    defaultChannel = "console";
    post = async (_channel, reply) => {
      output.write(`\n${renderText(reply)}\n\n`);
      return [];
    };
  }

  let loaded: Awaited<typeof loading>["loaded"];
  let cached = 0;
  let cache: AnalysisCache | undefined;
  try {
    const done = await loading;
    loaded = done.loaded;
    cached = done.cached;
    cache = done.cache;
    corpora.setBase(loaded.articles, done.corpus);
    void done.summarised.then((n) => {
      if (n > 0) log.info({ articles: n }, "summaries made");
    });
  } catch (err) {
    await bot?.stop();
    await store.close();
    throw new StartupError(`Could not load the articles in ${config.ARTICLES_DIR}: ${(err as Error).message}`);
  } finally {
    bar?.done();
  }
  const corpus = corpora.shared;
  services.corpus = corpus;
  progress.finished = true;
  for (const s of loaded.skipped) log.warn({ file: s.file, reason: s.reason }, `skipped ${s.file}: ${s.reason}`);
  if (loaded.duplicates > 0) log.info({ duplicates: loaded.duplicates }, "duplicate articles loaded once");
  log.info({ articles: corpus.size, files: loaded.files, cached, skipped: loaded.skipped.length, dir: config.ARTICLES_DIR }, "articles loaded");

  // The environment's digest (DIGEST_CHANNEL_ID, or the console) is a default subscription when
  // DIGEST_CRON fires once a day at a fixed time; any other cron expression keeps its own job.
  const daily = dailyTime(config.DIGEST_CRON);
  const fallback: Subscription | null =
    defaultChannel !== undefined && daily !== null
      ? { guildId: DEFAULT_GUILD, channelId: defaultChannel, time: daily, timeZone: config.DIGEST_TIMEZONE, stories: config.DIGEST_STORIES, createdAt: bot ? 0 : now().getTime() }
      : null;
  const subscriptions = new Subscriptions(store, fallback);
  services.subscriptions = subscriptions;
  const leaseMs = config.DIGEST_CLAIM_LEASE_SECONDS * 1000;
  const scheduler = new DigestScheduler({
    store,
    subscriptions,
    corpus: (guildId) => corpora.get(guildId),
    post,
    ...(bot ? { findPosted: bot.findPosted } : {}),
    log,
    owner,
    now,
    catchupHours: config.DIGEST_CATCHUP_HOURS,
    leaseMs,
    ...(bot ? { holds: (sub: Subscription) => holdsSubscription(bot, sub) } : {}),
  });

  /** Deliver the environment's digest for the local date of `at` (what its schedule does). */
  const deliverNow = async (at: Date = now()): Promise<string> => {
    if (defaultChannel === undefined) return "no-channel";
    return deliverDigest({
      store,
      corpus: await corpora.get(DEFAULT_GUILD),
      target: { channelId: defaultChannel, timeZone: config.DIGEST_TIMEZONE, stories: config.DIGEST_STORIES },
      date: localDate(at, config.DIGEST_TIMEZONE),
      now: at,
      owner,
      post,
      ...(bot ? { findPosted: bot.findPosted } : {}),
      log,
      leaseMs,
    });
  };
  const cronJob = defaultChannel !== undefined && daily === null ? scheduleDaily(config.DIGEST_CRON, config.DIGEST_TIMEZONE, () => deliverNow(), log) : undefined;
  // New or changed files in ARTICLES_DIR replace the seed articles without a restart.
  const watcher = await watchArticles(
    config.ARTICLES_DIR,
    (reloaded, rebuilt) => {
      corpora.setBase(reloaded.articles, rebuilt);
      services.corpus = corpora.shared;
    },
    log,
    // The first load's cache: a reload takes the unchanged files' analyses from memory, the very objects in use.
    { cache, onCacheError, summaries: true, onSummariesError, signal: stopLoading.signal },
  );
  if (opts.schedule ?? true) {
    scheduler.start();
    feeds.start();
    void feeds.tick().catch((err: unknown) => log.error({ err }, "feed tick failed"));
  }
  if (defaultChannel === undefined) log.info("DIGEST_CHANNEL_ID is not set: only digests set up with /digest subscribe will be posted");
  else log.info({ cron: config.DIGEST_CRON, timeZone: config.DIGEST_TIMEZONE, channel: defaultChannel }, "daily digest scheduled");

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // (Also stops the summaries still being made after the load, if any.)
    stopLoading.abort();
    await scheduler.stop();
    feeds.stop();
    watcher.stop();
    await cronJob?.stop();
    await bot?.stop();
    await store.close();
    log.info("newsdesk stopped");
  };

  let done: Promise<void> = new Promise(() => {});
  if (!bot) {
    const input = opts.input ?? process.stdin;
    const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
    output.write(
      `newsdesk — ${plural(corpus.size, "article")} loaded from ${config.ARTICLES_DIR}/` +
        `${loaded.skipped.length > 0 ? ` (${plural(loaded.skipped.length, "file")} skipped, see the warnings)` : ""}.\n` +
        `Console mode: type /headline, /summary, /quote <person>, /digest, or help.\n` +
        `To connect to Discord, set DISCORD_TOKEN (see README.md).\n\n`,
    );
    done = runConsole({ input, output, services, log, interactive });
  }
  return { mode: bot ? "discord" : "console", corpus, store, scheduler, subscriptions, feeds, corpora, articles: watcher, ...(bot ? { bot } : {}), deliverNow, stop, done };
}

/**
 * Only the process holding a server's shard posts its digest. The environment's digest (DIGEST_CHANNEL_ID)
 * belongs to the server of that channel; while its channel is unknown here, to the holder of shard 0.
 */
function holdsSubscription(bot: DiscordBot, sub: Subscription): boolean {
  if (sub.guildId !== DEFAULT_GUILD) return bot.holdsGuild(sub.guildId);
  const guildId = bot.channelGuild(sub.channelId);
  return guildId !== undefined ? bot.holdsGuild(guildId) : bot.shards.ids.includes(0);
}

/** The process entry: one clear line and exit code 2 for bad configuration or a refused login. */
async function cli(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const token = process.env.DISCORD_TOKEN;
  // Signals are handled from the first moment: one that arrives during start-up stops the bot as
  // soon as it is up, cleanly.
  let running: RunningBot | undefined;
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // A store that cannot be reached (Redis gone) must not keep the process from stopping.
    const force = setTimeout(() => {
      process.stderr.write("newsdesk: could not stop cleanly within 10 s; exiting\n");
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await running?.stop();
    } finally {
      process.exit(0);
    }
  };
  let signalled = false;
  const onSignal = (): void => {
    // A second signal while still starting (Discord unreachable, say) ends the process at once.
    if (signalled && !running) process.exit(130);
    signalled = true;
    if (running) void shutdown();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    running = await start();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StartupError) {
      process.stderr.write(`newsdesk: ${scrub(err.message, token)}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger("error");
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
  if (signalled) {
    await shutdown();
    return;
  }
  if (running.mode === "console") {
    await running.done;
    await shutdown();
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) void cli();
