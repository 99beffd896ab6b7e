/**
 * A typed command line → command name and options, as Discord would deliver them:
 * `/quote Trump`, `/quote person:Trump topic:Alaska`, `/headline count:2`. The first option may be
 * given without its name; values run until the next `name:`.
 */
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from "discord.js";
import type { Command, CommandInput } from "../../commands/index.js";

export type Parsed = { command: Command; input: CommandInput } | { error: string };

function coerce(option: APIApplicationCommandOption, value: string): string | number | boolean {
  if (option.type === ApplicationCommandOptionType.Integer || option.type === ApplicationCommandOptionType.Number) {
    return /^[-+]?\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  }
  if (option.type === ApplicationCommandOptionType.Boolean) {
    if (/^(?:true|yes|1)$/i.test(value)) return true;
    if (/^(?:false|no|0)$/i.test(value)) return false;
  }
  return value;
}

export function optionsOf(command: Command): APIApplicationCommandOption[] {
  return command.data.toJSON().options ?? [];
}

/** Parse the text after the command name into options. */
export function parseOptions(command: Command, rest: string): { input: CommandInput } | { error: string } {
  const options = optionsOf(command);
  const input: CommandInput = {};
  const names = options.map((o) => o.name);
  const re = new RegExp(`(?:^|\\s)(${names.map((n) => n.replace(/[-_]/g, "\\$&")).join("|")}):`, "g");
  const marks: Array<{ name: string; at: number; valueAt: number }> = [];
  if (names.length > 0) {
    for (const m of rest.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].length - (m[1] ?? "").length - 1;
      marks.push({ name: m[1] ?? "", at, valueAt: (m.index ?? 0) + m[0].length });
    }
  }
  const positional = rest.slice(0, marks[0]?.at ?? rest.length).trim();
  if (positional !== "") {
    const first = options[0];
    if (!first) return { error: `/${command.data.name} takes no options.` };
    input[first.name] = coerce(first, positional);
  }
  marks.forEach((m, i) => {
    const end = marks[i + 1]?.at ?? rest.length;
    const option = options.find((o) => o.name === m.name);
    if (option) input[m.name] = coerce(option, rest.slice(m.valueAt, end).trim());
  });
  return { input };
}

export function parseCommandLine(line: string, commands: readonly Command[]): Parsed {
  const text = line.trim().replace(/^\//, "");
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const name = (m?.[1] ?? "").toLowerCase();
  const command = commands.find((c) => c.data.name === name);
  if (!command) {
    return { error: `Unknown command "/${name}". Commands: ${commands.map((c) => `/${c.data.name}`).join(", ")}. Type help for more.` };
  }
  const parsed = parseOptions(command, m?.[2] ?? "");
  if ("error" in parsed) return parsed;
  return { command, input: parsed.input };
}

/** Help text listing each command and its options. */
export function helpText(commands: readonly Command[]): string {
  const lines = ["Commands (type them as in Discord; the first option may be given without its name):"];
  for (const c of commands) {
    const json = c.data.toJSON();
    const opts = (json.options ?? []).map((o) => ("required" in o && o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(" ");
    lines.push(`  /${json.name} ${opts}`.trimEnd() + `  — ${json.description}`);
  }
  lines.push("Examples: /headline count:2   /quote Trump   /summary article:Alaska length:short   /digest");
  lines.push("Type exit (or Ctrl+D) to quit.");
  return lines.join("\n");
}
