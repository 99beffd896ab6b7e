import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { parseCommandLine } from "../src/console/parse.js";
import { answerLine } from "../src/console/repl.js";
import { start } from "../src/main.js";
import { services } from "./support/seed.js";
import { inputOf, memoryLogger, Sink } from "./support/streams.js";

describe("typed command lines", () => {
  const parse = (line: string) => {
    const r = parseCommandLine(line, commands);
    if ("error" in r) throw new Error(r.error);
    return [r.command.data.name, r.input];
  };
  it("take the first option positionally and others as name:value", () => {
    expect(parse("/quote Trump")).toEqual(["quote", { person: "Trump" }]);
    expect(parse("/quote person:Donald Trump topic:Alaska summit")).toEqual(["quote", { person: "Donald Trump", topic: "Alaska summit" }]);
    expect(parse("/headline count:2")).toEqual(["headline", { count: 2 }]);
    expect(parse("headline 3")).toEqual(["headline", { count: 3 }]);
    expect(parse("/summary article:Alaska length:short")).toEqual(["summary", { article: "Alaska", length: "short" }]);
    expect(parse("/digest")).toEqual(["digest", { subcommand: "preview" }]);
    expect(parse("/digest subscribe channel:123456789012345678 time:08:00 timezone:Europe/Berlin stories:3")).toEqual([
      "digest",
      { subcommand: "subscribe", channel: "123456789012345678", time: "08:00", timezone: "Europe/Berlin", stories: 3 },
    ]);
  });
  it("explain an unknown command", () => {
    const r = parseCommandLine("/weather", commands);
    expect("error" in r && r.error).toMatch(/Unknown command "\/weather".*\/headline/);
  });
  it("answer help and bad options in words", async () => {
    const { log } = memoryLogger();
    expect(await answerLine("help", services(), log)).toMatch(/\/quote person:…/);
    expect(await answerLine("/headline count:abc", services(), log)).toMatch(/`count` must be a number/);
  });
});

describe("console mode end to end", () => {
  it("starts without a token, answers piped commands and ends with the input", async () => {
    const out = new Sink();
    const { log } = memoryLogger();
    const bot = await start({
      env: { STORE_URL: "memory://", ARTICLES_DIR: "seeds" },
      input: inputOf(["/headline", "/quote Trump", "/quote Putin"]),
      output: out,
      log,
    });
    expect(bot.mode).toBe("console");
    await bot.done;
    await bot.stop();
    expect(out.text).toMatch(/^newsdesk — 4 articles loaded from seeds\//);
    expect(out.text).toMatch(/To connect to Discord, set DISCORD_TOKEN/);
    expect(out.text).toMatch(/1\. Trump and Putin to meet in Alaska/);
    expect(out.text).toMatch(/Donald Trump — 2 quotes/);
    expect(out.text).toMatch(/No direct quotes from Vladimir Putin in the 4 loaded articles \(mentioned in 1\)\./);
  });
  it("prints the daily digest when it fires, once per date", async () => {
    const out = new Sink();
    const { log } = memoryLogger();
    const bot = await start({ env: { STORE_URL: "memory://" }, input: inputOf([]), output: out, log });
    await bot.done;
    const at = new Date("2025-08-15T08:00:00Z");
    expect(await bot.deliverNow(at)).toBe("posted");
    expect(await bot.deliverNow(at)).toBe("already-posted");
    await bot.stop();
    expect(out.text.match(/News digest — 2025-08-15/g)).toHaveLength(1);
    expect(out.text).toMatch(/Quote of the day/);
  });
});
