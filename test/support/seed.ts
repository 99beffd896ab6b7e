import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Article } from "../../src/news/article.js";
import { Corpus } from "../../src/news/corpus.js";
import { parseArticleFile } from "../../src/news/parse.js";
import type { Services } from "../../commands/index.js";

export const SEEDS_DIR = path.resolve(import.meta.dirname, "../../seeds");
export const SEED_FILE = path.join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.endsWith(".txt")) ?? "");
export const SEED_TEXT = readFileSync(SEED_FILE, "utf8");
export const FIXED_NOW = new Date("2025-08-15T09:00:00Z");

export function seedArticles(): Article[] {
  return parseArticleFile({ name: path.basename(SEED_FILE), text: SEED_TEXT, mtime: new Date("2025-08-15T06:00:00Z") }).articles;
}

export function services(articles: Article[] = seedArticles()): Services {
  return { corpus: new Corpus(articles), now: () => FIXED_NOW, digest: { timeZone: "UTC", stories: 5 } };
}
