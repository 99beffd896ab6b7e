/**
 * Article files → articles. Pure: the caller reads the file and passes its text and mtime.
 * Formats: plain text (see segment.ts), Markdown with optional YAML front matter, JSON (one
 * article or an array). Every article goes through `ArticleSchema`'s checks (`makeArticle`).
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type Article, JsonArticleSchema, makeArticle, type Metadata, metadataOfStrings, MetadataSchema, zodReason } from "./article.js";
import { generateHeadline, HEADLINE_MAX } from "./headline.js";
import { type Draft, type Para, paragraphsOf, segmentPlainText } from "./segment.js";
import { fold, hash64, squash } from "./text.js";

export interface ArticleFile {
  /** Name used in messages and in `article.file` (a path relative to the articles folder). */
  name: string;
  text: string;
  mtime: Date;
}

export interface ParseResult {
  articles: Article[];
  /** Problems that skipped part or all of the file, each naming why. */
  problems: string[];
}

export type Format = "text" | "markdown" | "json";

export function formatOf(name: string, text: string): Format {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "markdown";
  if (lower.endsWith(".txt") || lower.endsWith(".text")) return "text";
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("{") || head.startsWith("[")) return "json";
  if (head.startsWith("---")) return "markdown";
  return "text";
}

/** The id of an article: a hash of its normalised body, so the same text always gets the same id. */
export function bodyKey(paragraphs: readonly string[]): string {
  const body = paragraphs.join("\n");
  // (In such text the only letters and digits are ASCII ones: a plain pattern keeps the same characters, faster.)
  if (KEY_PLAIN.test(body)) return hash64(squash(body.toLowerCase()).replace(/[^a-z0-9 ]/g, ""));
  return hash64(squash(fold(body)).replace(/[^\p{L}\p{N} ]/gu, ""));
}

/**
 * Text whose key needs no Unicode normalisation: printable ASCII, white space and general punctuation (curly quotes,
 * dashes, ellipses), whose decompositions are white space or characters the key drops anyway. Not U+2017 or U+203E,
 * which decompose to a space and a mark (a test checks every character of the set). Without the u flag, which
 * matches the same here (no character of the class is outside the Basic Multilingual Plane), and faster.
 */
export const KEY_PLAIN = /^[\s!-~\u2000-\u2016\u2018-\u203d\u203f-\u206f]*$/;

interface Built {
  title?: string;
  source?: string;
  url?: string;
  published?: Date;
  tags?: string[];
  paras: Para[];
}

function build(file: ArticleFile, b: Built, order: number): Article {
  const kept = b.paras.filter((p) => p.text.trim() !== "");
  const paragraphs = kept.map((p) => p.text);
  const offsets = kept.map((p) => (p.offset >= 0 ? p.offset : null));
  const title = b.title !== undefined ? squash(b.title) : undefined;
  return makeArticle({
    id: bodyKey(paragraphs),
    file: file.name,
    title,
    headline: title ?? generateHeadline(paragraphs[0] ?? "", HEADLINE_MAX, paragraphs),
    source: b.source ?? "unknown",
    published: b.published ?? file.mtime,
    url: b.url,
    tags: b.tags ?? [],
    paragraphs,
    offsets,
    order,
  });
}

/** Paragraph texts located in the file's text (for offsets), searched in order. */
function locate(fileText: string, paragraphs: readonly string[]): Para[] {
  let from = 0;
  return paragraphs.map((text) => {
    const at = fileText.indexOf(text, from);
    if (at >= 0) from = at + text.length;
    return { text, offset: at, blankAfter: true };
  });
}

function parseText(file: ArticleFile): Built[] {
  return segmentPlainText(file.text).map((d: Draft) => ({
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(d.source !== undefined ? { source: d.source } : {}),
    paras: d.paras,
  }));
}

/** Markdown to plain paragraphs: headings, emphasis, links and images reduced to their text. */
function markdownToText(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|\W)[*_]([^*_\n]+)[*_](?=\W|$)/g, "$1$2")
    .replace(/^>\s?/gm, "")
    .replace(/^\s*[-*+]\s+/gm, "")
    .replace(/`([^`]+)`/g, "$1");
}

/** The article's parts its metadata gives, and `paras`. (Set field by field: spreading one object per field into
 * another, as this did, cost about half a percent of a file's reading and analysis.) */
function fromMeta(meta: Metadata, paras: Para[] = []): Built {
  const published = meta.published ?? meta.date;
  const title = meta.title ?? meta.headline;
  const b: Built = { paras };
  if (title !== undefined) b.title = title;
  if (meta.source !== undefined) b.source = meta.source;
  if (meta.url !== undefined) b.url = meta.url;
  if (published !== undefined) b.published = published;
  if (meta.tags !== undefined) b.tags = meta.tags;
  return b;
}

/** Plain YAML scalars that the YAML core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * The common front matter, one `key: value` per line, where the value is a double-quoted string without escapes
 * or a plain scalar that can only be a string ("title: \"…\"", "published: 2025-03-07T15:59:50Z",
 * "url: https://…"), read without the YAML parser, which costs more than the rest of an article's parsing.
 * Undefined for anything else (lists, comments, escapes, numbers, repeated keys…): the YAML parser reads it.
 */
export function simpleFrontMatter(src: string): Record<string, string> | undefined {
  // Control characters (tab and carriage return included), Unicode line breaks and byte-order marks: YAML's call.
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return undefined;
  }
  const out: Record<string, string> = {};
  for (const line of src.split("\n")) {
    if (line === "") continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*): (.+)$/.exec(line);
    if (!m) return undefined;
    const key = m[1] as string;
    const value = m[2] as string;
    if (Object.hasOwn(out, key) || key.startsWith("__") || NOT_A_STRING.test(key)) return undefined;
    const quoted = /^"([^"\\]*)"$/.exec(value);
    if (quoted) out[key] = quoted[1] as string;
    else if (value !== value.trim() || /^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: | #|:$/.test(value) || NOT_A_STRING.test(value)) return undefined;
    else out[key] = value;
  }
  return out;
}

function parseMarkdown(file: ArticleFile): Built[] {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(file.text);
  let meta: Built = { paras: [] };
  let body = file.text;
  if (m) {
    let raw: unknown;
    const simple = simpleFrontMatter(m[1] ?? "");
    try {
      raw = simple ?? parseYaml(m[1] ?? "");
    } catch (e) {
      throw new Error(`invalid front matter: ${(e as Error).message.split("\n")[0] ?? ""}`);
    }
    // Simple front matter, every value a string, is checked by hand as the schema checks it (the schema gives the error).
    const checked = simple === undefined ? undefined : metadataOfStrings(simple);
    const parsed = checked !== undefined ? ({ success: true, data: checked } as const) : MetadataSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new Error(`invalid front matter: ${zodReason(parsed.error)}`);
    meta = fromMeta(parsed.data);
    body = file.text.slice(m[0].length);
  }
  let paras = paragraphsOf(markdownToText(body)).map((p) => p.text);
  // A leading "# Heading" is the title when the front matter gave none.
  const first = paras[0];
  if (first !== undefined && /^#{1,6}\s/.test(first)) {
    paras = paras.slice(1);
    if (meta.title === undefined) meta.title = first.replace(/^#+\s*/, "");
  }
  paras = paras.map((p) => p.replace(/^#{1,6}\s+/, ""));
  if (paras.length === 0) throw new Error("no text after the front matter");
  meta.paras = locate(file.text, paras);
  return [meta];
}

function parseJson(file: ArticleFile, problems: string[]): Built[] {
  let raw: unknown;
  try {
    raw = JSON.parse(file.text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`invalid JSON: ${(e as Error).message}`);
  }
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) throw new Error("empty JSON array");
  const out: Built[] = [];
  items.forEach((item, i) => {
    const parsed = JsonArticleSchema.safeParse(item);
    const where = Array.isArray(raw) ? `[${i}] ` : "";
    if (!parsed.success) {
      problems.push(`${where}${zodReason(parsed.error)}`);
      return;
    }
    const a = parsed.data;
    const text = a.paragraphs ?? (a.body ?? a.text ?? a.content ?? "").split(/\r?\n\s*\r?\n|\r?\n/);
    const paras = text.map(squash).filter((t) => t !== "");
    out.push(fromMeta(a, locate(file.text, paras)));
  });
  return out;
}

export function parseArticleFile(file: ArticleFile): ParseResult {
  const problems: string[] = [];
  if (file.text.replace(/^\uFEFF/, "").trim() === "") return { articles: [], problems: ["empty file"] };
  let built: Built[];
  try {
    const format = formatOf(file.name, file.text);
    built = format === "json" ? parseJson(file, problems) : format === "markdown" ? parseMarkdown(file) : parseText(file);
  } catch (e) {
    return { articles: [], problems: [(e as Error).message] };
  }
  const articles: Article[] = [];
  built.forEach((b, i) => {
    try {
      articles.push(build(file, b, i));
    } catch (e) {
      problems.push(e instanceof z.ZodError ? zodReason(e) : (e as Error).message);
    }
  });
  if (articles.length === 0 && problems.length === 0) problems.push("no article text found");
  return { articles, problems };
}
