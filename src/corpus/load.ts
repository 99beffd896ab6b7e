/**
 * Reads the articles folder and hands each file's text to the pure parsers. A file that cannot be
 * used is skipped with one warning naming it and the reason; the rest load. Duplicates (the same
 * normalised body, hence the same id) load once.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { opendir, readFile, stat } from "node:fs/promises";
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

/** Files named between two pauses of a listing. */
const LIST_STEP = 5000;

/** Files under `dir` (recursively), sorted by path so the load order is stable; dotfiles ignored. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    // Read a few hundred entries at a time: one readdir of a 100,000-file folder held the event loop for 200 ms.
    const entries: Array<{ name: string; directory: boolean }> = [];
    for await (const e of await opendir(d, { bufferSize: 512 })) entries.push({ name: e.name, directory: e.isDirectory() });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // What path.join(d, name) gives for a name of one segment, without normalising the folder's path again for each
    // of 100,000 files (70 ms at once), and letting other work run every few thousand.
    const prefix = path.join(d, "_").slice(0, -1);
    let n = 0;
    for (const e of entries) {
      if (++n % LIST_STEP === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (e.name.startsWith(".")) continue;
      const full = prefix + e.name;
      if (e.directory) await walk(full);
      else out.push(full);
    }
  };
  await walk(dir);
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A file's size and modification time when read: unknown when it could not be read at all. */
interface Stamp {
  size: number;
  mtimeMs: number;
}

type Read = ({ text: string; mtime: Date } & Stamp) | ({ reason: string } & Partial<Stamp>);

/** Why a file of this kind and size cannot be used, or undefined when it may be read. */
function unusable(info: Stats): string | undefined {
  if (!info.isFile()) return "not a regular file";
  if (info.size === 0) return "empty file";
  if (info.size > MAX_FILE_BYTES) return `too large (${info.size} bytes, limit ${MAX_FILE_BYTES})`;
  return undefined;
}

/** The text of a file's bytes, or why it is no text. */
function decode(bytes: Uint8Array, info: Stats): Read {
  const stamp: Stamp = { size: info.size, mtimeMs: info.mtimeMs };
  if (bytes.includes(0)) return { reason: "binary file (contains NUL bytes)", ...stamp };
  try {
    return { text: utf8.decode(bytes), mtime: info.mtime, ...stamp };
  } catch {
    return { reason: "not UTF-8 text", ...stamp };
  }
}

function unreadable(e: unknown): Read {
  const err = e as NodeJS.ErrnoException;
  return { reason: `unreadable (${err.code ?? err.message})` };
}

/** The file's text, or why it cannot be used. */
export async function readArticleText(file: string): Promise<Read> {
  try {
    const info = await stat(file);
    const reason = unusable(info);
    return reason !== undefined ? { reason, size: info.size, mtimeMs: info.mtimeMs } : decode(await readFile(file), info);
  } catch (e) {
    return unreadable(e);
  }
}

/**
 * The same, blocking: for the loading workers, which have nothing else to do meanwhile. Reading thousands of
 * small files one await at a time left a worker idle for about 0.7 ms a file.
 */
export function readArticleTextSync(file: string): Read {
  // One open file for its facts and its bytes (a stat by name, then a read by name, cost a path lookup more each
  // file). Opened without waiting, so that a pipe with no writer is found to be no regular file, not waited on.
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    const reason = unusable(info);
    if (reason !== undefined) return { reason, size: info.size, mtimeMs: info.mtimeMs };
    const bytes = Buffer.allocUnsafe(info.size);
    let got = 0;
    for (let n = -1; got < bytes.length && n !== 0; got += n) n = readSync(fd, bytes, got, bytes.length - got, got);
    return decode(bytes.subarray(0, got), info);
  } catch (e) {
    return unreadable(e);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // (Nothing to do: the bytes are read, or the reason is known.)
  }
}

/** A file's name in messages and in the analysis cache: its path relative to the folder. */
export function nameIn(base: string, file: string): string {
  return path.relative(base, file) || path.basename(file);
}

/** Parse a set of files (paths given relative to `base` in messages); `sync` reads them blocking (workers only). */
export async function loadFiles(files: readonly string[], base: string, opts: { sync?: boolean } = {}): Promise<LoadResult> {
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const file of files) {
    const name = nameIn(base, file);
    const read = opts.sync === true ? readArticleTextSync(file) : await readArticleText(file);
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
