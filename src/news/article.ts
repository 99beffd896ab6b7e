import { z } from "zod";

/** The limits the schemas and the checks made by hand (makeArticle, metadataOfStrings) share. */
const ARTICLE_ID = /^[0-9a-f]{16}$/;
const TITLE_MAX = 500;
const SOURCE_MAX = 200;
const TAG_MAX = 100;
const TAGS_MAX = 50;
/** A web address: an article's and its metadata's url, in the schemas and in the checks made by hand. */
const HttpUrl = z.url({ protocol: /^https?$/ });

/** An article as the rest of the bot sees it. Built only through `ArticleSchema` (its `parse`, or `makeArticle`, which makes its checks). */
export const ArticleSchema = z.object({
  /** 16 hex digits from the normalised body: the same text always gets the same id. */
  id: z.string().regex(ARTICLE_ID),
  /** The file it came from (relative path as given to the loader). */
  file: z.string().min(1),
  title: z.string().min(1).max(TITLE_MAX).optional(),
  /** The title, or a generated headline for untitled articles. */
  headline: z.string().min(1).max(TITLE_MAX),
  source: z.string().min(1).max(SOURCE_MAX),
  published: z.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date"),
  url: HttpUrl.optional(),
  tags: z.array(z.string().min(1).max(TAG_MAX)).max(TAGS_MAX),
  paragraphs: z.array(z.string().min(1)).min(1),
  /** Offset of each paragraph in the file's text (UTF-16 units), or null when it has none there. */
  offsets: z.array(z.number().int().nonnegative().nullable()),
  /** Position of the article in its file (several articles can share one file). */
  order: z.number().int().nonnegative(),
});
export type Article = z.infer<typeof ArticleSchema>;

const text = (v: unknown, min: number, max = Infinity): boolean => typeof v === "string" && v.length >= min && v.length <= max;
const count = (v: unknown): boolean => typeof v === "number" && Number.isInteger(v) && v >= 0;

/**
 * An article from its parts, as `ArticleSchema.parse` makes it: the schema's checks are made here by hand and zod
 * sees only the url, or, when a check fails, the whole (for its error). Loading parses every article this way: zod's
 * walk over each article's fields cost about 3% of a file's reading, parsing and analysis. A test holds the two to
 * the same answers and errors. The parts become the article (its url as zod gives it back).
 */
export function makeArticle(parts: z.input<typeof ArticleSchema>): Article {
  const a = parts as Record<string, unknown>;
  const valid =
    typeof a.id === "string" &&
    ARTICLE_ID.test(a.id) &&
    text(a.file, 1) &&
    (a.title === undefined || text(a.title, 1, TITLE_MAX)) &&
    text(a.headline, 1, TITLE_MAX) &&
    text(a.source, 1, SOURCE_MAX) &&
    a.published instanceof Date &&
    !Number.isNaN(a.published.getTime()) &&
    Array.isArray(a.tags) &&
    a.tags.length <= TAGS_MAX &&
    a.tags.every((t) => text(t, 1, TAG_MAX)) &&
    Array.isArray(a.paragraphs) &&
    a.paragraphs.length >= 1 &&
    a.paragraphs.every((p) => text(p, 1)) &&
    Array.isArray(a.offsets) &&
    a.offsets.every((o) => o === null || count(o)) &&
    count(a.order);
  if (!valid) return ArticleSchema.parse(parts);
  if (a.url === undefined) return parts;
  const url = HttpUrl.safeParse(a.url);
  if (!url.success) return ArticleSchema.parse(parts);
  a.url = url.data;
  return parts;
}

const trimmed = z.string().trim().min(1);

/** A date from metadata: ISO string, RFC 2822 string, epoch milliseconds or a YAML date. */
export const DateInput = z
  .union([z.date(), trimmed, z.number()])
  .transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: `not a date: ${String(v).slice(0, 40)}` });
      return z.NEVER;
    }
    return d;
  });

const Tags = z
  .union([z.array(z.union([trimmed, z.number()])), trimmed])
  .transform((v) =>
    (Array.isArray(v) ? v.map(String) : v.split(","))
      .map((t) => t.trim())
      .filter((t) => t !== ""),
  )
  .pipe(z.array(z.string().max(TAG_MAX)).max(TAGS_MAX));

/** Metadata accepted in Markdown front matter and in JSON articles. Unknown keys are ignored. */
export const MetadataSchema = z.object({
  title: trimmed.max(TITLE_MAX).optional(),
  headline: trimmed.max(TITLE_MAX).optional(),
  source: trimmed.max(SOURCE_MAX).optional(),
  url: HttpUrl.optional(),
  published: DateInput.optional(),
  date: DateInput.optional(),
  tags: Tags.optional(),
});
export type Metadata = z.infer<typeof MetadataSchema>;

/**
 * Metadata whose every value is a trimmed string (simple front matter), as `MetadataSchema.parse` makes it, or
 * undefined where the schema must be asked (a value it would refuse, for its error): the checks and transforms are
 * made here by hand, and zod sees only the url. A test holds the two to the same answers.
 */
export function metadataOfStrings(raw: Readonly<Record<string, string>>): Metadata | undefined {
  const out: Metadata = {};
  for (const key of ["title", "headline", "source"] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    const t = v.trim();
    if (t.length < 1 || t.length > (key === "source" ? SOURCE_MAX : TITLE_MAX)) return undefined;
    out[key] = t;
  }
  if (raw.url !== undefined) {
    const url = HttpUrl.safeParse(raw.url);
    if (!url.success) return undefined;
    out.url = url.data;
  }
  for (const key of ["published", "date"] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    const t = v.trim();
    const d = new Date(t);
    if (t.length < 1 || Number.isNaN(d.getTime())) return undefined;
    out[key] = d;
  }
  if (raw.tags !== undefined) {
    const t = raw.tags.trim();
    const tags = t.split(",").map((x) => x.trim()).filter((x) => x !== "");
    if (t.length < 1 || tags.length > TAGS_MAX || tags.some((x) => x.length > TAG_MAX)) return undefined;
    out.tags = tags;
  }
  return out;
}

/** A JSON article: metadata plus a body given as `body`/`text`/`content` (string) or `paragraphs`. */
export const JsonArticleSchema = MetadataSchema.extend({
  body: z.string().optional(),
  text: z.string().optional(),
  content: z.string().optional(),
  paragraphs: z.array(z.string()).optional(),
}).refine(
  (a) =>
    [a.body, a.text, a.content, ...(a.paragraphs ?? [])].some((t) => t !== undefined && t.trim() !== ""),
  { error: "no text: give `body`, `text`, `content` or `paragraphs`" },
);

/** Format a zod error as one short line: "path: message; path: message". */
export function zodReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
