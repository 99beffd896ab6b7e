// Worker threads start from JavaScript: this registers tsx in the worker, then runs summary-worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./summary-worker.ts");
