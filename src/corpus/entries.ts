/**
 * One article file read, parsed and analysed: what a loading worker (or the main thread, for a small folder)
 * makes of each file, what the analysis cache keeps, and what loading merges in file order.
 */
import type { Article } from "../news/article.js";
import { type Analysis, analyzeArticle } from "../news/corpus.js";
import { parseArticleFile } from "../news/parse.js";
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
