/**
 * `npm run train:speakers -- DIR` (DIR = ../shared/eval/polnear-train): learn the speaker model's weights
 * from PolNeAR's gold attributions and write src/news/speaker-model.ts.
 *
 * For every quotation the attribution rules find that overlaps a gold direct quote with a named (or
 * resolved) source, the candidates are the people and bodies named around it; the right ones share the
 * gold source's surname (the evaluation's rule). Quotations with no right candidate teach nothing and are
 * left out. Before writing, it prints 5-fold cross-validated accuracy by article (trained on four fifths
 * of the articles, measured on the fifth it never saw) beside the rules alone on the same quotations.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArticleFile } from "../src/news/parse.js";
import { speakerCandidates } from "../src/news/quotes.js";
import { fitMargin, pickSpeaker, pickStands, SPEAKER_FEATURES, train, type TrainingItem } from "../src/news/speakers.js";
import { casesFromArgs, speakerMatches } from "./polnear.js";

/** Gradient steps, step size and L2 penalty (SPEAKER_EPOCHS etc. override them for experiments). */
const TRAINING = {
  epochs: Number(process.env.SPEAKER_EPOCHS ?? 1500),
  rate: Number(process.env.SPEAKER_RATE ?? 1),
  l2: Number(process.env.SPEAKER_L2 ?? 1e-3),
};

interface Example extends TrainingItem {
  article: number;
  /** The rules' own speaker was right. */
  ruleRight: boolean;
  /** The rules named the speaker right at the quotation: the model does not decide. */
  locked: boolean;
  /** The rules found no attribution at all, not even "he said": the model's pick stands only when it scores
   * MIN_PICK_SCORE or more, or is who spoke the quotation before (as in extract). */
  unattributed: boolean;
}

async function main(): Promise<void> {
  const { dir, cases } = await casesFromArgs("train:speakers");
  const examples: Example[] = [];
  let quotations = 0;
  for (const [ci, c] of cases.entries()) {
    const file = path.join(dir, "text", `${c.name}.txt`);
    const text = await readFile(file, "utf8");
    const { articles } = parseArticleFile({ name: file, text, mtime: new Date(0) });
    for (const a of articles) {
      for (const { quote, candidates, locked, attributed } of speakerCandidates(a.paragraphs)) {
        const base = a.offsets[quote.paragraph];
        if (base === null || base === undefined) continue;
        const span = { start: base + quote.start, end: base + quote.end };
        const gold = c.gold.find((g) => g.surname !== null && span.start < g.end && g.start < span.end);
        if (!gold) continue;
        quotations++;
        const right = candidates.flatMap((cand, i) => (speakerMatches(cand.name, gold) ? [i] : []));
        const ruleRight = speakerMatches(quote.speaker, gold);
        examples.push({ candidates, right, article: ci, ruleRight, locked, unattributed: !attributed });
      }
    }
  }
  const folds = 5;
  let cvRight = 0;
  let ruleRight = 0;
  let lockedRight = 0;
  const margins: number[] = [];
  for (let k = 0; k < folds; k++) {
    const trainSet = examples.filter((e) => e.article % folds !== k && !e.locked && e.right.length > 0);
    const testSet = examples.filter((e) => e.article % folds === k);
    const w = train(trainSet, TRAINING);
    // The rules' margin is learnt on the same four fifths, never on the fifth it is measured on.
    const margin = fitMargin(examples.filter((e) => e.article % folds !== k && !e.locked), w);
    margins.push(margin);
    for (const e of testSet) {
      if (e.locked) {
        if (e.ruleRight) cvRight++;
        if (e.ruleRight) lockedRight++;
      } else {
        const best = pickSpeaker(e.candidates, w, margin);
        const answered = best !== undefined && pickStands(best, e.unattributed, w);
        if (answered && e.right.includes(e.candidates.indexOf(best))) cvRight++;
      }
      if (e.ruleRight) ruleRight++;
    }
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  const reachable = examples.filter((e) => e.right.length > 0).length;
  const open = examples.filter((e) => !e.locked).length;
  process.stdout.write(
    `${quotations} quotations matched to a gold quote with a named source; ${reachable} have the right speaker among their candidates; ` +
      `the model decides ${open} (the rest are named right at the quotation)\n` +
      `speaker accuracy, 5-fold cross-validation by article (each fifth of the articles measured by a model that never saw it): ` +
      `${pct(cvRight, examples.length)} (${cvRight} of ${examples.length}, ${((100 * cvRight) / examples.length).toFixed(2)}%); rules alone ${pct(ruleRight, examples.length)} ` +
      `(named at the quotation: ${pct(lockedRight, examples.length - open)} right; the model's ${open}: ${pct(cvRight - lockedRight, open)} right); ` +
      `rules' margin per fold ${margins.join(", ")}\n`,
  );
  const w = train(examples.filter((e) => !e.locked && e.right.length > 0), TRAINING);
  const margin = fitMargin(examples.filter((e) => !e.locked), w);
  const lines = SPEAKER_FEATURES.map((name, i) => `  ${(w[i] ?? 0).toFixed(4)}, // ${name}`);
  const source = `/**
 * Weights of the speaker model (see speakers.ts), one per feature in SPEAKER_FEATURES order.
 * Generated by \`npm run train:speakers -- ../shared/eval/polnear-train\`; do not edit by hand.
 * Trained on ${open} quotations; speaker accuracy ${pct(cvRight, examples.length)} in 5-fold cross-validation by article (rules alone ${pct(ruleRight, examples.length)}).
 */
/** How much higher another candidate must score to take a quotation from the attribution rules' own pick. */
export const SPEAKER_RULE_MARGIN = ${margin};

export const SPEAKER_WEIGHTS: readonly number[] = [
${lines.join("\n")}
];
`;
  await writeFile(path.join(import.meta.dirname, "..", "src", "news", "speaker-model.ts"), source);
  process.stdout.write(`rules' margin ${margin}; wrote src/news/speaker-model.ts\n`);
}

void main();
