import { describe, expect, it } from "vitest";
import { Corpus } from "../src/news/corpus.js";
import { buildDigest, digestArticleIds, digestReply, overview } from "../src/news/digest.js";
import { parseArticleFile } from "../src/news/parse.js";
import { groupStories } from "../src/news/stories.js";
import { renderDiscord, payloadProblems } from "../src/discord/render.js";
import { seedArticles } from "./support/seed.js";

const NOW = new Date("2025-08-15T09:00:00Z");

function jsonArticles(name: string, list: unknown[]) {
  const r = parseArticleFile({ name, text: JSON.stringify(list), mtime: NOW });
  expect(r.problems).toEqual([]);
  return r.articles;
}

/** Two sources on one event (an earthquake in Chile), written differently. */
const QUAKE = [
  {
    title: "Magnitude 7.4 earthquake strikes southern Chile, tsunami warning issued",
    source: "Reuters",
    published: "2025-08-15T07:10:00Z",
    url: "https://example.com/reuters/quake",
    paragraphs: [
      "A magnitude 7.4 earthquake struck off the coast of southern Chile on Friday, prompting a tsunami warning for the Los Lagos region, Chile's disaster agency Senapred said.",
      "The quake hit at a depth of 10 km near the port city of Puerto Montt, the U.S. Geological Survey said. There were no immediate reports of casualties.",
      "“We are asking everyone in coastal areas to move to higher ground now,” said Senapred director Alicia Cebrián. “Do not wait for the sirens to stop before you leave your homes.”",
    ],
  },
  {
    title: "Chile orders coastal evacuations after powerful quake",
    source: "AP",
    published: "2025-08-15T07:40:00Z",
    url: "https://example.com/ap/chile-quake",
    paragraphs: [
      "Chilean authorities ordered the evacuation of coastal areas in the Los Lagos region after a powerful magnitude 7.4 earthquake struck off southern Chile early Friday, and the disaster agency Senapred issued a tsunami warning.",
      "The U.S. Geological Survey said the earthquake was centred near Puerto Montt at a shallow depth. Residents described strong shaking that lasted nearly a minute.",
    ],
  },
];

describe("stories: related articles grouped", () => {
  it("keeps the seed's four articles as four stories", () => {
    const corpus = new Corpus(seedArticles());
    const stories = groupStories(corpus, corpus.articles, NOW);
    expect(stories).toHaveLength(4);
    for (const s of stories) expect(s.articles).toHaveLength(1);
  });

  it("merges two articles on one event into one story with two sources, ranked first", () => {
    const corpus = new Corpus([...seedArticles(), ...jsonArticles("quake.json", QUAKE)]);
    const stories = groupStories(corpus, corpus.articles, NOW);
    expect(stories).toHaveLength(5);
    const quake = stories.find((s) => s.articles.length === 2);
    expect(quake?.sources.sort()).toEqual(["AP", "Reuters"]);
    expect(stories[0]).toBe(quake);

    const d = buildDigest(corpus, { now: NOW, timeZone: "UTC", stories: 5 });
    expect(d.stories).toHaveLength(5);
    expect(d.stories[0]?.articleIds).toHaveLength(2);
    expect(d.stories[0]?.sources.sort()).toEqual(["AP", "Reuters"]);
    // Both articles count as shown: the next digest leaves both out.
    expect(digestArticleIds(d)).toHaveLength(6);
    const next = buildDigest(corpus, { now: NOW, timeZone: "UTC", stories: 5, exclude: new Set(digestArticleIds(d)) });
    expect(next.stories).toHaveLength(0);

    const reply = digestReply(corpus, d, "UTC");
    expect(reply.items[0]?.meta).toMatch(/^2 sources: (?:AP, Reuters|Reuters, AP) · /u);
    expect(reply.intro).toMatch(/^5 stories from 3 sources\. Leading: .*\(2 sources\)/u);
    // The quote of the day comes from a top story and says something: 8 words or more.
    expect(d.quote?.speaker).toBe("Alicia Cebrián");
    expect(d.quote?.text.split(/\s+/).length).toBeGreaterThanOrEqual(8);
  });

  it("does not merge two stories that merely name the same person", () => {
    const corpus = new Corpus(seedArticles());
    const trump = corpus.articles.filter((a) => a.paragraphs.join(" ").includes("Trump"));
    expect(trump.length).toBeGreaterThanOrEqual(2);
    const stories = groupStories(corpus, trump, NOW);
    expect(stories).toHaveLength(trump.length);
  });

  it("keeps articles days apart in separate stories even when they are alike", () => {
    const later = QUAKE.map((a, i) => ({ ...a, title: `${a.title} (${i})`, published: i === 0 ? "2025-08-01T07:00:00Z" : "2025-08-15T07:00:00Z", paragraphs: [...a.paragraphs, `Update ${i}.`] }));
    const corpus = new Corpus(jsonArticles("later.json", later));
    expect(groupStories(corpus, corpus.articles, NOW)).toHaveLength(2);
  });
});

describe("the digest message", () => {
  it("opens with a one-line overview and stays within Discord's limits, split only when needed", () => {
    const corpus = new Corpus([...seedArticles(), ...jsonArticles("quake.json", QUAKE)]);
    const d = buildDigest(corpus, { now: NOW, timeZone: "UTC", stories: 10 });
    const line = overview(d);
    expect(line).not.toContain("\n");
    expect(line.length).toBeLessThan(400);
    const payloads = renderDiscord(digestReply(corpus, d, "UTC"));
    expect(payloads).toHaveLength(1);
    for (const p of payloads) expect(payloadProblems(p)).toEqual([]);
  });

  it("splits a digest too long for one message into several, each within the limits", () => {
    const topics = ["harbours", "orchards", "railways", "satellites", "glaciers", "vineyards", "bridges", "libraries", "volcanoes", "reservoirs", "airports", "forests"];
    // Each story in words of its own, long enough that ten of them cannot share one message.
    const many = topics.map((topic, i) => ({
      title: `New report on ${topic} in region ${i}`,
      source: `Source ${i}`,
      published: `2025-08-15T0${i % 9}:00:00Z`,
      paragraphs: [
        Array.from({ length: 60 }, (_, k) => `${topic}${k}x${i}`).join(" ") + ".",
        Array.from({ length: 60 }, (_, k) => `${topic}${k}y${i}`).join(" ") + ".",
      ],
    }));
    const corpus = new Corpus(jsonArticles("many.json", many));
    const d = buildDigest(corpus, { now: NOW, timeZone: "UTC", stories: 10 });
    expect(d.stories).toHaveLength(10);
    const payloads = renderDiscord(digestReply(corpus, d, "UTC"));
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(payloadProblems(p)).toEqual([]);
  });
});
