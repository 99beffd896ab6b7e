/**
 * The one error boundary around commands, shared by Discord, the console and the CLI: expected
 * failures are replies the command returns; anything thrown is a bug, logged with context and
 * answered with a short ephemeral apology.
 */
import type { Logger } from "pino";
import { findCommand, OWNER_CONTEXT, type CommandContext, type CommandInput, type Services, type Choice } from "../commands/index.js";
import { type Reply, stillLoading } from "./news/reply.js";

export async function runCommand(
  name: string,
  input: CommandInput,
  services: Services,
  log: Logger,
  context: CommandContext = OWNER_CONTEXT,
): Promise<Reply> {
  const command = findCommand(name);
  if (!command) {
    return { status: "invalid", ephemeral: true, title: `Unknown command /${name}`, intro: "Commands: /headline, /summary, /quote, /search, /digest preview|status|subscribe|unsubscribe, /feeds add|remove|list|status.", items: [] };
  }
  const loading = services.loading?.();
  if (loading) return stillLoading(loading.done, loading.total);
  try {
    const scoped = services.corpusFor ? { ...services, corpus: await services.corpusFor(context.guildId) } : services;
    return await command.execute(input, scoped, context);
  } catch (err) {
    log.error({ err, command: name }, "command failed");
    return {
      status: "error",
      ephemeral: true,
      title: "Something went wrong",
      intro: "newsdesk could not answer this command. The error has been logged for the bot's admin.",
      items: [],
    };
  }
}

export async function runAutocomplete(
  name: string,
  option: string,
  typed: string,
  services: Services,
  log: Logger,
  guildId: string | null = OWNER_CONTEXT.guildId,
): Promise<Choice[]> {
  const command = findCommand(name);
  if (!command?.autocomplete) return [];
  // Nothing to offer until the articles are in; the command itself says "still loading".
  if (services.loading?.()) return [];
  try {
    const scoped = services.corpusFor ? { ...services, corpus: await services.corpusFor(guildId) } : services;
    return (await command.autocomplete(option, typed, scoped, { ...OWNER_CONTEXT, guildId })).slice(0, 25);
  } catch (err) {
    log.error({ err, command: name, option }, "autocomplete failed");
    return [];
  }
}
