import { describe, expect, it } from "vitest";
import { digest as digestCommand } from "../commands/digest.js";
import type { CommandContext, Services } from "../commands/index.js";
import type { Post } from "../src/digest/deliver.js";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { Subscriptions } from "../src/digest/subscriptions.js";
import { zonedParts } from "../src/news/clock.js";
import { openStore, type Store, type Subscription } from "../src/store/store.js";
import { services as seedServices } from "./support/seed.js";
import { memoryLogger } from "./support/streams.js";

const CHANNEL = "223456789012345678";
const GUILD = "323456789012345678";

class Recorder {
  posts: Array<{ channelId: string; date: string; title: string; intro: string }> = [];
  fail: Array<{ code?: number; status?: number; message: string }> = [];
  post: Post = async (channelId, reply, date) => {
    const f = this.fail.shift();
    if (f) throw Object.assign(new Error(f.message), f);
    this.posts.push({ channelId, date, title: reply.title, intro: reply.intro ?? "" });
    return [`m${this.posts.length}`];
  };
}

async function setup(sub: Partial<Subscription> = {}, catchupHours = 6) {
  const store: Store = await openStore("memory://");
  const subs = new Subscriptions(store, null);
  const rec = new Recorder();
  const { log, lines } = memoryLogger("debug");
  let now = new Date("2025-08-01T00:00:00Z");
  const corpus = seedServices().corpus;
  await subs.subscribe({ guildId: GUILD, channelId: CHANNEL, time: "08:00", timeZone: "UTC", stories: 5, createdAt: 0, ...sub });
  const scheduler = new DigestScheduler({ store, subscriptions: subs, corpus: () => corpus, post: rec.post, log, owner: "test", now: () => now, catchupHours });
  return {
    store,
    subs,
    rec,
    lines,
    scheduler,
    at: (iso: string) => {
      now = new Date(iso);
      return scheduler.tick(now);
    },
  };
}

describe("the digest scheduler", () => {
  it("posts at the local hour, once per local date", async () => {
    const t = await setup({ time: "08:30", timeZone: "Asia/Kolkata" });
    await t.at("2025-08-15T02:59:00Z"); // 08:29 in Kolkata
    expect(t.rec.posts).toHaveLength(0);
    await t.at("2025-08-15T03:00:00Z"); // 08:30
    await t.at("2025-08-15T03:01:00Z");
    await t.at("2025-08-15T12:00:00Z");
    expect(t.rec.posts.map((p) => p.date)).toEqual(["2025-08-15"]);
    await t.at("2025-08-16T03:00:00Z");
    expect(t.rec.posts.map((p) => p.date)).toEqual(["2025-08-15", "2025-08-16"]);
  });

  for (const [zone, spring, autumn] of [
    ["Europe/Berlin", "2025-03-30", "2025-10-26"],
    ["America/New_York", "2025-03-09", "2025-11-02"],
  ] as const) {
    for (const [label, day] of [["spring-forward", spring], ["fall-back", autumn]] as const) {
      it(`posts a 02:30 digest in ${zone} exactly once on the ${label} day and the days around it`, async () => {
        const t = await setup({ time: "02:30", timeZone: zone });
        const start = Date.parse(`${day}T00:00:00Z`) - 36 * 3600_000;
        for (let m = 0; m <= 72 * 60; m++) await t.at(new Date(start + m * 60_000).toISOString());
        const dates = t.rec.posts.map((p) => p.date);
        expect(new Set(dates).size).toBe(dates.length);
        expect(dates).toContain(day);
        const prev = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(dates).toEqual(expect.arrayContaining([prev, day, next]));
      });
    }
  }

  it("catches up a digest missed by less than DIGEST_CATCHUP_HOURS and skips an older one, logging it", async () => {
    const t = await setup({ time: "08:00", timeZone: "UTC" }, 6);
    await t.at("2025-08-15T13:00:00Z"); // 5 h late: posted
    expect(t.rec.posts.map((p) => p.date)).toEqual(["2025-08-15"]);
    await t.at("2025-08-16T15:00:00Z"); // 7 h late: skipped
    expect(t.rec.posts).toHaveLength(1);
    expect(t.lines().some((l) => /digest for 2025-08-16 skipped/.test(String(l.msg)))).toBe(true);
    await t.at("2025-08-16T15:01:00Z");
    expect(t.lines().filter((l) => /digest for 2025-08-16 skipped/.test(String(l.msg)))).toHaveLength(1);
    await t.at("2025-08-17T01:00:00Z"); // yesterday's is still skipped, today's not due
    expect(t.rec.posts).toHaveLength(1);
  });

  it("catches up yesterday's late-evening digest after midnight", async () => {
    const t = await setup({ time: "23:00", timeZone: "UTC" }, 6);
    await t.at("2025-08-16T02:00:00Z");
    expect(t.rec.posts.map((p) => p.date)).toEqual(["2025-08-15"]);
  });

  it("does not owe a digest whose time passed before the subscription was made", async () => {
    const t = await setup({ time: "08:00", timeZone: "UTC", createdAt: Date.parse("2025-08-15T09:00:00Z") });
    await t.at("2025-08-15T09:01:00Z");
    expect(t.rec.posts).toHaveLength(0);
    await t.at("2025-08-16T08:00:00Z");
    expect(t.rec.posts.map((p) => p.date)).toEqual(["2025-08-16"]);
  });

  it("retries 429 and 5xx failures with backoff within the day", async () => {
    const t = await setup();
    t.rec.fail.push({ status: 503, message: "Service Unavailable" }, { status: 429, message: "rate limited" });
    expect((await t.at("2025-08-15T08:00:00Z"))[0]?.result).toBe("failed");
    expect((await t.at("2025-08-15T08:00:30Z"))[0]?.result).toBe("backing-off");
    expect((await t.at("2025-08-15T08:01:00Z"))[0]?.result).toBe("failed");
    expect((await t.at("2025-08-15T08:02:00Z"))[0]?.result).toBe("backing-off");
    expect((await t.at("2025-08-15T08:03:00Z"))[0]?.result).toBe("posted");
    expect(t.rec.posts).toHaveLength(1);
  });

  for (const code of [50001, 50013, 10003]) {
    it(`pauses a subscription refused with ${code}, shows why, and resumes after subscribing again`, async () => {
      const t = await setup();
      t.rec.fail.push({ code, status: code === 10003 ? 404 : 403, message: "refused" });
      expect((await t.at("2025-08-15T08:00:00Z"))[0]?.result).toBe("paused");
      expect((await t.at("2025-08-15T09:00:00Z"))[0]?.result).toBe("paused");
      expect(t.rec.posts).toHaveLength(0);
      const state = await t.subs.state(CHANNEL);
      expect(state.paused?.code).toBe(code);
      const [status] = await t.subs.status(GUILD, new Date("2025-08-15T09:00:00Z"));
      expect(status?.next).toBeNull();
      await t.subs.subscribe({ guildId: GUILD, channelId: CHANNEL, time: "08:00", timeZone: "UTC", stories: 5, createdAt: 0 });
      expect((await t.at("2025-08-15T09:01:00Z"))[0]?.result).toBe("posted");
    });
  }

  it("leaves other subscriptions going when one fails", async () => {
    const t = await setup();
    await t.subs.subscribe({ guildId: GUILD, channelId: "423456789012345678", time: "08:00", timeZone: "UTC", stories: 5, createdAt: 0 });
    t.rec.fail.push({ code: 50013, message: "Missing Permissions" });
    const results = await t.at("2025-08-15T08:00:00Z");
    expect(results.map((r) => r.result).sort()).toEqual(["paused", "posted"]);
  });

  it("puts only articles not in the channel's previous digest, and says so briefly when nothing is new", async () => {
    const t = await setup();
    await t.at("2025-08-15T08:00:00Z");
    await t.at("2025-08-16T08:00:00Z");
    expect(t.rec.posts[0]?.intro).toMatch(/^4 stories/);
    expect(t.rec.posts[1]?.intro).toBe("Nothing new since the last digest.");
  });
});

describe("/digest subscribe, unsubscribe and status", () => {
  const admin: CommandContext = { guildId: GUILD, channelId: CHANNEL, canManageGuild: true, userId: "1" };
  const member: CommandContext = { ...admin, canManageGuild: false };
  async function svc(): Promise<Services & { subscriptions: Subscriptions }> {
    const store = await openStore("memory://");
    return { ...seedServices(), now: () => new Date("2025-08-15T05:00:00Z"), subscriptions: new Subscriptions(store, null) };
  }
  const sub = (input: Record<string, string | number>, s: Services, ctx = admin) => digestCommand.execute({ subcommand: "subscribe", ...input }, s, ctx);

  it("refuses a member without Manage Server, ephemerally, storing nothing", async () => {
    const s = await svc();
    const r = await sub({ channel: CHANNEL, time: "08:00", timezone: "UTC" }, s, member);
    expect(r.ephemeral).toBe(true);
    expect(r.title).toBe("Manage Server needed");
    expect(await s.subscriptions.forGuild(GUILD)).toEqual([]);
    expect((await digestCommand.execute({ subcommand: "unsubscribe" }, s, member)).title).toBe("Manage Server needed");
  });

  it("explains an invalid time or zone, storing nothing", async () => {
    const s = await svc();
    const badTime = await sub({ channel: CHANNEL, time: "25:00", timezone: "UTC" }, s);
    expect(badTime.status).toBe("invalid");
    expect(badTime.intro).toMatch(/`time` “25:00” is not a time/);
    const badZone = await sub({ channel: CHANNEL, time: "08:00", timezone: "Mars/Olympus" }, s);
    expect(badZone.intro).toMatch(/`timezone` “Mars\/Olympus” is not an IANA time zone/);
    expect(await s.subscriptions.forGuild(GUILD)).toEqual([]);
  });

  it("stores a subscription per channel and shows the next run in its zone and in UTC", async () => {
    const s = await svc();
    const r = await sub({ channel: CHANNEL, time: "8:30", timezone: "Europe/Berlin", stories: 3 }, s);
    expect(r.title).toBe("Daily digest set up");
    expect(r.intro).toContain("{#223456789012345678} gets 3 stories every day at 08:30 (Europe/Berlin).");
    expect(r.intro).toContain("Next digest: 2025-08-15 08:30 Europe/Berlin (2025-08-15 06:30 UTC).");
    await sub({ channel: "423456789012345678", time: "18:00", timezone: "America/New_York" }, s);
    const status = await digestCommand.execute({ subcommand: "status" }, s, member);
    expect(status.items.map((i) => i.heading)).toEqual(["{#223456789012345678} at 08:30 Europe/Berlin", "{#423456789012345678} at 18:00 America/New_York"]);
    expect(status.items[1]?.body).toContain("Next: 2025-08-15 18:00 America/New_York (2025-08-15 22:00 UTC).");
    expect(status.items[0]?.body).toContain("Last posted: never.");
    const again = await sub({ channel: CHANNEL, time: "09:00", timezone: "UTC" }, s);
    expect(again.title).toBe("Daily digest updated");
    expect(await s.subscriptions.forGuild(GUILD)).toHaveLength(2);
    const stop = await digestCommand.execute({ subcommand: "unsubscribe", channel: CHANNEL }, s, admin);
    expect(stop.title).toBe("Daily digest stopped");
    expect((await s.subscriptions.forGuild(GUILD)).map((x) => x.channelId)).toEqual(["423456789012345678"]);
  });

  it("autocompletes IANA time zones", async () => {
    const ber = await digestCommand.autocomplete("timezone", "berl");
    expect(ber.map((c) => c.value)).toEqual(["Europe/Berlin"]);
    const ny = await digestCommand.autocomplete("timezone", "new york");
    expect(ny.map((c) => c.value)).toContain("America/New_York");
    expect((await digestCommand.autocomplete("timezone", "")).length).toBe(25);
  });

  it("renders local time for the status date", () => {
    expect(zonedParts(new Date("2025-08-15T22:00:00Z"), "America/New_York")).toEqual({ date: "2025-08-15", time: "18:00" });
  });
  /** A digest due since 00:00 UTC today (real time) that a dead process left behind (`leave`), a 300 ms lease: it is
   * posted within 1.5 s, long before the next minute's tick may come. */
  async function postedSoonAfter(leave: (store: Store, key: string) => Promise<void>): Promise<string[]> {
    const store: Store = await openStore("memory://");
    const subs = new Subscriptions(store, null);
    const rec = new Recorder();
    const { log } = memoryLogger("debug");
    const today = new Date().toISOString().slice(0, 10);
    await subs.subscribe({ guildId: GUILD, channelId: CHANNEL, time: "00:00", timeZone: "UTC", stories: 5, createdAt: 0 });
    await leave(store, `${CHANNEL}:${today}`);
    const corpus = seedServices().corpus;
    const scheduler = new DigestScheduler({ store, subscriptions: subs, corpus: () => corpus, post: rec.post, log, owner: "test", now: () => new Date(), catchupHours: 24, leaseMs: 300 });
    scheduler.start();
    try {
      await new Promise((r) => setTimeout(r, 1500));
      return rec.posts.map((p) => p.date);
    } finally {
      await scheduler.stop();
    }
  }
  it("looks again as soon as a claim another process left behind runs out, not only at the next minute", async () => {
    const today = new Date().toISOString().slice(0, 10);
    // Claimed by a process that died 100 ms ago.
    const posted = await postedSoonAfter(async (store, key) => {
      await store.digests.set(key, { state: "claimed", by: "dead", at: Date.now() - 100, messageIds: [], articleIds: [] });
      await store.lock(`digest:${key}`, "dead", 200);
    });
    expect(posted).toEqual([today]);
  });
  it("looks again as soon as a lock runs out that a process took and died before recording its claim", async () => {
    const today = new Date().toISOString().slice(0, 10);
    // The lock only: no digest record was written before the process died.
    const posted = await postedSoonAfter((store, key) => store.lock(`digest:${key}`, "dead", 300).then(() => undefined));
    expect(posted).toEqual([today]);
  });
});
