import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { NODE_FLAGS } from "../src/runtime.js";
import { startHarness, type Harness } from "./support/bot.js";
import { DiscordEmulator } from "./support/emulator/index.js";
import { ROOT, runEntry } from "./support/spawn.js";

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
}
const embedsOf = (m: { embeds: unknown[] }) => m.embeds as Embed[];

describe("the bot on a loopback Discord", () => {
  let h: Harness;
  beforeAll(async () => {
    // The tests deliver digests themselves: the minute tick would also post today's as a catch-up when the suite
    // runs within DIGEST_CATCHUP_HOURS after 08:00 UTC (it did, at 08:20).
    h = await startHarness({ start: { schedule: false } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("registers every command in the guild at start-up, with valid definitions", () => {
    const registered = h.emu.registered(h.guildId);
    expect(registered.map((c) => c.name)).toEqual(commands.map((c) => c.data.name));
    const put = h.emu.requests.find((r) => r.method === "PUT" && r.path.endsWith(`/guilds/${h.guildId}/commands`));
    expect(put?.status).toBe(200);
    expect(h.logText()).toContain("slash commands registered");
    expect(h.logText()).toContain(`https://discord.com/oauth2/authorize?client_id=${h.emu.applicationId}&scope=bot+applications.commands&permissions=19456`);
  });

  it("answers /headline with the four seed headlines, Alaska first", async () => {
    const r = h.emu.interact({ name: "headline" });
    const m = await h.emu.answer(r);
    const [e] = embedsOf(m);
    expect(e?.title).toBe("Latest headlines");
    expect(e?.description?.split("\n").filter((l) => l.startsWith("**"))).toHaveLength(4);
    expect(e?.description).toMatch(/^\*\*1\.\*\* \*\*Trump and Putin to meet in Alaska/);
    expect(r.callbacks[0]?.type).toBe(4);
  });

  it("answers /search with the best articles and their matching sentences, and no match ephemerally", async () => {
    const m = await h.emu.answer(h.emu.interact({ name: "search", options: { query: "security guarantees" } }));
    expect(m.flags & 64).toBe(0);
    const embeds = embedsOf(m);
    expect(embeds[0]?.title).toBe("Search: “security guarantees”");
    expect(embeds[1]?.title).toMatch(/^Trump and Putin to meet in Alaska/);
    expect(embeds[1]?.description).toMatch(/security guarantees/);
    const none = await h.emu.answer(h.emu.interact({ name: "search", options: { query: "qwxyz" } }));
    expect(none.flags & 64).toBe(64);
    expect(embedsOf(none)[0]?.title).toBe("No articles match “qwxyz”");
  });

  it("answers /quote Trump with exactly his two quotes", async () => {
    const r = h.emu.interact({ name: "quote", options: { person: "Trump" } });
    await h.emu.answer(r);
    const embeds = embedsOf(r.original ?? { embeds: [] });
    expect(embeds[0]?.title).toBe("Donald Trump — 2 quotes");
    expect(embeds.slice(1).map((e) => e.description?.slice(0, 30))).toEqual(["“We have a meeting with Presid", "“We’re going to have a meeting"]);
  });

  it("answers a typo for the closest speaker, and an unknown person ephemerally", async () => {
    const typo = await h.emu.answer(h.emu.interact({ name: "quote", options: { person: "Trmp" } }));
    expect(typo.flags & 64).toBe(0);
    expect(embedsOf(typo)[0]?.description).toBe("No one called “Trmp”; showing Donald Trump, the closest name.");
    const r = h.emu.interact({ name: "quote", options: { person: "Qwxyz" } });
    const m = await h.emu.answer(r);
    expect(m.flags & 64).toBe(64);
    expect(embedsOf(m)[0]?.title).toBe("Nobody called “Qwxyz” is quoted");
  });

  it("autocompletes /summary over headlines and summarises the chosen article", async () => {
    const ac = h.emu.interact({ name: "summary", options: { article: "flood" }, focused: "article" });
    const choices = await h.emu.waitFor(() => ac.choices, 5000, "autocomplete");
    expect(choices).toHaveLength(1);
    const r = h.emu.interact({ name: "summary", options: { article: String(choices[0]?.value), length: "short" } });
    const m = await h.emu.answer(r);
    expect(embedsOf(m)[0]?.title).toMatch(/flash flood/);
  });

  it("autocompletes /quote with speakers and their counts", async () => {
    const ac = h.emu.interact({ name: "quote", options: { person: "" }, focused: "person" });
    const choices = await h.emu.waitFor(() => ac.choices, 5000, "autocomplete");
    expect(choices.map((c) => c.name)).toEqual(["Donald Trump (2 quotes)", "Marco Rubio (2 quotes)", "Keir Starmer (1 quote)"]);
  });

  it("answers /digest with a story per article and a quote of the day", async () => {
    const r = h.emu.interact({ name: "digest", subcommand: "preview" });
    const m = await h.emu.answer(r);
    const embeds = embedsOf(m);
    expect(embeds[0]?.title).toMatch(/^News digest — \d{4}-\d{2}-\d{2}$/);
    expect(embeds.at(-1)?.title).toBe("Quote of the day");
  });

  it("posts the scheduled digest to its channel once per date", async () => {
    expect(await h.bot.deliverNow(new Date("2025-08-15T08:00:00Z"))).toBe("posted");
    expect(await h.bot.deliverNow(new Date("2025-08-15T09:00:00Z"))).toBe("already-posted");
    const posted = h.emu.channelMessages(h.channelId);
    expect(posted).toHaveLength(1);
    expect(embedsOf(posted[0] ?? { embeds: [] })[0]?.title).toBe("News digest — 2025-08-15");
    const req = h.emu.requests.find((x) => x.method === "POST" && x.path === `/channels/${h.channelId}/messages`);
    expect(req?.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
  });

  it("still posts the digest once when the channel route answers 429 first", async () => {
    h.emu.inject({ method: "POST", path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3 });
    expect(await h.bot.deliverNow(new Date("2025-08-16T08:00:00Z"))).toBe("posted");
    const posts = h.emu.requests.filter((x) => x.method === "POST" && x.path === `/channels/${h.channelId}/messages`);
    expect(posts.slice(-2).map((x) => x.status)).toEqual([429, 200]);
    expect(h.emu.channelMessages(h.channelId)).toHaveLength(2);
  });

  it("retries the digest after a 500", async () => {
    h.emu.inject({ method: "POST", path: /^\/channels\/\d+\/messages$/, status: 500 });
    expect(await h.bot.deliverNow(new Date("2025-08-17T08:00:00Z"))).toBe("posted");
    expect(h.emu.channelMessages(h.channelId)).toHaveLength(3);
  });

  it("pings nobody: allowed_mentions is { parse: [] } on every message and response", () => {
    const bodies = h.emu.requests
      .filter((r) => r.method !== "GET" && (/\/callback$/.test(r.path) || /\/messages/.test(r.path) || /^\/webhooks\/\d+\/[^/]+$/.test(r.path)))
      .map((r) => r.body as { type?: number; data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown })
      .filter((b) => b.type !== 8);
    expect(bodies.length).toBeGreaterThan(5);
    for (const b of bodies) expect(b.data?.allowed_mentions ?? b.allowed_mentions).toEqual({ parse: [] });
  });

  it("resumes a dropped gateway connection and answers the next command", async () => {
    h.emu.dropGateway();
    await h.emu.waitFor(() => h.emu.frames.some((f) => f.direction === "in" && f.op === 6), 15_000, "a RESUME");
    await h.emu.waitFor(() => h.emu.connected(), 15_000, "the session to be resumed");
    const r = h.emu.interact({ name: "headline", options: { count: 1 } });
    const m = await h.emu.answer(r);
    expect(embedsOf(m)[0]?.title).toBe("Latest headlines");
  });

  it("resumes after a 4000 close and answers the next command", async () => {
    const resumesBefore = h.emu.frames.filter((f) => f.direction === "in" && f.op === 6).length;
    h.emu.closeGateway(4000, "Unknown error");
    await h.emu.waitFor(() => h.emu.frames.filter((f) => f.direction === "in" && f.op === 6).length > resumesBefore, 15_000, "a RESUME");
    await h.emu.waitFor(() => h.emu.connected(), 15_000, "the session to be resumed");
    const r = h.emu.interact({ name: "quote", options: { person: "Starmer" } });
    const m = await h.emu.answer(r);
    expect(embedsOf(m)[0]?.title).toBe("Keir Starmer — 1 quote");
  });

  it("still posts the digest once when Discord is slow to answer", async () => {
    h.emu.inject({ method: "POST", path: /^\/channels\/\d+\/messages$/, status: 0, delayMs: 1500 });
    expect(await h.bot.deliverNow(new Date("2025-08-18T08:00:00Z"))).toBe("posted");
    expect(h.emu.channelMessages(h.channelId).filter((m) => embedsOf(m)[0]?.title === "News digest — 2025-08-18")).toHaveLength(1);
  });

  it("logs a digest refused with Missing Permissions (50013) with its channel, and does not retry it", async () => {
    h.emu.markChannel(h.channelId, "missing-permissions");
    const before = h.emu.requests.length;
    await expect(h.bot.deliverNow(new Date("2025-08-19T08:00:00Z"))).rejects.toThrow(/Missing Permissions/);
    const attempts = h.emu.requests.slice(before).filter((r) => r.method === "POST" && r.path === `/channels/${h.channelId}/messages`);
    expect(attempts.map((r) => r.status)).toEqual([403]);
    const logged = h.logs().find((l) => l.msg === `digest not posted to channel ${h.channelId}`);
    expect(logged).toMatchObject({ channelId: h.channelId, code: 50013, date: "2025-08-19" });
    h.emu.channelFlags.delete(h.channelId);
  });

  it("never logs the token", () => {
    expect(h.logText()).not.toContain(h.emu.token);
  });
});

describe("long replies and deferral", () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "newsdesk-long-"));
    const sentence = (i: number) => `Sentence ${i} ${"is very long and says a great deal about the @everyone budget **and** more ".repeat(30)}ends here.`;
    const body = Array.from({ length: 8 }, (_, p) => Array.from({ length: 5 }, (_, i) => sentence(p * 5 + i)).join(" ")).join("\n\n");
    await writeFile(path.join(dir, "long.txt"), `A very long article\n\n${body}\n`);
    h = await startHarness({ env: { ARTICLES_DIR: dir }, start: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("defers slow work and completes it with an edit of @original", async () => {
    const r = h.emu.interact({ name: "headline" });
    await h.emu.answer(r);
    expect(r.callbacks[0]?.type).toBe(5);
    expect(h.emu.requests.some((x) => x.method === "PATCH" && x.path.endsWith("/messages/@original"))).toBe(true);
  });

  it("splits a reply longer than one message over follow-ups, every payload within limits", async () => {
    const r = h.emu.interact({ name: "summary", options: { length: "long" } });
    await h.emu.answer(r);
    await h.emu.settle();
    expect(r.followups.length).toBeGreaterThan(0);
    const all = [r.original, ...r.followups].flatMap((m) => embedsOf(m ?? { embeds: [] }));
    const text = all.map((e) => e.description ?? "").join(" ");
    expect(text).toContain("Sentence 0 ");
    expect(text).not.toMatch(/@everyone/);
    expect(text).toContain("@\u200beveryone");
    expect(h.emu.requests.filter((x) => x.status === 400)).toEqual([]);
  });
});

describe("start-up failures", () => {
  it("ends with one clear line and exit code 2 for a token Discord rejects", async () => {
    const emu = await new DiscordEmulator().start();
    try {
      const wrong = `${"A".repeat(24)}.bad.${"b".repeat(27)}`;
      const r = await runEntry("src/main.ts", [], { env: { DISCORD_TOKEN: wrong, DISCORD_API_URL: emu.apiUrl, STORE_URL: "memory://", LOG_LEVEL: "silent" } });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^newsdesk: Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
      expect(r.stderr).not.toContain(wrong);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await emu.stop();
    }
  });

  it("ends with one clear line and exit code 2 for an application id Discord does not know", async () => {
    const emu = await new DiscordEmulator().start();
    try {
      const r = await runEntry("src/main.ts", [], { env: { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_APPLICATION_ID: "123456789012345678", STORE_URL: "memory://", LOG_LEVEL: "silent" } });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^newsdesk: Discord refused to register commands for application 123456789012345678 .*Check DISCORD_APPLICATION_ID/);
    } finally {
      await emu.stop();
    }
  });

  it("registers the commands with npm run deploy-commands, without starting the bot", async () => {
    const emu = await new DiscordEmulator().start();
    try {
      const guild = emu.guilds[0]?.id ?? "";
      const r = await runEntry("src/deploy-commands.ts", [], { env: { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_GUILD_ID: guild } });
      expect(r.stdout).toBe(`Registered 6 commands (/headline, /summary, /quote, /search, /digest, /feeds) in guild ${guild}.\n`);
      expect(r.code).toBe(0);
      expect(emu.registered(guild)).toHaveLength(6);
      expect(emu.frames).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  it("shuts down cleanly with exit code 0 on SIGTERM", async () => {
    const emu = await new DiscordEmulator().start();
    try {
      // node itself (tsx as a loader), so that the signal reaches the bot and not a wrapper process.
      const child = spawn(process.execPath, [...NODE_FLAGS, "--import", "tsx", path.join(ROOT, "src/main.ts")], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, STORE_URL: "memory://" },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
      await emu.waitFor(() => emu.connected(), 20_000, "the bot to connect");
      child.kill("SIGTERM");
      expect(await closed).toBe(0);
      expect(stderr).toContain("newsdesk stopped");
      expect(stderr).not.toContain(emu.token);
    } finally {
      await emu.stop();
    }
  });

  it("registers globally when no guild is set", async () => {
    const h = await startHarness({ guildScoped: false });
    try {
      expect(h.emu.registered().map((c) => c.name)).toEqual(["headline", "summary", "quote", "search", "digest", "feeds"]);
      expect(h.emu.registered(h.guildId)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
