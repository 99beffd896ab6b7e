/**
 * The daily digest: the newest stories, each with its headline and one or two summary sentences,
 * and a quote of the day chosen for substance (the longest attributed quote of at least eight words
 * from the top stories). Pure: the time and zone are parameters.
 */
import type { Corpus, QuoteRef } from "./corpus.js";
import { type Reply, nothingLoaded, plural, shortDate } from "./reply.js";
import { wordCount } from "./text.js";

export interface DigestStory {
  articleId: string;
  headline: string;
  sentences: string[];
  source: string;
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

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(now);
}

export function buildDigest(corpus: Corpus, opts: DigestOptions): Digest {
  const picked = corpus.articles.filter((a) => !opts.exclude?.has(a.id)).slice(0, opts.stories);
  const stories: DigestStory[] = picked.map((a) => ({
    articleId: a.id,
    headline: a.headline,
    sentences: corpus.summary(a, "medium").slice(0, a.title === undefined ? 1 : 2),
    source: a.source,
    published: a.published,
    ...(a.url !== undefined ? { url: a.url } : {}),
  }));
  let best: QuoteRef | undefined;
  for (const s of stories) {
    for (const q of corpus.quotesOf(s.articleId)) {
      if (wordCount(q.text) < 8) continue;
      if (!best || wordCount(q.text) > wordCount(best.text)) best = q;
    }
  }
  const digest: Digest = { date: opts.date ?? localDate(opts.now, opts.timeZone), stories };
  if (best) {
    const person = corpus.people.get(best.person);
    const article = corpus.get(best.articleId);
    digest.quote = { text: best.text, speaker: person?.name ?? best.speaker ?? "", headline: article?.headline ?? "" };
  }
  return digest;
}

export function digestReply(corpus: Corpus, digest: Digest, timeZone: string): Reply {
  if (corpus.size === 0) return nothingLoaded();
  if (digest.stories.length === 0) {
    return { status: "empty", ephemeral: false, title: digestTitle(digest.date), intro: "Nothing new since the last digest.", items: [] };
  }
  const sources = new Set(digest.stories.map((s) => s.source));
  const reply: Reply = {
    status: "ok",
    ephemeral: false,
    title: digestTitle(digest.date),
    intro: `${plural(digest.stories.length, "story", "stories")} from ${plural(sources.size, "source")}.`,
    items: digest.stories.map((s) => ({
      heading: s.headline,
      body: s.sentences.join(" "),
      meta: `${s.source} · ${shortDate(s.published, timeZone)}`,
      ...(s.url !== undefined ? { url: s.url } : {}),
    })),
  };
  if (digest.quote) {
    reply.items.push({ heading: "Quote of the day", body: digest.quote.text, meta: `${digest.quote.speaker} — ${digest.quote.headline}`, quote: true });
  }
  return reply;
}
