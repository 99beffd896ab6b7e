import { SlashCommandBuilder } from "discord.js";
import { buildDigest, digestReply } from "../src/news/digest.js";
import type { Command } from "./types.js";

export const digest = {
  data: new SlashCommandBuilder().setName("digest").setDescription("Today's news digest, as it would be posted"),

  async execute(_input, { corpus, now, digest: settings }) {
    const d = buildDigest(corpus, { now: now(), timeZone: settings.timeZone, stories: settings.stories });
    return digestReply(corpus, d, settings.timeZone);
  },
} satisfies Command;
