/** The daily digest's clock: node-cron on DIGEST_CRON in DIGEST_TIMEZONE; one run at a time. */
import cron from "node-cron";
import type { Logger } from "pino";

export interface Schedule {
  next(): Date | null;
  stop(): Promise<void>;
}

export function scheduleDaily(expression: string, timeZone: string, run: () => Promise<unknown>, log: Logger): Schedule {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await run();
      } catch (err) {
        log.error({ err }, "scheduled digest failed");
      }
    },
    { timezone: timeZone, noOverlap: true, name: "daily-digest" },
  );
  return {
    next: () => task.getNextRun(),
    stop: async () => {
      await task.destroy();
    },
  };
}
