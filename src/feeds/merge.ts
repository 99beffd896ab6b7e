/**
 * Folding a fresh read of a feed into what is stored for it: an item is the same article as a stored one when
 * they share a key (guid, canonical link or normalised content), and then replaces it, keeping the stored id and
 * the first date seen (a publisher that re-dates or re-IDs an item does not make it new). Pure.
 */
import type { Article } from "../news/article.js";
import { canonicalUrl, type FeedArticle } from "./articles.js";

export interface StoredItem {
  keys: string[];
  version: number;
  article: Article;
}

export interface MergeResult {
  items: StoredItem[];
  /** Articles not seen before. */
  added: number;
  /** Stored articles whose text, title or link changed. */
  updated: number;
}

/** How many articles are kept per feed: the newest. */
export const ITEMS_PER_FEED = 500;

const sameLink = (a: string | undefined, b: string | undefined) => a === b || (a !== undefined && b !== undefined && canonicalUrl(a) === canonicalUrl(b));

function sameContent(a: Article, b: Article): boolean {
  return a.headline === b.headline && sameLink(a.url, b.url) && a.paragraphs.length === b.paragraphs.length && a.paragraphs.every((p, i) => p === b.paragraphs[i]);
}

export function mergeItems(stored: readonly StoredItem[], fresh: readonly FeedArticle[]): MergeResult {
  const items = stored.map((s) => ({ ...s, keys: [...s.keys] }));
  const byKey = new Map<string, StoredItem>();
  for (const s of items) for (const k of s.keys) if (!byKey.has(k)) byKey.set(k, s);
  let added = 0;
  let updated = 0;
  for (const f of fresh) {
    const match = f.keys.map((k) => byKey.get(k)).find((s) => s !== undefined);
    if (match === undefined) {
      const item: StoredItem = { keys: [...f.keys], version: f.version, article: f.article };
      items.push(item);
      for (const k of f.keys) if (!byKey.has(k)) byKey.set(k, item);
      added++;
      continue;
    }
    // An older copy of what is stored (a feed listing an item twice, or an out-of-date mirror) changes nothing.
    if (f.version < match.version) continue;
    const changed = !sameContent(match.article, f.article);
    match.article = { ...f.article, id: match.article.id, published: match.article.published < f.article.published ? match.article.published : f.article.published };
    match.version = f.version;
    for (const k of f.keys) {
      if (!match.keys.includes(k)) match.keys.push(k);
      if (!byKey.has(k)) byKey.set(k, match);
    }
    if (changed) updated++;
  }
  items.sort((a, b) => b.article.published.getTime() - a.article.published.getTime());
  return { items: items.slice(0, ITEMS_PER_FEED), added, updated };
}
