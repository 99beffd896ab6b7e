import { chmod, mkdtemp, rm, writeFile, copyFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { listFiles, loadArticles, readArticleTextSync } from "../src/corpus/load.js";
import { SEED_FILE } from "./support/seed.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-load-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("listing an articles folder", () => {
  it("names every file as path.join does, however the folder is written", async () => {
    await mkdir(path.join(dir, "sub"));
    for (const f of ["b.md", "a.txt", "..x.md", "sub/c.json", ".hidden"]) await writeFile(path.join(dir, f), "Text.");
    const expected = ["a.txt", "b.md", "sub/c.json"].map((f) => path.join(dir, f));
    expect(await listFiles(dir)).toEqual(expected);
    expect(await listFiles(`${dir}/`)).toEqual(expected);
    expect(await listFiles(`${dir}/sub/..`)).toEqual(expected);
    const relative = path.relative(process.cwd(), dir);
    expect(await listFiles(relative)).toEqual(["a.txt", "b.md", "sub/c.json"].map((f) => path.join(relative, f)));
    const here = process.cwd();
    process.chdir(dir);
    try {
      expect(await listFiles(".")).toEqual(["a.txt", "b.md", "sub/c.json"]);
      expect(await listFiles("./")).toEqual(["a.txt", "b.md", "sub/c.json"]);
    } finally {
      process.chdir(here);
    }
  });
});

describe("loading an articles folder", () => {
  it("skips each broken file with its name and reason and loads the rest", async () => {
    await copyFile(SEED_FILE, path.join(dir, "seed.txt"));
    await writeFile(path.join(dir, "empty.txt"), "");
    await writeFile(path.join(dir, "blank.md"), "   \n\n");
    await writeFile(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await writeFile(path.join(dir, "latin1.txt"), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x75, 0x20, 0x6c, 0x61, 0x69, 0x74]));
    await writeFile(path.join(dir, "bad.json"), "{ not json");
    await writeFile(path.join(dir, "schema.json"), JSON.stringify({ title: "No body here" }));
    await writeFile(path.join(dir, "good.json"), JSON.stringify({ title: "Good one", body: "A good article body text." }));
    await mkdir(path.join(dir, "sub"));
    await writeFile(path.join(dir, "sub", "nested.md"), "---\ntitle: Nested\n---\nNested article body.");
    await writeFile(path.join(dir, ".hidden"), "ignored");
    const locked = path.join(dir, "locked.txt");
    await writeFile(locked, "Locked\n\nText.");
    await chmod(locked, 0o000);
    const asRoot = process.getuid?.() === 0;

    const r = await loadArticles(dir);
    expect(r.articles.map((a) => a.headline)).toContain("Good one");
    expect(r.articles.map((a) => a.headline)).toContain("Nested");
    expect(r.articles).toHaveLength(4 + 2 + (asRoot ? 1 : 0));
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.file, s.reason]));
    expect(reasons["empty.txt"]).toBe("empty file");
    expect(reasons["blank.md"]).toBe("empty file");
    expect(reasons["binary.txt"]).toMatch(/binary/);
    expect(reasons["latin1.txt"]).toMatch(/not UTF-8/);
    expect(reasons["bad.json"]).toMatch(/invalid JSON/);
    expect(reasons["schema.json"]).toMatch(/no text/);
    if (!asRoot) expect(reasons["locked.txt"]).toMatch(/unreadable \(EACCES\)/);
    expect(Object.keys(reasons)).not.toContain(".hidden");
  });
  it("reads a file blocking (as loading workers do): its text with its size and time; a pipe is no file and is not waited on", async () => {
    const file = path.join(dir, "a.md");
    await writeFile(file, "A body of text.\n");
    const info = statSync(file);
    expect(readArticleTextSync(file)).toEqual({ text: "A body of text.\n", mtime: info.mtime, size: info.size, mtimeMs: info.mtimeMs });
    await mkdir(path.join(dir, "folder.md"));
    expect(readArticleTextSync(path.join(dir, "folder.md"))).toMatchObject({ reason: "not a regular file" });
    await writeFile(path.join(dir, "empty.md"), "");
    expect(readArticleTextSync(path.join(dir, "empty.md"))).toMatchObject({ reason: "empty file", size: 0 });
    expect(readArticleTextSync(path.join(dir, "missing.md"))).toEqual({ reason: "unreadable (ENOENT)" });
    // A named pipe with no writer: opening it to read would wait for ever, so it is read in a process of its own
    // that is stopped after 10 s.
    const pipe = path.join(dir, "pipe.md");
    execFileSync("mkfifo", [pipe]);
    const code = `import { readArticleTextSync } from ${JSON.stringify(new URL("../src/corpus/load.ts", import.meta.url).href)}; console.log(JSON.stringify(readArticleTextSync(${JSON.stringify(pipe)})));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { timeout: 10_000, encoding: "utf8" });
    expect(JSON.parse(out)).toMatchObject({ reason: "not a regular file" });
  });
  it("loads duplicates once", async () => {
    await copyFile(SEED_FILE, path.join(dir, "a.txt"));
    await copyFile(SEED_FILE, path.join(dir, "b.txt"));
    await writeFile(path.join(dir, "c.json"), JSON.stringify({ title: "Other title", text: "Same   body TEXT here." }));
    await writeFile(path.join(dir, "d.txt"), "Same body text here.");
    const r = await loadArticles(dir);
    expect(r.articles).toHaveLength(5);
    expect(r.duplicates).toBe(5);
  });
  it("reports a missing folder instead of throwing", async () => {
    const r = await loadArticles(path.join(dir, "nope"));
    expect(r.articles).toEqual([]);
    expect(r.skipped[0]?.reason).toMatch(/ENOENT/);
  });
});
