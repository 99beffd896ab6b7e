/**
 * The only reader of the environment. Every variable is in `.env.example`. Invalid values stop
 * start-up with one message listing every problem (and never echo the token).
 */
import cron from "node-cron";
import { z } from "zod";

const snowflake = (name: string) =>
  z.string().regex(/^\d{17,20}$/, `${name} must be a Discord id (17–20 digits)`);

function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Empty strings (as left by a copied .env.example) count as unset. */
const blank = (v: unknown): unknown => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

const Schema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[\w.-]{20,}$/, "DISCORD_TOKEN does not look like a bot token (copy it from the Developer Portal → Bot → Reset Token)")
      .optional(),
  ),
  DISCORD_APPLICATION_ID: z.preprocess(blank, snowflake("DISCORD_APPLICATION_ID").optional()),
  DISCORD_GUILD_ID: z.preprocess(blank, snowflake("DISCORD_GUILD_ID").optional()),
  DISCORD_API_URL: z.preprocess(
    blank,
    z
      .url({ protocol: /^https?$/, error: "DISCORD_API_URL must be an http(s) URL, like https://discord.com/api" })
      .transform((u) => u.replace(/\/+$/, ""))
      .default("https://discord.com/api"),
  ),
  DIGEST_CHANNEL_ID: z.preprocess(blank, snowflake("DIGEST_CHANNEL_ID").optional()),
  DIGEST_CRON: z.preprocess(
    blank,
    z
      .string()
      .refine((v) => cron.validate(v), "DIGEST_CRON is not a valid cron expression (e.g. `0 8 * * *` for 08:00 every day)")
      .default("0 8 * * *"),
  ),
  DIGEST_TIMEZONE: z.preprocess(
    blank,
    z.string().refine(validZone, "DIGEST_TIMEZONE must be an IANA time zone, like UTC or Europe/Berlin").default("UTC"),
  ),
  DIGEST_STORIES: z.preprocess(
    blank,
    z.coerce
      .number({ error: "DIGEST_STORIES must be a number" })
      .int("DIGEST_STORIES must be a whole number")
      .min(1, "DIGEST_STORIES must be between 1 and 10")
      .max(10, "DIGEST_STORIES must be between 1 and 10")
      .default(5),
  ),
  DIGEST_CATCHUP_HOURS: z.preprocess(
    blank,
    z.coerce
      .number({ error: "DIGEST_CATCHUP_HOURS must be a number of hours" })
      .min(0, "DIGEST_CATCHUP_HOURS must be between 0 and 23")
      .max(23, "DIGEST_CATCHUP_HOURS must be between 0 and 23")
      .default(6),
  ),
  DIGEST_CLAIM_LEASE_SECONDS: z.preprocess(
    blank,
    z.coerce
      .number({ error: "DIGEST_CLAIM_LEASE_SECONDS must be a number of seconds" })
      .int("DIGEST_CLAIM_LEASE_SECONDS must be a whole number")
      .min(1, "DIGEST_CLAIM_LEASE_SECONDS must be between 1 and 3600")
      .max(3600, "DIGEST_CLAIM_LEASE_SECONDS must be between 1 and 3600")
      .default(120),
  ),
  STORE_URL: z.preprocess(
    blank,
    z
      .string()
      .regex(/^(?:sqlite:\/\/.+|redis(?:s)?:\/\/.+|memory:\/\/)$/, "STORE_URL must be sqlite://PATH, redis://HOST:PORT or memory://")
      .default("sqlite://data/newsdesk.sqlite"),
  ),
  ARTICLES_DIR: z.preprocess(blank, z.string().default("seeds")),
  CACHE_DIR: z.preprocess(blank, z.string().optional()),
  SHARDS: z.preprocess(
    blank,
    z
      .union([
        z.literal("auto"),
        z.coerce
          .number({ error: "SHARDS must be auto or a number of shards" })
          .int("SHARDS must be auto or a whole number of shards")
          .min(1, "SHARDS must be auto or between 1 and 10000")
          .max(10000, "SHARDS must be auto or between 1 and 10000"),
      ], { error: "SHARDS must be auto or a number of shards, like 2" })
      .optional(),
  ),
  SHARD_IDS: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d+(?:-\d+)?(?:\s*,\s*\d+(?:-\d+)?)*$/, "SHARD_IDS must list shard ids, like 0,1 or 0-3")
      .transform(shardList)
      .optional(),
  ),
  FEEDS_INTERVAL_MINUTES: z.preprocess(
    blank,
    z.coerce
      .number({ error: "FEEDS_INTERVAL_MINUTES must be a number" })
      .int("FEEDS_INTERVAL_MINUTES must be a whole number of minutes")
      .min(1, "FEEDS_INTERVAL_MINUTES must be between 1 and 1440")
      .max(1440, "FEEDS_INTERVAL_MINUTES must be between 1 and 1440")
      .default(15),
  ),
  FEEDS_PER_GUILD: z.preprocess(
    blank,
    z.coerce
      .number({ error: "FEEDS_PER_GUILD must be a number" })
      .int("FEEDS_PER_GUILD must be a whole number")
      .min(0, "FEEDS_PER_GUILD must be between 0 and 1000")
      .max(1000, "FEEDS_PER_GUILD must be between 0 and 1000")
      .default(50),
  ),
  FEEDS_ALLOW_PRIVATE: z.preprocess(
    blank,
    z.enum(["true", "false"], { error: "FEEDS_ALLOW_PRIVATE must be true or false" }).default("false").transform((v) => v === "true"),
  ),
  FEEDS_FILE: z.preprocess(blank, z.string().optional()),
  LOG_LEVEL: z.preprocess(
    blank,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
});

/** "0-2,5" → [0, 1, 2, 5]. */
function shardList(v: string): number[] {
  const out = new Set<number>();
  for (const part of v.split(",")) {
    const [from, to] = part.trim().split("-").map(Number) as [number, number | undefined];
    for (let i = from; i <= (to ?? from) && out.size <= 10000; i++) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

const Checked = Schema.superRefine((c, ctx) => {
  // Zod runs this even when a field failed: only well-formed values are compared (the others are reported already).
  if (!Array.isArray(c.SHARD_IDS)) return;
  if (c.SHARDS === undefined || c.SHARDS === "auto") {
    ctx.addIssue({ code: "custom", path: ["SHARD_IDS"], message: "SHARD_IDS needs SHARDS set to the total number of shards of all processes (a number, not auto)" });
    return;
  }
  if (typeof c.SHARDS !== "number") return;
  const total = c.SHARDS;
  const outside = c.SHARD_IDS.filter((id) => id >= total);
  if (outside.length > 0) ctx.addIssue({ code: "custom", path: ["SHARD_IDS"], message: `SHARD_IDS must be below SHARDS (${total}): ${outside.join(", ")} is not` });
});

export type Config = z.infer<typeof Schema>;

/**
 * Where the analysis cache lives (src/corpus/cache.ts): CACHE_DIR; `off` for none; unset, `data/cache`, or none
 * when STORE_URL is memory:// (a process that keeps nothing on disk).
 */
export function cacheDirOf(config: Pick<Config, "CACHE_DIR" | "STORE_URL">): string | undefined {
  if (config.CACHE_DIR === "off") return undefined;
  if (config.CACHE_DIR !== undefined) return config.CACHE_DIR;
  return config.STORE_URL === "memory://" ? undefined : "data/cache";
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parse an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = Checked.safeParse(env);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => {
    const name = String(i.path[0] ?? "");
    return i.message.includes(name) && name !== "" ? i.message : `${name}: ${i.message}`;
  });
  throw new ConfigError(problems);
}

/** "30 8 * * *" → "08:30": a cron expression that fires once a day at a fixed time; else null. */
export function dailyTime(expression: string): string | null {
  const m = /^\s*(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+\*\s*$/.exec(expression);
  if (!m) return null;
  const minute = Number(m[1]);
  const hour = Number(m[2]);
  if (minute > 59 || hour > 23) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
