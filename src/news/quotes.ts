/**
 * Direct quotations and their speakers. A quotation is the text between matching marks (curly or
 * straight) of at least three words; shorter ones are scare quotes. The speaker comes from the
 * attribution next to it: "“Q,” Trump said", "“Q,” said Rubio", "“Q,” he added", "Rubio noted: “Q”",
 * "with Starmer emphasizing that “Q”", "according to X". A pronoun is the last named speaker.
 */
import { capitalisedRuns, peopleMentioned, personKey, stripTitles, surname } from "./names.js";
import { wordCount } from "./text.js";

export interface Quote {
  /** The quoted words, exactly as written between the marks. */
  text: string;
  /** The speaker's name as this article gives it most fully, or null when nobody is named. */
  speaker: string | null;
  paragraph: number;
  /** Offsets of `text` within its paragraph. */
  start: number;
  end: number;
}

const BASE_VERBS: Array<[string, ...string[]]> = [
  ["say", "said", "says", "saying"],
  ["tell", "told", "tells", "telling"],
  ["write", "wrote", "writes", "writing", "written"],
  ["add"], ["note"], ["state"], ["explain"], ["ask"], ["declare"], ["insist"], ["argue"], ["warn"],
  ["claim"], ["continue"], ["recall"], ["remark"], ["observe"], ["stress"], ["emphasize"], ["emphasise"],
  ["acknowledge"], ["admit"], ["announce"], ["respond"], ["tweet"], ["post"], ["joke"], ["quip"],
  ["suggest"], ["concede"], ["conclude"], ["caution"], ["complain"], ["boast"], ["predict"], ["promise"],
  ["vow"], ["urge"], ["counter"], ["shout"], ["yell"], ["whisper"], ["repeat"], ["reply", "replied", "replies", "replying"],
  ["assert"], ["affirm"], ["confirm"], ["contend"], ["maintain"], ["mention"], ["comment"], ["report"],
  ["reiterate"], ["lament"], ["exclaim"], ["scoff"], ["snap"], ["retort"], ["demand"], ["plead"],
  ["pledge"], ["proclaim"], ["reveal"], ["specify"], ["testify"], ["allege"], ["charge"], ["opine"],
  ["muse"], ["mutter"], ["grumble"], ["sigh"], ["laugh"], ["cry", "cried", "cries", "crying"],
  ["speak", "spoke", "speaks", "speaking"], ["describe"], ["describe"], ["call"], ["begin", "began", "begins", "beginning"],
  ["think", "thought", "thinks"], ["point"], ["go"], ["chime"], ["put"], ["tout"], ["recount"], ["predict"],
  ["acknowledge"], ["underline"], ["underscore"], ["highlight"],
];

function inflect(base: string): string[] {
  const e = base.endsWith("e");
  const y = /[^aeiou]y$/.test(base);
  const stemmed = y ? base.slice(0, -1) : base;
  const doubled = /^(?:[^aeiou]*[aeiou][^aeiouwxy])$/.test(base) && !e ? base + base.slice(-1) : base;
  return [
    base,
    y ? `${stemmed}ies` : /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`,
    e ? `${base}d` : y ? `${stemmed}ied` : `${doubled}ed`,
    e ? `${base.slice(0, -1)}ing` : `${doubled}ing`,
  ];
}

export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  BASE_VERBS.flatMap(([base, ...forms]) => (forms.length > 0 ? [base, ...forms] : inflect(base))),
);

const VERB_ALT = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).join("|");
const PRONOUNS = new Set(["he", "she", "they", "i", "we"]);

/** A capitalised name run, possibly after "the"/"a": "Trump", "President Donald Trump", "the White House". */
const NAME = String.raw`(?:\p{Lu}[\p{L}’'.-]*)(?:\s+(?:(?:of|von|van|der|de|da|del|di|du|la|le|bin|al|ibn)\s+)*\p{Lu}[\p{L}’'.-]*){0,6}`;
const SUBJECT = String.raw`(?:(?:[Tt]he|[Aa]n?)\s+(?:\p{L}[\p{L}’'-]*\s+){0,3}?)?${NAME}|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Aa]n?)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:spokes(?:person|man|woman)|official|officials|minister|president|source|statement|ministry|agency|police|spokesperson)`;
const ADVERB = String.raw`(?:\p{Ll}+ly|also|then|later|once|again|simply|just)`;

/** After the closing mark: ", said Rubio" / " Trump said" / " he added" / " the ministry said". */
const AFTER_VERB_FIRST = new RegExp(String.raw`^[\s,]*(?:${ADVERB}\s+)?(?:${VERB_ALT})\s+(${SUBJECT})`, "u");
const AFTER_SUBJECT_FIRST = new RegExp(
  String.raw`^[\s,]*(${SUBJECT})(?:,[^,“”"]{1,100},)?\s+(?:${ADVERB}\s+)?(?:has\s+|had\s+|would\s+|will\s+)?(?:${VERB_ALT})\b`,
  "u",
);
/** Before the opening mark: "Rubio said: " / "Starmer emphasizing that " / "Trump, speaking in X, said ". */
const BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(${SUBJECT})(?:,[^,“”"]{1,120},)?\s+(?:${ADVERB}\s+)?(?:has\s+|had\s+|was\s+)?(?:${VERB_ALT})(?:\s+${ADVERB})?(?:\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}]+|the\s+\p{Ll}+|an?\s+\p{Ll}+))?(?:\s*,?\s+that)?\s*[:,]?\s*$`,
  "u",
);
const ACCORDING = /according to\s+((?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*)(?:\s+\p{Lu}[\p{L}’'.-]*){0,5})/u;

interface Span {
  open: number;
  close: number; // index of the closing mark, or paragraph length when unclosed
}

/** Pairs of quotation marks in a paragraph. Single marks are left alone (nested quotes, apostrophes). */
export function quoteSpans(p: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === "“") {
      const close = p.indexOf("”", i + 1);
      const nextOpen = p.indexOf("“", i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        // Unclosed: the quotation runs to the next opening mark or the paragraph's end.
        const end = nextOpen >= 0 ? nextOpen : p.length;
        out.push({ open: i, close: end });
        i = end;
        continue;
      }
      out.push({ open: i, close });
      i = close + 1;
      continue;
    }
    if (c === '"' && (i === 0 || /[\s([{—–-]/.test(p[i - 1] as string))) {
      const close = p.indexOf('"', i + 1);
      if (close < 0) {
        out.push({ open: i, close: p.length });
        break;
      }
      out.push({ open: i, close });
      i = close + 1;
      continue;
    }
    i++;
  }
  return out;
}

function cleanSubject(raw: string): { name: string; pronoun: boolean } | null {
  const s = raw.trim().replace(/[’']s$/u, "");
  if (PRONOUNS.has(s.toLowerCase())) return { name: s.toLowerCase(), pronoun: true };
  const role = /^(?:the|an?)\s+(.+)$/iu.exec(s);
  if (role) {
    const rest = (role[1] ?? "").trim();
    // "the White House" stays an organisation; "a Kremlin spokesperson" a role.
    return rest === "" ? null : { name: rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase()), pronoun: false };
  }
  const name = stripTitles(s);
  return name === "" ? null : { name, pronoun: false };
}

/** The fullest form of a name this article gives: "Trump" → "Donald Trump". */
export function fullestName(name: string, articleText: string): string {
  if (name.split(/\s+/).length > 1) return name;
  const last = surname(name);
  let best = name;
  for (const run of capitalisedRuns(articleText)) {
    const cleaned = stripTitles(run.text);
    if (cleaned.split(/\s+/).length < 2 || cleaned.split(/\s+/).length > 4) continue;
    if (surname(cleaned) === last && cleaned.length > best.length) best = cleaned;
  }
  return best;
}

/** The last person named before a point ("Mr. Trump spoke. “…,” he said."), when no one has spoken yet. */
function lastMentioned(before: string, articleText: string): string | null {
  const titled = peopleMentioned(before);
  const runs = capitalisedRuns(before)
    .map((r) => stripTitles(r.text))
    .filter((n) => n.split(/\s+/).length >= 2 && n.split(/\s+/).length <= 4);
  const last = titled[titled.length - 1] ?? runs[runs.length - 1];
  return last === undefined ? null : fullestName(last, articleText);
}

function sentenceStartBefore(p: string, pos: number): number {
  const head = p.slice(0, pos);
  const m = /.*[.!?]["”’]?\s+(?=[“"‘]?\p{Lu})/su.exec(head);
  return m ? m[0].length : 0;
}

export function extractQuotes(paragraphs: readonly string[]): Quote[] {
  const articleText = paragraphs.join("\n");
  const out: Quote[] = [];
  let lastNamed: string | null = null;
  paragraphs.forEach((p, pi) => {
    const spans = quoteSpans(p);
    let previousSpeaker: string | null = null;
    spans.forEach((span, si) => {
      const start = span.open + 1;
      const end = span.close;
      const text = p.slice(start, end);
      const prevEnd = si > 0 ? (spans[si - 1] as Span).close + 1 : 0;
      const after = p.slice(Math.min(p.length, span.close + 1), spans[si + 1]?.open ?? p.length);
      const before = p.slice(Math.max(prevEnd, sentenceStartBefore(p, span.open)), span.open);
      let raw: string | undefined =
        AFTER_VERB_FIRST.exec(after)?.[1] ?? AFTER_SUBJECT_FIRST.exec(after)?.[1] ?? BEFORE.exec(before)?.[1];
      if (raw === undefined) {
        const sentence = p.slice(sentenceStartBefore(p, span.open), p.length);
        raw = ACCORDING.exec(sentence.slice(0, 200))?.[1];
      }
      // A quotation opening a paragraph after "… said:" belongs to that attribution.
      if (raw === undefined && span.open === 0 && pi > 0) {
        const prev = paragraphs[pi - 1] ?? "";
        if (/:\s*$/.test(prev)) raw = BEFORE.exec(prev.slice(sentenceStartBefore(prev, prev.length)))?.[1];
      }
      let speaker: string | null = null;
      const subject = raw !== undefined ? cleanSubject(raw) : null;
      if (subject?.pronoun) {
        speaker = lastNamed ?? lastMentioned([...paragraphs.slice(0, pi), p.slice(0, span.open)].join("\n"), articleText);
      }
      else if (subject) {
        speaker = fullestName(subject.name, articleText);
        lastNamed = speaker;
      } else if (si > 0 && previousSpeaker !== null && before.length < 80) {
        // "“Q1,” Limbaugh said. “Q2.”": a quotation right after an attributed one continues it.
        speaker = previousSpeaker;
      }
      previousSpeaker = speaker;
      if (wordCount(text) < 3) return;
      const trimmed = text.replace(/[\s,]+$/u, "");
      out.push({ text: trimmed, speaker, paragraph: pi, start, end: start + trimmed.length });
    });
  });
  return out;
}

/** True when the quote's speaker is the person with this name (by key, or by surname when one is bare). */
export function sameSpeaker(a: string, b: string): boolean {
  const ka = personKey(a);
  const kb = personKey(b);
  if (ka === kb) return true;
  const oneBare = !ka.includes(" ") || !kb.includes(" ");
  return oneBare && surname(a) === surname(b);
}
