/**
 * Plain text → article drafts. One file may hold several articles; the rules are general:
 * - A paragraph is a run of non-blank lines; a line starting in lower case continues the line
 *   before it (hard-wrapped text). Offsets into the file are kept exactly.
 * - The first paragraph of the file, or the first after an article's end, is a title when it stands
 *   alone before a blank line, is short and does not end like a sentence.
 * - An article ends at a wire sign-off ("… landscape. (ILKHA)"), which also names its source, or at
 *   boilerplate ("LEGAL WARNING: All rights … reserved", "Copyright …"), which is dropped.
 * - After an article has ended, untitled paragraphs are briefs: each starts a new article unless it
 *   continues the one before (opens with a pronoun or connective, or shares a proper name with it).
 */
import { fast } from "./ascii.js";

export interface Para {
  text: string;
  offset: number;
  blankAfter: boolean;
}

export interface Draft {
  title?: string;
  titleOffset?: number;
  source?: string;
  paras: Para[];
}

/** Paragraphs with their offsets in `text` (same length as the source: newlines become spaces). */
export function paragraphsOf(text: string): Para[] {
  const out: Para[] = [];
  let pos = 0;
  let current: { start: number; end: number } | null = null;
  const flush = (blankAfter: boolean): void => {
    if (current) {
      out.push({
        text: text.slice(current.start, current.end).replace(/[\r\n\t\f\v]/g, " "),
        offset: current.start,
        blankAfter,
      });
      current = null;
    }
  };
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === "") {
      flush(true);
    } else {
      const start = pos + lead;
      const end = start + trimmed.length;
      if (current !== null && /^\p{Ll}/u.test(trimmed)) {
        current.end = end;
      } else {
        flush(false);
        current = { start, end };
      }
    }
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  flush(true);
  return out;
}

const BOILERPLATE =
  /^(?:legal warning|copyright\b|©|\(c\)\s|all rights reserved)|\ball rights\b.{0,80}\breserved\b|\bwithout (?:a )?(?:prior )?written (?:contract|permission|consent)\b|\bmay not be (?:published|reproduced|redistributed)\b/i;

export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(text);
}

/** "… landscape. (ILKHA)" → "ILKHA": a short parenthesised name right after a sentence's end. */
const SIGN_OFF = fast(/([.!?”"’])\s*\((\p{Lu}[\p{L}&'-]*(?:\.?\s?\p{Lu}[\p{L}&'-]*){0,3})\)\s*$/u);

export function signOff(text: string): { source: string; body: string } | null {
  const m = SIGN_OFF.exec(text);
  if (!m || m[2] === undefined || m[1] === undefined) return null;
  const source = m[2].trim();
  if (source.split(/\s+/).length > 4) return null;
  return { source, body: text.slice(0, m.index + m[1].length) };
}

/** "WASHINGTON (Reuters) — …" → "Reuters". */
const DATELINE_SOURCE = fast(/^[\p{Lu}][\p{Lu}\p{L} .,'-]{1,40}\s\(([\p{L}][\p{L}&. -]{1,29})\)\s*[—–-]/u);

export function datelineSource(text: string): string | undefined {
  return DATELINE_SOURCE.exec(text)?.[1]?.trim();
}

function looksLikeTitle(p: Para, next: Para | undefined): boolean {
  return (
    next !== undefined &&
    p.blankAfter &&
    p.text.length <= 200 &&
    !/[.,;:]$/.test(p.text) &&
    !isBoilerplate(p.text)
  );
}

const CONTINUATION =
  /^(?:he|she|they|it|its|his|her|their|this|that|these|those|but|however|meanwhile|also|and|yet|still|moreover|in addition|furthermore|the (?:same|latter|former)|such)\b/i;
const NOT_NAMES = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june " +
    "july august september october november december i"
  ).split(" "),
);

/** Proper names of a paragraph: capitalised words that do not open a sentence. */
function names(text: string): Set<string> {
  const out = new Set<string>();
  const re = /(^|[.!?]["”’]?\s+|\s|["“‘(])(\p{Lu}[\p{L}-]+)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = m[1] ?? "";
    const word = (m[2] ?? "").toLowerCase().replace(/['’]s$/, "");
    if (before === "" || /[.!?]/.test(before)) continue; // sentence start
    if (NOT_NAMES.has(word)) continue;
    out.add(word);
  }
  return out;
}

function continues(p: Para, article: Draft): boolean {
  if (CONTINUATION.test(p.text)) return true;
  const mine = names(p.text);
  for (const q of article.paras) {
    for (const n of names(q.text)) if (mine.has(n)) return true;
  }
  return false;
}

export function segmentPlainText(text: string): Draft[] {
  const paras = paragraphsOf(text);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let ended = true; // at the file's start or after an article's end: a title may come
  let briefs = false; // after an article's end: untitled paragraphs are briefs
  let fileSource: string | undefined;

  for (let k = 0; k < paras.length; k++) {
    const p = paras[k] as Para;
    if (isBoilerplate(p.text)) {
      current = null;
      ended = true;
      briefs = true;
      continue;
    }
    const next = paras[k + 1];
    if (ended && looksLikeTitle(p, next) && next !== undefined && !isBoilerplate(next.text)) {
      current = { title: p.text.trim(), titleOffset: p.offset, paras: [] };
      drafts.push(current);
      ended = false;
      briefs = false;
      continue;
    }
    if (current === null || (briefs && !continues(p, current))) {
      current = { paras: [] };
      drafts.push(current);
    }
    ended = false;
    const sign = signOff(p.text);
    if (sign) {
      current.paras.push({ ...p, text: sign.body });
      current.source ??= sign.source;
      fileSource ??= sign.source;
      current = null;
      ended = true;
      briefs = true;
      continue;
    }
    current.source ??= datelineSource(p.text);
    current.paras.push(p);
  }
  const kept = drafts.filter((d) => d.paras.length > 0);
  for (const d of kept) d.source ??= fileSource;
  return kept;
}
