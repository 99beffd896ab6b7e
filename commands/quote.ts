import { SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import type { Person, QuoteRef } from "../src/news/corpus.js";
import { nothingLoaded, plural, shortDate } from "../src/news/reply.js";
import { fold, words } from "../src/news/text.js";
import { choice, type Command, parseInput, textOption } from "./types.js";

const Input = z.object({
  person: textOption(100).refine((v) => v !== undefined, "is required: whose quotes?"),
  topic: textOption(100),
});

function names(people: readonly Person[]): string {
  const n = people.map((p) => p.name);
  return n.length <= 1 ? (n[0] ?? "") : `${n.slice(0, -1).join(", ")} or ${n[n.length - 1] ?? ""}`;
}

export const quote = {
  data: new SlashCommandBuilder()
    .setName("quote")
    .setDescription("What a person said, word for word, in the articles")
    .addStringOption((o) =>
      o.setName("person").setDescription("Any part of the name: Trump, Rubio…").setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addStringOption((o) => o.setName("topic").setDescription("Only quotes about this").setMaxLength(100)),

  async execute(input, { corpus }) {
    const parsed = parseInput("quote", Input, input);
    if (!parsed.ok) return parsed.reply;
    const person = parsed.data.person ?? "";
    const { topic } = parsed.data;
    if (corpus.size === 0) return nothingLoaded();
    const loaded = plural(corpus.size, "loaded article");
    const people = corpus.findPeople(person);
    if (people.length === 0) {
      const suggestions = corpus.suggestPeople(person);
      const mentioned = corpus.mentions(person);
      return {
        status: "not_found",
        ephemeral: true,
        title: `Nobody called “${person}” is quoted`,
        intro:
          (mentioned > 0
            ? `“${person}” appears in ${plural(mentioned, "article")}, but nobody of that name is quoted in the ${loaded}.`
            : `No one of that name appears in the ${loaded}.`) +
          (suggestions.length > 0 ? `\nDid you mean: ${suggestions.join(", ")}?` : ""),
        items: [],
      };
    }
    const speakers = people.filter((p) => p.quotes.length > 0);
    if (speakers.length === 0) {
      const mentionedIn = new Set(people.flatMap((p) => [...p.articles])).size;
      return {
        status: "empty",
        ephemeral: true,
        title: `No direct quotes from ${names(people)}`,
        intro: `No direct quotes from ${names(people)} in the ${loaded} (mentioned in ${mentionedIn}).`,
        items: [],
      };
    }
    const quotes: QuoteRef[] = speakers.flatMap((p) => p.quotes).filter((q) => corpus.quoteMatchesTopic(q, topic));
    if (quotes.length === 0) {
      return {
        status: "empty",
        ephemeral: true,
        title: `No quotes from ${names(speakers)} about “${topic ?? ""}”`,
        intro: `${names(speakers)} has ${plural(speakers.reduce((n, p) => n + p.quotes.length, 0), "quote")} in the ${loaded}, none about that.`,
        items: [],
      };
    }
    const who = new Map(speakers.map((p) => [p.key, p.name]));
    return {
      status: "ok",
      ephemeral: false,
      title: `${names(speakers)} — ${plural(quotes.length, "quote")}`,
      ...(topic !== undefined ? { intro: `About “${topic}”.` } : {}),
      items: quotes.map((q) => {
        const a = corpus.get(q.articleId);
        return {
          heading: a?.headline ?? "",
          body: q.text,
          quote: true,
          meta: `${speakers.length > 1 ? `${who.get(q.person) ?? ""} · ` : ""}${a?.source ?? ""} · ${a ? shortDate(a.published) : ""}`,
          ...(a?.url !== undefined ? { url: a.url } : {}),
        };
      }),
    };
  },

  async autocomplete(option, typed, { corpus }) {
    if (option !== "person") return [];
    const q = words(typed);
    const speakers = [...corpus.people.values()].filter((p) => p.quotes.length > 0);
    const hits = speakers.filter((p) => {
      const tokens = [...p.aliases].flatMap((a) => words(a));
      return q.every((w) => tokens.some((t) => t.startsWith(w))) || fold(p.name).startsWith(fold(typed).trim());
    });
    const order = new Map(corpus.articles.map((a, i) => [a.id, i]));
    const newest = (p: Person): number => Math.min(...p.quotes.map((x) => order.get(x.articleId) ?? Infinity));
    return hits
      .sort((a, b) => b.quotes.length - a.quotes.length || newest(a) - newest(b))
      .slice(0, 25)
      .map((p) => choice(`${p.name} (${plural(p.quotes.length, "quote")})`, p.name));
  },
} satisfies Command;
