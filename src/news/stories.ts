/**
 * Stories as an editor sees them: articles about the same event grouped into one story, and stories ranked by
 * importance. Pure: the time is a parameter.
 *
 * - Same story: TF-IDF cosine of headline (counted twice) and first paragraphs at least SAME_STORY, or at least
 *   SAME_PEOPLE_STORY when both name the same two people or more; and published within STORY_WINDOW_MS of each
 *   other. Grouping is single-link (A~B and B~C make one story), with the window keeping chains short.
 * - Importance: how many sources carry the story (and how many articles), how recent its newest article is, and
 *   how central it is to the rest of the news (its mean likeness to the other candidates).
 */
import type { Article } from "./article.js";
import type { Corpus } from "./corpus.js";
import { cosine, type Vector, vectors } from "./summary.js";

export const SAME_STORY = 0.35;
export const SAME_PEOPLE_STORY = 0.2;
export const STORY_WINDOW_MS = 72 * 3600_000;
/** The most articles one digest looks at: the newest ones. */
const POOL_MAX = 400;

export interface Story {
  /** The article that speaks for the story: the most central one, the newest on a tie. */
  lead: Article;
  /** All its articles, newest first (`lead` among them). */
  articles: Article[];
  /** Distinct sources, in order of first appearance (newest first). */
  sources: string[];
  newest: Date;
  score: number;
}

function storyText(a: Article): string {
  return `${a.headline}\n${a.headline}\n${a.paragraphs.slice(0, 3).join("\n")}`;
}

/** The candidates a digest draws from: the newest articles not excluded, within a few days of the newest one. */
export function candidates(corpus: Corpus, exclude: ReadonlySet<string> | undefined, want: number): Article[] {
  const fresh: Article[] = [];
  let newest: number | null = null;
  for (const a of corpus.articles) {
    if (exclude?.has(a.id) === true) continue;
    newest ??= a.published.getTime();
    // Past the window of the newest candidate only while still short of enough stories' worth.
    if (newest - a.published.getTime() > STORY_WINDOW_MS && fresh.length >= want * 3) break;
    fresh.push(a);
    if (fresh.length >= POOL_MAX) break;
  }
  return fresh;
}

/** Group articles into stories and rank them, most important first. */
export function groupStories(corpus: Corpus, articles: readonly Article[], now: Date): Story[] {
  const n = articles.length;
  if (n === 0) return [];
  const vecs = vectors(articles.map(storyText));
  const people = articles.map((a) => corpus.peopleIn(a.id));
  const sim: Float64Array[] = articles.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = cosine(vecs[i] as Vector, vecs[j] as Vector);
      (sim[i] as Float64Array)[j] = c;
      (sim[j] as Float64Array)[i] = c;
    }
  }
  // Single-link grouping with union-find.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = articles[i] as Article;
      const b = articles[j] as Article;
      if (Math.abs(a.published.getTime() - b.published.getTime()) > STORY_WINDOW_MS) continue;
      const c = (sim[i] as Float64Array)[j] as number;
      if (c < SAME_PEOPLE_STORY) continue;
      let shared = 0;
      if (c < SAME_STORY) for (const p of people[i] as ReadonlySet<string>) if ((people[j] as ReadonlySet<string>).has(p)) shared++;
      if (c >= SAME_STORY || shared >= 2) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  // Centrality: an article's mean likeness to all other candidates.
  const central = articles.map((_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += (sim[i] as Float64Array)[j] as number;
    return n > 1 ? s / (n - 1) : 0;
  });
  const maxCentral = Math.max(...central) || 1;
  const stories: Story[] = [];
  for (const members of groups.values()) {
    members.sort((x, y) => (articles[y] as Article).published.getTime() - (articles[x] as Article).published.getTime() || x - y);
    // The lead: the member most like the others of its story; the newest on a tie (members are newest first).
    let lead = members[0] as number;
    let leadScore = -1;
    for (const m of members) {
      let s = 0;
      for (const o of members) if (o !== m) s += (sim[m] as Float64Array)[o] as number;
      if (s > leadScore + 1e-9) {
        leadScore = s;
        lead = m;
      }
    }
    const list = members.map((m) => articles[m] as Article);
    const sources = [...new Set(list.map((a) => a.source))];
    const newest = (list[0] as Article).published;
    const ageHours = Math.max(0, (now.getTime() - newest.getTime()) / 3600_000);
    const centrality = Math.max(...members.map((m) => central[m] as number)) / maxCentral;
    const score = Math.log2(1 + sources.length) + 0.5 * Math.log2(list.length) + Math.exp(-ageHours / 24) + 0.5 * centrality;
    stories.push({ lead: articles[lead] as Article, articles: list, sources, newest, score });
  }
  stories.sort((a, b) => b.score - a.score || b.newest.getTime() - a.newest.getTime());
  return stories;
}
