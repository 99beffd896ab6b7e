/**
 * Reads the articles folder and hands each file's text to the pure parsers. A file that cannot be
 * used is skipped with one warning naming it and the reason; the rest load. Duplicates (the same
 * normalised body, hence the same id) load once.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../news/article.js";
import { parseArticleFile } from "../news/parse.js";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface Skipped {
  file: string;
  reason: string;
}

export interface LoadResult {
  articles: Article[];
  skipped: Skipped[];
  duplicates: number;
  files: number;
}

/** Files under `dir` (recursively), sorted by path so the load order is stable; dotfiles ignored. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(full);
    }
  };
  await walk(dir);
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The file's text, or why it cannot be used. */
export async function readArticleText(file: string): Promise<{ text: string; mtime: Date } | { reason: string }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { reason: "not a regular file" };
    if (info.size === 0) return { reason: "empty file" };
    if (info.size > MAX_FILE_BYTES) return { reason: `too large (${info.size} bytes, limit ${MAX_FILE_BYTES})` };
    const bytes = await readFile(file);
    if (bytes.includes(0)) return { reason: "binary file (contains NUL bytes)" };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { reason: "not UTF-8 text" };
    }
    return { text, mtime: info.mtime };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { reason: `unreadable (${err.code ?? err.message})` };
  }
}

/** Parse a set of files (paths given relative to `base` in messages). */
export async function loadFiles(files: readonly string[], base: string): Promise<LoadResult> {
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const file of files) {
    const name = path.relative(base, file) || path.basename(file);
    const read = await readArticleText(file);
    if ("reason" in read) {
      skipped.push({ file: name, reason: read.reason });
      continue;
    }
    const parsed = parseArticleFile({ name, text: read.text, mtime: read.mtime });
    if (parsed.problems.length > 0) skipped.push({ file: name, reason: parsed.problems.join("; ") });
    for (const a of parsed.articles) {
      if (seen.has(a.id)) {
        duplicates++;
        continue;
      }
      seen.add(a.id);
      articles.push(a);
    }
  }
  return { articles, skipped, duplicates, files: files.length };
}

/** Load every article file in a folder. A missing folder is reported, not thrown. */
export async function loadArticles(dir: string): Promise<LoadResult> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { articles: [], skipped: [{ file: dir, reason: `cannot read the folder (${err.code ?? err.message})` }], duplicates: 0, files: 0 };
  }
  return loadFiles(files, dir);
}
