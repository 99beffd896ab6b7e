/**
 * Console mode: type commands as in Discord and read the rendered replies. Works with a terminal
 * (prompt, history) and with piped standard input (no prompt; ends at end of input).
 */
import { createInterface } from "node:readline";
import type { Logger } from "pino";
import { commands, type Services } from "../../commands/index.js";
import { runCommand } from "../run.js";
import { helpText, parseCommandLine } from "./parse.js";
import { renderText } from "./render.js";

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  services: Services;
  log: Logger;
  interactive: boolean;
}

/** Answer one typed line; returns the text to show (empty for blank lines). */
export async function answerLine(line: string, services: Services, log: Logger): Promise<string> {
  const text = line.trim();
  if (text === "") return "";
  if (/^\/?(?:help|\?)$/i.test(text)) return helpText(commands);
  const parsed = parseCommandLine(text, commands);
  if ("error" in parsed) return parsed.error;
  const reply = await runCommand(parsed.command.data.name, parsed.input, services, log.child({ command: parsed.command.data.name }));
  return renderText(reply);
}

/** Run the prompt until the input ends or the user types exit. */
export async function runConsole(o: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input: o.input, output: o.interactive ? o.output : undefined, terminal: o.interactive });
  const prompt = (): void => {
    if (o.interactive) rl.prompt();
  };
  rl.setPrompt("newsdesk> ");
  prompt();
  for await (const line of rl) {
    if (/^\s*\/?(?:exit|quit)\s*$/i.test(line)) break;
    const answer = await answerLine(line, o.services, o.log);
    if (answer !== "") o.output.write(`${answer}\n\n`);
    prompt();
  }
  rl.close();
}
