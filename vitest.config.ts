import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Several tests start real bot processes (tsx + discord.js take a second or two each); on a busy
    // 2-core machine, with the crash tests running beside them, 5 s is too tight.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // As src/runtime.ts does for the bot: compile regular expressions to machine code at once.
    execArgv: ["--no-regexp-tier-up"],
  },
});
