/**
 * Feed documents → items. RSS 2.0 (and the 0.9x family), RSS 1.0/RDF, RSS 0.90, Atom 1.0 and JSON Feed 1.0/1.1,
 * parsed with fast-xml-parser; the bytes decoded by their declared encoding (BOM, HTTP charset, XML declaration;
 * undeclared non-UTF-8 read as windows-1252); HTML turned into paragraphs; links resolved against xml:base or the
 * feed's URL; dates parsed or left out (the caller uses the fetch time). Pure and total: a broken document gives
 * what could be read plus `problems`, never an exception.
 */
import { decodeXML } from "entities";
import { XMLParser } from "fast-xml-parser";
import { SyntaxValidator } from "fast-xml-validator";
import { htmlToParagraphs, plainText } from "./html.js";

export type FeedFormat = "rss" | "rdf" | "atom" | "json";

export interface FeedItem {
  /** guid (RSS), id (Atom, JSON Feed) or rdf:about (RSS 1.0), as given. */
  guid?: string;
  /** The item's web page, absolute. */
  link?: string;
  title?: string;
  published?: Date;
  /** Last update, when the feed says (Atom `updated`, JSON `date_modified`). */
  updated?: Date;
  author?: string;
  paragraphs: string[];
}

export interface ParsedFeed {
  format: FeedFormat | null;
  title?: string;
  /** The site's home page, absolute. */
  link?: string;
  items: FeedItem[];
  /** What was wrong with the document, in plain words (the items that could be read are still given). */
  problems: string[];
}

export interface ParseOptions {
  /** The feed's own URL: relative links resolve against it. */
  url: string;
  /** The HTTP Content-Type, for its charset. */
  contentType?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes → text

const LABEL = /^[A-Za-z0-9._:-]{1,40}$/;

function charsetOf(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "");
  return m?.[1];
}

function decoderFor(label: string | undefined): InstanceType<typeof TextDecoder> | null {
  if (label === undefined || !LABEL.test(label)) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Decode a document's bytes, with the problems met. */
export function decodeBytes(bytes: Uint8Array, contentType?: string): { text: string; problems: string[] } {
  const problems: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), problems };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), problems };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), problems };
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  const declared = /<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const label = charsetOf(contentType) ?? declared;
  const decoder = decoderFor(label);
  if (label !== undefined && decoder === null) problems.push(`unknown encoding “${label.slice(0, 40)}”; read as UTF-8`);
  if (decoder !== null && decoder.encoding !== "utf-8") return { text: decoder.decode(bytes), problems };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), problems };
  } catch {
    problems.push("bytes that are not UTF-8 and no encoding declared; read as windows-1252");
    return { text: new TextDecoder("windows-1252").decode(bytes), problems };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers over the parsed tree

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The text of an element: a string, or its #text. */
function text(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (isNode(v)) return text(v["#text"]);
  return undefined;
}

function attr(v: unknown, name: string): string | undefined {
  if (Array.isArray(v)) return attr(v[0], name);
  if (!isNode(v)) return undefined;
  const a = v[`@_${name}`];
  return typeof a === "string" ? a : undefined;
}

/** The child named `name` with any namespace prefix (RSS 1.0 and 0.90 use default and custom prefixes). */
function child(node: Node, name: string): unknown {
  if (name in node) return node[name];
  for (const k of Object.keys(node)) if (k.endsWith(`:${name}`) && !k.startsWith("@_")) return node[k];
  return undefined;
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const h = href.trim();
  if (h === "") return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** English and common other month and day names, for dates Date.parse does not read. */
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, fev: 1, fév: 1, mar: 2, mär: 2, apr: 3, abr: 3, avr: 3, may: 4, mai: 4, mag: 4, jun: 5, jui: 5, giu: 5,
  jul: 6, lug: 6, aug: 7, ago: 7, aoû: 7, sep: 8, set: 8, oct: 9, okt: 9, out: 9, ott: 9, nov: 10, dec: 11, dez: 11, dic: 11, déc: 11,
};

/** A feed date: RFC 822 or ISO 8601, with the oddities feeds carry; undefined when unreadable. */
export function parseDate(raw: string | undefined): Date | undefined {
  if (raw === undefined) return undefined;
  const s = raw.replace(/\s+/g, " ").trim();
  if (s === "") return undefined;
  // ISO 8601 with more than millisecond precision: "2022-07-21T12:00:00.123456789Z".
  const iso = s.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\d+/, "$1");
  let d = new Date(iso);
  if (!Number.isNaN(d.getTime())) return d;
  // "Qua, 07 Jun 2017 10:00:00 -0300" and other languages' day and month names.
  const m = /(\d{1,2})\s+([\p{L}]{3})[\p{L}.]*\s+(\d{4})(?:\s+(\d{1,2}):(\d\d)(?::(\d\d))?)?\s*([+-]\d{4}|[A-Z]{1,4})?/u.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? "").toLowerCase()];
    if (month !== undefined) {
      const zone = m[7] ?? "Z";
      const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone === "GMT" || zone === "UT" || zone === "UTC" || zone === "Z" ? "Z" : "";
      const pad = (x: string | undefined, n = 2) => (x ?? "0").padStart(n, "0");
      d = new Date(`${m[3]}-${pad(String(month + 1))}-${pad(m[1])}T${pad(m[4])}:${pad(m[5])}:${pad(m[6])}${offset || "Z"}`);
      if (!Number.isNaN(d.getTime())) return d;
    }
  }
  return undefined;
}

/** A raw (stop-node) value holding HTML, escaped HTML, CDATA or XHTML → paragraphs. */
function richText(raw: unknown): string[] {
  let s = typeof raw === "string" ? raw : text(raw);
  if (s === undefined) return [];
  s = s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1").trim();
  // Escaped HTML ("&lt;p&gt;…") is decoded once; the HTML itself decodes its own entities.
  if (!/<[a-zA-Z!/]/.test(s) && /&lt;|&#60;|&#x3c;/i.test(s)) s = decodeXML(s);
  return htmlToParagraphs(s);
}

function titleOf(raw: unknown): string | undefined {
  const t = text(raw);
  if (t === undefined) return undefined;
  const plain = plainText(t.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1"));
  return plain === "" ? undefined : plain;
}

// ---------------------------------------------------------------------------------------------------------------
// Formats

/** Elements kept as raw markup, to be read as HTML: descriptions and contents. */
const RICH = ["description", "content:encoded", "content", "summary", "media:description"];

function xmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    stopNodes: RICH.map((n) => `*.${n}`),
    isArray: (name) => ["item", "entry", "link", "category", "guid", "author"].includes(name),
  });
}

/** The feed element wherever it is (Atom inside an XHTML page, RSS 1.0's rdf:RDF root). */
function findRoot(tree: Node, depth = 0): { kind: "rss" | "rdf" | "atom"; node: Node } | null {
  for (const [k, v] of Object.entries(tree)) {
    if (k.startsWith("@_") || k === "#text") continue;
    for (const n of list(v)) {
      if (!isNode(n)) continue;
      const local = k.includes(":") ? k.slice(k.indexOf(":") + 1) : k;
      if (local === "rss" || (local === "channel" && depth === 0)) return { kind: "rss", node: local === "rss" ? n : { channel: n } };
      if (local === "RDF") return { kind: "rdf", node: n };
      if (local === "feed") return { kind: "atom", node: n };
      if (depth < 4) {
        const found = findRoot(n, depth + 1);
        if (found) return found;
      }
    }
  }
  return null;
}

/** A feed's items with its title and home page, where it has them. */
function described(items: FeedItem[], title: string | undefined, link: string | undefined): Omit<ParsedFeed, "problems" | "format"> {
  return { items, ...(title !== undefined ? { title } : {}), ...(link !== undefined ? { link } : {}) };
}

function rssItem(n: Node, base: string): FeedItem {
  const guidNode = list(child(n, "guid"))[0];
  const guid = text(guidNode)?.trim() || undefined;
  const isPermaLink = attr(guidNode, "isPermaLink");
  // A click-tracker link hides the real URL in origLink (FeedBurner, Pheedo).
  const linkRaw = text(child(n, "origLink")) ?? text(list(child(n, "link"))[0]) ?? (guid !== undefined && isPermaLink !== "false" ? guid : undefined);
  const rich = [child(n, "content:encoded"), child(n, "encoded"), child(n, "description")].map(richText).find((p) => p.length > 0) ?? [];
  const published = parseDate(text(child(n, "pubDate")) ?? text(child(n, "date")) ?? text(child(n, "published")));
  const author = titleOf(child(n, "creator")) ?? titleOf(list(child(n, "author"))[0]);
  const item: FeedItem = { paragraphs: rich };
  if (guid !== undefined) item.guid = guid;
  const link = absolute(linkRaw, base);
  if (link !== undefined) item.link = link;
  const title = titleOf(child(n, "title"));
  if (title !== undefined) item.title = title;
  if (published !== undefined) item.published = published;
  if (author !== undefined) item.author = author;
  return item;
}

function rss(root: Node, url: string, problems: string[]): Omit<ParsedFeed, "problems" | "format"> {
  const channel = list(root.channel).find(isNode) ?? {};
  const link = absolute(text(list(child(channel, "link")).find((l) => typeof l === "string" || (isNode(l) && l["#text"] !== undefined))), url);
  const base = link ?? url;
  const items = list(child(channel, "item"))
    .filter(isNode)
    .map((n) => rssItem(n, base));
  // RSS 0.91/0.92 sometimes put items beside the channel.
  for (const n of list(root.item).filter(isNode)) items.push(rssItem(n, base));
  if (list(root.channel).length === 0) problems.push("no <channel> element");
  return described(items, titleOf(child(channel, "title")), link);
}

function rdf(root: Node, url: string): Omit<ParsedFeed, "problems" | "format"> {
  const channel = list(child(root, "channel")).find(isNode) ?? {};
  const link = absolute(text(list(child(channel, "link"))[0]), url);
  const items = list(child(root, "item"))
    .filter(isNode)
    .map((n) => {
      const item = rssItem(n, link ?? url);
      const about = attr(n, "rdf:about");
      if (item.guid === undefined && about !== undefined) item.guid = about;
      if (item.link === undefined) {
        const l = absolute(about, link ?? url);
        if (l !== undefined) item.link = l;
      }
      return item;
    });
  return described(items, titleOf(child(channel, "title")), link);
}

function atomLink(links: unknown[], base: string): string | undefined {
  const nodes = links.filter(isNode);
  const alternate = nodes.find((l) => (attr(l, "rel") ?? "alternate") === "alternate" && (attr(l, "type") ?? "text/html").includes("html")) ?? nodes.find((l) => (attr(l, "rel") ?? "alternate") === "alternate");
  return absolute(attr(alternate, "href"), base);
}

function atom(root: Node, url: string): Omit<ParsedFeed, "problems" | "format"> {
  const feedBase = absolute(attr(root, "xml:base"), url) ?? url;
  const link = atomLink(list(root.link), feedBase);
  const items = list(root.entry)
    .filter(isNode)
    .map((n) => {
      const base = absolute(attr(n, "xml:base"), feedBase) ?? feedBase;
      const content = [child(n, "content"), child(n, "summary"), child(n, "media:group") !== undefined && isNode(child(n, "media:group")) ? (child(n, "media:group") as Node)["media:description"] : undefined]
        .map(richText)
        .find((p) => p.length > 0);
      const item: FeedItem = { paragraphs: content ?? [] };
      const id = text(child(n, "id"))?.trim();
      if (id) item.guid = id;
      const l = atomLink(list(n.link), base);
      if (l !== undefined) item.link = l;
      const title = titleOf(child(n, "title"));
      if (title !== undefined) item.title = title;
      const published = parseDate(text(child(n, "published")) ?? text(child(n, "issued")));
      const updated = parseDate(text(child(n, "updated")) ?? text(child(n, "modified")));
      if (published ?? updated) item.published = (published ?? updated);
      if (updated !== undefined) item.updated = updated;
      const author = titleOf(isNode(list(n.author)[0]) ? (list(n.author)[0] as Node).name : undefined);
      if (author !== undefined) item.author = author;
      return item;
    });
  return described(items, titleOf(child(root, "title")), link);
}

function jsonFeed(doc: unknown, url: string, problems: string[]): ParsedFeed {
  if (!isNode(doc) || typeof doc.version !== "string" || !doc.version.includes("jsonfeed.org/version/1") || !Array.isArray(doc.items)) {
    problems.push("JSON that is not a JSON Feed (no jsonfeed.org version or no items list)");
    return { format: null, items: [], problems };
  }
  const feedUrl = absolute(typeof doc.feed_url === "string" ? doc.feed_url : undefined, url) ?? url;
  const home = absolute(typeof doc.home_page_url === "string" ? doc.home_page_url : undefined, feedUrl);
  const items: FeedItem[] = [];
  doc.items.forEach((raw, i) => {
    if (!isNode(raw)) {
      problems.push(`item ${i + 1} is not an object; skipped`);
      return;
    }
    const str = (k: string) => (typeof raw[k] === "string" ? (raw[k]) : typeof raw[k] === "number" ? String(raw[k]) : undefined);
    const html = str("content_html");
    const paragraphs = html !== undefined ? htmlToParagraphs(html) : (str("content_text") ?? str("summary") ?? "").split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p !== "");
    const item: FeedItem = { paragraphs };
    const id = str("id");
    if (id !== undefined && id.trim() !== "") item.guid = id.trim();
    const link = absolute(str("url") ?? str("external_url"), feedUrl);
    if (link !== undefined) item.link = link;
    const title = str("title") !== undefined ? plainText(str("title") as string) : undefined;
    if (title) item.title = title;
    const published = parseDate(str("date_published"));
    const updated = parseDate(str("date_modified"));
    if (published ?? updated) item.published = (published ?? updated);
    if (updated !== undefined) item.updated = updated;
    const authors = [...list(raw.authors), ...list(raw.author)].filter(isNode);
    const author = authors.map((a) => (typeof a.name === "string" ? a.name : undefined)).find((n) => n !== undefined);
    if (author !== undefined) item.author = author;
    items.push(item);
  });
  const out: ParsedFeed = { format: "json", items, problems };
  if (typeof doc.title === "string" && doc.title.trim() !== "") out.title = plainText(doc.title);
  if (home !== undefined) out.link = home;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

/** XML 1.0 forbids these control characters; some feeds carry them raw. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Parse a feed document (bytes as fetched, or text already decoded). */
export function parseFeed(input: Uint8Array | string, opts: ParseOptions): ParsedFeed {
  const problems: string[] = [];
  let body: string;
  if (typeof input === "string") body = input.replace(/^\uFEFF/, "");
  else {
    const decoded = decodeBytes(input, opts.contentType);
    body = decoded.text;
    problems.push(...decoded.problems);
  }
  const start = body.search(/\S/);
  if (start < 0) return { format: null, items: [], problems: [...problems, "empty document"] };
  if (start > 0 && body.slice(start).startsWith("<?xml")) problems.push("white space before the XML declaration");
  body = body.slice(start);
  if (body.startsWith("{") || body.startsWith("[")) {
    try {
      return jsonFeed(JSON.parse(body), opts.url, problems);
    } catch (e) {
      return { format: null, items: [], problems: [...problems, `not valid JSON: ${(e as Error).message.slice(0, 120)}`] };
    }
  }
  if (ILLEGAL.test(body)) {
    problems.push("control characters that XML does not allow; removed");
    body = body.replace(ILLEGAL, "");
  }
  try {
    SyntaxValidator.validate(body, { allowBooleanAttributes: true });
  } catch (e) {
    const err = e as { message?: string; line?: number };
    const msg = err.message ?? String(e);
    const open = /^Invalid '\[(.*)\]' found/s.exec(msg)?.[1];
    const names = open === undefined ? [] : [...open.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1] ?? ""}>`);
    problems.push(names.length > 0 ? `malformed XML: the document ends with ${names.join(", ")} never closed` : `malformed XML: ${msg}${err.line !== undefined ? ` (line ${err.line})` : ""}`);
  }
  const undefinedEntities = [...new Set([...body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "").matchAll(/&([A-Za-z][A-Za-z0-9]*);/g)].map((m) => m[1] as string))].filter(
    (e) => !["amp", "lt", "gt", "quot", "apos"].includes(e) && !new RegExp(`<!ENTITY\\s+${e}\\s`).test(body),
  );
  if (undefinedEntities.length > 0) problems.push(`entities XML does not define (${undefinedEntities.slice(0, 5).map((e) => `&${e};`).join(" ")}); read as HTML entities`);
  let tree: Node;
  try {
    tree = xmlParser().parse(body) as Node;
  } catch (e) {
    return { format: null, items: [], problems: [...problems, `cannot be read as XML: ${(e as Error).message.split("\n")[0]?.slice(0, 160) ?? ""}`] };
  }
  const root = findRoot(tree);
  if (root === null) return { format: null, items: [], problems: [...problems, "not a feed: no <rss>, <rdf:RDF> or <feed> element"] };
  const parsed = root.kind === "rss" ? rss(root.node, opts.url, problems) : root.kind === "rdf" ? rdf(root.node, opts.url) : atom(root.node, opts.url);
  return { format: root.kind, ...parsed, problems };
}
