/** Reply → readable plain text for the console and the CLI. */
import type { Reply } from "../news/reply.js";

/** `{#id}` channel references as `#id`. */
const channels = (text: string) => text.replace(/\{#([\w-]+)\}/g, "#$1");

export function renderText(reply: Reply): string {
  return channels(renderPlain(reply));
}

function renderPlain(reply: Reply): string {
  const lines: string[] = [];
  lines.push(reply.title);
  lines.push("=".repeat(Math.min(reply.title.length, 80)));
  if (reply.intro !== undefined && reply.intro !== "") lines.push(reply.intro, "");
  reply.items.forEach((item, i) => {
    const n = `${i + 1}. `;
    lines.push(`${n}${item.heading}`);
    const pad = " ".repeat(n.length);
    if (item.body.trim() !== "") {
      const body = item.quote ? `“${item.body}”` : item.body;
      for (const para of body.split(/\n+/)) lines.push(`${pad}${para}`);
    }
    if (item.meta !== undefined) lines.push(`${pad}— ${item.meta}`);
    if (item.url !== undefined) lines.push(`${pad}${item.url}`);
    if (item.body.trim() !== "") lines.push("");
  });
  if (reply.footer !== undefined && reply.footer !== "") {
    const next = reply.paging !== undefined && reply.paging.page < reply.paging.pages ? ` — add page:${reply.paging.page + 1} for more` : "";
    lines.push(`(${reply.footer}${next})`);
  }
  while (lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}
