/**
 * `analyze`: article files → the stable JSON that tools and evaluations read. For every article in
 * every supported file: id, title, headline, source, summary sentences, and quotes with speaker and
 * offsets (JavaScript string offsets into the file's text read as UTF-8).
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { listFiles, readArticleText, type Skipped } from "./corpus/load.js";
import { parseArticleFile } from "./news/parse.js";
import { extractStatements, type Quote } from "./news/quotes.js";
import { summarize, SUMMARY_SENTENCES } from "./news/summary.js";

export interface AnalyzedQuote {
  speaker: string | null;
  text: string;
  start: number | null;
  end: number | null;
  /** Present for a quotation split around its attribution: each part's offsets (start..end spans them all). */
  parts?: Array<[number, number] | null>;
}

export interface AnalyzedArticle {
  file: string;
  id: string;
  title: string | null;
  headline: string;
  source: string;
  summary: string[];
  quotes: AnalyzedQuote[];
  /** Reported speech (no quotation marks): the whole sentence, its speaker and offsets. */
  reported: AnalyzedQuote[];
}

export interface AnalyzeResult {
  articles: AnalyzedArticle[];
  skipped: Skipped[];
}

async function expand(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

function statementsOf(paragraphs: readonly string[], offsets: ReadonlyArray<number | null | undefined>): { quotes: AnalyzedQuote[]; reported: AnalyzedQuote[] } {
  const { quotes, paraphrases } = extractStatements(paragraphs);
  const place = (q: Quote): AnalyzedQuote => {
    const base = offsets[q.paragraph] ?? null;
    return {
      speaker: q.speaker,
      text: q.text,
      start: base === null ? null : base + q.start,
      end: base === null ? null : base + q.end,
      ...(q.parts !== undefined ? { parts: q.parts.map(([s, e]) => (base === null ? null : ([base + s, base + e] as [number, number]))) } : {}),
    };
  };
  return { quotes: quotes.map(place), reported: paraphrases.map(place) };
}

export async function analyze(paths: readonly string[]): Promise<AnalyzeResult> {
  const files = await expand(paths);
  const result: AnalyzeResult = { articles: [], skipped: [] };
  for (const file of files) {
    const name = path.relative(process.cwd(), file) || file;
    const read = await readArticleText(file);
    if ("reason" in read) {
      result.skipped.push({ file: name, reason: read.reason });
      continue;
    }
    const parsed = parseArticleFile({ name, text: read.text, mtime: read.mtime });
    if (parsed.problems.length > 0) result.skipped.push({ file: name, reason: parsed.problems.join("; ") });
    for (const a of parsed.articles) {
      result.articles.push({
        file: name,
        id: a.id,
        title: a.title ?? null,
        headline: a.headline,
        source: a.source,
        summary: summarize(a.paragraphs, SUMMARY_SENTENCES.medium).map((u) => u.text),
        ...statementsOf(a.paragraphs, a.offsets),
      });
    }
  }
  return result;
}
