/**
 * The end-to-end benchmark's baseline: the least a discord.js bot can do — log in, register newsdesk's commands,
 * and answer every command with a fixed embed and every autocomplete with nothing. What it costs is the floor that
 * discord.js, the gateway and the emulator put under any bot on this machine.
 */
import { Client, Events, GatewayIntentBits, Routes } from "discord.js";
import { commandDefinitions } from "../src/discord/bot.js";

const token = process.env.DISCORD_TOKEN ?? "";
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL ?? "" }, allowedMentions: { parse: [] } });
client.on(Events.InteractionCreate, (i) => {
  if (i.isAutocomplete()) void i.respond([]).catch(() => {});
  else if (i.isChatInputCommand()) void i.reply({ embeds: [{ title: "pong", description: "A fixed answer." }], allowedMentions: { parse: [] } }).catch(() => {});
});
client.once(Events.ClientReady, (c) => {
  void c.rest.put(Routes.applicationGuildCommands(c.application.id, process.env.DISCORD_GUILD_ID ?? ""), { body: commandDefinitions() });
});
process.on("SIGTERM", () => void client.destroy().then(() => process.exit(0)));
void client.login(token);
