import { SlashCommandBuilder } from "discord.js";
import { z } from "zod";
import type { Corpus, Person, QuoteRef } from "../src/news/corpus.js";
import { articleItemSize, lazyPageOf, nothingLoaded, plural, type ReplyItem, sourceLine } from "../src/news/reply.js";
import { fold, words } from "../src/news/text.js";
import { choice, type Command, parseInput, textOption } from "./types.js";

const Input = z.object({
  person: textOption(100).refine((v) => v !== undefined, "is required: whose quotes?"),
  topic: textOption(100),
  include: z.enum(["paraphrase"], { error: "can only be `paraphrase` (reported speech too)" }).optional(),
  page: z.number({ error: "must be a whole number from 1" }).int("must be a whole number from 1").min(1, "must be a whole number from 1").optional(),
});

/** What opens the meta line of a reported statement. */
const REPORTED = "Reported speech, not a direct quote · ";

/**
 * The page sizes of the unfiltered list of `speakers`' quotes (then, with `paraphrase`, their reported statements),
 * from the sizes the corpus made at load, plus the "Name · " each item carries when there are several speakers
 * (every quote in a person's list is filed under that person). Undefined when the corpus has none for someone (the caller then measures each item).
 */
function readySizes(corpus: Corpus, speakers: readonly Person[], paraphrase: boolean, count: number): Int32Array | undefined {
  const out = new Int32Array(count);
  let at = 0;
  for (const kind of paraphrase ? (["quotes", "reported"] as const) : (["quotes"] as const)) {
    for (const p of speakers) {
      const sizes = corpus.quoteItemSizes(p)?.[kind];
      if (sizes === undefined || sizes.length !== p[kind].length) return undefined;
      const extra = (speakers.length > 1 ? p.name.length + " · ".length : 0) + (kind === "reported" ? REPORTED.length : 0);
      for (let k = 0; k < sizes.length; k++) out[at++] = (sizes[k] as number) + extra;
    }
  }
  return at === count ? out : undefined;
}

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
    .addStringOption((o) => o.setName("topic").setDescription("Only quotes about this").setMaxLength(100))
    .addStringOption((o) =>
      o
        .setName("include")
        .setDescription("Also list reported speech (paraphrase), marked as such")
        .addChoices({ name: "paraphrase: reported speech too", value: "paraphrase" }),
    )
    .addIntegerOption((o) => o.setName("page").setDescription("Which page of a long list").setMinValue(1)),

  async execute(input, { corpus }) {
    const parsed = parseInput("quote", Input, input);
    if (!parsed.ok) return parsed.reply;
    const person = parsed.data.person ?? "";
    const { topic, include, page } = parsed.data;
    const paraphrase = include === "paraphrase";
    if (corpus.size === 0) return nothingLoaded();
    const loaded = plural(corpus.size, "loaded article");
    let people = corpus.findPeople(person);
    let guessed: Person | undefined;
    if (people.length === 0) {
      // A typo ("Trmp") that is close to exactly one speaker: answer for them, and say so.
      guessed = corpus.closestSpeaker(person);
      if (guessed !== undefined) people = [guessed];
    }
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
    const speakers = people.filter((p) => p.quotes.length > 0 || (paraphrase && p.reported.length > 0));
    const guess = guessed !== undefined ? `No one called “${person}”; showing ${guessed.name}, the closest name.` : undefined;
    if (speakers.length === 0) {
      const mentionedIn = new Set(people.flatMap((p) => [...p.articles])).size;
      const reported = people.reduce((n, p) => n + p.reported.length, 0);
      return {
        status: "empty",
        ephemeral: true,
        title: `No direct quotes from ${names(people)}`,
        intro:
          (guess !== undefined ? `${guess}\n` : "") +
          `No direct quotes from ${names(people)} in the ${loaded} (mentioned in ${mentionedIn}).` +
          (reported > 0 ? `\n${plural(reported, "reported statement")}: add include:paraphrase to see ${reported === 1 ? "it" : "them"}.` : ""),
        items: [],
      };
    }
    // Plain loops: a speaker may have thousands of quotes, and flatMap/filter cost several times more per item.
    const about = (lists: ReadonlyArray<readonly QuoteRef[]>): QuoteRef[] => {
      if (topic === undefined && lists.length === 1) return lists[0] as QuoteRef[];
      const out: QuoteRef[] = [];
      for (const list of lists) for (const q of list) if (topic === undefined || corpus.quoteMatchesTopic(q, topic)) out.push(q);
      return out;
    };
    const direct: readonly QuoteRef[] = about(speakers.map((p) => p.quotes));
    const reported: readonly QuoteRef[] = paraphrase ? about(speakers.map((p) => p.reported)) : [];
    if (direct.length === 0 && reported.length === 0) {
      return {
        status: "empty",
        ephemeral: true,
        title: `No quotes from ${names(speakers)} about “${topic ?? ""}”`,
        intro: `${names(speakers)} has ${plural(speakers.reduce((n, p) => n + p.quotes.length, 0), "quote")} in the ${loaded}, none about that.`,
        items: [],
      };
    }
    const who = new Map(speakers.map((p) => [p.key, p.name]));
    // Direct quotes first, then reported speech: the two are never interleaved.
    const refAt = (i: number): { q: QuoteRef; isReported: boolean } =>
      i < direct.length ? { q: direct[i] as QuoteRef, isReported: false } : { q: reported[i - direct.length] as QuoteRef, isReported: true };
    const speakerOf = (q: QuoteRef) => (speakers.length > 1 ? `${who.get(q.person) ?? ""} · ` : "");
    const item = (i: number): ReplyItem => {
      const { q, isReported } = refAt(i);
      const a = corpus.get(q.articleId);
      return {
        heading: a?.headline ?? "",
        body: q.text,
        quote: !isReported,
        meta: `${isReported ? REPORTED : ""}${speakerOf(q)}${sourceLine(a)}`,
        ...(a?.url !== undefined ? { url: a.url } : {}),
      };
    };
    // The size of item(i) without making it: a speaker may have thousands of quotes, and only one page is shown.
    // Without a topic the list is the speakers' own lists one after another, whose sizes are ready from the load.
    const ready = topic === undefined ? readySizes(corpus, speakers, paraphrase, direct.length + reported.length) : undefined;
    const sizeAt = (i: number): number => {
      if (ready !== undefined) return ready[i] as number;
      const { q, isReported } = refAt(i);
      return articleItemSize(corpus.get(q.articleId), q.text) + (isReported ? REPORTED.length : 0) + speakerOf(q).length;
    };
    const shown = lazyPageOf(direct.length + reported.length, sizeAt, item, page);
    const counts = [plural(direct.length, "quote"), ...(paraphrase ? [plural(reported.length, "reported statement")] : [])].join(", ");
    const intro = [
      guess,
      topic !== undefined ? `About “${topic}”.` : undefined,
      paraphrase && reported.length > 0 ? "Direct quotes first; reported statements after them are the article's words, not theirs." : undefined,
    ].filter((x): x is string => x !== undefined);
    return {
      status: "ok",
      ephemeral: false,
      title: `${names(speakers)} — ${counts}`,
      ...(intro.length > 0 ? { intro: intro.join("\n") } : {}),
      items: shown.items,
      ...(shown.paging !== undefined ? { paging: shown.paging, footer: shown.footer } : {}),
    };
  },

  async autocomplete(option, typed, { corpus }) {
    if (option !== "person") return [];
    const q = words(typed);
    const whole = fold(typed).trim();
    // Speakers come most quoted first, then newest: the first 25 that match are the answer.
    const hits: Person[] = [];
    for (const s of corpus.speakers) {
      if (q.every((w) => s.tokens.some((t) => t.startsWith(w))) || s.folded.startsWith(whole)) hits.push(s.person);
      if (hits.length >= 25) break;
    }
    // Nothing starts that way: names within a typo or two ("Trmp" → Donald Trump).
    if (hits.length === 0 && whole !== "") {
      const close = new Set(corpus.suggestPeople(typed, 25));
      for (const s of corpus.speakers) if (close.has(s.person.name)) hits.push(s.person);
    }
    return hits.slice(0, 25).map((p) => choice(`${p.name} (${plural(p.quotes.length, "quote")})`, p.name));
  },
} satisfies Command;
