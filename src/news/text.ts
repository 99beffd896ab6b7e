import { hash } from "node:crypto";
import { fast } from "./ascii.js";

/** Small text helpers shared by the pure core. No I/O, no clock. */

const ASCII = /^[ -~]*$/;

/**
 * A pure function of a string, remembered: names, attributions and paragraphs recur throughout an archive. At most
 * `max` results are kept (all are dropped when full). `compute` never returns undefined.
 */
export function remembered<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}

/**
 * Every match of a global pattern, as `text.matchAll(re)` finds them. matchAll copies its pattern on every call,
 * which for the large name and speech-verb patterns costs tens of microseconds, more than the matching itself;
 * this runs the pattern in place (restarting it at 0) and returns the matches as an array.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new Error("execAll needs a global pattern");
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match moves on by one character (one code point in a Unicode pattern), as matchAll does.
    if (m[0] === "") re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return out;
}

/** Lower-case, strip accents and fold typographic apostrophes, for matching. */
export function fold(text: string): string {
  // Printable ASCII is its own compatibility decomposition and has no marks: only case and backticks change.
  if (ASCII.test(text)) return (text.includes("`") ? text.replace(/`/g, "'") : text).toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/**
 * Printable ASCII, white space and general punctuation (U+2000–U+206F: dashes, curly quotes, ellipsis) only.
 * Compatibility decomposition changes none of these into a letter, digit, mark, apostrophe or hyphen, so for
 * such text the words of `fold` are those of lower-casing and straightening apostrophes, without the costly
 * normalisation. (Without the u flag, which matches the same here, no character of the class being outside the
 * Basic Multilingual Plane: about a fifth faster over paragraphs.)
 */
const PLAIN = /^[\s!-~\u2000-\u206f]*$/;

/** Words of a text, folded (letters, digits, inner apostrophes and hyphens). */
export function words(text: string): string[] {
  // Such text has no letters or digits but ASCII ones: an ASCII pattern finds the same words, about twice as fast.
  if (PLAIN.test(text)) return text.toLowerCase().replace(/[’‘`]/g, "'").match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
  return fold(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Collapse runs of whitespace to single spaces and trim. */
export function squash(text: string): string {
  // A single space is left as it is (most are), which is three times faster than replacing every run.
  return text.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by for from had has have he her his i if in into is it its " +
    "of on or our she so than that the their them then there these they this those to was we were " +
    "what when where which while who whom will with would you your not no do does did can could " +
    "should may might must shall about after before over under also more most some such only other " +
    "any each all both up out just said says say us me my him himself herself itself themselves " +
    "being because until against between through during above below again further once here how why"
  ).split(" "),
);

/** A light English stemmer (plural, -ing, -ed, -ly), good enough for similarity and search. */
export function stem(word: string): string {
  let w = word.replace(/'s$/, "");
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("ly") && w.length > 4) w = w.slice(0, -2);
  if (w.length > 3 && /([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Each folded word's term ("" for stopwords and numbers), remembered: news repeats its words. */
const termOf = remembered((w) => (STOPWORDS.has(w) || /^\d+$/.test(w) ? "" : stem(w)), 200_000);

/** Content terms of a text: folded words minus stopwords, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = termOf(w);
    if (t !== "") out.push(t);
  }
  return out;
}

/** Damerau-Levenshtein (optimal string alignment) distance, capped for speed. */
export function editDistance(a: string, b: string, cap = 10): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** A stable 64-bit content hash as 16 hex digits (SHA-256, truncated). Pure and deterministic. */
export function hash64(text: string): string {
  return hash("sha256", text, "hex").slice(0, 16);
}

const WORD = fast(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);

/** Count of words (as a reader would count them). */
export function wordCount(text: string): number {
  return (text.match(WORD) ?? []).length;
}

/** Whether a text has at least `n` words (as wordCount counts them), reading no further than the n-th. */
export function hasWords(text: string, n: number): boolean {
  WORD.lastIndex = 0;
  let found = 0;
  while (found < n && WORD.exec(text) !== null) found++;
  WORD.lastIndex = 0;
  return found >= n;
}

/** Upper-case the first letter, unless a number opens the text. */
export function capitalize(text: string): string {
  // Not a word after a number: "10 authors", "$160 billion", "22-point defeat" stay as they are.
  return text.replace(/^([^\p{L}\p{N}]*)(\p{L})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}
