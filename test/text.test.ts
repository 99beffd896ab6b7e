import { describe, expect, it } from "vitest";
import { fold, words } from "../src/news/text.js";

/** The words of the full folding (NFKD, marks dropped, apostrophes straightened, lower case). */
const folded = (t: string) => fold(t).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];

describe("words", () => {
  it("gives the words of the full folding, also on its fast path for plain text", () => {
    const chars = [
      ...Array.from({ length: 0x80 }, (_, i) => i),
      ...Array.from({ length: 0x70 }, (_, i) => 0x2000 + i),
      0xa0, 0xb4, 0xbd, 0xe9, 0x1680, 0x3000, 0xfeff, 0xfb01,
    ].map((c) => String.fromCharCode(c));
    for (const c of chars) for (const t of [c, `a${c}b`, `A${c}1`, `x'${c}y`]) expect(words(t)).toEqual(folded(t));
    expect(words("Don’t SAY “Café” — ½ of O’Brien’s ﬁne")).toEqual(["don't", "say", "cafe", "1", "2", "of", "o'brien's", "fine"]);
  });
});
