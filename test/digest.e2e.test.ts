/** The per-server digest through discord.js and the emulator: set up from Discord, survive a restart. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/bot.js";

const MANAGE_GUILD = 0x20n | 0x400n | 0x800n;
interface Embed {
  title?: string;
  description?: string;
}
const embeds = (m: { embeds: unknown[] }) => m.embeds as Embed[];

describe("daily digest set up from Discord", () => {
  let h: Harness;
  let clock = new Date("2025-08-15T05:00:00Z");
  beforeAll(async () => {
    h = await startHarness({ env: { DIGEST_CHANNEL_ID: "" }, start: { schedule: false, now: () => clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("refuses a member without Manage Server", async () => {
    const r = h.emu.interact({ name: "digest", subcommand: "subscribe", options: { channel: h.channelId, time: "08:30", timezone: "Europe/Berlin" } });
    const m = await h.emu.answer(r);
    expect(m.flags & 64).toBe(64);
    expect(embeds(m)[0]?.title).toBe("Manage Server needed");
    expect(await h.bot.subscriptions.forGuild(h.guildId)).toEqual([]);
  });

  it("subscribes, survives a restart, posts at the local hour and shows the right next run", async () => {
    const r = h.emu.interact({
      name: "digest",
      subcommand: "subscribe",
      options: { channel: h.channelId, time: "08:30", timezone: "Europe/Berlin", stories: 3 },
      permissions: MANAGE_GUILD,
    });
    const m = await h.emu.answer(r);
    expect(embeds(m)[0]?.title).toBe("Daily digest set up");
    expect(embeds(m)[0]?.description).toContain(`<#${h.channelId}> gets 3 stories every day at 08:30 (Europe/Berlin).`);

    await h.restart();
    clock = new Date("2025-08-15T06:29:00Z"); // 08:29 in Berlin
    expect(await h.bot.scheduler.tick(clock)).toEqual([]);
    clock = new Date("2025-08-15T06:30:00Z");
    expect((await h.bot.scheduler.tick(clock)).map((x) => x.result)).toEqual(["posted"]);
    expect(await h.bot.scheduler.tick(new Date("2025-08-15T06:31:00Z"))).toEqual([]);
    const posted = h.emu.channelMessages(h.channelId);
    expect(posted.map((p) => embeds(p)[0]?.title)).toEqual(["News digest — 2025-08-15"]);
    expect(embeds(posted[0] ?? { embeds: [] })[0]?.description).toMatch(/^3 stories from 1 source\./);

    clock = new Date("2025-08-15T07:00:00Z");
    const status = h.emu.interact({ name: "digest", subcommand: "status" });
    const s = await h.emu.answer(status);
    const item = embeds(s)[1];
    expect(item?.title).toBe(`<#${h.channelId}> at 08:30 Europe/Berlin`);
    expect(item?.description).toContain("Next: 2025-08-16 08:30 Europe/Berlin (2025-08-16 06:30 UTC).");
    expect(item?.description).toContain("Last posted: 2025-08-15.");
  });

  it("pauses on Missing Permissions, says why in status, and resumes after subscribing again", async () => {
    h.emu.markChannel(h.channelId, "missing-permissions");
    clock = new Date("2025-08-16T06:30:00Z");
    expect((await h.bot.scheduler.tick(clock)).map((x) => x.result)).toEqual(["paused"]);
    const s = await h.emu.answer(h.emu.interact({ name: "digest", subcommand: "status" }));
    expect(embeds(s)[1]?.description).toContain("Paused: Missing Permissions");
    h.emu.channelFlags.delete(h.channelId);
    expect((await h.bot.scheduler.tick(new Date("2025-08-16T06:40:00Z"))).map((x) => x.result)).toEqual(["paused"]);
    await h.emu.answer(
      h.emu.interact({ name: "digest", subcommand: "subscribe", options: { channel: h.channelId, time: "08:30", timezone: "Europe/Berlin", stories: 3 }, permissions: MANAGE_GUILD }),
    );
    clock = new Date("2025-08-16T06:41:00Z");
    expect((await h.bot.scheduler.tick(clock)).map((x) => x.result)).toEqual(["posted"]);
  });

  it("autocompletes the time zone", async () => {
    const ac = h.emu.interact({ name: "digest", subcommand: "subscribe", options: { timezone: "new_y" }, focused: "timezone" });
    const choices = await h.emu.waitFor(() => ac.choices, 5000, "choices");
    expect(choices.map((c) => c.value)).toContain("America/New_York");
  });
});
