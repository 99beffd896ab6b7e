/**
 * HTML from feeds (descriptions, content:encoded, Atom content) turned into clean paragraphs of plain text:
 * block elements and <br> end a paragraph, scripts, styles, media and forms are dropped, entities decoded,
 * whitespace collapsed. Uses htmlparser2's tokenizer, which is lenient with the broken HTML feeds carry.
 */
import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";

const BLOCK = new Set(
  "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer aside figure figcaption hr dd dt dl main nav".split(" "),
);
const SKIP = new Set("script style noscript iframe object embed video audio svg form button select textarea template head title canvas map".split(" "));

/** Plain-text paragraphs of an HTML fragment (empty ones dropped). */
export function htmlToParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = "";
  let skipping = 0;
  const flush = () => {
    let text = repairMojibake(current.replace(/\s+/g, " ").trim());
    // Escaped twice by the publisher ("&amp;#243;"): what is left after one decoding is decoded again.
    if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text)) text = decodeHTML(text);
    if (text !== "") paragraphs.push(text);
    current = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) flush();
      },
      ontext(text) {
        if (skipping === 0) current += text;
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && !implied) flush();
        else if (BLOCK.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}

/** Plain text of a title or other short field that may hold HTML or entities. */
export function plainText(text: string): string {
  const decoded = /[<&]/.test(text) ? htmlToParagraphs(text).join(" ") : text;
  return repairMojibake(decodeHTML(decoded).replace(/\s+/g, " ").trim());
}

/** windows-1252's characters in 0x80–0x9F, by code point: for undoing double encoding. */
const CP1252: ReadonlyMap<number, number> = new Map(
  [
    [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
    [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
    [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
    [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
  ] as Array<[number, number]>,
);

/** UTF-8 read as windows-1252 shows as "Ã©" for "é", "â€™" for "’". */
const MOJIBAKE = /[ÃÂâÅÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/u;

/**
 * Undo double encoding ("CinÃ©ma" → "Cinéma", "electâ€™s" → "elect’s"): when the text looks like UTF-8 read as
 * windows-1252 and its windows-1252 bytes are valid UTF-8, those bytes are the text. Anything else is left alone.
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  // Piece by piece: a run of characters windows-1252 can hold is re-read as UTF-8 when its bytes are valid UTF-8.
  let out = "";
  let bytes: number[] = [];
  let raw = "";
  const flush = () => {
    if (raw === "") return;
    if (MOJIBAKE.test(raw)) {
      try {
        out += new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
      } catch {
        out += raw;
      }
    } else out += raw;
    bytes = [];
    raw = "";
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const b = cp <= 0xff ? cp : CP1252.get(cp);
    if (b === undefined) {
      flush();
      out += ch;
      continue;
    }
    bytes.push(b);
    raw += ch;
    // Words are the unit: a space ends a run, so that one bad word does not keep its neighbours broken.
    if (cp === 0x20) flush();
  }
  flush();
  return out;
}
