/**
 * One-shot commands, for scripts:
 *   npm run -s cli -- quote Trump --json
 *   npm run -s cli -- headline --count 2 --topic Alaska
 *   npm run -s cli -- analyze seeds/ --json
 * Exit codes: 0 answered, 1 the command answered with an error (invalid option, not found), 2 bad usage or configuration.
 */
import { existsSync } from "node:fs";
import { commands, type CommandInput } from "../commands/index.js";
import { analyze } from "./analyze.js";
import { cacheDirOf, ConfigError, loadConfig } from "./config.js";
import { renderText } from "./console/render.js";
import { helpText, optionsOf, parseOptions } from "./console/parse.js";
import { loadCorpus } from "./corpus/parallel.js";
import { createLogger } from "./log.js";
import { runCommand } from "./run.js";

const USAGE = `usage: npm run -s cli -- <command> [first option] [--option value]... [--json]
       npm run -s cli -- analyze PATH... [--json]
${helpText(commands)}`;

function fail(message: string): never {
  process.stderr.write(`newsdesk: ${message}\n`);
  process.exit(2);
}

function splitArgs(argv: readonly string[]): { positional: string[]; flags: Map<string, string>; json: boolean } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--json") json = true;
    else if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const v = argv[i + 1];
        if (v === undefined) fail(`${a} needs a value`);
        flags.set(a.slice(2), v);
        i++;
      }
    } else positional.push(a);
  }
  return { positional, flags, json };
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const [name, ...rest] = process.argv.slice(2);
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { positional, flags, json } = splitArgs(rest);

  if (name === "analyze") {
    if (positional.length === 0) fail("analyze needs at least one file or folder");
    const result = await analyze(positional);
    for (const s of result.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      for (const a of result.articles) {
        process.stdout.write(`${a.file} [${a.id}] ${a.headline} (${a.source})\n`);
        for (const s of a.summary) process.stdout.write(`  · ${s}\n`);
        for (const q of a.quotes) process.stdout.write(`  “${q.text}” — ${q.speaker ?? "(unattributed)"} [${q.start ?? "?"}–${q.end ?? "?"}]\n`);
      }
    }
    return;
  }

  const command = commands.find((c) => c.data.name === name);
  if (!command) fail(`unknown command "${name}"\n${USAGE}`);
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, { pretty: false });
  const options = optionsOf(command);
  const parsed = parseOptions(command, positional.join(" "));
  if ("error" in parsed) fail(parsed.error);
  const input: CommandInput = { ...parsed.input };
  for (const [k, v] of flags) {
    if (!options.some((o) => o.name === k)) fail(`/${name} has no option --${k} (options: ${options.map((o) => `--${o.name}`).join(", ") || "none"})`);
    const single = parseOptions(command, `${k}:${v}`);
    if ("error" in single) fail(single.error);
    Object.assign(input, single.input);
  }
  const cacheDir = cacheDirOf(config);
  const { loaded, corpus, saved } = await loadCorpus(config.ARTICLES_DIR, {
    ...(cacheDir !== undefined ? { cacheDir } : {}),
    onCacheError: (err) => log.warn({ err, cacheDir }, "could not write the analysis cache"),
  });
  for (const s of loaded.skipped) log.warn({ file: s.file, reason: s.reason }, `skipped ${s.file}: ${s.reason}`);
  const reply = await runCommand(name, input, { corpus, now: () => new Date(), digest: { timeZone: config.DIGEST_TIMEZONE, stories: config.DIGEST_STORIES } }, log);
  process.stdout.write(json ? `${JSON.stringify({ command: name, options: input, reply })}\n` : `${renderText(reply)}\n`);
  if (reply.status === "invalid" || reply.status === "not_found" || reply.status === "error") process.exitCode = 1;
  await saved;
}

void main();
