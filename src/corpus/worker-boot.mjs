// Worker threads start from JavaScript: this registers tsx in the worker, then runs the worker's own module, named
// by its first argument: worker.ts, which analyses files, summary-worker.ts, which makes summaries, or
// index-worker.ts, which builds the search index.
import { argv } from "node:process";
import { register } from "tsx/esm/api";

register();
await import(`./${argv[2] ?? "worker.ts"}`);
