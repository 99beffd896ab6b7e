import { SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import { nothingLoaded, plural, sourceLine } from "../src/news/reply.js";
import { choice, type Command, parseInput, textOption } from "./types.js";

const Input = z.object({
  article: textOption(200),
  length: z.enum(["short", "medium", "long"], { error: "must be short, medium or long" }).default("medium"),
  topic: textOption(100),
});

export const summary = {
  data: new SlashCommandBuilder()
    .setName("summary")
    .setDescription("An article in a few sentences")
    .addStringOption((o) =>
      o.setName("article").setDescription("Which article (default: the newest)").setAutocomplete(true).setMaxLength(200),
    )
    .addStringOption((o) =>
      o
        .setName("length")
        .setDescription("short: 1 sentence, medium: 3, long: 5")
        .addChoices({ name: "short", value: "short" }, { name: "medium", value: "medium" }, { name: "long", value: "long" }),
    )
    .addStringOption((o) => o.setName("topic").setDescription("The article that best matches these words (when no article is given)").setMaxLength(100)),

  async execute(input, { corpus }) {
    const parsed = parseInput("summary", Input, input);
    if (!parsed.ok) return parsed.reply;
    const { article: query, length, topic } = parsed.data;
    if (corpus.size === 0) return nothingLoaded();
    let article = corpus.articles[0];
    if (query === undefined && topic !== undefined) {
      const best = corpus.search(topic, 1).hits[0];
      if (best === undefined) {
        return {
          status: "empty",
          ephemeral: true,
          title: `No article about “${topic}”`,
          intro: `None of the ${plural(corpus.size, "loaded article")} has these words. Try fewer or other words, or /search.`,
          items: [],
        };
      }
      article = best.article;
    }
    if (query !== undefined) {
      const found = corpus.findArticle(query);
      if ("suggestions" in found) {
        return {
          status: "not_found",
          ephemeral: true,
          title: `No article matches “${query}”`,
          intro: "The closest headlines:",
          items: found.suggestions.map((a) => ({ heading: a.headline, body: "", meta: sourceLine(a) })),
          footer: "Pick one from the list as you type, or use words of its headline.",
        };
      }
      article = found.article;
      if (!corpus.matchesTopic(article.id, topic)) {
        return {
          status: "empty",
          ephemeral: true,
          title: `“${article.headline}” is not about “${topic ?? ""}”`,
          intro: "Leave out `topic`, or pick an article that mentions it.",
          items: [],
        };
      }
    }
    if (article === undefined) return nothingLoaded();
    const sentences = corpus.summary(article, length);
    const total = corpus.sentenceCount(article);
    return {
      status: "ok",
      ephemeral: false,
      title: article.headline,
      items: [
        {
          heading: "Summary",
          body: sentences.join(" "),
          meta: sourceLine(article),
          ...(article.url !== undefined ? { url: article.url } : {}),
        },
      ],
      footer: `${sentences.length} of ${total} sentences`,
    };
  },

  async autocomplete(option, typed, { corpus }) {
    if (option !== "article") return [];
    return corpus.searchHeadlines(typed, 25).map((a) => choice(a.headline, a.id));
  },
} satisfies Command;
