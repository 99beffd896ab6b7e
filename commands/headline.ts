import { SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import { nothingLoaded, plural, sourceLine } from "../src/news/reply.js";
import { type Command, parseInput, textOption } from "./types.js";

const Input = z.object({
  count: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 10")
    .max(10, "must be between 1 and 10")
    .default(5),
  topic: textOption(100),
});

export const headline = {
  data: new SlashCommandBuilder()
    .setName("headline")
    .setDescription("The newest headlines")
    .addIntegerOption((o) => o.setName("count").setDescription("How many (1–10, default 5)").setMinValue(1).setMaxValue(10))
    .addStringOption((o) => o.setName("topic").setDescription("Only articles about this").setMaxLength(100)),

  async execute(input, { corpus }) {
    const parsed = parseInput("headline", Input, input);
    if (!parsed.ok) return parsed.reply;
    const { count, topic } = parsed.data;
    if (corpus.size === 0) return nothingLoaded();
    const { articles: shown, total } = corpus.newestAbout(topic, count);
    if (total === 0) {
      return {
        status: "empty",
        ephemeral: true,
        title: `No headlines about “${topic ?? ""}”`,
        intro: `None of the ${plural(corpus.size, "loaded article")} mention it.`,
        items: [],
      };
    }
    return {
      status: "ok",
      ephemeral: false,
      title: topic === undefined ? "Latest headlines" : `Latest headlines about “${topic}”`,
      items: shown.map((a) => ({
        heading: a.headline,
        body: "",
        meta: sourceLine(a),
        ...(a.url !== undefined ? { url: a.url } : {}),
      })),
      footer: `${shown.length} of ${plural(total, topic === undefined ? "article" : "matching article")}`,
    };
  },
} satisfies Command;
