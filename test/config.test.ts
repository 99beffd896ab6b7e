import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("configuration", () => {
  it("has working defaults with an empty environment", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DISCORD_API_URL: "https://discord.com/api",
      DIGEST_CRON: "0 8 * * *",
      DIGEST_TIMEZONE: "UTC",
      DIGEST_STORIES: 5,
      STORE_URL: "sqlite://data/newsdesk.sqlite",
      ARTICLES_DIR: "seeds",
      LOG_LEVEL: "info",
    });
    expect(c.DISCORD_TOKEN).toBeUndefined();
  });
  it("reads SHARDS and SHARD_IDS, and refuses ids outside the count or without one", () => {
    expect(loadConfig({ SHARDS: "auto" }).SHARDS).toBe("auto");
    expect(loadConfig({ SHARDS: "4", SHARD_IDS: "0-1, 3" })).toMatchObject({ SHARDS: 4, SHARD_IDS: [0, 1, 3] });
    const problems = (env: Record<string, string>): string[] => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ SHARDS: "two" })).toEqual(["SHARDS must be auto or a number of shards, like 2"]);
    expect(problems({ SHARDS: "0" })).toHaveLength(1);
    expect(problems({ SHARDS: "2", SHARD_IDS: "1,2" })).toEqual(["SHARD_IDS must be below SHARDS (2): 2 is not"]);
    expect(problems({ SHARDS: "auto", SHARD_IDS: "0" })[0]).toMatch(/SHARD_IDS needs SHARDS/);
    expect(problems({ SHARDS: "2", SHARD_IDS: "zero" })).toEqual(["SHARD_IDS must list shard ids, like 0,1 or 0-3"]);
  });
  it("treats empty values (a copied .env.example) as unset", () => {
    expect(loadConfig({ DISCORD_TOKEN: "", DIGEST_TIMEZONE: " " }).DIGEST_TIMEZONE).toBe("UTC");
  });
  it("lists every problem in one error", () => {
    let error: unknown;
    try {
      loadConfig({
        DISCORD_APPLICATION_ID: "abc",
        DIGEST_CRON: "every morning",
        DIGEST_TIMEZONE: "Mars/Olympus",
        DISCORD_API_URL: "ftp://x",
        STORE_URL: "mysql://x",
        LOG_LEVEL: "loud",
        DIGEST_STORIES: "50",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(7);
    const message = (error as ConfigError).message;
    for (const name of ["DISCORD_APPLICATION_ID", "DIGEST_CRON", "DIGEST_TIMEZONE", "DISCORD_API_URL", "STORE_URL", "LOG_LEVEL", "DIGEST_STORIES"]) {
      expect(message).toContain(name);
    }
  });
  it("never repeats the token in an error", () => {
    const token = "not a token with spaces and secret-value-123";
    try {
      loadConfig({ DISCORD_TOKEN: token });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain("DISCORD_TOKEN");
      expect((e as Error).message).not.toContain("secret-value-123");
    }
  });
  it("accepts the emulator's URL and strips a trailing slash", () => {
    expect(loadConfig({ DISCORD_API_URL: "http://127.0.0.1:4567/api/" }).DISCORD_API_URL).toBe("http://127.0.0.1:4567/api");
  });
});
