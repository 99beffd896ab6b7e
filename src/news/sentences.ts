/**
 * Sentence splitting for news prose. A boundary is a `.`, `!` or `?` (with any closing quote or
 * bracket after it) followed by white space and a capital, digit or opening mark — except after
 * abbreviations ("Mr.", "Jan.", "St."), initials ("Donald J. Trump") and dotted acronyms
 * ("U.S.") that do not end the sentence. Decimals never match (no space after the point).
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres supt " +
    "insp det gov atty dept univ assn bros inc corp co ltd llc plc no nos vol vols fig figs approx est " +
    "vs etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat " +
    "sun ave blvd rd hwy sq ste cf op ed pp ca"
  ).split(" "),
);

/** Words that, after a dotted acronym ("U.S."), show that a new sentence began. */
const SENTENCE_STARTERS = new Set(
  (
    "the a an he she it they we i this that these those but and or so yet however meanwhile " +
    "in on at for after before when while there his her their its our if as although though " +
    "still also then now officials critics analysts"
  ).split(" "),
);

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

function isBoundary(text: string, dot: number, next: number): boolean {
  const mark = text[dot];
  if (mark === "!" || mark === "?") return true;
  // Ellipsis "..." is a boundary only before a capital, which the caller already checked.
  // The token before the period.
  let s = dot;
  while (s > 0 && !/\s/.test(text[s - 1] as string) && !OPENERS.includes(text[s - 1] as string)) s--;
  const token = text.slice(s, dot);
  const bare = token.replace(/^[^\p{L}\p{N}]+/u, "");
  if (bare === "") return true;
  const lower = bare.toLowerCase();
  // Single initial: "J." in "Donald J. Trump"; but "I." is rare — treat all as initials.
  if (/^\p{Lu}$/u.test(bare)) return false;
  const nextWord = (text.slice(next).match(/^[“"‘'(]*([\p{L}\p{N}]+)/u)?.[1] ?? "").toLowerCase();
  // Dotted acronyms: "U.S", "a.m", "e.g"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    return SENTENCE_STARTERS.has(nextWord);
  }
  if (ABBREVIATIONS.has(lower)) {
    // "Jan." before a digit is a date; "No." before a digit is a number; title before a name.
    return false;
  }
  return true;
}

/** Split a paragraph into sentences with offsets into the given text. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+/g;
  let start = 0;
  // Skip leading white space.
  while (start < text.length && /\s/.test(text[start] as string)) start++;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let end = m.index + m[0].length;
    while (end < text.length && CLOSERS.includes(text[end] as string)) end++;
    // Needs white space after, then a capital, digit or opening mark.
    const ws = /^\s+/.exec(text.slice(end));
    if (!ws) continue;
    const next = end + ws[0].length;
    const after = text[next];
    if (after === undefined) break;
    if (!/[\p{Lu}\p{N}]/u.test(after) && !OPENERS.includes(after)) continue;
    if (!isBoundary(text, m.index + m[0].length - 1, next)) continue;
    const sentence = text.slice(start, end);
    if (sentence.trim() !== "") out.push({ start, end, text: sentence });
    start = next;
    re.lastIndex = next;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
  return out;
}

/** Balance of quotation marks in a span: > 0 when a quotation opened and did not close. */
function openQuotes(text: string): number {
  const opens = (text.match(/“/g) ?? []).length;
  const closes = (text.match(/”/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return opens - closes + (straight % 2);
}

/**
 * Sentences merged so that no quotation is cut in half: while a quotation is open at the end of a
 * sentence, the next sentence of the same paragraph joins it. Used for summaries and digests.
 */
export function splitUnits(text: string): Span[] {
  const sentences = splitSentences(text);
  const out: Span[] = [];
  let open = 0;
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && open > 0) {
      last.end = s.end;
      last.text = text.slice(last.start, s.end);
    } else {
      out.push({ ...s });
    }
    open = Math.max(0, openQuotes((out[out.length - 1] as Span).text));
  }
  return out;
}
