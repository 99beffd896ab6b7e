/**
 * Several processes on one Redis store with Discord sharding: two real bot processes, each holding two of
 * four shards (SHARDS=4, SHARD_IDS), against the emulator with guilds on every shard. Each guild's digest
 * is posted exactly once, by the process holding its shard; commands are answered by that process; and a
 * process killed mid-run (right after Discord created one of its digest messages) is restarted on the same
 * store and neither duplicates nor loses a digest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestKey } from "../src/digest/deliver.js";
import { owedOccurrence } from "../src/digest/subscriptions.js";
import { openStore, type Subscription } from "../src/store/store.js";
import { DiscordEmulator, type EmuGuild } from "./support/emulator/index.js";
import { startRedis, type TestRedis } from "./support/redis.js";
import { spawnBot as spawnProcess } from "./support/spawn.js";

const SHARDS = 4;
const EPOCH = 1420070400000n;
let emu: DiscordEmulator;
let redis: TestRedis;

/** Guild ids on chosen shards: Discord puts guild g on shard (g >> 22) % shards. */
let made = 0;
function guildsOnEveryShard(perShard: number, tag: string): EmuGuild[] {
  const base = BigInt(Date.now() - 86_400_000) - EPOCH + BigInt(SHARDS * 1000 * made++);
  const out: EmuGuild[] = [];
  for (let k = 0; k < SHARDS * perShard; k++) {
    const id = (((base - (base % BigInt(SHARDS)) + BigInt(k)) << 22n) | BigInt(out.length + 1)).toString();
    const channelId = (((base + 1000n + BigInt(k)) << 22n) | 7n).toString();
    out.push({ id, name: `${tag} ${k}`, channels: [{ id: channelId, name: "news", guildId: id }] });
  }
  return out;
}

function spawnBot(shardIds: string): ReturnType<typeof spawnProcess> {
  return spawnProcess({
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    STORE_URL: redis.url,
    SHARDS: String(SHARDS),
    SHARD_IDS: shardIds,
    DIGEST_CLAIM_LEASE_SECONDS: "1",
    LOG_LEVEL: process.env.SHARDING_LOG ?? "warn",
  });
}

/** A subscription due now in every given guild; returns each guild's digest key. */
async function subscribeAll(guilds: EmuGuild[]): Promise<Map<string, string>> {
  const store = await openStore(redis.url);
  const due = new Date(Date.now() - 2 * 60_000);
  const time = due.toISOString().slice(11, 16);
  const keys = new Map<string, string>();
  const ids = new Set((await store.index.get("guilds")) ?? []);
  for (const g of guilds) {
    const channelId = g.channels[0]?.id ?? "";
    const sub: Subscription = { guildId: g.id, channelId, time, timeZone: "UTC", stories: 3, createdAt: 0 };
    await store.subscriptions.set(g.id, { subscriptions: [sub] });
    ids.add(g.id);
    const owed = owedOccurrence(sub, new Date());
    if (!owed) throw new Error("subscription not due");
    keys.set(g.id, digestKey(channelId, owed.date));
  }
  await store.index.set("guilds", [...ids]);
  await store.close();
  return keys;
}

async function waitAllPosted(keys: Map<string, string>, timeoutMs = 60_000): Promise<Map<string, string>> {
  const store = await openStore(redis.url);
  try {
    const start = Date.now();
    for (;;) {
      const by = new Map<string, string>();
      for (const [guildId, key] of keys) {
        const r = await store.digests.get(key);
        if (r?.state === "posted") by.set(guildId, r.by);
      }
      if (by.size === keys.size || Date.now() - start > timeoutMs) return by;
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    await store.close();
  }
}

const digestsIn = (channelId: string) => emu.channelMessages(channelId).filter((m) => (m.embeds[0] as { title?: string } | undefined)?.title?.startsWith("News digest — "));
const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % BigInt(SHARDS));
const pidOf = (owner: string) => Number(owner.split(":")[1]);

beforeAll(async () => {
  redis = await startRedis(15);
  emu = await new DiscordEmulator({ shards: SHARDS, guilds: [...guildsOnEveryShard(2, "first"), ...guildsOnEveryShard(2, "second")] }).start();
}, 30_000);
afterAll(async () => {
  await emu?.stop();
  await redis?.stop();
});

describe("two processes × two shards on one Redis store", () => {
  it("posts each guild's digest exactly once, from the process holding its shard, and answers commands on every shard", async () => {
    const guilds = emu.guilds.slice(0, SHARDS * 2);
    expect(new Set(guilds.map((g) => shardOf(g.id))).size).toBe(SHARDS);
    const keys = await subscribeAll(guilds);
    const a = spawnBot("0,1");
    const b = spawnBot("2,3");
    try {
      const by = await waitAllPosted(keys);
      expect(by.size, `posted ${by.size} of ${keys.size}; stderr A: ${a.stderr()} B: ${b.stderr()}`).toBe(keys.size);
      for (const g of guilds) {
        expect(digestsIn(g.channels[0]?.id ?? ""), g.name).toHaveLength(1);
        // The process holding the guild's shard posted it.
        expect(pidOf(by.get(g.id) ?? ""), `${g.name} on shard ${shardOf(g.id)}`).toBe(shardOf(g.id) < 2 ? a.child.pid : b.child.pid);
      }
      // Every shard is connected, and a command in a guild of each shard is answered.
      for (const g of guilds) {
        await emu.waitFor(() => emu.connected(g.id), 20_000, `shard of ${g.name} connected`);
        const r = emu.interact({ name: "quote", options: { person: "Rubio" }, guildId: g.id });
        const m = await emu.answer(r, 10_000);
        expect((m.embeds[0] as { title?: string }).title, g.name).toMatch(/Rubio/);
      }
      // Give a late duplicate the chance to show.
      await new Promise((r) => setTimeout(r, 1500));
      for (const g of guilds) expect(digestsIn(g.channels[0]?.id ?? ""), g.name).toHaveLength(1);
    } finally {
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
    }
  }, 120_000);

  it("loses and duplicates nothing when a process is killed mid-run and restarted", async () => {
    const guilds = emu.guilds.slice(SHARDS * 2);
    const keys = await subscribeAll(guilds);
    const channelsOfA = new Set(guilds.filter((g) => shardOf(g.id) < 2).map((g) => g.channels[0]?.id ?? ""));
    let a = spawnBot("0,1");
    const first = a;
    let killedAfter: string | null = null;
    // Killed right after Discord created one of its digest messages, before it could record it.
    emu.onMessageCreated = async (m) => {
      if (!channelsOfA.has(m.channel_id) || killedAfter !== null) return;
      killedAfter = m.channel_id;
      first.child.kill("SIGKILL");
      await first.exited;
    };
    const b = spawnBot("2,3");
    try {
      const killed = await Promise.race([first.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
      expect(killed, `process A was not killed; stderr A: ${first.stderr()} B: ${b.stderr()}`).toBeNull();
      emu.onMessageCreated = null;
      expect(killedAfter).not.toBeNull();
      a = spawnBot("0,1");
      const by = await waitAllPosted(keys);
      expect(by.size, `posted ${by.size} of ${keys.size}; stderr A: ${a.stderr()} B: ${b.stderr()}`).toBe(keys.size);
      await new Promise((r) => setTimeout(r, 1500));
      for (const g of guilds) expect(digestsIn(g.channels[0]?.id ?? ""), g.name).toHaveLength(1);
      // B never posted for A's shards, even while A was down.
      for (const g of guilds) if (shardOf(g.id) < 2) expect(pidOf(by.get(g.id) ?? "")).not.toBe(b.child.pid);
    } finally {
      emu.onMessageCreated = null;
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
    }
  }, 120_000);
});
