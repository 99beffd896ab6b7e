import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { z } from "zod";
import type { Subscriptions } from "../src/digest/subscriptions.js";
import type { FeedService } from "../src/feeds/service.js";
import type { Corpus } from "../src/news/corpus.js";
import type { Reply } from "../src/news/reply.js";

/** What every command may use. No discord.js object ever enters a command. */
export interface Services {
  corpus: Corpus;
  now: () => Date;
  digest: { timeZone: string; stories: number };
  /** Digest subscriptions (absent in one-shot CLI runs, which have no schedule). */
  subscriptions?: Subscriptions;
  /** The guild a channel belongs to, when the transport knows it. */
  channelGuild?: (channelId: string) => string | undefined;
  /** The corpus a server's commands read (the seed articles and its feeds'); `corpus` when absent. */
  corpusFor?: (guildId: string | null) => Promise<Corpus>;
  /** Feeds the servers follow (absent in one-shot CLI runs). */
  feeds?: FeedService;
  /** FEEDS_INTERVAL_MINUTES, for telling members how often feeds are checked. */
  feedsIntervalMinutes?: number;
  /** While the articles are still loading at start-up: how far it has got (commands answer "still loading"). */
  loading?: () => { done: number; total: number } | null;
}

/** Where and by whom a command was run, as plain values. */
export interface CommandContext {
  guildId: string | null;
  channelId: string | null;
  /** The member has Manage Server (checked at run time from the interaction's member permissions). */
  canManageGuild: boolean;
  userId: string | null;
}

/** The console and CLI act as the instance's owner. */
export const OWNER_CONTEXT: CommandContext = { guildId: "console", channelId: "console", canManageGuild: true, userId: null };

/** Plain option values, as Discord, the console or the CLI give them. */
export type CommandInput = Record<string, string | number | boolean | undefined>;

export interface Choice {
  name: string;
  value: string;
}

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(input: CommandInput, services: Services, context: CommandContext): Promise<Reply>;
  autocomplete?(option: string, typed: string, services: Services, context?: CommandContext): Promise<Choice[]>;
}

/** Zero-width and control characters a user can paste; removed from every text option. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

/** A free-text option: invisible characters removed, trimmed, at most `max` characters, empty → absent. */
export function textOption(max: number) {
  return z
    .string()
    .transform((s) => s.replace(INVISIBLE, "").trim())
    .pipe(z.string().max(max, `is longer than ${max} characters`))
    .transform((s) => (s === "" ? undefined : s))
    .optional();
}

/** Validate options; a failure becomes an ephemeral explanation naming each bad option. */
export function parseInput<S extends z.ZodType>(
  command: string,
  schema: S,
  input: CommandInput,
): { ok: true; data: z.infer<S> } | { ok: false; reply: Reply } {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  const lines = r.error.issues.map((i) => {
    const name = i.path.join(".");
    return name === "" ? i.message : `\`${name}\` ${i.message}`;
  });
  return {
    ok: false,
    reply: {
      status: "invalid",
      ephemeral: true,
      title: `/${command}: invalid option`,
      intro: lines.join("\n"),
      items: [],
    },
  };
}

/** The private answer to a member without Manage Server: `action` says what they tried ("add feeds"). */
export function manageServerNeeded(action: string): Reply {
  return { status: "invalid", ephemeral: true, title: "Manage Server needed", intro: `Only members with the Manage Server permission can ${action}. Ask a server admin.`, items: [] };
}

/** Autocomplete choice names are 1–100 characters; values at most 100. */
export function choice(name: string, value: string): Choice {
  const n = name.length > 100 ? `${name.slice(0, 99)}…` : name;
  return { name: n === "" ? value.slice(0, 100) || "-" : n, value: value.slice(0, 100) };
}
