/**
 * `npm run eval:quotes -- DIR` (DIR = ../shared/eval/polnear-train): our real `analyze` path against
 * PolNeAR's human attributions, beside a naive baseline measured in the same run.
 *
 * - Gold direct quotes: the quoted stretches (between matching marks, at least 3 words) inside each
 *   attribution's Content span (the first annotator's file when there are two).
 * - Quote recall: gold stretches overlapped by a found quote. Quote precision: found quotes that
 *   overlap a gold stretch.
 * - Speaker accuracy on matched quotes: our speaker and the gold Source share the surname; a gold
 *   Source that is a pronoun or a description counts as the nearest preceding named gold Source.
 * - End to end: gold quotes found with the right speaker / gold quotes.
 */
import path from "node:path";
import { analyze } from "../src/analyze.js";
import { quoteSpans } from "../src/news/quotes.js";
import { splitSentences } from "../src/news/sentences.js";
import { wordCount } from "../src/news/text.js";
import { type Case, type Found, casesFromArgs, speakerMatches } from "./polnear.js";

/** The baseline: every quotation of 3+ words, speaker the nearest "Name said" / "said Name" in its sentence. */
function naive(text: string): Found[] {
  const out: Found[] = [];
  let offset = 0;
  for (const para of text.split("\n")) {
    const sentences = splitSentences(para);
    for (const q of quoteSpans(para)) {
      const inner = para.slice(q.open + 1, q.close);
      if (wordCount(inner) < 3) continue;
      const s = sentences.find((x) => x.start <= q.open && q.open < x.end) ?? { start: 0, end: para.length };
      const sentence = para.slice(s.start, Math.max(s.end, q.close + 1));
      let best: { d: number; name: string } | null = null;
      for (const m of sentence.matchAll(/(\p{Lu}[\p{L}'-]+) said|said (\p{Lu}[\p{L}'-]+)/gu)) {
        const name = m[1] ?? m[2] ?? "";
        const at = s.start + (m.index ?? 0);
        const d = Math.min(Math.abs(at - q.open), Math.abs(at - q.close));
        if (!best || d < best.d) best = { d, name };
      }
      out.push({ start: offset + q.open + 1, end: offset + q.close, speaker: best?.name ?? null });
    }
    offset += para.length + 1;
  }
  return out;
}

interface Score {
  name: string;
  gold: number;
  found: number;
  recalled: number;
  precise: number;
  matched: number;
  rightSpeaker: number;
  errors: Array<{ kind: string; file: string; detail: string; context?: string }>;
}

function score(name: string, cases: Case[], foundOf: (c: Case) => Found[]): Score {
  const s: Score = { name, gold: 0, found: 0, recalled: 0, precise: 0, matched: 0, rightSpeaker: 0, errors: [] };
  for (const c of cases) {
    const found = foundOf(c);
    s.gold += c.gold.length;
    s.found += found.length;
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const f of found) {
      if (c.gold.some((g) => overlaps(f, g))) s.precise++;
      else s.errors.push({ kind: "not a gold quote", file: c.name, detail: `“${c.text.slice(f.start, f.end).slice(0, 120)}” (${f.speaker ?? "no speaker"})` });
    }
    for (const g of c.gold) {
      const hit = found.find((f) => overlaps(f, g));
      if (!hit) {
        s.errors.push({ kind: "missed", file: c.name, detail: `“${g.text.slice(0, 120)}” — ${g.source}` });
        continue;
      }
      s.recalled++;
      if (g.surname === null) continue;
      s.matched++;
      if (speakerMatches(hit.speaker, g)) s.rightSpeaker++;
      else s.errors.push({ kind: "wrong speaker", file: c.name, detail: `“${g.text.slice(0, 80)}” — ours: ${hit.speaker ?? "none"}, gold: ${g.source} (${g.surname})`, context: c.text.slice(Math.max(0, g.start - 250), g.end + 80) });
    }
  }
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);

async function main(): Promise<void> {
  const { dir, cases } = await casesFromArgs("eval:quotes");
  const files = cases.map((c) => path.join(dir, "text", `${c.name}.txt`));
  const t0 = performance.now();
  const result = await analyze(files);
  const analyzeMs = performance.now() - t0;
  const byFile = new Map<string, Found[]>();
  const reportedByFile = new Map<string, Found[]>();
  for (const a of result.articles) {
    const key = path.basename(a.file, ".txt");
    const list = byFile.get(key) ?? [];
    for (const q of a.quotes) if (q.start !== null && q.end !== null) list.push({ start: q.start, end: q.end, speaker: q.speaker });
    byFile.set(key, list);
    const reported = reportedByFile.get(key) ?? [];
    for (const q of a.reported) if (q.start !== null && q.end !== null) reported.push({ start: q.start, end: q.end, speaker: q.speaker });
    reportedByFile.set(key, reported);
  }
  const t1 = performance.now();
  const baselineFound = new Map(cases.map((c) => [c.name, naive(c.text)]));
  const baselineMs = performance.now() - t1;
  const ours = score("newsdesk", cases, (c) => byFile.get(c.name) ?? []);
  const base = score("naive baseline", cases, (c) => baselineFound.get(c.name) ?? []);

  const rows = [ours, base].map((s) => [
    s.name.padEnd(16),
    pct(s.recalled, s.gold).padStart(8),
    pct(s.precise, s.found).padStart(10),
    pct(s.rightSpeaker, s.matched).padStart(9),
    pct(s.rightSpeaker, s.gold).padStart(11),
    String(s.found).padStart(7),
  ]);
  const out: string[] = [];
  out.push(`PolNeAR: ${cases.length} articles, ${ours.gold} gold direct quotes (${ours.matched} matched with a named source for ours)`);
  out.push(`${"".padEnd(16)}${"recall".padStart(8)}${"precision".padStart(10)}${"speaker".padStart(9)}${"end-to-end".padStart(11)}${"found".padStart(7)}`);
  for (const r of rows) out.push(r.join(""));
  // The count behind the rounded figure (89.99% prints as 90.0%).
  out.push(`speaker right on ${ours.rightSpeaker} of ${ours.matched} matched quotes (${((100 * ours.rightSpeaker) / Math.max(1, ours.matched)).toFixed(2)}%)`);
  // Reported speech (include:paraphrase): no baseline; measured against attributions without quotation marks.
  let rFound = 0;
  let rInside = 0;
  let rGold = 0;
  let rCovered = 0;
  let rMatched = 0;
  let rRight = 0;
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const c of cases) {
    const found = reportedByFile.get(c.name) ?? [];
    rFound += found.length;
    rInside += found.filter((f) => c.contents.some((g) => overlap(f, g))).length;
    for (const g of c.indirect) {
      rGold++;
      const hit = found.find((f) => overlap(f, g));
      if (!hit) continue;
      rCovered++;
      if (g.surname === null) continue;
      rMatched++;
      if (speakerMatches(hit.speaker, g)) rRight++;
    }
  }
  out.push(
    `reported speech: ${rFound} sentences found, ${pct(rInside, rFound)} inside a gold attribution; they cover ${pct(rCovered, rGold)} of ${rGold} gold indirect attributions; speaker ${pct(rRight, rMatched)} on those`,
  );
  out.push(`analyze: ${cases.length} files in ${(analyzeMs / 1000).toFixed(2)} s (${(analyzeMs / cases.length).toFixed(1)} ms/article); baseline ${(baselineMs / 1000).toFixed(2)} s`);
  out.push("");
  out.push("20 worst errors (ours), by kind:");
  const kinds = ["wrong speaker", "missed", "not a gold quote"];
  const picked = kinds.flatMap((k) => ours.errors.filter((e) => e.kind === k).slice(0, 7)).slice(0, 20);
  for (const e of picked) out.push(`  [${e.kind}] ${e.file}: ${e.detail.replace(/\s+/g, " ")}`);
  process.stdout.write(`${out.join("\n")}\n`);
  if (process.env.EVAL_DUMP !== undefined) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(process.env.EVAL_DUMP, ours.errors.map((e) => `[${e.kind}] ${e.file}: ${e.detail.replace(/\s+/g, " ")}${e.context !== undefined ? `\n    ⟨${e.context.replace(/\s+/g, " ")}⟩` : ""}`).join("\n"));
  }
}

void main();
