/**
 * `npx tsx bench/sample-quotes.ts DIR [COUNT] [FROM]`: quotations drawn at random (a fixed seed, so the same
 * draw every time) from every article under DIR, each with its speaker and the text around it, for a person to
 * judge where no annotations exist (README, "On news these rules were not written from"). The draw is an order
 * over all quotations found; COUNT of them from position FROM are printed, so that later samples (FROM 40, 80,
 * …) are new ones.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArticleFile } from "../src/news/parse.js";
import { extractStatements } from "../src/news/quotes.js";

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

const [dir, count = "40", from = "0"] = process.argv.slice(2);
if (dir === undefined) {
  process.stderr.write("usage: npx tsx bench/sample-quotes.ts DIR [COUNT] [FROM]\n");
  process.exit(2);
}
const all: string[] = [];
for (const file of filesUnder(dir)) {
  const name = path.relative(dir, file);
  for (const a of parseArticleFile({ name, text: readFileSync(file, "utf8"), mtime: statSync(file).mtime }).articles) {
    for (const q of extractStatements(a.paragraphs).quotes) {
      const para = a.paragraphs[q.paragraph] ?? "";
      const prev = q.paragraph > 0 ? (a.paragraphs[q.paragraph - 1] ?? "").slice(-220) : "";
      all.push(`${name} — SPEAKER: ${q.speaker ?? "(none)"}\n   prev: …${prev}\n   para: ${para.slice(Math.max(0, q.start - 200), q.end + 120)}\n   quote: “${q.text.slice(0, 100)}”`);
    }
  }
}
// A linear congruential generator with a fixed seed: the same order on every run and machine.
let seed = 12345;
const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const order = all.map((_, i) => i).sort(() => next() - 0.5);
console.log(`${all.length} quotes`);
for (const i of order.slice(Number(from), Number(from) + Number(count))) console.log(`#${i} ${all[i]}\n`);
