/**
 * What a command answers, independent of where it is shown. Renderers turn it into Discord
 * payloads or console text. All strings are plain text: renderers escape them.
 */

export interface ReplyItem {
  /** A heading: a headline, a speaker, a story. */
  heading: string;
  /** Body text: a summary, a quote. Paragraphs separated by blank lines. */
  body: string;
  /** A small line under the body: source and date. */
  meta?: string;
  url?: string;
  /** The body is a quotation (rendered in quotation marks / as a block quote). */
  quote?: boolean;
}

export type ReplyStatus = "ok" | "empty" | "not_found" | "invalid" | "error";

export interface Reply {
  status: ReplyStatus;
  /** Only the member who asked sees it (errors, refusals, suggestions). */
  ephemeral: boolean;
  title: string;
  /** One or two lines under the title. */
  intro?: string;
  items: ReplyItem[];
  /** A closing line: counts, hints. */
  footer?: string;
  /** Set when the items are one page of a longer list (transports add page buttons or hints). */
  paging?: Paging;
}

export interface Paging {
  /** 1-based. */
  page: number;
  pages: number;
  /** Items over all pages. */
  total: number;
}

/**
 * What one page holds: few enough items and characters that a page is one Discord message (10
 * embeds, 6,000 characters) with room for the title, escaping and the buttons.
 */
export const PAGE_LIMITS = { items: 8, chars: 4200 } as const;

/** What an item takes of a page: its text and room for its decoration. */
export function itemSize(i: Pick<ReplyItem, "heading" | "body" | "meta">): number {
  return i.heading.length + i.body.length + (i.meta?.length ?? 0) + 16;
}

/** "Reuters · 15 Aug 2025": where and when an article appeared, the meta line under its items (" · " for none). */
export function sourceLine(a: { source: string; published: Date } | undefined): string {
  return a === undefined ? " · " : `${a.source} · ${shortDate(a.published)}`;
}

/** The page size (`itemSize`) of an item showing `body` under an article's headline with its source line. */
export function articleItemSize(a: { headline: string; source: string; published: Date } | undefined, body: string): number {
  return itemSize({ heading: a?.headline ?? "", body, meta: sourceLine(a) });
}

/** Where each page starts, for `count` items of the given sizes within PAGE_LIMITS. */
function pageStarts(count: number, sizeAt: (i: number) => number): number[] {
  const starts: number[] = [];
  let n = 0;
  let size = 0;
  for (let i = 0; i < count; i++) {
    const s = sizeAt(i);
    if (n === 0 || n >= PAGE_LIMITS.items || size + s > PAGE_LIMITS.chars) {
      starts.push(i);
      n = 0;
      size = 0;
    }
    n++;
    size += s;
  }
  return starts;
}

/** Split items into pages within PAGE_LIMITS (an item too long for a page gets a page alone). */
export function pages<T extends ReplyItem>(items: readonly T[]): T[][] {
  const starts = pageStarts(items.length, (i) => itemSize(items[i] as T));
  return starts.map((start, k) => items.slice(start, starts[k + 1] ?? items.length));
}

/** One page of items (the last page when `page` is past the end) and its paging line. */
export function pageOf<T extends ReplyItem>(items: readonly T[], page = 1): { items: T[]; paging?: Paging; footer?: string } {
  return lazyPageOf(items.length, (i) => itemSize(items[i] as T), (i) => items[i] as T, page);
}

/**
 * The same page as `pageOf` gives, for a list whose items are made on demand: `sizeAt(i)` must be what
 * `itemSize` of `make(i)` would be. Only the shown page's items are made (a speaker with thousands of quotes).
 */
export function lazyPageOf<T extends ReplyItem>(
  count: number,
  sizeAt: (i: number) => number,
  make: (i: number) => T,
  page = 1,
): { items: T[]; paging?: Paging; footer?: string } {
  const starts = pageStarts(count, sizeAt);
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => make(from + k));
  if (starts.length <= 1) return { items: range(0, count) };
  const n = Math.min(Math.max(1, Math.trunc(page)), starts.length);
  return {
    items: range(starts[n - 1] as number, starts[n] ?? count),
    paging: { page: n, pages: starts.length, total: count },
    footer: `Page ${n} of ${starts.length}`,
  };
}

export function notice(status: Exclude<ReplyStatus, "ok">, title: string, intro?: string): Reply {
  return { status, ephemeral: status !== "empty", title, ...(intro !== undefined ? { intro } : {}), items: [] };
}

/** Said by every command when no article is loaded. */
export function nothingLoaded(): Reply {
  return {
    status: "empty",
    ephemeral: true,
    title: "No articles are loaded",
    intro:
      "newsdesk has no articles to serve yet. Put article files (.txt, .md or .json) in the articles folder (ARTICLES_DIR, `seeds/` by default) and restart.",
    items: [],
  };
}

/** Said by every command while the articles are still loading at start-up. */
export function stillLoading(done: number, total: number): Reply {
  const share = total > 0 ? Math.floor((100 * done) / total) : 0;
  return {
    status: "empty",
    ephemeral: true,
    title: "Still loading the news",
    intro:
      total > 0
        ? `newsdesk has just started and is reading its articles (${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} files, ${share}%). Try again in a moment.`
        : "newsdesk has just started and is reading its articles. Try again in a moment.",
    items: [],
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const shortFormats = new Map<string, { format: Intl.DateTimeFormat; memo: Map<number, string>; span: number }>();
/** Every time zone's offset is a whole number of quarter hours: within one quarter hour the date is the same. */
const QUARTER_HOUR = 15 * 60 * 1000;
/** In UTC, within one day (from midnight) the date is the same. */
const DAY = 24 * 60 * 60 * 1000;
const DATE_MEMO_MAX = 100_000;

/**
 * "15 Aug 2025" in UTC, for meta lines. A formatter costs far more to make than to use, so there is one per zone;
 * and using one costs microseconds, which a page of a thousand quotes would pay a thousand times, so each
 * quarter hour's date is remembered (each day's in UTC).
 */
export function shortDate(d: Date, timeZone = "UTC"): string {
  let f = shortFormats.get(timeZone);
  if (f === undefined) {
    const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });
    // Archives spread over a year at any time of day hold tens of thousands of quarter hours but a few hundred days.
    f = { format, memo: new Map(), span: format.resolvedOptions().timeZone === "UTC" ? DAY : QUARTER_HOUR };
    shortFormats.set(timeZone, f);
  }
  const t = d.getTime();
  if (Number.isNaN(t)) return f.format.format(d);
  const key = Math.floor(t / f.span);
  let s = f.memo.get(key);
  if (s === undefined) {
    if (f.memo.size >= DATE_MEMO_MAX) f.memo.clear();
    f.memo.set(key, (s = f.format.format(d)));
  }
  return s;
}
