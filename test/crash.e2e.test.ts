/**
 * Exactly once, whatever happens: real bot processes killed at random points (and right after
 * Discord created the digest message, before the bot could record it), restarted on the same store;
 * and two processes sharing one store. Each run must leave exactly one digest in its channel.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { owedOccurrence } from "../src/digest/subscriptions.js";
import { digestKey } from "../src/digest/deliver.js";
import { openStore, type Subscription } from "../src/store/store.js";
import { DiscordEmulator, snowflake } from "./support/emulator/index.js";
import { spawnBot as spawnProcess } from "./support/spawn.js";

const RUNS = 20;
let emu: DiscordEmulator;
let dir: string;

beforeAll(async () => {
  emu = await new DiscordEmulator().start();
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-crash-"));
});
afterAll(async () => {
  await emu.stop();
  await rm(dir, { recursive: true, force: true });
});

function spawnBot(storeUrl: string): ReturnType<typeof spawnProcess> {
  return spawnProcess({
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DISCORD_GUILD_ID: emu.guilds[0]?.id ?? "",
    STORE_URL: storeUrl,
    DIGEST_CLAIM_LEASE_SECONDS: "1",
    LOG_LEVEL: "warn",
  });
}

/** A fresh channel and store with a subscription that is due right now. */
async function prepare(run: number): Promise<{ channelId: string; storeUrl: string; key: string }> {
  const guild = emu.guilds[0];
  if (!guild) throw new Error("no guild");
  const channelId = snowflake();
  guild.channels.push({ id: channelId, name: `digest-${run}`, guildId: guild.id });
  const storeUrl = `sqlite://${path.join(dir, `store-${run}.sqlite`)}`;
  const store = await openStore(storeUrl);
  const due = new Date(Date.now() - 2 * 60_000);
  const time = due.toISOString().slice(11, 16);
  const sub: Subscription = { guildId: guild.id, channelId, time, timeZone: "UTC", stories: 5, createdAt: 0 };
  await store.subscriptions.set(guild.id, { subscriptions: [sub] });
  await store.index.set("guilds", [guild.id]);
  await store.close();
  const owed = owedOccurrence(sub, new Date());
  if (!owed) throw new Error("subscription not due");
  return { channelId, storeUrl, key: digestKey(channelId, owed.date) };
}

async function waitPosted(storeUrl: string, key: string, timeoutMs = 30_000): Promise<boolean> {
  const store = await openStore(storeUrl);
  try {
    const start = Date.now();
    while (Date.now() - start < timeoutMs) {
      if ((await store.digests.get(key))?.state === "posted") return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  } finally {
    await store.close();
  }
}

const digestsIn = (channelId: string) => emu.channelMessages(channelId).filter((m) => (m.embeds[0] as { title?: string } | undefined)?.title?.startsWith("News digest — "));

describe("exactly one digest", () => {
  it(`survives a process killed at random points, ${RUNS} times: zero duplicates, zero misses`, async () => {
    const outcomes: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { channelId, storeUrl, key } = await prepare(run);
      const first = spawnBot(storeUrl);
      let how: string;
      if (run % 2 === 0) {
        // Right after Discord created the message, before the bot hears back or records it.
        how = "after-post-before-mark";
        emu.onMessageCreated = async (m) => {
          if (m.channel_id !== channelId) return;
          first.child.kill("SIGKILL");
          await first.exited;
        };
      } else {
        const delay = 300 + Math.floor(Math.random() * 2500);
        how = `after ${delay} ms`;
        setTimeout(() => first.child.kill("SIGKILL"), delay);
      }
      // Killed, not finished: the bot never exits on its own.
      expect(await first.exited, `run ${run} (${how}): the first process was not killed`).toBeNull();
      emu.onMessageCreated = null;
      const second = spawnBot(storeUrl);
      const posted = await waitPosted(storeUrl, key);
      second.child.kill("SIGTERM");
      await second.exited;
      outcomes.push(`${how}: ${digestsIn(channelId).length}`);
      expect(posted, `run ${run} (${how}) never recorded the digest`).toBe(true);
      expect(digestsIn(channelId), `run ${run} (${how})`).toHaveLength(1);
    }
    console.log(`crash runs: ${outcomes.join("; ")}`);
  }, 600_000);

  it(`is posted once by two processes sharing one store, ${RUNS} times`, async () => {
    let posts = 0;
    for (let run = 100; run < 100 + RUNS; run++) {
      const { channelId, storeUrl, key } = await prepare(run);
      const before = emu.requests.length;
      const a = spawnBot(storeUrl);
      const b = spawnBot(storeUrl);
      const posted = await waitPosted(storeUrl, key);
      await new Promise((r) => setTimeout(r, 500));
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
      posts += emu.requests.slice(before).filter((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`).length;
      expect(posted, `run ${run}`).toBe(true);
      expect(digestsIn(channelId), `run ${run}`).toHaveLength(1);
    }
    console.log(`two processes: ${RUNS} runs, ${posts} message requests for ${RUNS} digests`);
  }, 600_000);
});
