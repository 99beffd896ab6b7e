import { SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import { nothingLoaded, plural, sourceLine } from "../src/news/reply.js";
import { type Command, parseInput, textOption } from "./types.js";

/** How many articles a search shows. */
export const SEARCH_RESULTS = 5;

const REQUIRED = "is required: the words to look for";
const Input = z.object({
  query: textOption(200).pipe(z.string({ error: REQUIRED })),
});

export const search = {
  data: new SlashCommandBuilder()
    .setName("search")
    .setDescription("Find articles by words in their headline or text")
    .addStringOption((o) => o.setName("query").setDescription("Words to look for, e.g. Alaska summit").setRequired(true).setMaxLength(200)),

  async execute(input, { corpus }) {
    const parsed = parseInput("search", Input, input);
    if (!parsed.ok) return parsed.reply;
    const { query } = parsed.data;
    if (corpus.size === 0) return nothingLoaded();
    const { hits, total } = corpus.search(query, SEARCH_RESULTS);
    if (hits.length === 0) {
      return {
        status: "empty",
        ephemeral: true,
        title: `No articles match “${query}”`,
        intro: `None of the ${plural(corpus.size, "loaded article")} has these words in its headline or text. Try fewer or other words.`,
        items: [],
      };
    }
    return {
      status: "ok",
      ephemeral: false,
      title: `Search: “${query}”`,
      items: hits.map((h) => ({
        heading: h.article.headline,
        body: h.sentence,
        meta: sourceLine(h.article),
        ...(h.article.url !== undefined ? { url: h.article.url } : {}),
      })),
      footer: `${hits.length} of ${plural(total, "matching article")}, best first`,
    };
  },
} satisfies Command;
