/**
 * `npm run bench:corpus -- --articles N --out DIR [--seed S]`: writes N realistic article files for benchmarks.
 * Deterministic for a seed. What it writes:
 * - varied lengths (2 to 24 paragraphs), dates spread over a year, a few hundred sources and topics;
 * - thousands of people, named in full and by alias ("President Ana Kovač", "Mr. Kovač", "Kovač");
 * - direct quotes in the seed's shapes (“Q,” X said; X said: “Q”; “Q,” said X; a quote split around its verb; a
 *   pronoun attribution after a named one);
 * - about 1% exact duplicates and 1% near-duplicates (one sentence changed), and about 0.2% broken files;
 * - Markdown with front matter (most), plain text, and JSON files holding several articles.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** A small seeded random number generator: the same seed, the same corpus. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = (
  "Ana Ben Carla Daniel Elena Farid Grace Hiro Ines Jonas Kemal Lena Marco Nadia Omar Priya Quentin Rosa Samir Tanya " +
  "Umar Vera Wei Ximena Yusuf Zoe Amara Boris Chloe Dmitri Esther Felix Gita Hassan Ilse Jamal Kira Luis Mei Nikolai " +
  "Olga Pablo Rania Sven Tomas Ulla Viktor Wanda Yara Zeynep Aisha Bruno Clara Diego Emil Fatima Goran Helga Ivan Julia"
).split(" ");
const LAST = (
  "Kovač Lindqvist Okafor Moreau Tanaka Haddad Novak Petrov Alvarez Schmidt Rossi Nakamura Mensah Kowalski Dubois " +
  "Ibrahim Castillo Varga Jensen Ahmadi Fischer Horvat Silva Yilmaz Costa Nguyen Larsen Popescu Ortega Weber Sato " +
  "Mahmoud Kaur Duarte Bianchi Ivanova Morales Hansen Romero Keller Abebe Ferreira Lambert Sokolov Tran Wagner Bauer " +
  "Greco Marin Nilsen Osei Park Quiroga Reyes Sandoval Toivonen Uzun Vidal Walsh Xu Young Zamora Andersen Brandt " +
  "Cruz Dalton Eriksen Forde Gallo Hale Iqbal Jovanović Kruger Lopez Mbeki Nash Olsen Pereira Quinn Ruiz Stone Turner"
).split(" ");
const ROLES = ["President", "Prime Minister", "Senator", "Minister", "Governor", "Mayor", "spokesperson", "Chancellor", "Secretary of State", "Finance Minister"];
const TOPICS = [
  ["harbour", "dock workers", "strike", "port", "shipping", "container ships", "union", "wages"],
  ["election", "ballot", "campaign", "voters", "polls", "candidates", "turnout", "coalition"],
  ["flood", "rainfall", "river", "evacuation", "rescue teams", "dam", "villages", "relief"],
  ["budget", "taxes", "deficit", "spending", "parliament", "pensions", "inflation", "growth"],
  ["summit", "ceasefire", "talks", "border", "sanctions", "envoys", "agreement", "troops"],
  ["hospital", "vaccine", "doctors", "patients", "clinic", "outbreak", "nurses", "health ministry"],
  ["railway", "tunnel", "bridge", "motorway", "airport", "commuters", "tickets", "timetable"],
  ["drought", "harvest", "farmers", "wheat", "prices", "irrigation", "exports", "markets"],
  ["courts", "judges", "trial", "verdict", "appeal", "prosecutors", "lawyers", "evidence"],
  ["school", "teachers", "students", "exams", "universities", "fees", "curriculum", "classrooms"],
  ["football", "league", "coach", "stadium", "fans", "transfer", "final", "season"],
  ["satellite", "launch", "rocket", "orbit", "space agency", "engineers", "mission", "telescope"],
];
const PLACES = ["Northport", "Valmora", "Kestrel Bay", "Ostrava", "Lindenfeld", "Marisol", "Tarvik", "Belgrano", "Eastwick", "Sundby", "Corvale", "Halden"];
const VERBS = ["said", "told reporters", "added", "warned", "insisted", "explained", "said on Monday", "told lawmakers"];

export interface GenOptions {
  articles: number;
  out: string;
  seed?: number;
}

export async function generateCorpus(o: GenOptions): Promise<{ files: number; articles: number; broken: number; duplicates: number }> {
  const rnd = mulberry32(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const people = Array.from({ length: Math.min(5000, Math.max(200, Math.floor(o.articles / 10))) }, (_, i) => ({
    first: FIRST[i % FIRST.length] as string,
    // Surnames cycle on another step than first names, so that neighbours differ in both.
    last: LAST[(i * 13 + Math.floor(i / LAST.length)) % LAST.length] as string,
    role: pick(ROLES),
    she: i % 2 === 0,
  }));
  const sources = Array.from({ length: 300 }, (_, i) => `${pick(PLACES)} ${pick(["Herald", "Times", "Post", "Courier", "Gazette", "Tribune", "Daily", "News"])} ${i}`);
  const start = Date.UTC(2025, 10, 28);
  const sentence = (topic: readonly string[], place: string) => {
    const w = () => pick(topic);
    return pick([
      `Officials in ${place} said the ${w()} would be reviewed after weeks of pressure over the ${w()}.`,
      `The ${w()} has become a central issue for ${place}, where the ${w()} affects thousands of families.`,
      `Analysts expect the ${w()} to shape the debate over the ${w()} in the coming months.`,
      `Residents of ${place} described the ${w()} as the most serious in a decade.`,
      `A report published on Tuesday found that the ${w()} had cost far more than planned.`,
      `Talks on the ${w()} resumed late on Wednesday, with both sides signalling some flexibility.`,
      `Critics said the plan for the ${w()} ignored the concerns of the ${w()}.`,
    ]);
  };
  const quote = (topic: readonly string[]) =>
    pick([
      `We will not accept any deal on the ${pick(topic)} that leaves our people worse off`,
      `This is a difficult moment for the ${pick(topic)}, but we have a plan and we will carry it out`,
      `Nobody should be surprised by what happened to the ${pick(topic)} this week`,
      `The ${pick(topic)} needs a long-term answer, not another promise before the next election`,
      `I have spoken to the families and they deserve to know the truth about the ${pick(topic)}`,
    ]);
  await mkdir(o.out, { recursive: true });
  let files = 0;
  let broken = 0;
  let duplicates = 0;
  let written = 0;
  let previous: { body: string; title: string } | null = null;
  const batch: Array<Record<string, unknown>> = [];
  const flushBatch = async () => {
    if (batch.length === 0) return;
    await writeFile(path.join(o.out, `batch-${String(files).padStart(6, "0")}.json`), JSON.stringify(batch));
    files++;
    batch.length = 0;
  };
  for (let i = 0; i < o.articles; i++) {
    const r = rnd();
    if (r < 0.002) {
      // Broken files: empty, invalid JSON, JSON without text, binary junk.
      const kind = i % 4;
      const name = path.join(o.out, `broken-${i}.${kind === 0 ? "txt" : kind === 3 ? "md" : "json"}`);
      await writeFile(name, kind === 0 ? "" : kind === 1 ? "{ not json" : kind === 2 ? JSON.stringify({ title: "No body" }) : Buffer.from([0, 159, 146, 150, 0, 255]));
      files++;
      broken++;
      continue;
    }
    const topic = pick(TOPICS);
    const place = pick(PLACES);
    const published = new Date(start - Math.floor(rnd() * 365 * 86400_000));
    const source = pick(sources);
    let title: string;
    let body: string;
    if (previous !== null && r < 0.012) {
      // An exact duplicate (another file, same text), or a near-duplicate (one sentence changed).
      title = previous.title;
      body = r < 0.007 ? previous.body : previous.body.replace(/\.\s[^.]+\.\s/, `. ${sentence(topic, place)} `);
      duplicates++;
    } else {
      const a = pick(people);
      let b = pick(people);
      while (b.last === a.last) b = pick(people);
      const aFull = `${a.first} ${a.last}`;
      const bFull = `${b.first} ${b.last}`;
      const paragraphs: string[] = [];
      const n = 2 + Math.floor(rnd() * rnd() * 23);
      paragraphs.push(`${place} — ${sentence(topic, place)} ${a.role} ${aFull} met ${b.role.toLowerCase()} ${bFull} to discuss the ${pick(topic)}.`);
      for (let p = 1; p < n; p++) {
        const kind = rnd();
        if (kind < 0.12) paragraphs.push(`“${quote(topic)},” ${a.last} ${pick(VERBS)}.`);
        else if (kind < 0.2) paragraphs.push(`${a.role} ${a.last} said: “${quote(topic)}.”`);
        else if (kind < 0.26) paragraphs.push(`“${quote(topic)},” said ${bFull}, who has led the ${pick(topic)} talks since last year.`);
        else if (kind < 0.31) paragraphs.push(`“${quote(topic)},” ${a.she ? "she" : "he"} said. “${quote(topic)}.”`);
        else if (kind < 0.35) paragraphs.push(`${a.she ? "Ms." : "Mr."} ${a.last} told reporters that “${quote(topic)}.”`);
        else paragraphs.push(`${sentence(topic, place)} ${sentence(topic, place)}`);
      }
      title = `${a.last} and ${b.last} meet as ${pick(topic)} ${pick(["row deepens", "talks resume", "crisis grows", "deal nears", "plan stalls"])} in ${place}`;
      body = paragraphs.join("\n\n");
    }
    previous = { title, body };
    const url = `https://news.example.com/${source.replace(/\W+/g, "-").toLowerCase()}/${i}`;
    const format = i % 10;
    if (format < 7) {
      await writeFile(path.join(o.out, `a-${String(i).padStart(7, "0")}.md`), `---\ntitle: ${JSON.stringify(title)}\nsource: ${JSON.stringify(source)}\npublished: ${published.toISOString()}\nurl: ${url}\n---\n\n${body}\n`);
      files++;
    } else if (format < 9) {
      await writeFile(path.join(o.out, `a-${String(i).padStart(7, "0")}.txt`), `${title}\n\n${body}\n`);
      files++;
    } else {
      batch.push({ title, source, published: published.toISOString(), url, body });
      if (batch.length >= 10) await flushBatch();
    }
    written++;
  }
  await flushBatch();
  return { files, articles: written, broken, duplicates };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(get("articles"));
  const out = get("out");
  if (!Number.isInteger(n) || n <= 0 || out === undefined) {
    process.stderr.write("usage: npm run bench:corpus -- --articles N --out DIR [--seed S]\n");
    process.exit(2);
  }
  const t0 = performance.now();
  const r = await generateCorpus({ articles: n, out, seed: Number(get("seed") ?? 42) });
  process.stdout.write(`${r.articles} articles in ${r.files} files (${r.duplicates} duplicates or near-duplicates, ${r.broken} broken files) written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
