/** Discord's limits (discord/discord-api-docs, "Message" and "Embed limits"). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedAuthor: 256,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Never cut between the two halves of a surrogate pair or right after an escaping backslash. */
function safeCut(text: string, at: number): number {
  let i = at;
  while (i > 1 && (/[\uDC00-\uDFFF]/.test(text[i] ?? "") || text[i - 1] === "\\")) i--;
  return i;
}

/**
 * Split text into pieces of at most `max` characters, at paragraph breaks, then sentence ends,
 * then spaces; a hard cut only when a piece has no space at all. Nothing is dropped.
 */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf("\n\n");
    if (cut < max / 2) {
      const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf("? "), window.lastIndexOf("! "), window.lastIndexOf("\n"));
      cut = sentence >= max / 2 ? sentence + 1 : -1;
    }
    if (cut < max / 4) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = safeCut(rest, max);
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") out.push(rest);
  return out;
}

/** Shorten to `max` characters with a visible ellipsis (for single-line labels only). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
}
