import { SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import { type FeedService, normaliseFeedUrl } from "../src/feeds/service.js";
import { type Reply, type ReplyItem, pageOf, plural } from "../src/news/reply.js";
import type { FeedState } from "../src/store/store.js";
import { choice, type Command, type CommandContext, type CommandInput, manageServerNeeded, parseInput, type Services, textOption } from "./types.js";

const Add = z.object({
  url: textOption(500).pipe(z.string({ error: "is required: the feed's address, e.g. https://example.com/rss" })),
  name: textOption(100),
});
const Remove = z.object({ feed: textOption(500).pipe(z.string({ error: "is required: the feed's address or name" })) });
const Page = z.object({ page: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").default(1) });


function unavailable(): Reply {
  return { status: "invalid", ephemeral: true, title: "Feeds are not available here", intro: "Run the bot (npm start) to follow feeds.", items: [] };
}

function noServer(): Reply {
  return { status: "invalid", ephemeral: true, title: "Feeds belong to a server", intro: "Use /feeds in a server's channel: each server follows its own feeds.", items: [] };
}

/** "3 min ago", "in 12 min", "2 h ago": for fetch times. */
function relative(at: number, now: Date): string {
  const d = at - now.getTime();
  const m = Math.round(Math.abs(d) / 60_000);
  if (m < 1) return d <= 0 ? "just now" : "now";
  const text = m < 90 ? `${m} min` : m < 48 * 60 ? `${Math.round(m / 60)} h` : `${Math.round(m / 1440)} days`;
  return d < 0 ? `${text} ago` : `in ${text}`;
}

function statusLine(state: FeedState | undefined, now: Date): string {
  if (state === undefined) return "Not fetched yet.";
  const parts: string[] = [];
  parts.push(state.lastFetchAt !== undefined ? `Last fetch ${relative(state.lastFetchAt, now)}` : "Not fetched yet");
  parts.push(plural(state.items, "item"));
  if (state.failures > 0 && state.lastError !== undefined) parts.push(`failing (${plural(state.failures, "time")} in a row): ${state.lastError.reason}; backing off`);
  parts.push(`next fetch ${state.nextFetchAt <= now.getTime() ? "due now" : relative(state.nextFetchAt, now)}`);
  let line = `${parts.join(" · ")}.`;
  if (state.problems.length > 0) line += `\nProblems in the last read: ${state.problems.slice(0, 3).join("; ")}${state.problems.length > 3 ? " …" : ""}`;
  return line;
}

/** The feeds and server a member may change here, or the reply saying why not. */
function changer(services: Services, context: CommandContext, action: string): { feeds: FeedService; guildId: string } | { refused: Reply } {
  if (!services.feeds) return { refused: unavailable() };
  if (context.guildId === null) return { refused: noServer() };
  if (!context.canManageGuild) return { refused: manageServerNeeded(`${action} feeds`) };
  return { feeds: services.feeds, guildId: context.guildId };
}

async function add(input: CommandInput, services: Services, context: CommandContext): Promise<Reply> {
  const parsed = parseInput("feeds add", Add, input);
  if (!parsed.ok) return parsed.reply;
  const may = changer(services, context, "add");
  if ("refused" in may) return may.refused;
  const r = await may.feeds.follow(may.guildId, parsed.data.url, parsed.data.name, context.userId);
  if (!r.ok) return { status: "invalid", ephemeral: true, title: `Cannot follow ${parsed.data.url.slice(0, 200)}`, intro: r.reason, items: [] };
  return {
    status: "ok",
    ephemeral: false,
    title: `Following “${r.title}”`,
    intro:
      `${plural(r.items, "item")} read from ${r.url}. New articles appear in this server's /headline, /summary, /quote, /search and digest; ` +
      `the feed is checked every ${services.feedsIntervalMinutes ?? 15} minutes.` +
      (r.problems.length > 0 ? `\nSome of it could not be read: ${r.problems.slice(0, 3).join("; ")}.` : ""),
    items: [],
  };
}

async function remove(input: CommandInput, services: Services, context: CommandContext): Promise<Reply> {
  const parsed = parseInput("feeds remove", Remove, input);
  if (!parsed.ok) return parsed.reply;
  const may = changer(services, context, "remove");
  if ("refused" in may) return may.refused;
  const removed = await may.feeds.unfollow(may.guildId, parsed.data.feed);
  if (removed === null) return { status: "not_found", ephemeral: true, title: `This server does not follow “${parsed.data.feed.slice(0, 200)}”`, intro: "See /feeds list for the feeds it follows.", items: [] };
  return { status: "ok", ephemeral: false, title: `No longer following ${removed.name ?? removed.url}`, intro: "Its articles leave this server's commands and digest.", items: [] };
}

async function list(input: CommandInput, services: Services, context: CommandContext, withStatus: boolean): Promise<Reply> {
  const parsed = parseInput(withStatus ? "feeds status" : "feeds list", Page, input);
  if (!parsed.ok) return parsed.reply;
  if (!services.feeds) return unavailable();
  if (context.guildId === null) return noServer();
  const own = await services.feeds.followed(context.guildId);
  const owner = services.feeds.ownerFeeds.filter((u) => !own.some((f) => f.url === u));
  const now = services.now();
  const items: ReplyItem[] = [];
  for (const f of [...own.map((f) => ({ url: f.url, name: f.name, mine: true })), ...owner.map((url) => ({ url, name: undefined, mine: false }))]) {
    const state = await services.feeds.state(f.url);
    const title = f.name ?? state?.title ?? f.url;
    items.push({
      heading: title,
      body: withStatus ? statusLine(state, now) : `${f.url}${state !== undefined ? ` · ${plural(state.items, "item")}` : ""}`,
      meta: f.mine ? (withStatus ? f.url : "followed by this server") : "followed by every server (set by the bot's owner)",
    });
  }
  if (items.length === 0) {
    return {
      status: "empty",
      ephemeral: true,
      title: "This server follows no feeds",
      intro: "Add one with /feeds add url:https://example.com/rss (Manage Server). Until then the commands read the bot's own articles.",
      items: [],
    };
  }
  const shown = pageOf(items, parsed.data.page);
  return {
    status: "ok",
    ephemeral: false,
    title: withStatus ? "Feed status" : `Feeds of this server (${own.length})`,
    items: shown.items,
    ...(shown.paging !== undefined ? { paging: shown.paging, footer: shown.footer } : {}),
  };
}

export const feeds = {
  data: new SlashCommandBuilder()
    .setName("feeds")
    .setDescription("The RSS, Atom and JSON feeds this server follows")
    .addSubcommand((c) =>
      c
        .setName("add")
        .setDescription("Follow a feed (Manage Server)")
        .addStringOption((o) => o.setName("url").setDescription("The feed's address, e.g. https://example.com/rss").setRequired(true).setMaxLength(500))
        .addStringOption((o) => o.setName("name").setDescription("A short name for it").setMaxLength(100)),
    )
    .addSubcommand((c) =>
      c
        .setName("remove")
        .setDescription("Stop following a feed (Manage Server)")
        .addStringOption((o) => o.setName("feed").setDescription("Its address or name").setRequired(true).setAutocomplete(true).setMaxLength(500)),
    )
    .addSubcommand((c) => c.setName("list").setDescription("The feeds this server follows").addIntegerOption((o) => o.setName("page").setDescription("Which page").setMinValue(1)))
    .addSubcommand((c) =>
      c
        .setName("status")
        .setDescription("Each feed's last fetch, items, errors and next fetch")
        .addIntegerOption((o) => o.setName("page").setDescription("Which page").setMinValue(1)),
    ),

  async execute(input, services, context) {
    const sub = input.subcommand ?? "list";
    if (sub === "add") return add(input, services, context);
    if (sub === "remove") return remove(input, services, context);
    if (sub === "list") return list(input, services, context, false);
    if (sub === "status") return list(input, services, context, true);
    return { status: "invalid", ephemeral: true, title: `Unknown subcommand “${String(sub)}”`, intro: "Use /feeds add, remove, list or status.", items: [] };
  },

  async autocomplete(option, typed, services, context) {
    if (option !== "feed" || !services.feeds || !context?.guildId) return [];
    const q = typed.trim().toLowerCase();
    const own = await services.feeds.followed(context.guildId);
    return own
      .filter((f) => q === "" || f.url.toLowerCase().includes(q) || (f.name ?? "").toLowerCase().includes(q))
      .slice(0, 25)
      .map((f) => choice(f.name !== undefined ? `${f.name} — ${f.url}` : f.url, normaliseFeedUrl(f.url)));
  },
} satisfies Command;
