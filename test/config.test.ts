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
