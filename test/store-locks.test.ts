/** Leases in the store, the same on every backend: one holder at a time, renewable, lapsing, released only by their holder. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/store.js";
import { startRedis, type TestRedis } from "./support/redis.js";

let dir: string;
let redis: TestRedis;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-locks-"));
  redis = await startRedis(14);
}, 30_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(["memory", "sqlite", "redis"] as const)("store.lock on %s", (kind) => {
  async function open(): Promise<Store[]> {
    if (kind === "memory") {
      const s = await openStore("memory://");
      return [s, s];
    }
    const url = kind === "sqlite" ? `sqlite://${path.join(dir, "locks.sqlite")}` : redis.url;
    // Two connections, as two processes would have.
    return [await openStore(url), await openStore(url)];
  }

  it("gives a key to one owner at a time, renews it for that owner, and lets it lapse", async () => {
    const [a, b] = (await open()) as [Store, Store];
    try {
      const key = `k-${Math.random()}`;
      expect(await a.lock(key, "A", 400)).toBe(true);
      expect(await b.lock(key, "B", 400)).toBe(false);
      expect(await a.lock(key, "A", 400)).toBe(true);
      await sleep(500);
      expect(await b.lock(key, "B", 5000)).toBe(true);
      expect(await a.lock(key, "A", 5000)).toBe(false);
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });

  it("is released only by its holder, and exactly one of many racing owners gets it", async () => {
    const [a, b] = (await open()) as [Store, Store];
    try {
      const key = `r-${Math.random()}`;
      expect(await a.lock(key, "A", 60_000)).toBe(true);
      await b.unlock(key, "B");
      expect(await b.lock(key, "B", 60_000)).toBe(false);
      await a.unlock(key, "A");
      const race = `race-${Math.random()}`;
      const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).lock(race, `owner-${i}`, 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });
});
