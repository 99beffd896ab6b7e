/**
 * /quote for someone quoted more often than one message holds: page buttons through the real bot
 * and the unmodified discord.js client, buttons that still work after a restart, and an expired
 * list answered privately.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageCustomId, parsePageCustomId } from "../src/discord/render.js";
import { startHarness, type Harness } from "./support/bot.js";
import type { EmuMessage } from "./support/emulator/index.js";

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
}
interface Row {
  type: number;
  components: Array<{ custom_id: string; label: string; disabled?: boolean }>;
}
const embedsOf = (m: EmuMessage) => m.embeds as Embed[];
const buttonsOf = (m: EmuMessage) => (m.components as Row[]).flatMap((r) => r.components);

/** 30 articles, each with one quote from Jane Doe: far more than one message holds. */
async function writeArticles(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 1; i <= 30; i++) {
    const day = String(i).padStart(2, "0");
    await writeFile(
      path.join(dir, `jane-${day}.json`),
      JSON.stringify({
        title: `Council meeting number ${i} ends in agreement`,
        source: "Test Wire",
        published: `2025-06-${day}T10:00:00Z`,
        paragraphs: [
          `The city council met on Tuesday for session ${i} and agreed a budget after a long debate.`,
          `“Statement number ${i} is what I told the council today, and I stand by it,” Mayor Jane Doe said.`,
        ],
      }),
    );
  }
}

describe("paged /quote on a loopback Discord", () => {
  let h: Harness;
  let articles: string;
  beforeAll(async () => {
    articles = await mkdtemp(path.join(tmpdir(), "newsdesk-paging-"));
    await writeArticles(articles);
    h = await startHarness({ env: { ARTICLES_DIR: articles } });
  });
  afterAll(async () => {
    await h?.close();
    await rm(articles, { recursive: true, force: true });
  });

  let first: EmuMessage;
  it("shows the first page with Previous disabled, a page label and Next", async () => {
    const r = h.emu.interact({ name: "quote", options: { person: "Jane Doe" } });
    first = await h.emu.answer(r);
    const embeds = embedsOf(first);
    expect(embeds[0]?.title).toBe("Jane Doe — 30 quotes");
    // Newest first: statement 30 opens page 1.
    expect(embeds[1]?.description).toMatch(/^“Statement number 30 /);
    const buttons = buttonsOf(first);
    expect(buttons.map((b) => [b.label, b.disabled === true])).toEqual([
      ["◀ Previous", true],
      ["Page 1 of 4", true],
      ["Next ▶", false],
    ]);
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    expect(embeds.at(-1)?.footer?.text).toMatch(/Page 1 of 4$/);
  });

  it("replaces the message with page 2 when Next is pressed", async () => {
    const next = buttonsOf(first).find((b) => b.label === "Next ▶")?.custom_id ?? "";
    const press = h.emu.press(first, next);
    await h.emu.waitFor(() => (press.callbacks.some((c) => c.status < 300) ? true : null), 5000, "the update");
    expect(press.callbacks[0]?.type).toBe(7);
    expect(embedsOf(first)[1]?.description).toMatch(/^“Statement number 22 /);
    expect(buttonsOf(first).map((b) => b.label)).toEqual(["◀ Previous", "Page 2 of 4", "Next ▶"]);
    expect(buttonsOf(first)[0]?.disabled).toBe(false);
  });

  it("keeps working after a restart: the list is kept in the store", async () => {
    await h.restart();
    const next = buttonsOf(first).find((b) => b.label === "Next ▶")?.custom_id ?? "";
    const press = h.emu.press(first, next);
    await h.emu.waitFor(() => (press.callbacks.some((c) => c.status < 300) ? true : null), 5000, "the update after restart");
    expect(buttonsOf(first)[1]?.label).toBe("Page 3 of 4");
    const last = h.emu.press(first, buttonsOf(first).find((b) => b.label === "Next ▶")?.custom_id ?? "");
    await h.emu.waitFor(() => (last.callbacks.some((c) => c.status < 300) ? true : null), 5000, "the last page");
    expect(buttonsOf(first).map((b) => [b.label, b.disabled === true])).toEqual([
      ["◀ Previous", false],
      ["Page 4 of 4", true],
      ["Next ▶", true],
    ]);
    expect(embedsOf(first)[1]?.description).toMatch(/^“Statement number 6 /);
  });

  it("acknowledges first and edits the message when a page is slow to build", async () => {
    await h.restart({ deferAfterMs: 0 });
    const press = h.emu.press(first, buttonsOf(first).find((b) => b.label === "◀ Previous")?.custom_id ?? "");
    await h.emu.waitFor(() => (buttonsOf(first)[1]?.label === "Page 3 of 4" ? true : null), 5000, "the deferred update");
    expect(press.callbacks.map((c) => c.type)).toEqual([6]);
    expect(h.emu.requests.some((q) => q.method === "PATCH" && q.path.includes(`/webhooks/${h.emu.applicationId}/${press.token}/messages/@original`))).toBe(true);
  });

  it("answers a button whose list is unknown privately, and leaves the message alone", async () => {
    const fake: EmuMessage = { ...first, components: [{ type: 1, components: [{ type: 2, style: 1, label: "Next ▶", custom_id: pageCustomId("0123456789abcdef", 2, "next") }] }] };
    const press = h.emu.press(fake, pageCustomId("0123456789abcdef", 2, "next"));
    const m = await h.emu.answer(press);
    expect(m.flags & 64).toBe(64);
    expect(embedsOf(m)[0]?.title).toBe("This list has expired");
  });

  it("takes page as an option too, and every body sent stayed within Discord's limits", async () => {
    const r = h.emu.interact({ name: "quote", options: { person: "Doe", page: 4 } });
    const m = await h.emu.answer(r);
    expect(buttonsOf(m)[1]?.label).toBe("Page 4 of 4");
    expect(parsePageCustomId(buttonsOf(m)[0]?.custom_id ?? "")?.page).toBe(3);
    const bad = h.emu.requests.filter((q) => q.status >= 400);
    expect(bad).toEqual([]);
  });
});
