// Worker threads start from JavaScript: this registers tsx in the worker, then runs worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
