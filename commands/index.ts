/** The one list of commands. Adding a command means adding it here; nothing is discovered by scanning. */
import { digest } from "./digest.js";
import { feeds } from "./feeds.js";
import { headline } from "./headline.js";
import { quote } from "./quote.js";
import { search } from "./search.js";
import { summary } from "./summary.js";
import type { Command } from "./types.js";

export const commands: readonly Command[] = [headline, summary, quote, search, digest, feeds];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.data.name === name);
}

export type { Command, CommandContext, CommandInput, Services, Choice } from "./types.js";
export { OWNER_CONTEXT } from "./types.js";
