import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { start, type RunningBot, type StartOptions } from "../../src/main.js";
import { DiscordEmulator, type EmulatorOptions } from "./emulator/index.js";
import { memoryLogger } from "./streams.js";

export interface Harness {
  emu: DiscordEmulator;
  bot: RunningBot;
  logs: () => Array<Record<string, unknown>>;
  logText: () => string;
  guildId: string;
  channelId: string;
  close(): Promise<void>;
}

/** The real bot (src/main.ts `start`) against a fresh emulator, in-process. */
export async function startHarness(opts: { env?: Record<string, string>; emulator?: EmulatorOptions; start?: Partial<StartOptions>; guildScoped?: boolean } = {}): Promise<Harness> {
  const emu = await new DiscordEmulator(opts.emulator).start();
  const dir = await mkdtemp(path.join(tmpdir(), "newsdesk-e2e-"));
  const { log, lines, raw } = memoryLogger("debug");
  const guildId = emu.guilds[0]?.id ?? "";
  const channelId = emu.channels[0]?.id ?? "";
  let bot: RunningBot;
  try {
    bot = await start({
      env: {
        DISCORD_TOKEN: emu.token,
        DISCORD_API_URL: emu.apiUrl,
        ...(opts.guildScoped === false ? {} : { DISCORD_GUILD_ID: guildId }),
        DIGEST_CHANNEL_ID: channelId,
        STORE_URL: `sqlite://${path.join(dir, "store.sqlite")}`,
        ARTICLES_DIR: "seeds",
        ...opts.env,
      },
      log,
      ...opts.start,
    });
  } catch (e) {
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    emu,
    bot,
    logs: lines,
    logText: () => raw.text,
    guildId,
    channelId,
    async close() {
      await bot.stop();
      await emu.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
