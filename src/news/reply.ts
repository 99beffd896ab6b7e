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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "15 Aug 2025" in UTC, for meta lines. */
export function shortDate(d: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(d);
}
