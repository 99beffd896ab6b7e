/**
 * The analysis cache: what each article file gave (its articles, their analyses and index terms) kept on disk,
 * so that a restart, or a reload after one file changed, analyses only the files that are new or changed. At
 * 100,000 articles the analysis is most of a cold start's minute and more; reading it back takes seconds.
 *
 * Layout: CACHE_DIR/articles-<hash of the folder's absolute path>/<bucket>.v8, 256 buckets by a hash of each
 * file's relative path, written with node:v8's serializer. A changed file rewrites one bucket; each bucket is
 * written to a temporary name and renamed, so a reader (another process, or the next start after a crash) sees
 * a whole old or a whole new bucket, never half of one. Each bucket names the version of the code that made it
 * (a hash of the core's source, the parsers included, the lock file and V8's version): after any change to how
 * articles are read or analysed, the old entries are ignored and rewritten, never served. A bucket that cannot
 * be read or has another version counts as empty.
 */
import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { slicer } from "./build.js";
import type { FileEntry } from "./entries.js";

const FORMAT = "newsdesk-analysis-cache/1";

let versionMemo: Promise<string | null> | undefined;

/** Everything that decides what a file's entry holds, hashed; null when the sources cannot be read (no cache). */
export function codeVersion(): Promise<string | null> {
  versionMemo ??= (async () => {
    try {
      const h = createHash("sha256").update(FORMAT).update(process.versions.v8);
      const root = fileURLToPath(new URL("../../", import.meta.url));
      const news = path.join(root, "src", "news");
      const sources = (await readdir(news)).sort().map((f) => path.join(news, f));
      for (const f of [...sources, path.join(root, "src", "corpus", "load.ts"), path.join(root, "src", "corpus", "entries.ts")]) {
        h.update(f.slice(root.length)).update(await readFile(f));
      }
      // Parsers and stemmer come from packages too: another lock file may read articles differently.
      h.update(await readFile(path.join(root, "package-lock.json")).catch(() => Buffer.from("no lock file")));
      return h.digest("hex").slice(0, 32);
    } catch {
      return null;
    }
  })();
  return versionMemo;
}

export function bucketOf(file: string): number {
  return createHash("sha1").update(file).digest()[0] as number;
}

interface Bucket {
  format: string;
  version: string;
  entries: FileEntry[];
}

function isBucket(v: unknown, version: string): v is Bucket {
  if (typeof v !== "object" || v === null) return false;
  const b = v as Partial<Bucket>;
  return b.format === FORMAT && b.version === version && Array.isArray(b.entries);
}

/**
 * One articles folder's cache: the entries of its last load, in memory (the same objects the corpus holds, so a
 * reload takes the unchanged files' analyses without reading or copying them), and on disk when it has a folder.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, FileEntry>();
  /** Buckets on disk that hold nothing usable (another version, unreadable): rewritten or removed on save. */
  private readonly stale = new Set<number>();

  private constructor(
    private readonly dir: string | null,
    private readonly version: string,
  ) {}

  /** A cache kept in memory only (no CACHE_DIR): reloads still analyse only new and changed files. */
  static memory(): AnalysisCache {
    return new AnalysisCache(null, "memory");
  }

  /**
   * The cache of one articles folder under `cacheDir`, read back (bucket by bucket, letting other work run
   * between buckets). Null when there can be no cache (the code's sources cannot be read).
   */
  static async open(cacheDir: string, articlesDir: string): Promise<AnalysisCache | null> {
    const version = await codeVersion();
    if (version === null) return null;
    const key = createHash("sha256").update(path.resolve(articlesDir)).digest("hex").slice(0, 16);
    const dir = path.join(cacheDir, `articles-${key}`);
    const cache = new AnalysisCache(dir, version);
    let all: string[];
    try {
      all = await readdir(dir);
    } catch {
      return cache;
    }
    // A write that was cut short (the process stopped) leaves its temporary file; one an hour old is no one's.
    for (const n of all.filter((f) => f.endsWith(".tmp"))) {
      const at = path.join(dir, n);
      const info = await stat(at).catch(() => null);
      if (info !== null && Date.now() - info.mtimeMs > 3_600_000) await rm(at, { force: true });
    }
    const names = all.filter((n) => /^[0-9a-f]{2}\.v8$/.test(n));
    // One buffer, grown as needed, for every bucket: a fresh buffer per file would leave hundreds of megabytes for
    // the garbage collector at 100,000 articles, which it returns late. (So entries hold no typed array: node:v8
    // would hand one back as a view into this buffer, which the next bucket overwrites.)
    let buffer = Buffer.alloc(0);
    for (const name of names) {
      const number = Number.parseInt(name.slice(0, 2), 16);
      let bucket: unknown = null;
      try {
        const handle = await open(path.join(dir, name), "r");
        try {
          const size = (await handle.stat()).size;
          if (buffer.length < size) buffer = Buffer.alloc(Math.max(size, 2 * buffer.length));
          const { bytesRead } = await handle.read(buffer, 0, size, 0);
          bucket = v8.deserialize(buffer.subarray(0, bytesRead));
        } finally {
          await handle.close();
        }
      } catch {
        bucket = null;
      }
      if (!isBucket(bucket, version)) {
        cache.stale.add(number);
        continue;
      }
      for (const e of bucket.entries) cache.entries.set(e.file, e);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry kept for a file, if the file still has the size and modification time it had then. */
  lookup(file: string, size: number, mtimeMs: number): FileEntry | undefined {
    const e = this.entries.get(file);
    return e !== undefined && e.size === size && e.mtimeMs === mtimeMs ? e : undefined;
  }

  /**
   * Keep `current` (every file of the folder now, in any order) and write the buckets whose entries changed:
   * new, changed or removed files. Unreadable files are not kept. Returns how many buckets were written.
   */
  save(current: readonly FileEntry[]): Promise<number> {
    return this.queue(() => {
      const next = new Map<string, FileEntry>();
      for (const e of current) if (e.size >= 0) next.set(e.file, e);
      return this.write(next);
    });
  }

  /** One write at a time: a reload's save waits for the load's before it. */
  private queue(work: () => Promise<number>): Promise<number> {
    const run = this.saving.then(work);
    this.saving = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private saving: Promise<void> = Promise.resolve();

  private async write(next: ReadonlyMap<string, FileEntry>): Promise<number> {
    // Other work runs meanwhile: at 100,000 files these loops (a hash per file) held the event loop for half a
    // second. Each file's bucket is hashed once at most, and a save that changes nothing (a restart) hashes none.
    const pause = slicer();
    const dirty = new Set<number>(this.stale);
    /** The buckets hashed so far, so that none is hashed twice. */
    const hashed = new Map<string, number>();
    for (const [file, e] of next) {
      await pause();
      if (this.entries.get(file) === e) continue;
      const b = bucketOf(file);
      hashed.set(file, b);
      dirty.add(b);
    }
    for (const file of this.entries.keys()) {
      await pause();
      if (!next.has(file)) dirty.add(bucketOf(file));
    }
    const dir = this.dir;
    if (dirty.size === 0 || dir === null) {
      this.keep(next);
      return 0;
    }
    const byBucket = new Map<number, FileEntry[]>();
    for (const [file, e] of next) {
      await pause();
      const b = hashed.get(file) ?? bucketOf(file);
      if (!dirty.has(b)) continue;
      let list = byBucket.get(b);
      if (!list) byBucket.set(b, (list = []));
      list.push(e);
    }
    await mkdir(dir, { recursive: true });
    for (const b of [...dirty].sort((x, y) => x - y)) {
      const file = path.join(dir, `${b.toString(16).padStart(2, "0")}.v8`);
      const list = byBucket.get(b) ?? [];
      if (list.length === 0) {
        await rm(file, { force: true });
        continue;
      }
      const bucket: Bucket = { format: FORMAT, version: this.version, entries: list };
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await writeFile(tmp, v8.serialize(bucket));
        await rename(tmp, file);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    }
    this.stale.clear();
    this.keep(next);
    return dirty.size;
  }

  /**
   * The entries from now on, without their index terms (about 2 KB an article, needed only to build an index):
   * a later load counts those articles' terms again, and a bucket written later keeps them without.
   */
  private keep(next: ReadonlyMap<string, FileEntry>): void {
    this.entries.clear();
    for (const [file, e] of next) {
      e.terms = [];
      this.entries.set(file, e);
    }
  }
}
