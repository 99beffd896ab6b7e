/**
 * The discord.js adapter: a client with only the Guilds intent, command registration at start-up,
 * and the interaction router (slash commands and autocomplete) around the shared error boundary.
 * Nothing here decides an answer; it only moves options in and payloads out.
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import { commands, type CommandContext, type CommandInput, type Services } from "../../commands/index.js";
import type { Reply } from "../news/reply.js";
import { runAutocomplete, runCommand } from "../run.js";
import { digestNonce, type FindPosted, type Post } from "../digest/deliver.js";
import { digestTitle } from "../news/digest.js";
import { type Payload, renderDiscord } from "./render.js";

/** What the bot needs in a channel: see it, send messages, embed links. */
export const BOT_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS.toString()}`;
}

/** Replies that take longer than this are deferred (Discord allows 3 s for the first response). */
export const DEFER_AFTER_MS = 2000;

export class StartupError extends Error {
  override name = "StartupError";
}

export function commandDefinitions(): unknown[] {
  return commands.map((c) => c.data.toJSON());
}

/** Register every command: to one guild (instant) when given, else globally. */
export async function registerCommands(client: Client<true>, applicationId: string, guildId: string | undefined): Promise<number> {
  const route = guildId !== undefined ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const result = (await client.rest.put(route, { body: commandDefinitions() })) as unknown[];
  return result.length;
}

function optionsOf(i: ChatInputCommandInteraction): CommandInput {
  const input: CommandInput = {};
  const subcommand = i.options.getSubcommand(false);
  const data = subcommand !== null ? (i.options.data[0]?.options ?? []) : i.options.data;
  if (subcommand !== null) input.subcommand = subcommand;
  for (const o of data) {
    if (o.value !== undefined && o.value !== null) input[o.name] = o.value;
  }
  return input;
}

function contextOf(i: ChatInputCommandInteraction): CommandContext {
  return {
    guildId: i.guildId,
    channelId: i.channelId,
    canManageGuild: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    userId: i.user.id,
  };
}

async function send(i: ChatInputCommandInteraction, reply: Reply, deferred: boolean): Promise<void> {
  const payloads = renderDiscord(reply);
  const [first, ...rest] = payloads;
  if (!first) return;
  const withFlags = (p: Payload) => ({ embeds: p.embeds, allowedMentions: p.allowedMentions, ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
  if (!deferred) {
    await i.reply(withFlags(first));
  } else if (reply.ephemeral) {
    // A deferred public answer cannot become private: remove it and answer privately.
    await i.deleteReply().catch(() => {});
    await i.followUp(withFlags(first));
  } else {
    await i.editReply({ embeds: first.embeds, allowedMentions: first.allowedMentions });
  }
  for (const p of rest) await i.followUp(withFlags(p));
}

async function onCommand(i: ChatInputCommandInteraction, services: Services, log: Logger, deferAfterMs: number): Promise<void> {
  const clog = log.child({ command: i.commandName, guildId: i.guildId, channelId: i.channelId });
  if (deferAfterMs <= 0) {
    await i.deferReply();
    await send(i, await runCommand(i.commandName, optionsOf(i), services, clog, contextOf(i)), true);
    return;
  }
  const work = runCommand(i.commandName, optionsOf(i), services, clog, contextOf(i));
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), deferAfterMs);
  });
  const first = await Promise.race([work, slow]);
  clearTimeout(timer);
  if (first === "slow") {
    await i.deferReply();
    await send(i, await work, true);
  } else {
    await send(i, first, false);
  }
}

async function onAutocomplete(i: AutocompleteInteraction, services: Services, log: Logger): Promise<void> {
  const focused = i.options.getFocused(true);
  const choices = await runAutocomplete(i.commandName, focused.name, focused.value, services, log);
  await i.respond(choices);
}

/** Every interaction passes here; nothing thrown escapes. */
export async function handleInteraction(i: Interaction, services: Services, log: Logger, deferAfterMs = DEFER_AFTER_MS): Promise<void> {
  try {
    if (i.isAutocomplete()) await onAutocomplete(i, services, log);
    else if (i.isChatInputCommand()) await onCommand(i, services, log, deferAfterMs);
  } catch (err) {
    log.error({ err, command: "commandName" in i ? i.commandName : undefined, guildId: i.guildId, channelId: i.channelId }, "interaction failed");
    if (!i.isChatInputCommand()) return;
    const apology = {
      embeds: [{ title: "Something went wrong", description: "newsdesk could not answer this command. The error has been logged.", color: 0xed4245 }],
      allowedMentions: { parse: [] as [] },
      flags: MessageFlags.Ephemeral as const,
    };
    try {
      if (i.replied || i.deferred) await i.followUp(apology);
      else await i.reply(apology);
    } catch {
      // The interaction may have expired; the error is logged above.
    }
  }
}

export interface DiscordOptions {
  token: string;
  apiUrl: string;
  applicationId?: string;
  guildId?: string;
  services: Services;
  log: Logger;
  /** Answers not ready after this long are deferred first (default 2 s). */
  deferAfterMs?: number;
}

export interface DiscordBot {
  client: Client<true>;
  applicationId: string;
  post: Post;
  findPosted: FindPosted;
  channelGuild: (channelId: string) => string | undefined;
  stop(): Promise<void>;
}

/** Log in, register commands and start answering. Throws StartupError for a bad token or application. */
export async function startDiscord(o: DiscordOptions): Promise<DiscordBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: o.apiUrl },
    allowedMentions: { parse: [] },
  });
  client.on(Events.Error, (err) => o.log.error({ err }, "discord client error"));
  client.on(Events.ShardError, (err, shard) => o.log.warn({ err, shard }, "gateway connection error"));
  client.on(Events.ShardResume, (shard) => o.log.info({ shard }, "gateway session resumed"));
  client.on(Events.InteractionCreate, (i) => void handleInteraction(i, o.services, o.log, o.deferAfterMs));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(o.token);
  } catch (err) {
    await client.destroy();
    const code = (err as { code?: unknown }).code;
    if (code === "TokenInvalid" || (err instanceof DiscordAPIError && err.status === 401) || (err as { status?: number }).status === 401) {
      throw new StartupError("Discord rejected DISCORD_TOKEN (401 Unauthorized): copy a fresh token from the Developer Portal → your application → Bot → Reset Token.");
    }
    if (code === "DisallowedIntents") throw new StartupError("Discord refused the Guilds intent for this bot.");
    throw new StartupError(`Could not connect to Discord at ${o.apiUrl}: ${(err as Error).message}`);
  }
  const c = await ready;
  const applicationId = o.applicationId ?? c.application.id;
  if (!applicationId) {
    await client.destroy();
    throw new StartupError("Could not read the application id from Discord: set DISCORD_APPLICATION_ID (Developer Portal → General Information → Application ID).");
  }
  try {
    const n = await registerCommands(c, applicationId, o.guildId);
    o.log.info({ commands: n, scope: o.guildId !== undefined ? `guild ${o.guildId}` : "global" }, "slash commands registered");
  } catch (err) {
    await client.destroy();
    if (err instanceof DiscordAPIError && (err.status === 403 || err.status === 404 || err.status === 401)) {
      throw new StartupError(
        `Discord refused to register commands for application ${applicationId}${o.guildId !== undefined ? ` in guild ${o.guildId}` : ""} (${err.status} ${err.message}). Check DISCORD_APPLICATION_ID${o.guildId !== undefined ? ", DISCORD_GUILD_ID and that the bot was invited with the applications.commands scope" : ""}.`,
      );
    }
    throw err;
  }
  o.log.info({ user: c.user.tag, guilds: c.guilds.cache.size, invite: inviteUrl(applicationId) }, "connected to Discord; invite the bot with this link");

  const post: Post = async (channelId, reply, date) => {
    const ids: string[] = [];
    const payloads = renderDiscord({ ...reply, ephemeral: false });
    for (const [part, p] of payloads.entries()) {
      const body = { embeds: p.embeds, allowed_mentions: { parse: [] }, nonce: digestNonce(channelId, date, part), enforce_nonce: true };
      const msg = (await c.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      ids.push(msg.id);
    }
    return ids;
  };
  const findPosted: FindPosted = async (channelId, date) => {
    const recent = (await c.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: "50" }) })) as Array<{
      id: string;
      author?: { id: string };
      embeds?: Array<{ title?: string }>;
    }>;
    const title = digestTitle(date);
    const ids = recent.filter((m) => m.author?.id === c.user.id && m.embeds?.[0]?.title === title).map((m) => m.id);
    return ids.length > 0 ? ids : null;
  };
  const channelGuild = (channelId: string): string | undefined => {
    const ch = c.channels.cache.get(channelId);
    return ch !== undefined && "guildId" in ch ? ch.guildId : undefined;
  };
  return {
    client: c,
    applicationId,
    post,
    findPosted,
    channelGuild,
    stop: async () => {
      await client.destroy();
    },
  };
}
