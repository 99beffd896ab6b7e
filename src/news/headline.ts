/**
 * A headline for an untitled article, made from its lead sentence by deletion only (every word in
 * it is the article's): datelines, leading time phrases and trailing attributions always go; then,
 * while it is longer than the limit, trailing clauses, time phrases, articles, filler adverbs, agent
 * phrases and trailing prepositional phrases go, in that order. It never ends mid-word or on a
 * dangling function word.
 */
import { splitSentences } from "./sentences.js";
import { capitalize, squash } from "./text.js";

export const HEADLINE_MAX = 90;

const TIME_WORDS =
  "(?:day|days|week|weeks|month|months|year|years|hour|hours|decade|decades|morning|afternoon|evening|night|" +
  "weekend|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|" +
  "march|april|may|june|july|august|september|october|november|december|\\d{4}|spring|summer|autumn|fall|winter)";

/** "WASHINGTON (Reuters) — ", "ANCHORAGE, Alaska — ", "LONDON: " at the start. */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{L} .,'-]{1,40}?(?:\s\([^)]{1,30}\))?\s*[—–-]{1,2}\s+|^[\p{Lu}][\p{Lu} .'-]{1,30}:\s+/u;

/** "On Thursday, ", "For 679 relentless days, ", "Earlier this week, " at the start. */
const LEADING_TIME = new RegExp(
  `^(?:(?:on|in|for|last|this|early|earlier|late|later|since|during|over|after|by|until|at|since|overnight)\\b[^,]{0,40}?\\b${TIME_WORDS}\\b[^,]{0,15},\\s+)`,
  "iu",
);

/** ", according to officials.", ", officials said", ", said Rubio", ", the ministry said." at the end. */
const TRAILING_ATTRIBUTION =
  /,\s+(?:according to\b[^,]{1,80}|[^,]{1,60}\s(?:said|says|told\s[^,]{1,40}|reported|announced|confirmed|added)|(?:said|says|reported|according)\s[^,]{1,60})\s*$/iu;

/** Words a headline must not end on. */
const DANGLING = new Set(
  (
    "a an the and or but nor of to in on at for by with from as into onto than that which who whose " +
    "whom while if because when where so its their his her our your my is are was were be been has have had " +
    "will would can could should may might must not after before over under about against between during " +
    "including amid despite via per"
  ).split(" "),
);

/** A comma-separated piece that opens a clause we can drop: participles, relatives, conjunctions. */
const CLAUSE_START =
  /^(?:\p{Ll}+ing|\p{Ll}+ed|which|who|whom|whose|where|when|while|as|after|before|amid|despite|although|though|including|according|because|since|with|following|prompting|but|so|and\s+(?:\p{Ll}+ing|\p{Ll}+ed))\b/u;

const FILLER_ADVERBS = /\s(?:now|currently|reportedly|also|just|still|already|officially|fully|recently)\b/giu;

function clean(text: string): string {
  let t = squash(text).replace(/[.!?;:,\s]+$/u, "");
  // Strip dangling words and trailing punctuation until stable.
  for (;;) {
    const m = /(?:^|\s)([\p{L}'’]+)$/u.exec(t);
    const last = m?.[1]?.toLowerCase();
    if (last !== undefined && DANGLING.has(last) && t.includes(" ")) {
      t = t.slice(0, t.length - (m?.[1]?.length ?? 0)).replace(/[\s,;:—–-]+$/u, "");
      continue;
    }
    const t2 = t.replace(/[\s,;:—–-]+$/u, "");
    if (t2 === t) return t;
    t = t2;
  }
}

/** Remove the last droppable ", clause" (or " — clause", "; clause"); null when there is none. */
function dropTrailingClause(t: string): string | null {
  const cuts: number[] = [];
  const re = /(,\s+|\s+[—–]\s+|;\s+|\s+--\s+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    const rest = t.slice(m.index + m[0].length);
    if (m[0].trim() !== "," || CLAUSE_START.test(rest)) cuts.push(m.index);
  }
  for (let i = cuts.length - 1; i >= 0; i--) {
    const head = t.slice(0, cuts[i]);
    if (head.split(" ").length >= 4) return head;
  }
  return null;
}

function fits(t: string, max: number): boolean {
  return t.length <= max;
}

/** Compress one sentence into a headline of at most `max` characters. */
export function compressSentence(sentence: string, max = HEADLINE_MAX): string {
  let t = squash(sentence);
  t = t.replace(DATELINE, "");
  t = t.replace(/^\([^)]{1,30}\)\s*[—–-]+\s*/, "");
  const noTime = t.replace(LEADING_TIME, "");
  if (noTime.split(" ").length >= 4) t = noTime;
  t = clean(t);
  for (let guard = 0; guard < 5; guard++) {
    const n = t.replace(TRAILING_ATTRIBUTION, "");
    if (n === t || n.split(" ").length < 4) break;
    t = clean(n);
  }
  t = capitalize(t);
  if (fits(t, max)) return t;

  const steps: Array<(s: string) => string | null> = [
    dropTrailingClause,
    // Leading attribution: "The Pentagon has confirmed that …", "Officials said …".
    (s) => {
      const m = /^[^,]{2,60}?\s(?:has|have|had)?\s?(?:said|says|confirmed|announced|reported|warned|stated)\s+(?:that\s+)?/iu.exec(s);
      if (!m) return null;
      const rest = s.slice(m[0].length);
      return rest.split(" ").length >= 4 ? capitalize(rest) : null;
    },
    (s) => {
      const n = s.replace(new RegExp(`\\s(?:on|in|this|last|early|late|earlier|later)\\s(?:\\w+\\s)?${TIME_WORDS}\\b`, "iu"), "");
      return n === s ? null : n;
    },
    (s) => {
      const n = s.replace(/\s(?:today|yesterday|tonight)\b/iu, "");
      return n === s ? null : n;
    },
    (s) => {
      const n = capitalize(s.replace(/^(?:the|a|an)\s+/iu, "").replace(/\s(?:the|a|an)\s/gu, " "));
      return n === s ? null : n;
    },
    (s) => {
      const n = s.replace(FILLER_ADVERBS, "");
      return n === s ? null : n;
    },
    // Agent after a participle: "ordered to the capital by President Donald Trump".
    (s) => {
      const n = s.replace(/(\p{Ll}+ed\b[^,]*?)\sby\s(?:\p{Lu}[\p{L}.'’-]*\s?)+/u, "$1 ");
      return n === s ? null : squash(n);
    },
    // A trailing prepositional phrase.
    (s) => {
      const m = /\s(?:in|at|on|for|from|with|near|over|across|amid|after|during|to)\s[^,]*$/u.exec(s);
      if (!m || s.slice(0, m.index).split(" ").length < 4) return null;
      return s.slice(0, m.index);
    },
  ];
  for (const step of steps) {
    for (let guard = 0; guard < 8 && !fits(t, max); guard++) {
      const n = step(t);
      if (n === null) break;
      t = clean(n);
    }
    if (fits(t, max)) return t;
  }
  // Last resort: the longest word-bounded prefix that fits, with no dangling word, marked as cut.
  const room = max - 1;
  let cut = t.slice(0, room + 1);
  const space = cut.lastIndexOf(" ");
  cut = space > 0 ? cut.slice(0, space) : cut.slice(0, room);
  return `${clean(cut)}…`;
}

/** The headline for an untitled article, from its lead paragraph. */
export function generateHeadline(lead: string, max = HEADLINE_MAX): string {
  const first = splitSentences(lead)[0]?.text ?? lead;
  const h = compressSentence(first, max);
  return h === "" ? squash(lead).slice(0, max) : h;
}
