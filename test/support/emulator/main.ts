/**
 * `npm run emulator`: a loopback Discord with one guild and one channel, for watching the bot's
 * traffic without a Discord account. Prints the variables to point the bot at it, then lets you
 * type slash commands as a member would and shows what the bot answered.
 */
import { createInterface } from "node:readline";
import { DiscordEmulator, type EmuMessage } from "./index.js";

function show(m: EmuMessage): string {
  const embeds = m.embeds as Array<{ title?: string; description?: string; footer?: { text: string } }>;
  return embeds
    .map((e) => [e.title !== undefined ? `## ${e.title}` : "", e.description ?? "", e.footer ? `-- ${e.footer.text}` : ""].filter((x) => x !== "").join("\n"))
    .join("\n\n") + buttonsLine(m);
}

function buttonsOf(m: EmuMessage): Array<{ label: string; custom_id: string; disabled?: boolean }> {
  return (m.components as Array<{ components?: Array<{ label: string; custom_id: string; disabled?: boolean }> }>).flatMap((r) => r.components ?? []);
}

function buttonsLine(m: EmuMessage): string {
  const b = buttonsOf(m);
  return b.length === 0 ? "" : `\n[buttons: ${b.map((x) => (x.disabled === true ? `(${x.label})` : x.label)).join(" | ")} — type next or prev]`;
}

async function main(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT ?? 0);
  const emu = new DiscordEmulator({ port });
  await emu.start();
  const guild = emu.guilds[0];
  const channel = guild?.channels[0];
  process.stdout.write(
    `Discord emulator listening on ${emu.apiUrl} (gateway ${emu.gatewayUrl})\n` +
      `Guild "${guild?.name ?? ""}" ${guild?.id ?? ""}, channel #${channel?.name ?? ""} ${channel?.id ?? ""}\n\n` +
      `Point the bot at it (in another terminal):\n` +
      `  DISCORD_TOKEN=${emu.token} DISCORD_API_URL=${emu.apiUrl} DISCORD_GUILD_ID=${guild?.id ?? ""} DIGEST_CHANNEL_ID=${channel?.id ?? ""} STORE_URL=memory:// npm start\n\n` +
      `Then type commands here as a member would: /headline count:2, /quote Trump, /summary article:Alaska, /digest.\n` +
      `Ctrl+C stops the emulator.\n\n`,
  );
  let seen = 0;
  setInterval(() => {
    for (const r of emu.requests.slice(seen)) {
      process.stdout.write(`  [${r.method} ${r.path} -> ${r.status}]\n`);
    }
    seen = emu.requests.length;
  }, 500).unref();
  const rl = createInterface({ input: process.stdin, terminal: false });
  let paged: EmuMessage | null = null;
  for await (const line of rl) {
    if (/^(?:next|prev)$/i.test(line.trim())) {
      // Press the page button of the last answer that had them.
      const want = /^next$/i.test(line.trim()) ? "Next ▶" : "◀ Previous";
      const button = paged ? buttonsOf(paged).find((b) => b.label === want && b.disabled !== true) : undefined;
      if (!paged || !button) {
        process.stdout.write("No such page button to press.\n");
        continue;
      }
      const target = paged;
      const before = JSON.stringify(target.embeds);
      emu.press(target, button.custom_id);
      await emu.waitFor(() => (JSON.stringify(target.embeds) !== before ? true : null), 15_000, "the next page").catch(() => null);
      process.stdout.write(`${show(target)}\n\n`);
      continue;
    }
    const m = /^\/?(\S+)\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const name = m[1] ?? "";
    const options: Record<string, string | number> = {};
    const rest = m[2] ?? "";
    const named = [...rest.matchAll(/(\w+):(\S+(?:\s+(?!\w+:)\S+)*)/g)];
    for (const n of named) options[n[1] ?? ""] = /^\d+$/.test(n[2] ?? "") ? Number(n[2]) : (n[2] ?? "");
    if (named.length === 0 && rest !== "") {
      const first = (emu.registered(guild?.id).find((c) => c.name === name)?.options as Array<{ name: string }> | undefined)?.[0];
      if (first) options[first.name] = rest;
    }
    try {
      const rec = emu.interact({ name, options });
      const answer = await emu.answer(rec, 15_000);
      await emu.settle(200);
      const withButtons = [answer, ...rec.followups].filter((x) => buttonsOf(x).length > 0).at(-1);
      if (withButtons) paged = withButtons;
      process.stdout.write(`${[answer, ...rec.followups.filter((f) => f !== answer)].map(show).join("\n\n")}\n\n`);
    } catch (e) {
      process.stdout.write(`${(e as Error).message}\n`);
    }
  }
}

void main();
