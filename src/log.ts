/**
 * pino, to standard error (standard output belongs to the console transport and the CLI), with the
 * token redacted wherever it might appear. Pretty when a person is watching a terminal.
 */
import { pino, type Logger, type LevelWithSilent } from "pino";
import pretty from "pino-pretty";

export const REDACT = [
  "token",
  "*.token",
  "config.DISCORD_TOKEN",
  "DISCORD_TOKEN",
  "*.DISCORD_TOKEN",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
];

/** Remove anything that looks like the token from a string (for error messages from libraries). */
export function scrub(text: string, token: string | undefined): string {
  if (token === undefined || token === "") return text;
  return text.split(token).join("[redacted]");
}

export function createLogger(level: LevelWithSilent, opts: { pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" }, base: undefined };
  if (opts.pretty ?? process.stderr.isTTY) {
    return pino(options, pretty({ destination: 2, sync: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" }));
  }
  return pino(options, opts.destination ?? pino.destination({ dest: 2, sync: true }));
}
