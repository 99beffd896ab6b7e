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

export function optionsOf(command: Command, subcommand?: string): APIApplicationCommandOption[] {
  const options = command.data.toJSON().options ?? [];
  if (subcommand === undefined) return options;
  const sub = options.find((o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommand);
  return sub && "options" in sub ? (sub.options ?? []) : [];
}

/** Names of a command's subcommands (empty when it has none). */
export function subcommandsOf(command: Command): string[] {
  return (command.data.toJSON().options ?? []).filter((o) => o.type === ApplicationCommandOptionType.Subcommand).map((o) => o.name);
}

/** Parse the text after the command name into options. */
export function parseOptions(command: Command, text: string): { input: CommandInput } | { error: string } {
  const subs = subcommandsOf(command);
  let rest = text;
  const input: CommandInput = {};
  if (subs.length > 0) {
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(text);
    const word = (m?.[1] ?? "").toLowerCase();
    if (subs.includes(word)) {
      input.subcommand = word;
      rest = m?.[2] ?? "";
    } else if (word === "" && subs.includes("preview")) {
      input.subcommand = "preview";
    } else {
      return { error: `/${command.data.name} needs one of: ${subs.map((x) => `/${command.data.name} ${x}`).join(", ")}.` };
    }
  }
  const options = optionsOf(command, typeof input.subcommand === "string" ? input.subcommand : undefined);
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
    if (!first) return { error: `/${command.data.name}${typeof input.subcommand === "string" ? ` ${input.subcommand}` : ""} takes no options.` };
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
  const describe = (opts: APIApplicationCommandOption[]) => opts.map((o) => ("required" in o && o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(" ");
  for (const c of commands) {
    const json = c.data.toJSON();
    const subs = subcommandsOf(c);
    if (subs.length === 0) lines.push(`  /${json.name} ${describe(json.options ?? [])}`.trimEnd() + `  — ${json.description}`);
    for (const sub of subs) {
      const def = (json.options ?? []).find((o) => o.name === sub);
      lines.push(`  /${json.name} ${sub} ${describe(optionsOf(c, sub))}`.trimEnd() + `  — ${def?.description ?? ""}`);
    }
  }
  lines.push("Examples: /headline count:2   /quote Trump   /summary article:Alaska length:short   /digest preview");
  lines.push("Type exit (or Ctrl+D) to quit.");
  return lines.join("\n");
}
