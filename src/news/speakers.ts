/**
 * Choosing a quotation's speaker among the people and bodies named around it: a conditional logit
 * (softmax over the candidates of one quotation) over a few general features: how near each
 * candidate is named, whether next to a speech verb or opening a sentence, whether the attribution
 * rules picked it and how, gender agreement with "he"/"she", whether it spoke before. The weights
 * are learnt by `npm run train:speakers` (bench/train-speakers.ts) on PolNeAR's training split and
 * kept in speaker-model.ts; the training prints its cross-validated accuracy on held-out articles.
 */
import { SPEAKER_RULE_MARGIN, SPEAKER_WEIGHTS } from "./speaker-model.js";

export const SPEAKER_FEATURES = [
  "ruleDirect", // the attribution rules named this candidate right at the quotation ("“Q,” Trump said")
  "rulePronoun", // … through a pronoun or a definite description ("he said", "the senator said")
  "ruleCarry", // … by continuation (a quotation after another, or opening the next paragraph)
  "ruleOther", // … any other way (sentence subject, document, organisation)
  "nearBefore", // exp(-distance/300) to the nearest mention before the quotation
  "nearAfter", // exp(-distance/80) to the nearest mention after it, in its paragraph
  "sameSentence", // named in the quotation's sentence, outside the quotation
  "sameParagraph",
  "previousParagraph",
  "speechVerbAfter", // a mention followed by a speech verb ("Trump said"), weighted by nearness
  "speechVerbBefore", // a mention after a speech verb ("said Trump"), weighted by nearness
  "sentenceSubject", // a mention opening a sentence, weighted by nearness
  "insideQuotes", // share of its mentions inside quotations
  "articleMentions", // log(1 + mentions in the article)
  "spokeBefore", // the rules gave it an earlier quotation in the article
  "lastSpeaker", // the rules gave it the previous quotation
  "genderAgrees", // +1 agrees with the attribution's he/she, -1 disagrees, 0 unknown or no pronoun
  "person", // gendered, or a full name that is no organisation
  "organisation",
  "recencyRank", // 1/(1 + rank) among candidates by nearest mention before the quotation
  "possessive", // nearest mention is a possessive ("Trump’s")
  "previousSentenceSubject", // opens the sentence right before the quotation's
  "nearestPersonBefore", // the person named last before the quotation
  "lastSpeakerAtParagraphStart", // lastSpeaker, for a quotation opening its paragraph
  "sameSentenceVerb", // named in the quotation's sentence next to a speech verb
  "windowMentions", // log(1 + mentions in the window)
  "sentencesBetween0", // the nearest mention before is in the quotation's sentence
  "sentencesBetween1", // … one sentence before
  "sentencesBetween2", // … two or more sentences before
  "nearestSource", // the last one named next to a speech verb before the quotation (or an earlier quotation's speaker)
  "secondNearestSource", // the one before that
] as const;

/** Each feature's index in SPEAKER_FEATURES (and in a candidate's features and the weights). */
export const FEATURE = Object.fromEntries(SPEAKER_FEATURES.map((name, i) => [name, i])) as Readonly<Record<(typeof SPEAKER_FEATURES)[number], number>>;

export type SpeakerFeatures = number[];

export interface Candidate {
  name: string;
  x: SpeakerFeatures;
}

export function score(x: SpeakerFeatures, w: readonly number[] = SPEAKER_WEIGHTS): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] ?? 0) * (w[i] ?? 0);
  return s;
}

/**
 * The score under which the model's pick is no answer, for a quotation the attribution rules found no speaker for:
 * a wrong speaker is worse than none. (Unless the pick is who spoke the quotation before: a continuation.) On PolNeAR's
 * training split this leaves 9 of its annotated quotations without a speaker, 7 of which had been given a wrong one.
 */
export const MIN_PICK_SCORE = 1;

const LAST_SPEAKER = FEATURE.lastSpeaker;

/** Whether the model's pick names the quotation's speaker: always when the rules found an attribution; without one,
 * when it scores MIN_PICK_SCORE or more or spoke the quotation before. */
export function pickStands(pick: Candidate, unattributed: boolean, w: readonly number[] = SPEAKER_WEIGHTS): boolean {
  return !unattributed || score(pick.x, w) >= MIN_PICK_SCORE || pick.x[LAST_SPEAKER] === 1;
}

const GENDER = FEATURE.genderAgrees;
const RULE = (["ruleDirect", "rulePronoun", "ruleCarry", "ruleOther"] as const).map((f) => FEATURE[f]);

/**
 * The best candidate, or undefined when there is none. "She said" never goes to a known man, nor "he" to a woman.
 * The attribution rules' own pick keeps the quotation unless another scores more than `margin` higher: the
 * likelihood the weights are fit to rewards probabilities, not picks, and a margin learnt on the same split
 * (train:speakers) gives the rules their due.
 */
export function pickSpeaker(candidates: readonly Candidate[], w: readonly number[] = SPEAKER_WEIGHTS, margin = SPEAKER_RULE_MARGIN): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  let rule: Candidate | undefined;
  let ruleScore = -Infinity;
  for (const c of candidates) {
    if (c.x[GENDER] === -1) continue;
    const s = score(c.x, w);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
    if (rule === undefined && RULE.some((i) => c.x[i] === 1)) {
      rule = c;
      ruleScore = s;
    }
  }
  return rule !== undefined && ruleScore >= bestScore - margin ? rule : best;
}

/** The margin (of those tried, the smallest best) by which the rules' pick stays, given weights: most right picks. */
export function fitMargin(items: ReadonlyArray<{ candidates: Candidate[]; right: number[] }>, w: readonly number[]): number {
  let best = 0;
  let bestRight = -1;
  for (let m = 0; m <= 1.0001; m += 0.1) {
    const margin = Math.round(m * 10) / 10;
    let right = 0;
    for (const item of items) {
      const pick = pickSpeaker(item.candidates, w, margin);
      if (pick !== undefined && item.right.includes(item.candidates.indexOf(pick))) right++;
    }
    if (right > bestRight) {
      best = margin;
      bestRight = right;
    }
  }
  return best;
}

/** Softmax probabilities of the candidates. */
export function probabilities(candidates: readonly Candidate[], w: readonly number[]): number[] {
  const s = candidates.map((c) => score(c.x, w));
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

export interface TrainingItem {
  candidates: Candidate[];
  /** Indexes of the right candidates (at least one). */
  right: number[];
}

/**
 * Fit the weights by gradient ascent on the log-likelihood of picking a right candidate (the
 * probability mass on all right candidates), with an L2 penalty. Deterministic.
 */
export function train(items: readonly TrainingItem[], opts: { epochs?: number; rate?: number; l2?: number } = {}): number[] {
  const dims = SPEAKER_FEATURES.length;
  const w = new Array<number>(dims).fill(0);
  const epochs = opts.epochs ?? 300;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 1e-3;
  for (let e = 0; e < epochs; e++) {
    const grad = new Array<number>(dims).fill(0);
    for (const item of items) {
      const p = probabilities(item.candidates, w);
      const mass = item.right.reduce((a, i) => a + (p[i] ?? 0), 0);
      if (mass <= 0) continue;
      for (let c = 0; c < item.candidates.length; c++) {
        const x = item.candidates[c]?.x ?? [];
        // d log(mass)/dw = E_right[x] - E_all[x]
        const weightRight = item.right.includes(c) ? (p[c] ?? 0) / mass : 0;
        const coef = weightRight - (p[c] ?? 0);
        for (let d = 0; d < dims; d++) grad[d] = (grad[d] ?? 0) + coef * (x[d] ?? 0);
      }
    }
    for (let d = 0; d < dims; d++) w[d] = (w[d] ?? 0) + (rate * (grad[d] ?? 0)) / Math.max(1, items.length) - rate * l2 * (w[d] ?? 0);
  }
  return w;
}
