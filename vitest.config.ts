import { defineConfig } from "vitest/config";
import { NODE_FLAGS } from "./src/runtime.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Several tests start real bot processes (tsx + discord.js take a second or two each); on a busy
    // 2-core machine, with the crash tests running beside them, 5 s is too tight.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // As `npm start` starts the bot (see src/runtime.ts): regular expressions compiled to machine code at once.
    execArgv: [...NODE_FLAGS],
  },
});
