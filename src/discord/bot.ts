/**
 * The discord.js adapter: a client with only the Guilds intent, command registration at start-up,
 * and the interaction router (slash commands and autocomplete) around the shared error boundary.
 * Nothing here decides an answer; it only moves options in and payloads out.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
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
import type { Pages } from "./pages.js";
import { type Payload, parsePageCustomId, renderDiscord } from "./render.js";

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

/** Render a reply; a paged one gets buttons when its command can be remembered in the store. */
async function render(reply: Reply, command: string, input: CommandInput, pages: Pages | undefined, log: Logger): Promise<Payload[]> {
  if (reply.paging === undefined || reply.paging.pages <= 1 || pages === undefined) return renderDiscord(reply);
  try {
    return renderDiscord(reply, { pageToken: await pages.save(command, input) });
  } catch (err) {
    // Without the store the list still shows, with its "Page n of N" line and the page option.
    log.error({ err, command }, "could not keep page state; answering without page buttons");
    return renderDiscord(reply);
  }
}

const withFlags = (p: Payload, ephemeral: boolean) => ({
  embeds: p.embeds,
  allowedMentions: p.allowedMentions,
  ...(p.components !== undefined ? { components: p.components } : {}),
  ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
});

async function send(i: ChatInputCommandInteraction, reply: Reply, deferred: boolean, payloads: Payload[]): Promise<void> {
  const [first, ...rest] = payloads;
  if (!first) return;
  if (!deferred) {
    await i.reply(withFlags(first, reply.ephemeral));
  } else if (reply.ephemeral) {
    // A deferred public answer cannot become private: remove it and answer privately.
    await i.deleteReply().catch(() => {});
    await i.followUp(withFlags(first, true));
  } else {
    await i.editReply({ embeds: first.embeds, allowedMentions: first.allowedMentions, components: first.components ?? [] });
  }
  for (const p of rest) await i.followUp(withFlags(p, reply.ephemeral));
}

/** Run work; when it is not ready within deferAfterMs, acknowledge first, then finish. */
async function withDeferral<T>(work: Promise<T>, deferAfterMs: number, defer: () => Promise<unknown>): Promise<{ value: T; deferred: boolean }> {
  if (deferAfterMs <= 0) {
    await defer();
    return { value: await work, deferred: true };
  }
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), deferAfterMs);
  });
  const first = await Promise.race([work, slow]);
  clearTimeout(timer);
  if (first !== "slow") return { value: first, deferred: false };
  await defer();
  return { value: await work, deferred: true };
}

async function onCommand(i: ChatInputCommandInteraction, services: Services, log: Logger, deferAfterMs: number, pages: Pages | undefined): Promise<void> {
  const clog = log.child({ command: i.commandName, guildId: i.guildId, channelId: i.channelId });
  const input = optionsOf(i);
  const work = (async () => {
    const reply = await runCommand(i.commandName, input, services, clog, contextOf(i));
    return { reply, payloads: await render(reply, i.commandName, input, pages, clog) };
  })();
  const { value, deferred } = await withDeferral(work, deferAfterMs, () => i.deferReply());
  await send(i, value.reply, deferred, value.payloads);
}

/** A page button: the remembered command, run again for the asked page, replaces the message. */
async function onPageButton(i: ButtonInteraction, target: { token: string; page: number }, services: Services, log: Logger, deferAfterMs: number, pages: Pages | undefined): Promise<void> {
  const state = pages !== undefined ? await pages.load(target.token) : undefined;
  if (state === undefined) {
    await i.reply({
      embeds: [{ title: "This list has expired", description: "Run the command again to see it (the page option also picks a page).", color: 0x99aab5 }],
      allowedMentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const clog = log.child({ command: state.command, guildId: i.guildId, channelId: i.channelId, page: target.page });
  const input: CommandInput = { ...state.input, page: target.page };
  const context: CommandContext = { guildId: i.guildId, channelId: i.channelId, canManageGuild: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false, userId: i.user.id };
  const work = (async () => {
    const reply = await runCommand(state.command, input, services, clog, context);
    return { reply, payloads: await render(reply, state.command, input, pages, clog) };
  })();
  const { value, deferred } = await withDeferral(work, deferAfterMs, () => i.deferUpdate());
  const [first, ...rest] = value.payloads;
  if (!first) return;
  const update = { embeds: first.embeds, allowedMentions: first.allowedMentions, components: first.components ?? [] };
  if (value.reply.status !== "ok") {
    // The list changed under the buttons (articles reloaded): say so privately, leave the message.
    if (deferred) await i.followUp(withFlags(first, true));
    else await i.reply(withFlags(first, true));
    return;
  }
  if (deferred) await i.editReply(update);
  else await i.update(update);
  for (const p of rest) await i.followUp(withFlags(p, true));
}

async function onAutocomplete(i: AutocompleteInteraction, services: Services, log: Logger): Promise<void> {
  const focused = i.options.getFocused(true);
  const choices = await runAutocomplete(i.commandName, focused.name, focused.value, services, log, i.guildId);
  await i.respond(choices);
}

/** Every interaction passes here; nothing thrown escapes. */
export async function handleInteraction(i: Interaction, services: Services, log: Logger, deferAfterMs = DEFER_AFTER_MS, pages?: Pages): Promise<void> {
  try {
    if (i.isAutocomplete()) await onAutocomplete(i, services, log);
    else if (i.isChatInputCommand()) await onCommand(i, services, log, deferAfterMs, pages);
    else if (i.isButton()) {
      const target = parsePageCustomId(i.customId);
      if (target !== null) await onPageButton(i, target, services, log, deferAfterMs, pages);
    }
  } catch (err) {
    log.error({ err, command: "commandName" in i ? i.commandName : undefined, customId: i.isButton() ? i.customId : undefined, guildId: i.guildId, channelId: i.channelId }, "interaction failed");
    if (!i.isChatInputCommand() && !i.isButton()) return;
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
  /** Where page buttons find their list again. */
  pages?: Pages;
  /** Discord sharding: the total shard count ("auto": Discord's recommendation) and the shards this process connects. */
  shards?: "auto" | number;
  shardIds?: number[];
}

export interface DiscordBot {
  client: Client<true>;
  applicationId: string;
  post: Post;
  findPosted: FindPosted;
  channelGuild: (channelId: string) => string | undefined;
  /** Whether this process holds the shard of a guild (and so receives its events and posts its digest). */
  holdsGuild: (guildId: string) => boolean;
  /** Total shards, and the ones this process connects. */
  shards: { count: number; ids: number[] };
  stop(): Promise<void>;
}

/** Discord's rule: a guild lives on shard (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function shardingOptions(shards: "auto" | number | undefined, ids: number[] | undefined): { shards?: "auto" | number[]; shardCount?: number } {
  if (shards === undefined) return {};
  if (shards === "auto") return { shards: "auto" };
  return { shardCount: shards, shards: ids ?? Array.from({ length: shards }, (_, i) => i) };
}

/** Log in, register commands and start answering. Throws StartupError for a bad token or application. */
export async function startDiscord(o: DiscordOptions): Promise<DiscordBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: o.apiUrl },
    allowedMentions: { parse: [] },
    ...shardingOptions(o.shards, o.shardIds),
  });
  client.on(Events.Error, (err) => o.log.error({ err }, "discord client error"));
  client.on(Events.ShardError, (err, shard) => o.log.warn({ err, shard }, "gateway connection error"));
  client.on(Events.ShardResume, (shard) => o.log.info({ shard }, "gateway session resumed"));
  client.on(Events.InteractionCreate, (i) => void handleInteraction(i, o.services, o.log, o.deferAfterMs, o.pages));

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
  const shardCount = c.options.shardCount ?? 1;
  const held = new Set(Array.isArray(c.options.shards) ? c.options.shards : [0]);
  const shards = { count: shardCount, ids: [...held].sort((a, b) => a - b) };
  o.log.info(
    { user: c.user.tag, guilds: c.guilds.cache.size, shards: shardCount > 1 ? `${shards.ids.join(",")} of ${shardCount}` : undefined, invite: inviteUrl(applicationId) },
    "connected to Discord; invite the bot with this link",
  );
  const holdsGuild = (guildId: string): boolean => {
    if (!/^\d{1,20}$/.test(guildId)) return held.has(0);
    return held.has(shardOfGuild(guildId, shardCount));
  };

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
    holdsGuild,
    shards,
    stop: async () => {
      await client.destroy();
    },
  };
}
