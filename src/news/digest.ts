/**
 * The daily digest as an editor builds it: related articles grouped into one story ("2 sources"), stories
 * ranked by importance (see stories.ts), each with its headline and one or two summary sentences, a one-line
 * overview at the top, and a quote of the day chosen for substance from a top story. Pure: the time and zone
 * are parameters.
 */
import type { Corpus, QuoteRef } from "./corpus.js";
import { type Reply, nothingLoaded, plural, shortDate } from "./reply.js";
import { candidates, groupStories } from "./stories.js";
import { unitsOf } from "./summary.js";
import { terms, wordCount } from "./text.js";

export interface DigestStory {
  /** The article that speaks for the story. */
  articleId: string;
  /** Every article of the story (the lead first). */
  articleIds: string[];
  headline: string;
  sentences: string[];
  /** Distinct sources, the lead's first. */
  sources: string[];
  published: Date;
  url?: string;
}

export interface Digest {
  /** Local date (YYYY-MM-DD) in the digest's time zone. */
  date: string;
  stories: DigestStory[];
  quote?: { text: string; speaker: string; headline: string };
}

export interface DigestOptions {
  now: Date;
  timeZone: string;
  stories: number;
  /** Articles left out (already in an earlier digest). */
  exclude?: ReadonlySet<string>;
  /** The local date the digest is for (default: the date of `now` in `timeZone`). */
  date?: string;
}

/** The title of a digest, also how a posted digest is recognised in its channel. */
export function digestTitle(date: string): string {
  return `News digest — ${date}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
    dateFormats.set(timeZone, f);
  }
  return f.format(now);
}

/** How far down the stories the quote of the day may come from, when the top ones have none. */
const QUOTE_STORIES = 3;

/**
 * How much a quote says: the specificity of its words (each distinct content word weighs its inverse sentence
 * frequency in its article, so that "meeting" in an article about a meeting counts little), twice for a word the
 * article also uses elsewhere (the story's subject: "security guarantees", not "very fast"), less for a quote
 * too long to read at a glance. At least 8 words.
 */
function substance(q: QuoteRef, idf: (term: string) => { idf: number; elsewhere: boolean }): number {
  const n = wordCount(q.text);
  if (n < 8) return -Infinity;
  let specific = 0;
  for (const t of new Set(terms(q.text))) {
    const w = idf(t);
    specific += w.idf * (w.elsewhere ? 2 : 1);
  }
  const tooLong = Math.max(0, n - 60);
  return Math.min(specific, 120) - tooLong;
}

/** Inverse sentence frequency of terms within one article, and whether a term is in more than one sentence. */
function sentenceIdf(paragraphs: readonly string[]): (term: string) => { idf: number; elsewhere: boolean } {
  const units = unitsOf(paragraphs).map((u) => new Set(terms(u.text)));
  const df = new Map<string, number>();
  for (const u of units) for (const t of u) df.set(t, (df.get(t) ?? 0) + 1);
  return (t) => ({ idf: Math.log(1 + units.length / (df.get(t) ?? 1)), elsewhere: (df.get(t) ?? 0) >= 2 });
}

export function buildDigest(corpus: Corpus, opts: DigestOptions): Digest {
  const pool = candidates(corpus, opts.exclude, opts.stories);
  const ranked = groupStories(corpus, pool, opts.now).slice(0, opts.stories);
  const stories: DigestStory[] = ranked.map((s) => {
    const a = s.lead;
    const others = s.articles.filter((x) => x.id !== a.id);
    return {
      articleId: a.id,
      articleIds: [a.id, ...others.map((x) => x.id)],
      headline: a.headline,
      // An untitled article's headline came from its lead sentence: one more sentence would repeat it.
      sentences: corpus.summary(a, "medium").slice(0, a.title === undefined ? 1 : 2),
      sources: [...new Set([a.source, ...s.sources])],
      published: s.newest,
      ...(a.url !== undefined ? { url: a.url } : {}),
    };
  });
  // The highest story that has a quote of substance gives the quote of the day: its most substantive one.
  let best: { q: QuoteRef; score: number } | undefined;
  stories.slice(0, QUOTE_STORIES).forEach((s) => {
    if (best !== undefined) return;
    for (const id of s.articleIds) {
      const quotes = corpus.quotesOf(id);
      if (quotes.length === 0) continue;
      const idf = sentenceIdf(corpus.get(id)?.paragraphs ?? []);
      for (const q of quotes) {
        const score = substance(q, idf);
        if (score > -Infinity && (!best || score > best.score)) best = { q, score };
      }
    }
  });
  const digest: Digest = { date: opts.date ?? localDate(opts.now, opts.timeZone), stories };
  if (best) {
    const { q } = best;
    const person = corpus.people.get(q.person);
    const article = corpus.get(q.articleId);
    digest.quote = { text: q.text, speaker: person?.name ?? q.speaker ?? "", headline: article?.headline ?? "" };
  }
  return digest;
}

/** Every article a digest shows: what the next digest leaves out. */
export function digestArticleIds(digest: Digest): string[] {
  return digest.stories.flatMap((s) => s.articleIds);
}

/** At most `max` characters, cut at a word with an ellipsis. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/u, "")}…`;
}

/** The one-line overview: how many stories from how many sources, and what leads. */
export function overview(digest: Digest): string {
  const sources = new Set(digest.stories.flatMap((s) => s.sources));
  const counts = `${plural(digest.stories.length, "story", "stories")} from ${plural(sources.size, "source")}`;
  const [top, next] = digest.stories;
  if (top === undefined) return `${counts}.`;
  const lead = `Leading: ${clip(top.headline, 120)}${top.sources.length > 1 ? ` (${top.sources.length} sources)` : ""}`;
  const then = next !== undefined ? `; then ${clip(next.headline, 90)}` : "";
  return `${counts}. ${lead}${then}.`;
}

function storyMeta(s: DigestStory, timeZone: string): string {
  const date = shortDate(s.published, timeZone);
  if (s.sources.length > 1) return `${s.sources.length} sources: ${s.sources.join(", ")} · ${date}`;
  if (s.articleIds.length > 1) return `${s.articleIds.length} articles · ${s.sources[0] ?? ""} · ${date}`;
  return `${s.sources[0] ?? ""} · ${date}`;
}

export function digestReply(corpus: Corpus, digest: Digest, timeZone: string): Reply {
  if (corpus.size === 0) return nothingLoaded();
  if (digest.stories.length === 0) {
    return { status: "empty", ephemeral: false, title: digestTitle(digest.date), intro: "Nothing new since the last digest.", items: [] };
  }
  const reply: Reply = {
    status: "ok",
    ephemeral: false,
    title: digestTitle(digest.date),
    intro: overview(digest),
    items: digest.stories.map((s) => ({
      heading: s.headline,
      body: s.sentences.join(" "),
      meta: storyMeta(s, timeZone),
      ...(s.url !== undefined ? { url: s.url } : {}),
    })),
  };
  if (digest.quote) {
    reply.items.push({ heading: "Quote of the day", body: digest.quote.text, meta: `${digest.quote.speaker} — ${digest.quote.headline}`, quote: true });
  }
  return reply;
}
