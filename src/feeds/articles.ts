/**
 * Feed items → articles, each validated with the same ArticleSchema as article files, and the keys that tell
 * when two items are the same article: the guid, the canonical link (tracking parameters stripped), or the
 * normalised content. An item's article id comes from its first key, so that an updated item keeps its id.
 */
import { ArticleSchema, type Article, zodReason } from "../news/article.js";
import { generateHeadline, HEADLINE_MAX } from "../news/headline.js";
import { bodyKey } from "../news/parse.js";
import { hash64 } from "../news/text.js";
import type { FeedItem, ParsedFeed } from "./parse.js";

/** Query parameters that track a reader, not name a page. */
const TRACKING = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|cmp|smid|smtyp|partner|emc|ref|ref_src|src|source|rss|feed|_ga|igshid|spm|share|at_medium|at_campaign|__twitter_impression|ito|dmcid|wt\.mc_id|guccounter)$/i;

/** A link without what varies for one page: fragment, tracking parameters, default port, trailing slash, host case. */
export function canonicalUrl(link: string): string | undefined {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return undefined;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return undefined;
  u.hash = "";
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  u.searchParams.sort();
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, "") : u.pathname;
  const query = u.searchParams.toString();
  // http and https name the same article.
  return `${u.hostname.toLowerCase().replace(/^www\./, "")}${path}${query === "" ? "" : `?${query}`}`;
}

/** The normalised content of an item: its title and text, folded, without punctuation or spacing. */
export function contentKey(title: string | undefined, paragraphs: readonly string[]): string {
  return bodyKey([title ?? "", ...paragraphs]);
}

/** The keys an item is known by, strongest first: guid, canonical link, content. */
export function itemKeys(item: FeedItem): string[] {
  const keys: string[] = [];
  if (item.guid !== undefined && item.guid.trim() !== "") keys.push(`guid:${item.guid.trim()}`);
  const link = item.link !== undefined ? canonicalUrl(item.link) : undefined;
  if (link !== undefined) keys.push(`link:${link}`);
  keys.push(`content:${contentKey(item.title, item.paragraphs)}`);
  return keys;
}

export interface FeedArticle {
  article: Article;
  /** The item's keys (see itemKeys). */
  keys: string[];
  /** When the feed says the item changed last (or was published), for telling the newer of two versions. */
  version: number;
}

export interface FeedArticlesOptions {
  /** The feed's URL: part of every id, and the articles' `file`. */
  url: string;
  fetchedAt: Date;
}

/** A feed's items as articles; items that cannot be one are reported and left out. */
export function feedArticles(feed: ParsedFeed, opts: FeedArticlesOptions): { articles: FeedArticle[]; problems: string[] } {
  const problems: string[] = [];
  const articles: FeedArticle[] = [];
  const source = feed.title ?? new URL(opts.url).hostname;
  const latest = opts.fetchedAt.getTime() + 24 * 3600_000;
  feed.items.forEach((item, i) => {
    const paragraphs = item.paragraphs.length > 0 ? item.paragraphs : item.title !== undefined ? [item.title] : [];
    if (paragraphs.length === 0) {
      problems.push(`item ${i + 1} has neither a title nor text; skipped`);
      return;
    }
    const keys = itemKeys(item);
    // A date in the future (beyond a day of clock skew) is a feed's mistake: the fetch time stands in.
    const published = item.published !== undefined && item.published.getTime() <= latest ? item.published : opts.fetchedAt;
    const title = item.title !== undefined ? item.title.slice(0, 500) : undefined;
    const r = ArticleSchema.safeParse({
      id: hash64(`${opts.url}\n${keys[0] ?? ""}`),
      file: opts.url,
      title,
      headline: title ?? generateHeadline(paragraphs[0] ?? "", HEADLINE_MAX, paragraphs),
      source: source.slice(0, 200),
      published,
      url: item.link,
      tags: [],
      paragraphs,
      offsets: paragraphs.map(() => null),
      order: i,
    });
    if (!r.success) {
      problems.push(`item ${i + 1}${title !== undefined ? ` (“${title.slice(0, 60)}”)` : ""}: ${zodReason(r.error)}; skipped`);
      return;
    }
    articles.push({ article: r.data, keys, version: (item.updated ?? published).getTime() });
  });
  return { articles, problems };
}
