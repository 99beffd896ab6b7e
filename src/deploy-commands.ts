/**
 * `npm run deploy-commands`: register the slash commands without starting the bot. To
 * DISCORD_GUILD_ID when set (instant), else globally. Reads the application id from Discord when
 * DISCORD_APPLICATION_ID is not set.
 */
import { existsSync } from "node:fs";
import { REST, Routes, DiscordAPIError } from "discord.js";
import { commands } from "../commands/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { scrub } from "./log.js";

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const token = process.env.DISCORD_TOKEN;
  try {
    const config = loadConfig();
    if (config.DISCORD_TOKEN === undefined) throw new ConfigError(["DISCORD_TOKEN is required to register commands"]);
    const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
    const appId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const body = commands.map((c) => c.data.toJSON());
    const route = config.DISCORD_GUILD_ID !== undefined ? Routes.applicationGuildCommands(appId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(appId);
    const result = (await rest.put(route, { body })) as Array<{ name: string }>;
    process.stdout.write(
      `Registered ${result.length} commands (${result.map((c) => `/${c.name}`).join(", ")}) ${config.DISCORD_GUILD_ID !== undefined ? `in guild ${config.DISCORD_GUILD_ID}` : "globally (may take up to an hour to appear)"}.\n`,
    );
  } catch (err) {
    const message =
      err instanceof ConfigError
        ? err.message
        : err instanceof DiscordAPIError && err.status === 401
          ? "Discord rejected DISCORD_TOKEN (401 Unauthorized)"
          : `could not register commands: ${(err as Error).message}`;
    process.stderr.write(`newsdesk: ${scrub(message, token)}\n`);
    process.exit(2);
  }
}

void main();
