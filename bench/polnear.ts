/**
 * PolNeAR (../shared/eval/polnear-train, format in ../shared/eval/README.md) read for the quote evaluation and
 * the speaker model's training: gold direct quotes with their (resolved) source surnames.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fold, wordCount } from "../src/news/text.js";

export interface Gold {
  start: number;
  end: number;
  text: string;
  /** Surname of the (resolved) gold source, folded; null when no named source precedes. */
  surname: string | null;
  source: string;
}
export interface Found {
  start: number;
  end: number;
  speaker: string | null;
}
export interface Case {
  name: string;
  text: string;
  gold: Gold[];
  /** Attributions whose content has no quotation mark: reported speech. */
  indirect: Gold[];
  /** Every attribution's content span. */
  contents: Array<{ start: number; end: number }>;
}

const NOT_NAMES = new Set(
  "i he she they we it you his her their its him them who which that this these those the a an one some many most all both former mr mrs ms dr neither nor several other others another each every any no few".split(" "),
);

/**
 * The surname of a named source: the last word of its first name-like run of capitalised words
 * (two or more words preferred): "Spokeswoman Haley Morris" → "morris", "Geoffrey Garin, a Democratic
 * pollster … super PAC" → "garin", "the Washington Post" → "post". Null for "he", "the spokesman".
 */
const HEAD_TITLES = new Set(
  "chief secretary director head minister chairman chairwoman chair president counsel member editor spokesman spokeswoman commissioner governor mayor leader attorney general officer administrator ambassador".split(" "),
);

export function namedSurname(source: string): string | null {
  // The head of the source, before an appositive or a second source: "Geoffrey Gardner, a Democratic pollster …"
  // → "Geoffrey Gardner"; in it the name is the last run, after a role or an employer ("Boston Globe
  // columnist David Brookes" → "brookes", "Kent State University professor Brigid Halston" → "halston").
  // A place or body after "of", "in" or "at" is no one's name ("Gov. Bill Rowan of New Mexico").
  const cut = /,|\s[-—–]+\s|\(|\s(?:and|or|who|which|nor|of|in|at|for|from|with)\s/u.exec(source);
  const head = cut !== null && cut.index > 0 ? source.slice(0, cut.index) : source;
  // "RNC Chief of Staff Katie Welsh": a title that runs on past "of" is no name; the name comes after it.
  const titled = cut !== null && /^\s(?:of)\s/u.test(source.slice(cut.index, cut.index + 4)) && HEAD_TITLES.has(fold(head.trim().split(/\s+/).at(-1) ?? "").toLowerCase());
  const runs = titled && cut !== null ? runsOf(source.slice(cut.index)) : runsOf(source);
  const inHead = titled ? [] : runsOf(head);
  // A head that ends in a name of one word names that one: "Wilcott, an Orlando Republican who founded …" →
  // "wilcott", not the appositive's "Orlando Republican"; "Florida consultant Wilkins" → "wilkins", not "florida".
  const headWords = head.trim().split(/\s+/);
  // (Not a title before "of": "Secretary of State Helen Marsh" is Marsh.)
  const endsInName =
    (cut === null || source[cut.index] === ",") && inHead.at(-1)?.at(-1) === headWords.at(-1)?.replace(/[’']s$/u, "").replace(/[,;:()]+$/u, "");
  // A description named by its appositive: "The Republican Party’s likely White House nominee, Baker" → "baker".
  // ("the Wisconsin Republican", "a Texas Democrat": a party member described, not someone called Republican.)
  const described =
    /^(?:the|a|an|his|her|their|its|one|another)\s/i.test(source.trim()) &&
    (/^\p{Ll}/u.test(headWords.at(-1) ?? "") || /^(?:Republican|Democrat|Independent|Libertarian)s?$/u.test(headWords.at(-1) ?? ""));
  const comma = source.indexOf(",");
  const appositive = described && comma > 0 && /^\s*\p{Lu}/u.test(source.slice(comma + 1)) ? runsOf(source.slice(comma + 1))[0] : undefined;
  // Otherwise the first full name ("the director of the FBI, James Comey"; of a list, the first).
  const best = appositive ?? inHead.findLast((r) => r.length >= 2) ?? (endsInName ? inHead.at(-1) : undefined) ?? (titled ? runs.findLast((r) => r.length >= 2) : runs.find((r) => r.length >= 2)) ?? runs[0];
  // "the Texas senator", "the New Jersey governor", "a Republican strategist": a description, even with
  // capitalised words in it.
  const tokens = source.split(/\s+/);
  const lastWord = tokens.filter((t) => t !== "").at(-1) ?? "";
  if (described && appositive === undefined && (/^\p{Ll}/u.test(lastWord) || /^(?:Republican|Democrat|Independent|Libertarian)s?$/u.test(lastWord))) return null;
  const last = best?.[best.length - 1];
  return last === undefined ? null : fold(last).replace(/[^\p{L}-]/gu, "");
}

/** Runs of capitalised words that can be names ("Jr." and "III" end none). */
function runsOf(source: string): string[][] {
  const tokens = source.replace(/[’']s\b/g, "").split(/\s+/);
  const runs: string[][] = [];
  let run: string[] = [];
  for (const raw of tokens) {
    const t = raw.replace(/[,;:()]+$/g, "");
    const initial = /^\p{Lu}\.$/u.test(t);
    const capital = /^\p{Lu}/u.test(t) && (initial || !NOT_NAMES.has(fold(t).replace(/\./g, ""))) && !/^(?:Jr|Sr|II|III|IV)\.?$/u.test(t);
    if (capital) run.push(t);
    if (!capital || raw !== t) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Quoted stretches inside a gold content span, paired independently of the extractor under test:
 * curly “…” pairs, and straight "…" marks taken two by two. A stretch left open runs to the span's end.
 */
export function goldStretches(piece: string): Array<{ open: number; close: number }> {
  const out: Array<{ open: number; close: number }> = [];
  let open = -1;
  let straight = false;
  for (let i = 0; i < piece.length; i++) {
    const c = piece[i];
    if (open < 0 && (c === "“" || c === '"')) {
      open = i;
      straight = c === '"';
    } else if (open >= 0 && (straight ? c === '"' : c === "”" || c === '"')) {
      out.push({ open, close: i });
      open = -1;
    }
  }
  if (open >= 0) out.push({ open, close: piece.length });
  return out;
}

/** Code-point offsets (Python) → UTF-16 offsets (JavaScript). */
function offsetMap(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

export async function loadCases(dir: string): Promise<Case[]> {
  const meta = (await readFile(path.join(dir, "metadata.tsv"), "utf8")).split("\n").slice(1).filter((l) => l.trim() !== "");
  const annFiles = new Set(await readdir(path.join(dir, "attributions")));
  const cases: Case[] = [];
  for (const line of meta) {
    const cols = line.split("\t");
    const name = cols[1] ?? "";
    const annotators = (cols[3] ?? "").split("|");
    const ann = annotators.map((a) => `${name}_${a}.ann`).find((f) => annFiles.has(f)) ?? [...annFiles].find((f) => f.startsWith(`${name}_`));
    if (ann === undefined) continue;
    const text = await readFile(path.join(dir, "text", `${name}.txt`), "utf8");
    const map = offsetMap(text);
    const spans = new Map<string, { type: string; ranges: Array<[number, number]>; text: string }>();
    const events: Array<Record<string, string>> = [];
    for (const row of (await readFile(path.join(dir, "attributions", ann), "utf8")).split("\n")) {
      const [id, body, surface] = row.split("\t");
      if (id === undefined || body === undefined) continue;
      if (id.startsWith("T")) {
        const [type, ...rest] = body.split(" ");
        const ranges = rest
          .join(" ")
          .split(";")
          .map((r) => r.trim().split(" ").map(Number) as [number, number])
          .map(([a, b]) => [map[a] ?? a, map[b] ?? b] as [number, number]);
        spans.set(id, { type: type ?? "", ranges, text: surface ?? "" });
      } else if (id.startsWith("E")) {
        events.push(Object.fromEntries(body.split(" ").map((kv) => kv.split(":") as [string, string])));
      }
    }
    // Resolve sources: a pronoun or description takes the nearest preceding named source.
    const attributions = events
      .map((e) => ({ content: spans.get(e.Content ?? ""), source: spans.get(e.Source ?? "") }))
      .filter((a): a is { content: NonNullable<typeof a.content>; source: typeof a.source } => a.content !== undefined)
      .sort((a, b) => (a.content.ranges[0]?.[0] ?? 0) - (b.content.ranges[0]?.[0] ?? 0));
    const named = [...spans.values()]
      .filter((s) => s.type === "Source" && namedSurname(s.text) !== null)
      .map((s) => ({ at: s.ranges[0]?.[0] ?? 0, surname: namedSurname(s.text) }))
      .sort((a, b) => a.at - b.at);
    const gold: Gold[] = [];
    const indirect: Gold[] = [];
    const contents: Array<{ start: number; end: number }> = [];
    for (const a of attributions) {
      let surname = a.source ? namedSurname(a.source.text) : null;
      if (surname === null && a.source) {
        const at = a.source.ranges[0]?.[0] ?? 0;
        surname = [...named].reverse().find((n) => n.at <= at)?.surname ?? null;
      }
      for (const [s, e] of a.content.ranges) contents.push({ start: s, end: e });
      const whole = a.content.ranges.map(([s, e]) => text.slice(s, e)).join(" ");
      const first = a.content.ranges[0];
      const last = a.content.ranges[a.content.ranges.length - 1];
      if (first && last && !/[“”"]/u.test(whole) && wordCount(whole) >= 4) {
        indirect.push({ start: first[0], end: last[1], text: whole, surname, source: a.source?.text ?? "" });
      }
      for (const [s, e] of a.content.ranges) {
        const piece = text.slice(s, e);
        for (const q of goldStretches(piece)) {
          const inner = piece.slice(q.open + 1, q.close);
          if (wordCount(inner) < 3) continue;
          gold.push({ start: s + q.open + 1, end: s + q.close, text: inner, surname, source: a.source?.text ?? "" });
        }
      }
    }
    // The same stretch annotated twice (nested attributions) counts once.
    const unique = gold.filter((g, i) => gold.findIndex((h) => h.start === g.start && h.end === g.end) === i);
    cases.push({ name, text, gold: unique, indirect, contents });
  }
  return cases;
}


export function speakerMatches(ours: string | null, gold: Gold): boolean {
  if (ours === null || gold.surname === null) return false;
  // Letters only, as namedSurname keeps them: "O’Donnell" → "odonnell".
  const tokens = fold(ours)
    .split(/[\s.]+/)
    .map((t) => t.replace(/[^\p{L}-]/gu, ""));
  if (tokens.includes(gold.surname)) return true;
  const mine = tokens[tokens.length - 1] ?? "";
  // Ours "the newspaper" for gold "the newspaper"; but a pronoun ("He" for gold "he") names nobody.
  return mine !== "" && !NOT_NAMES.has(mine) && fold(gold.source).split(/[^\p{L}-]+/u).includes(mine);
}

/** The PolNeAR folder given as the script's first argument, read; usage and exit 2 when it is missing. */
export async function casesFromArgs(script: string): Promise<{ dir: string; cases: Case[] }> {
  const dir = process.argv[2];
  if (dir === undefined) {
    process.stderr.write(`usage: npm run ${script} -- DIR   (e.g. ../shared/eval/polnear-train)\n`);
    process.exit(2);
  }
  return { dir, cases: await loadCases(dir) };
}
