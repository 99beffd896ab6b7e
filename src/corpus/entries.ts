/**
 * One article file read, parsed and analysed: what a loading worker (or the main thread, for a small folder)
 * makes of each file, what the analysis cache keeps, and what loading merges in file order.
 */
import type { Article } from "../news/article.js";
import { type Analysis, analyzeArticle } from "../news/corpus.js";
import { parseArticleFile } from "../news/parse.js";
import type { Quote } from "../news/quotes.js";
import { type IndexTerms, indexTermsOf } from "../news/search.js";
import type { SummaryPlan } from "../news/summary.js";
import { nameIn, readArticleTextSync } from "./load.js";

export interface FileEntry {
  /** The file's path relative to the articles folder: its name in messages and its key in the cache. */
  file: string;
  /**
   * Size and modification time when it was read: a file whose size or time changes is read again. -1 for a file
   * that could not be read at all (permissions, I/O), which is not cached and is read again next time.
   */
  size: number;
  mtimeMs: number;
  /** Why the file, or part of it, was skipped ("" when nothing was). */
  problem: string;
  /** Every article parsed from the file (duplicates are dropped when entries are merged), each analysed. */
  articles: Article[];
  analyses: Analysis[];
  /** Each article's index terms; empty once the entry has served a build (they are counted again if needed). */
  terms: IndexTerms[];
  /** Each article's summaries, once made (after loading, in the background: see parallel.ts). */
  plans?: SummaryPlan[];
}

/** Read (blocking), parse and analyse one file. */
export function analyseFile(file: string, base: string): FileEntry {
  const name = nameIn(base, file);
  const read = readArticleTextSync(file);
  if ("reason" in read) {
    // A file that could not be read at all (permissions, I/O) is tried again next time; one that is no usable
    // text (binary, empty, too large) is known by its size and time like any other.
    return { file: name, size: read.size ?? -1, mtimeMs: read.mtimeMs ?? -1, problem: read.reason, articles: [], analyses: [], terms: [] };
  }
  const parsed = parseArticleFile({ name, text: read.text, mtime: read.mtime });
  return {
    file: name,
    size: read.size,
    mtimeMs: read.mtimeMs,
    problem: parsed.problems.join("; "),
    articles: parsed.articles,
    analyses: parsed.articles.map((a) => analyzeArticle(a)),
    terms: parsed.articles.map((a) => indexTermsOf(a)),
  };
}

/**
 * An entry about to be sent to another thread, without the texts the receiver can make itself: a quote's (or
 * reported statement's) text that is its paragraph's slice is sent as "", and `shareStrings` slices it again. A
 * structured clone copies every string: the texts were about a seventh of what the loading workers sent, and each
 * copy was garbage once shared. Changes `e` and returns it.
 */
export function withoutQuoteTexts(e: FileEntry): FileEntry {
  eachStatement(e, (q, paragraphs) => {
    // Compared in place, without making the slice.
    if (q.parts === undefined && q.text.length === q.end - q.start && paragraphs[q.paragraph]?.startsWith(q.text, q.start) === true) q.text = "";
  });
  return e;
}

/** Every quote and reported statement of an entry's analyses, with its article's paragraphs. */
function eachStatement(e: FileEntry, visit: (q: Quote, paragraphs: readonly string[]) => void): void {
  e.analyses.forEach((analysis, i) => {
    const paragraphs = (e.articles[i] as Article).paragraphs;
    for (const q of analysis.statements.quotes) visit(q, paragraphs);
    for (const q of analysis.statements.paraphrases) visit(q, paragraphs);
  });
}

/**
 * An entry from another thread or from the cache holds copies of the words its analyses found. Here they become
 * references again: a quote's text a slice of its paragraph (which is kept anyway), made again where it was sent
 * without (`withoutQuoteTexts`), and each name one string however often it is met (`interned`, kept for one load).
 * At 100,000 articles that is about a tenth of the heap.
 */
export function shareStrings(e: FileEntry, interned: Map<string, string>): void {
  const intern = (name: string): string => {
    const known = interned.get(name);
    if (known !== undefined) return known;
    interned.set(name, name);
    return name;
  };
  eachStatement(e, (q, paragraphs) => {
    if (q.speaker !== null) q.speaker = intern(q.speaker);
    if (q.parts !== undefined) return;
    const slice = paragraphs[q.paragraph]?.slice(q.start, q.end);
    if (slice !== undefined && (q.text === "" || slice === q.text)) q.text = slice;
  });
  for (const { mentioned: m } of e.analyses) for (let k = 0; k < m.length; k++) m[k] = intern(m[k] as string);
}
