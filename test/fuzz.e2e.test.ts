/**
 * Bad input through the real path: generated option values for every command and autocompleted
 * option go through the emulator and the unmodified discord.js client; every answer must be valid,
 * within Discord's limits, ping nobody, and the bot must keep answering.
 */
import { ApplicationCommandOptionType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { startHarness, type Harness } from "./support/bot.js";

/** A small deterministic PRNG (mulberry32) so that a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLANES = [0x41, 0xe9, 0x416, 0x5d0, 0x627, 0x4e2d, 0x1f600, 0x20000, 0x30000, 0xe0001, 0xf0000, 0x100000].map((c) => String.fromCodePoint(c));

const BASE: string[] = [
  "",
  " ",
  "\t\n",
  "a".repeat(6000),
  "Trump ".repeat(1000),
  PLANES.join(""),
  ...PLANES.map((c) => c.repeat(50)),
  "שלום עולם ترامب", // right-to-left
  "\u202eTrump\u202c",
  "Tr\u200bump",
  "\u200d\u200b\ufeff",
  "Tru\u0301mp", // combining mark
  "👨‍👩‍👧‍👦 family",
  "**Trump** __bold__ ~~strike~~ ||spoiler||",
  "`code` ```js\nalert(1)\n```",
  "> quote\n# heading\n- list",
  "@everyone",
  "@here hello",
  "<@&123456789012345678>",
  "<@123456789012345678> <#123456789012345678>",
  "[link](https://evil.example)",
  "https://discord.gg/invite",
  "Trmp",
  "trump",
  "TRUMP",
  "Trump!",
  "Donald  Trump",
  "Dönald Trümp",
  "Rubio",
  "Marco Rubio Starmer",
  "Putin",
  "Alaska",
  "e18e450d5477f35a",
  "0000000000000000",
  "<script>alert(1)</script>",
  "'; DROP TABLE articles; --",
  "\\",
  "%s %d {0} ${x}",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "-1",
  "99999999999999999999",
];

function values(n: number, rnd: () => number): string[] {
  const out = [...BASE];
  while (out.length < n) {
    const a = BASE[Math.floor(rnd() * BASE.length)] ?? "";
    const b = BASE[Math.floor(rnd() * BASE.length)] ?? "";
    const cut = Math.floor(rnd() * 200);
    out.push(`${a.slice(0, cut)}${b}`.slice(0, Math.floor(rnd() * 7000)));
  }
  return out;
}

describe("bad input through the real bot path", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { LOG_LEVEL: "warn" } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers at least 1,000 generated option values validly, within limits, pinging nobody", async () => {
    const rnd = prng(20251128);
    const cases: Array<{ name: string; subcommand?: string; options: Record<string, string | number>; focused?: string }> = [];
    for (const c of commands) {
      const top = c.data.toJSON().options ?? [];
      const groups = top.some((o) => o.type === ApplicationCommandOptionType.Subcommand)
        ? top.filter((o) => o.type === ApplicationCommandOptionType.Subcommand).map((o) => ({ subcommand: o.name, opts: "options" in o ? (o.options ?? []) : [] }))
        : [{ subcommand: undefined, opts: top }];
      for (const { subcommand, opts } of groups) {
        const base = subcommand !== undefined ? { subcommand } : {};
        for (const o of opts) {
          const isNumber = o.type === ApplicationCommandOptionType.Integer || o.type === ApplicationCommandOptionType.Number;
          const isChannel = o.type === ApplicationCommandOptionType.Channel;
          const pool = isNumber ? [-1, 0, 1, 10, 11, 2 ** 31, -(2 ** 31), 5] : isChannel ? [h.channelId, "123456789012345678"] : values("autocomplete" in o && o.autocomplete ? 180 : 60, rnd);
          for (const v of pool) {
            const options: Record<string, string | number> = { [o.name]: v };
            for (const r of opts) {
              if (!("required" in r) || !r.required || r.name === o.name) continue;
              options[r.name] = r.type === ApplicationCommandOptionType.Channel ? h.channelId : r.name === "timezone" ? "Europe/Berlin" : r.name === "time" ? "08:00" : "Trump";
            }
            cases.push({ name: c.data.name, ...base, options });
            if ("autocomplete" in o && o.autocomplete) cases.push({ name: c.data.name, ...base, options, focused: o.name });
          }
        }
        if (opts.length === 0) cases.push({ name: c.data.name, ...base, options: {} });
      }
    }
    expect(cases.length).toBeGreaterThanOrEqual(1000);

    let answered = 0;
    for (let i = 0; i < cases.length; i += 8) {
      const batch = cases.slice(i, i + 8).map((k) => ({ k, rec: h.emu.interact(k) }));
      for (const { k, rec } of batch) {
        if (k.focused !== undefined) await h.emu.waitFor(() => rec.choices, 5000, `autocomplete for ${k.name}`);
        else await h.emu.answer(rec);
        answered++;
      }
    }
    await h.emu.settle(200);
    console.log(`fuzz: ${cases.length} generated inputs tried, ${answered} answered`);

    const failures = h.emu.requests.filter((r) => r.status >= 400);
    expect(failures.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([]);
    const payloads = [...h.emu.interactions.values()].flatMap((r) => r.payloads);
    expect(payloads.length).toBeGreaterThanOrEqual(answered - cases.filter((c) => c.focused).length);
    for (const p of payloads) {
      expect(p.allowed_mentions).toEqual({ parse: [] });
      const text = JSON.stringify(p);
      expect(text).not.toMatch(/@everyone|@here|<@&?\d/);
      // Channel links are ours (subscription replies) and ping nobody; a user's own "<#…>" is defused.
      for (const m of text.matchAll(/<#(\d+)>/g)) expect(h.emu.channels.map((c) => c.id)).toContain(m[1]);
    }
    const errors = h.logs().filter((l) => (l.level as number) >= 50);
    expect(errors).toEqual([]);

    const after = h.emu.interact({ name: "headline" });
    const m = await h.emu.answer(after);
    expect((m.embeds[0] as { title?: string }).title).toBe("Latest headlines");
  }, 120_000);
});
