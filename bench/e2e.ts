/**
 * End to end through the unmodified discord.js client and the loopback emulator: the real bot (src/main.ts, in its
 * own process, on the given articles) answers a stream of interactions — /headline, /quote person, /summary,
 * /search and /quote autocomplete — sent with a fixed number in flight. Prints interactions per second and the
 * p50/p99 time from the gateway dispatch to Discord receiving the answer, beside the same for a bot that answers
 * a fixed embed at once (bench/pong-bot.ts: the floor of discord.js and the emulator on this machine), measured in
 * the same run. Used by `npm run bench` (also alone: `tsx bench/e2e.ts DIR [COUNT] [IN_FLIGHT]`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { NODE_FLAGS } from "../src/runtime.js";
import { DiscordEmulator, type InteractionRecord } from "../test/support/emulator/index.js";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface E2eResult {
  interactions: number;
  inFlight: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

type Send = (emu: DiscordEmulator, i: number) => InteractionRecord;

/** Send `count` interactions keeping `inFlight` unanswered at a time; time each from dispatch to answer. */
async function drive(emu: DiscordEmulator, send: Send, count: number, inFlight: number): Promise<E2eResult> {
  const started = new Map<string, number>();
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  let finished = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const next = (): void => {
      if (sent >= count) return;
      const k = sent++;
      const at = performance.now();
      const rec = send(emu, k);
      started.set(rec.id, at);
    };
    emu.onInteractionCallback = (rec, status) => {
      const at = started.get(rec.id);
      if (at === undefined) return;
      started.delete(rec.id);
      if (status >= 300) failed++;
      latencies.push(performance.now() - at);
      finished++;
      if (finished === count) resolve();
      else next();
    };
    for (let k = 0; k < inFlight; k++) next();
  });
  const seconds = (performance.now() - t0) / 1000;
  emu.onInteractionCallback = null;
  return { interactions: count, inFlight, perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
}

function spawnBot(entry: string, env: Record<string, string>): { child: ChildProcess; stop: () => Promise<void> } {
  // BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot under load.
  const extra = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
  const child = spawn(process.execPath, [...NODE_FLAGS, ...extra, "--import", "tsx", path.join(ROOT, entry)], { cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((r) => child.once("exit", r));
  return {
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

interface Running {
  emu: DiscordEmulator;
  send: Send;
  stop: () => Promise<void>;
}

/** One bot started on its own emulator, ready (articles loaded) and warmed up. */
async function startBot(entry: string, articles: string): Promise<Running> {
  const emu = await new DiscordEmulator().start();
  const guildId = emu.guilds[0]?.id ?? "";
  const bot = spawnBot(entry, { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_GUILD_ID: guildId, STORE_URL: "memory://", ARTICLES_DIR: articles, LOG_LEVEL: "error" });
  try {
    await emu.waitFor(() => emu.connected() && emu.registered(guildId).length > 0, 600_000, "the bot on the gateway");
    // Ready when a command is answered with something other than "still loading".
    for (;;) {
      const r = emu.interact({ name: "headline" });
      const m = await emu.answer(r, 10_000);
      if ((m.embeds[0] as { title?: string } | undefined)?.title !== "Still loading the news") break;
      await new Promise((res) => setTimeout(res, 500));
    }
    const people: string[] = [];
    for (const typed of ["a", "e", "o", "i"]) {
      const r = emu.interact({ name: "quote", options: { person: typed }, focused: "person" });
      await emu.waitFor(() => r.choices, 10_000, "autocomplete");
      for (const c of r.choices ?? []) if (!people.includes(String(c.value))) people.push(String(c.value));
    }
    if (people.length === 0) people.push("Rubio");
    const topics = ["election", "strike", "budget", "court", "summit", "flood", "vaccine", "prices"];
    const send: Send = (e, i) => {
      switch (i % 5) {
        case 0:
          return e.interact({ name: "headline" });
        case 1:
          return e.interact({ name: "quote", options: { person: people[i % people.length] ?? "Rubio" } });
        case 2:
          return e.interact({ name: "summary" });
        case 3:
          return e.interact({ name: "search", options: { query: topics[i % topics.length] ?? "election" } });
        default:
          return e.interact({ name: "quote", options: { person: (people[i % people.length] ?? "Rubio").slice(0, 3) }, focused: "person" });
      }
    };
    await drive(emu, send, 500, 10);
    return {
      emu,
      send,
      stop: async () => {
        await bot.stop();
        await emu.stop();
      },
    };
  } catch (err) {
    await bot.stop();
    await emu.stop();
    throw err;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Both bots run side by side; rounds alternate between them, so that a slow moment of this machine hits both.
 * Each figure is the median over the rounds.
 */
export async function measureEndToEnd(articles: string, count = 5000, inFlight = 10, rounds = 5): Promise<{ ours: E2eResult; baseline: E2eResult }> {
  const ours = await startBot("src/main.ts", articles);
  const base = await startBot("bench/pong-bot.ts", articles);
  try {
    const per = Math.ceil(count / rounds);
    const a: E2eResult[] = [];
    const b: E2eResult[] = [];
    for (let r = 0; r < rounds; r++) {
      a.push(await drive(ours.emu, ours.send, per, inFlight));
      b.push(await drive(base.emu, base.send, per, inFlight));
    }
    const pick = (xs: E2eResult[]): E2eResult => ({
      interactions: per * rounds,
      inFlight,
      perSecond: median(xs.map((x) => x.perSecond)),
      p50: median(xs.map((x) => x.p50)),
      p99: median(xs.map((x) => x.p99)),
      failed: xs.reduce((n, x) => n + x.failed, 0),
    });
    return { ours: pick(a), baseline: pick(b) };
  } finally {
    await ours.stop();
    await base.stop();
  }
}

export function printEndToEnd(r: { ours: E2eResult; baseline: E2eResult }): void {
  const line = (name: string, x: E2eResult) =>
    `  ${name.padEnd(22)} ${x.perSecond.toFixed(0).padStart(8)}/s  p50 ${x.p50.toFixed(1).padStart(6)} ms  p99 ${x.p99.toFixed(1).padStart(6)} ms${x.failed > 0 ? `  (${x.failed} refused)` : ""}`;
  console.log(`  end to end, ${r.ours.interactions} interactions, ${r.ours.inFlight} in flight (discord.js ↔ emulator; medians of 5 alternating rounds):`);
  console.log(line("newsdesk", r.ours));
  console.log(line("baseline (fixed answer)", r.baseline));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "seeds", count = "5000", inFlight = "10"] = process.argv.slice(2);
  void measureEndToEnd(dir, Number(count), Number(inFlight)).then(printEndToEnd);
}
