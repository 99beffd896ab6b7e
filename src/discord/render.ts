/**
 * Reply → Discord message payloads, pure. Every payload stays within Discord's limits (long text is
 * split over several embeds and messages, never cut off), pings nobody, and shows article text
 * literally: markdown and mentions in it are escaped.
 */
import type { Reply, ReplyStatus } from "../news/reply.js";
import { clip, LIMITS, splitText } from "./limits.js";

export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  footer?: { text: string };
}

export interface Button {
  type: 2;
  /** 1 primary, 2 secondary. */
  style: 1 | 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}
export interface ActionRow {
  type: 1;
  components: Button[];
}

export interface Payload {
  content?: string;
  embeds: Embed[];
  allowedMentions: { parse: [] };
  /** 64 = ephemeral (only for interaction responses). */
  flags?: number;
  /** Page buttons, on the last message of a paged reply. */
  components?: ActionRow[];
}

/** Custom ids of page buttons: `page:<token>:<page>:<role>`, within Discord's 100 characters. */
export const PAGE_PREFIX = "page:";

export function pageCustomId(token: string, page: number, role: "prev" | "at" | "next"): string {
  return `${PAGE_PREFIX}${token}:${page}:${role}`;
}

/** The token and page a page button asks for, or null for any other custom id. */
export function parsePageCustomId(id: string): { token: string; page: number } | null {
  const m = /^page:([A-Za-z0-9_-]{1,64}):(\d{1,6}):(?:prev|at|next)$/.exec(id);
  return m ? { token: m[1] as string, page: Number(m[2]) } : null;
}

/** ◀ Previous · Page n of N · Next ▶ — the middle one is a disabled label. */
export function pageButtons(token: string, page: number, pages: number): ActionRow {
  return {
    type: 1,
    components: [
      { type: 2, style: 2, label: "◀ Previous", custom_id: pageCustomId(token, Math.max(1, page - 1), "prev"), disabled: page <= 1 },
      { type: 2, style: 2, label: `Page ${page} of ${pages}`, custom_id: pageCustomId(token, page, "at"), disabled: true },
      { type: 2, style: 1, label: "Next ▶", custom_id: pageCustomId(token, Math.min(pages, page + 1), "next"), disabled: page >= pages },
    ],
  };
}

const COLORS: Record<ReplyStatus, number> = {
  ok: 0x5865f2,
  empty: 0x99aab5,
  not_found: 0xf0b232,
  invalid: 0xf0b232,
  error: 0xed4245,
};

/** Escape markdown and defuse mentions so text shows as written and pings nobody. */
export function escapeText(text: string): string {
  return text
    .replace(/([\\*_~`|#[\]])/g, "\\$1")
    .replace(/^(\s*)>/gm, "$1\\>")
    .replace(/^(\s*)([-+]|\d+\.)(\s)/gm, "$1\\$2$3")
    .replace(/@(everyone|here)/gi, "@\u200b$1")
    .replace(/<(@[!&]?|#|\/|a?:)/g, "<\u200b$1")
    .replace(/https?:\/\/(?:discord(?:app)?\.com\/invite|discord\.gg)\//gi, (m) => m.replace("://", ":\u200b//"))
    // Our own channel references, written {#id} in replies, become channel links (they ping nobody).
    .replace(/\{\\#(\d{17,20})\}/g, "<#$1>");
}

function embedSize(e: Embed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
}

function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.length > 2048) return undefined;
  return /^https?:\/\/\S+$/.test(url) ? url : undefined;
}

/** Build the embeds of a reply, each within the per-embed limits. */
export function replyEmbeds(reply: Reply): Embed[] {
  const color = COLORS[reply.status];
  const embeds: Embed[] = [];
  const title = clip(escapeText(reply.title), LIMITS.embedTitle);
  const listItems = reply.items.filter((i) => i.body.trim() === "");
  const bodyItems = reply.items.filter((i) => i.body.trim() !== "");

  // Header: title, intro and any list items (headline lists), split over embeds if long.
  const headerParts: string[] = [];
  if (reply.intro !== undefined && reply.intro !== "") headerParts.push(escapeText(reply.intro));
  listItems.forEach((item, i) => {
    const heading = escapeText(item.heading);
    const link = safeUrl(item.url);
    const line = `**${i + 1}.** ${link !== undefined ? `[${heading}](${link})` : `**${heading}**`}`;
    headerParts.push(item.meta !== undefined ? `${line}\n-# ${escapeText(item.meta)}` : line);
  });
  const headerText = headerParts.join("\n");
  const headerChunks = headerText === "" ? [""] : splitText(headerText, LIMITS.embedDescription);
  headerChunks.forEach((chunk, i) => {
    const e: Embed = { color };
    if (i === 0) e.title = title;
    if (chunk !== "") e.description = chunk;
    embeds.push(e);
  });

  for (const item of bodyItems) {
    const text = escapeText(item.body);
    const body = item.quote ? `“${text}”` : text;
    const chunks = splitText(body, LIMITS.embedDescription);
    const heading = clip(escapeText(item.heading), LIMITS.embedTitle);
    chunks.forEach((chunk, i) => {
      const e: Embed = { color, description: chunk };
      if (heading !== "") e.title = i === 0 ? heading : clip(`${heading} (continued)`, LIMITS.embedTitle);
      const url = safeUrl(item.url);
      if (url !== undefined && i === 0) e.url = url;
      if (item.meta !== undefined && i === chunks.length - 1) e.footer = { text: clip(item.meta, LIMITS.embedFooter) };
      embeds.push(e);
    });
  }
  if (reply.footer !== undefined && reply.footer !== "") {
    const last = embeds[embeds.length - 1] as Embed;
    if (last.footer === undefined) last.footer = { text: clip(reply.footer, LIMITS.embedFooter) };
    else last.footer = { text: clip(`${last.footer.text} · ${reply.footer}`, LIMITS.embedFooter) };
  }
  return embeds;
}

/**
 * Pack embeds into messages of at most 10 embeds and 6000 characters each. A paged reply gets page
 * buttons on its last message when the transport gives a token to find the list again.
 */
export function renderDiscord(reply: Reply, opts: { pageToken?: string } = {}): Payload[] {
  const embeds = replyEmbeds(reply);
  const payloads: Payload[] = [];
  let current: Embed[] = [];
  let size = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    payloads.push({
      embeds: current,
      allowedMentions: { parse: [] },
      ...(reply.ephemeral ? { flags: 64 } : {}),
    });
    current = [];
    size = 0;
  };
  for (const e of embeds) {
    const s = embedSize(e);
    if (current.length >= LIMITS.embedsPerMessage || size + s > LIMITS.embedTotal) flush();
    current.push(e);
    size += s;
  }
  flush();
  const last = payloads[payloads.length - 1];
  if (last !== undefined && reply.paging !== undefined && reply.paging.pages > 1 && opts.pageToken !== undefined) {
    last.components = [pageButtons(opts.pageToken, reply.paging.page, reply.paging.pages)];
  }
  return payloads;
}

/** Check a payload against Discord's limits; returns the problems (empty when valid). For tests. */
export function payloadProblems(p: Payload): string[] {
  const problems: string[] = [];
  if ((p.content?.length ?? 0) > LIMITS.content) problems.push("content over 2000");
  if (p.embeds.length > LIMITS.embedsPerMessage) problems.push("more than 10 embeds");
  if (p.embeds.length === 0 && (p.content ?? "") === "") problems.push("empty message");
  let total = 0;
  for (const e of p.embeds) {
    if ((e.title?.length ?? 0) > LIMITS.embedTitle) problems.push("embed title over 256");
    if ((e.description?.length ?? 0) > LIMITS.embedDescription) problems.push("embed description over 4096");
    if ((e.footer?.text.length ?? 0) > LIMITS.embedFooter) problems.push("embed footer over 2048");
    total += embedSize(e);
  }
  if (total > LIMITS.embedTotal) problems.push("embeds over 6000 characters in total");
  if (p.allowedMentions.parse.length !== 0) problems.push("allowedMentions may ping");
  const rows = p.components ?? [];
  if (rows.length > 5) problems.push("more than 5 action rows");
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.components.length < 1 || row.components.length > 5) problems.push("an action row needs 1 to 5 buttons");
    for (const b of row.components) {
      if (b.label.length > 80) problems.push("button label over 80");
      if (b.custom_id.length < 1 || b.custom_id.length > 100) problems.push("custom_id not within 1–100 characters");
      if (ids.has(b.custom_id)) problems.push("custom_id used twice in one message");
      ids.add(b.custom_id);
    }
  }
  return problems;
}
