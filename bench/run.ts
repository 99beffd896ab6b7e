/**
 * `npm run bench -- DIR...` or `npm run bench -- --sizes 1000,10000`: for each articles folder (or a generated corpus
 * of each size, written to a temporary folder), runs bench/measure.ts in its own process and prints load + index
 * time, peak RSS, per-command latency p50/p99 beside a naive baseline measured in the same run, and the digest's
 * build time. Not part of `npm test`.
 *
 * Then, on the first folder (or size), end-to-end interactions per second through discord.js and the emulator
 * (bench/e2e.ts; `--no-e2e` leaves it out), and last the many-servers case (bench/many.ts, in its own process;
 * `--no-many` leaves it out).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NODE_FLAGS } from "../src/runtime.js";
import { generateCorpus } from "./corpus.js";
import { measureEndToEnd, printEndToEnd } from "./e2e.js";
import type { ManyResult } from "./many.js";
import type { Measurement, Timing } from "./measure.js";
import type { Probe } from "./probe.js";

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0)).padStart(8);

function measureOnce(dir: string, extra: string[]): Measurement {
  const r = spawnSync(process.execPath, [...NODE_FLAGS, "--max-old-space-size=4096", "--import", "tsx", path.join(import.meta.dirname, "measure.ts"), dir, ...extra], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`measuring ${dir} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as Measurement;
}

/** The machine's speed just now (bench/probe.ts, in a process of its own). */
function probeOnce(dir: string): Probe {
  const r = spawnSync(process.execPath, [...NODE_FLAGS, "--import", "tsx", path.join(import.meta.dirname, "probe.ts"), dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`probing the machine on ${dir} failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as Probe;
}

/**
 * The machine's speed just before, then a first start (empty analysis cache: every file read and analysed, the cache
 * written afterwards) with every measurement, then a restart in a new process over the same cache (load + index and
 * memory only).
 */
async function measure(dir: string): Promise<{ probe: Probe; first: Measurement; restart: Measurement }> {
  const cache = await mkdtemp(path.join(tmpdir(), "newsdesk-bench-cache-"));
  try {
    const probe = probeOnce(dir);
    const first = measureOnce(dir, ["--cache", cache]);
    const restart = measureOnce(dir, ["--cache", cache, "--load-only"]);
    return { probe, first, restart };
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}

function print({ probe, first: m, restart }: { probe: Probe; first: Measurement; restart: Measurement }): void {
  console.log(`\n${m.dir}: ${m.articles} articles`);
  console.log(`  this machine just before: one thread read, parsed and analysed a file in ${probe.msPerFile.toFixed(3)} ms (its first ${probe.files} files, the fastest of three passes after a first)`);
  const base = m.baselineLoadMs !== undefined && m.baselineIndexMs !== undefined ? m.baselineLoadMs + m.baselineIndexMs : undefined;
  console.log(
    `  load + index ${(m.startMs / 1000).toFixed(1)} s (${m.workers > 0 ? `${m.workers} worker threads` : "in this thread"}; this thread blocked at most ${ms(m.blockedMs).trim()} ms at once)` +
      (base !== undefined ? `; baseline in one thread ${((m.baselineLoadMs ?? 0) / 1000).toFixed(1)} s + ${((m.baselineIndexMs ?? 0) / 1000).toFixed(1)} s = ${(base / 1000).toFixed(1)} s (${(base / m.startMs).toFixed(1)}×)` : ""),
  );
  console.log(
    `  (first start, empty analysis cache; then, the bot answering meanwhile, ${m.summarised} articles summarised in ${(m.summariesMs / 1000).toFixed(1)} s and the cache written ${(m.saveMs / 1000).toFixed(1)} s after the load, this thread blocked at most ${ms(m.afterBlockedMs).trim()} ms at once; commands are timed after; the restart had ${restart.summarised} left to summarise)`,
  );
  console.log(
    `  restart with the analysis cache: load + index ${(restart.startMs / 1000).toFixed(1)} s (${restart.cached} of ${restart.files} files from the cache; blocked at most ${ms(restart.blockedMs).trim()} ms at once; ${(m.startMs / restart.startMs).toFixed(1)}× the first start); peak RSS ${restart.peakRssMb.toFixed(0)} MB`,
  );
  console.log(`  peak RSS ${m.peakRssMb.toFixed(0)} MB (first start, with the commands below); digest ${ms(m.digestMs).trim()} ms`);
  console.log(`  ${"command".padEnd(14)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}   ${"baseline p50".padStart(12)} ${"p99".padStart(8)}   ratio (p99)`);
  const n = Object.values(m.commands)[0]?.ours.n ?? 0;
  console.log(`  (ours: ${n} timed calls each, after ${m.warmUp} warm-up calls with other inputs; baselines: up to 50, cold, but for summary's, after the same warm-up)`);
  for (const [name, c] of Object.entries(m.commands)) {
    const b: Timing | undefined = c.baseline;
    const ratio = b !== undefined ? `${(b.p99 / Math.max(c.ours.p99, 1e-6)).toFixed(1)}×` : "";
    console.log(`  ${name.padEnd(14)} ${ms(c.ours.p50)} ${ms(c.ours.p99)}   ${b !== undefined ? ms(b.p50).padStart(12) : "".padStart(12)} ${b !== undefined ? ms(b.p99) : "".padStart(8)}   ${ratio}`);
  }
}

async function main(): Promise<void> {
  const all = process.argv.slice(2);
  const e2e = !all.includes("--no-e2e");
  const many = !all.includes("--no-many");
  const args = all.filter((a) => a !== "--no-e2e" && a !== "--no-many");
  const i = args.indexOf("--sizes");
  const sizes = i >= 0 ? (args[i + 1] ?? "").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
  const dirs = args.filter((a, k) => a !== "--sizes" && (i < 0 || k !== i + 1));
  if (sizes.length === 0 && dirs.length === 0 && !many) {
    process.stderr.write("usage: npm run bench -- DIR...   or   npm run bench -- --sizes 1000,10000,100000   [--no-e2e] [--no-many]\n");
    process.exit(2);
  }
  let first = true;
  const endToEnd = async (dir: string): Promise<void> => {
    if (!e2e || !first) return;
    first = false;
    printEndToEnd(await measureEndToEnd(dir));
  };
  for (const dir of dirs) {
    print(await measure(dir));
    await endToEnd(dir);
  }
  for (const n of sizes) {
    const dir = await mkdtemp(path.join(tmpdir(), `newsdesk-bench-${n}-`));
    try {
      await generateCorpus({ articles: n, out: dir });
      print(await measure(dir));
      await endToEnd(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (many) printMany(measureMany());
}

function printMany(r: ManyResult): void {
  const p = (x: { p50: number; p99: number }) => `p50 ${ms(x.p50).trim()} ms, p99 ${ms(x.p99).trim()} ms`;
  console.log(`\nmany servers: ${r.servers} servers each following ${r.perServer} of ${r.feeds} feeds on loopback (${r.items} items)`);
  console.log(`  first fetch cycle ${(r.firstCycleMs / 1000).toFixed(1)} s (${r.fetched} fetched, ${r.failed} failed); next cycle ${(r.secondCycleMs / 1000).toFixed(1)} s (${r.notModified} not modified)`);
  console.log(`  a server's first command (its corpus built from shared analyses): ${p(r.firstCommand)}; baseline, built from scratch: ${p(r.baselineBuild)} (${(r.baselineBuild.p50 / Math.max(r.firstCommand.p50, 1e-6)).toFixed(1)}× at p50)`);
  console.log(`  later commands: ${p(r.warmCommand)}; peak RSS ${r.peakRssMb.toFixed(0)} MB`);
}

function measureMany(): ManyResult {
  const r = spawnSync(process.execPath, [...NODE_FLAGS, "--max-old-space-size=4096", "--import", "tsx", path.join(import.meta.dirname, "many.ts")], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`the many-servers case failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}") as ManyResult;
}

void main();
