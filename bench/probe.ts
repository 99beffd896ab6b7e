/**
 * `tsx bench/probe.ts DIR`: how fast this machine is at the moment, to read the load times beside it. The first
 * PROBE_FILES files of DIR (in name order) are read, parsed and analysed in this one thread, as a loading worker does
 * each file, four times; prints the fastest of the last three passes in milliseconds per file, as one JSON line. The same code on the same files
 * ran at very different speeds an hour apart on this machine (2026-11-30: the quote analysis alone took 0.33 ms an
 * article, then 0.18 ms), so a load time is only comparable with the probe taken beside it. Used by bench/run.ts.
 */
import { analyseFile } from "../src/corpus/entries.js";
import { listFiles } from "../src/corpus/load.js";

export const PROBE_FILES = 500;

export interface Probe {
  files: number;
  msPerFile: number;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error("usage: tsx bench/probe.ts DIR");
  const files = (await listFiles(dir)).slice(0, PROBE_FILES);
  let ms = Infinity;
  for (let pass = 0; pass < 4; pass++) {
    const t0 = performance.now();
    for (const f of files) analyseFile(f, dir);
    // The first pass compiles the code and patterns.
    if (pass > 0) ms = Math.min(ms, performance.now() - t0);
  }
  const probe: Probe = { files: files.length, msPerFile: files.length === 0 ? 0 : ms / files.length };
  console.log(JSON.stringify(probe));
}

void main();
