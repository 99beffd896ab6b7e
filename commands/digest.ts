import { ChannelType, SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import { isTimeZone, parseTime, timeZones, zonedParts } from "../src/news/clock.js";
import { buildDigest, digestReply } from "../src/news/digest.js";
import { type Reply, type ReplyItem, plural } from "../src/news/reply.js";
import { fold } from "../src/news/text.js";
import { choice, type Command, type CommandContext, type CommandInput, manageServerNeeded, parseInput, type Services, textOption } from "./types.js";

/** A channel shown as a Discord channel link (renderers turn `{#id}` into `<#id>` or `#id`). */
const channelRef = (id: string) => `{#${id}}`;

const Subscribe = z.object({
  channel: z.string({ error: "is required: which channel gets the digest?" }).regex(/^(?:\d{17,20}|console)$/, "must be a channel of this server"),
  time: z.string({ error: "is required, as HH:MM (24-hour), e.g. 08:00" }).transform((t, ctx) => {
    const parsed = parseTime(t);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: `“${t.slice(0, 20)}” is not a time: use HH:MM, 24-hour, e.g. 08:00 or 18:30` });
      return z.NEVER;
    }
    return parsed;
  }),
  timezone: z.string({ error: "is required: an IANA time zone such as Europe/Berlin or UTC" }).refine(isTimeZone, {
    error: (i) => `“${String(i.input).slice(0, 40)}” is not an IANA time zone: pick one from the list, e.g. Europe/Berlin, America/New_York or UTC`,
  }),
  stories: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be between 1 and 10").max(10, "must be between 1 and 10").optional(),
});
const Unsubscribe = z.object({ channel: textOption(30) });

const refusal = (what: string): Reply => manageServerNeeded(`${what} the daily digest`);

function unavailable(): Reply {
  return { status: "invalid", ephemeral: true, title: "Digest subscriptions are not available here", intro: "Run the bot (npm start) to manage digest subscriptions.", items: [] };
}

async function subscribe(input: CommandInput, s: Services, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManageGuild) return refusal("set up");
  if (!s.subscriptions || ctx.guildId === null) return unavailable();
  const parsed = parseInput("digest subscribe", Subscribe, input);
  if (!parsed.ok) return parsed.reply;
  const { channel, time, timezone, stories } = parsed.data;
  const owner = s.channelGuild?.(channel);
  if (owner !== undefined && owner !== ctx.guildId) return { status: "invalid", ephemeral: true, title: "/digest subscribe: invalid option", intro: "`channel` must be a channel of this server", items: [] };
  const now = s.now();
  const { replaced } = await s.subscriptions.subscribe({
    guildId: ctx.guildId,
    channelId: channel,
    time,
    timeZone: timezone,
    stories: stories ?? s.digest.stories,
    createdAt: now.getTime(),
    ...(ctx.userId !== null ? { createdBy: ctx.userId } : {}),
  });
  const [status] = (await s.subscriptions.status(ctx.guildId, now)).filter((x) => x.subscription.channelId === channel);
  const next = status?.next;
  return {
    status: "ok",
    ephemeral: true,
    title: replaced ? "Daily digest updated" : "Daily digest set up",
    intro:
      `${channelRef(channel)} gets ${plural(stories ?? s.digest.stories, "story", "stories")} every day at ${time} (${timezone}).` +
      (next ? `\nNext digest: ${formatInZone(next, timezone)} (${next.toISOString().slice(0, 16).replace("T", " ")} UTC).` : ""),
    items: [],
  };
}

function formatInZone(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.date} ${p.time} ${timeZone}`;
}

async function unsubscribe(input: CommandInput, s: Services, ctx: CommandContext): Promise<Reply> {
  if (!ctx.canManageGuild) return refusal("stop");
  if (!s.subscriptions || ctx.guildId === null) return unavailable();
  const parsed = parseInput("digest unsubscribe", Unsubscribe, input);
  if (!parsed.ok) return parsed.reply;
  const removed = await s.subscriptions.unsubscribe(ctx.guildId, parsed.data.channel);
  if (removed.length === 0) {
    return { status: "not_found", ephemeral: true, title: "Nothing to stop", intro: parsed.data.channel !== undefined ? `${channelRef(parsed.data.channel)} has no daily digest.` : "This server has no daily digest.", items: [] };
  }
  return { status: "ok", ephemeral: true, title: "Daily digest stopped", intro: `No more digests in ${removed.map((r) => channelRef(r.channelId)).join(", ")}.`, items: [] };
}

async function status(s: Services, ctx: CommandContext): Promise<Reply> {
  if (!s.subscriptions || ctx.guildId === null) return unavailable();
  const now = s.now();
  const list = await s.subscriptions.status(ctx.guildId, now, s.channelGuild);
  if (list.length === 0) {
    return { status: "empty", ephemeral: true, title: "No daily digest here", intro: "A member with Manage Server can set one up with /digest subscribe.", items: [] };
  }
  const items: ReplyItem[] = list.map(({ subscription: sub, state, next, fromEnvironment }) => ({
    heading: `${channelRef(sub.channelId)} at ${sub.time} ${sub.timeZone}`,
    body: [
      `${plural(sub.stories, "story", "stories")} a day${fromEnvironment ? " (set by the bot's owner in DIGEST_CHANNEL_ID)" : ""}.`,
      state.paused !== null
        ? `Paused: ${state.paused.reason}. Run /digest subscribe for this channel again once it is fixed.`
        : next
          ? `Next: ${formatInZone(next, sub.timeZone)} (${next.toISOString().slice(0, 16).replace("T", " ")} UTC).`
          : "",
      `Last posted: ${state.lastPosted ?? "never"}.`,
    ]
      .filter((x) => x !== "")
      .join("\n"),
  }));
  return { status: "ok", ephemeral: true, title: `Daily digest — ${plural(list.length, "channel")}`, items };
}

export const digest = {
  data: new SlashCommandBuilder()
    .setName("digest")
    .setDescription("The daily news digest")
    .addSubcommand((c) => c.setName("preview").setDescription("Today's digest, as it would be posted"))
    .addSubcommand((c) => c.setName("status").setDescription("This server's daily digests: channel, time, next run"))
    .addSubcommand((c) =>
      c
        .setName("subscribe")
        .setDescription("Post the digest in a channel every day (Manage Server)")
        .addChannelOption((o) => o.setName("channel").setDescription("Where to post").setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
        .addStringOption((o) => o.setName("time").setDescription("Local time, HH:MM (24-hour), e.g. 08:00").setRequired(true).setMaxLength(5))
        .addStringOption((o) => o.setName("timezone").setDescription("IANA time zone, e.g. Europe/Berlin").setRequired(true).setAutocomplete(true).setMaxLength(64))
        .addIntegerOption((o) => o.setName("stories").setDescription("Stories per digest (1–10)").setMinValue(1).setMaxValue(10)),
    )
    .addSubcommand((c) =>
      c
        .setName("unsubscribe")
        .setDescription("Stop the daily digest (Manage Server)")
        .addChannelOption((o) => o.setName("channel").setDescription("Which channel (default: all of this server's)").addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)),
    ),

  async execute(input, services, context) {
    const sub = input.subcommand ?? "preview";
    if (sub === "subscribe") return subscribe(input, services, context);
    if (sub === "unsubscribe") return unsubscribe(input, services, context);
    if (sub === "status") return status(services, context);
    if (sub !== "preview") return { status: "invalid", ephemeral: true, title: `Unknown subcommand “${String(sub)}”`, intro: "Use /digest preview, status, subscribe or unsubscribe.", items: [] };
    const { corpus, now, digest: settings } = services;
    const d = buildDigest(corpus, { now: now(), timeZone: settings.timeZone, stories: settings.stories });
    return digestReply(corpus, d, settings.timeZone);
  },

  async autocomplete(option, typed) {
    if (option !== "timezone") return [];
    const q = fold(typed).replace(/\s+/g, "_");
    const zones = timeZones();
    const starts = zones.filter((z) => fold(z).split("/").some((part) => part.startsWith(q)));
    const contains = zones.filter((z) => !starts.includes(z) && fold(z).includes(q));
    return [...starts, ...contains].slice(0, 25).map((z) => choice(z, z));
  },
} satisfies Command;
