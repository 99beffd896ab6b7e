import { chmod, mkdtemp, rm, writeFile, copyFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadArticles } from "../src/corpus/load.js";
import { SEED_FILE } from "./support/seed.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "newsdesk-load-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
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
