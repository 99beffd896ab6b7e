import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { start, type RunningBot, type StartOptions } from "../../src/main.js";
import { DiscordEmulator, type EmulatorOptions } from "./emulator/index.js";
import { memoryLogger } from "./streams.js";

export interface Harness {
  emu: DiscordEmulator;
  bot: RunningBot;
  dir: string;
  logs: () => Array<Record<string, unknown>>;
  logText: () => string;
  guildId: string;
  channelId: string;
  /** Stop the bot only (the emulator and the store stay, for a restart). */
  stopBot(): Promise<void>;
  /** Start the bot again on the same emulator and store. */
  restart(extra?: Partial<StartOptions>): Promise<RunningBot>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  start?: Partial<StartOptions>;
  guildScoped?: boolean;
}

/** The real bot (src/main.ts `start`) against a fresh emulator, in-process, with a SQLite store in a temp folder. */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const emu = await new DiscordEmulator(opts.emulator).start();
  const dir = await mkdtemp(path.join(tmpdir(), "newsdesk-e2e-"));
  const { log, lines, raw } = memoryLogger("debug");
  const guildId = emu.guilds[0]?.id ?? "";
  const channelId = emu.channels[0]?.id ?? "";
  const env = {
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    ...(opts.guildScoped === false ? {} : { DISCORD_GUILD_ID: guildId }),
    DIGEST_CHANNEL_ID: channelId,
    STORE_URL: `sqlite://${path.join(dir, "store.sqlite")}`,
    ARTICLES_DIR: "seeds",
    ...opts.env,
  };
  const boot = (extra: Partial<StartOptions> = {}) => start({ env, log, ...opts.start, ...extra });
  let bot: RunningBot;
  try {
    bot = await boot();
  } catch (e) {
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  let stopped = false;
  const h: Harness = {
    emu,
    bot,
    dir,
    logs: lines,
    logText: () => raw.text,
    guildId,
    channelId,
    async stopBot() {
      if (!stopped) await h.bot.stop();
      stopped = true;
    },
    async restart(extra) {
      await h.stopBot();
      h.bot = await boot(extra);
      stopped = false;
      return h.bot;
    },
    async close() {
      await h.stopBot();
      await emu.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}
