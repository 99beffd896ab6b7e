import { describe, expect, it } from "vitest";
import { capitalize, execAll, fold, hasWords, remembered, squash, wordCount, words } from "../src/news/text.js";

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

describe("execAll", () => {
  it("finds what matchAll finds, empty matches and astral characters included, and can run again at once", () => {
    const cases: Array<[RegExp, string]> = [
      [/\p{Lu}\p{L}*/gu, "Keir Starmer met Émile Zola and 𝐀lex"],
      [/(?:)/gu, "a😀b"],
      [/x*/g, "axxb"],
      [/(\d+)-(\d+)/g, "1-2, 30-40 and 5-"],
    ];
    for (const [re, text] of cases) {
      const want = [...text.matchAll(re)].map((m) => [m.index, ...m]);
      expect(execAll(re, text).map((m) => [m.index, ...m])).toEqual(want);
      expect(execAll(re, text).map((m) => [m.index, ...m])).toEqual(want);
    }
    expect(() => execAll(/a/, "a")).toThrow(/global/);
  });
});

describe("fold", () => {
  it("folds printable ASCII exactly as the full normalisation does", () => {
    const full = (t: string) => t.normalize("NFKD").replace(/\p{M}+/gu, "").replace(/[’‘`´]/g, "'").toLowerCase();
    let ascii = "";
    for (let c = 0x20; c <= 0x7e; c++) ascii += String.fromCharCode(c);
    expect(fold(ascii)).toBe(full(ascii));
    expect(fold("Don`t STOP")).toBe("don't stop");
    expect(fold("Émile’s Café")).toBe("emile's cafe");
  });
});

describe("hasWords", () => {
  it("agrees with wordCount at every threshold, and can be asked again at once", () => {
    for (const t of ["", "one", "O’Brien’s well-known 2-for-1 deal", "— … —", "Café au lait, s’il vous plaît"]) {
      const n = wordCount(t);
      for (let k = 0; k <= n + 1; k++) {
        expect(hasWords(t, k), `${t} ${k}`).toBe(n >= k);
        expect(hasWords(t, k)).toBe(n >= k);
      }
    }
  });
});

describe("remembered", () => {
  it("computes each key once while it holds it, keeps null results, and starts afresh when full", () => {
    const calls: string[] = [];
    const f = remembered((k: string) => {
      calls.push(k);
      return k === "none" ? null : k.length;
    }, 2);
    expect([f("ab"), f("ab"), f("none"), f("none")]).toEqual([2, 2, null, null]);
    expect(calls).toEqual(["ab", "none"]);
    f("xyz"); // full: the two kept are dropped
    f("ab");
    expect(calls).toEqual(["ab", "none", "xyz", "ab"]);
  });
});

describe("capitalize", () => {
  it("upper-cases the first letter, after opening marks, but no word after a number", () => {
    expect(capitalize("trump wins")).toBe("Trump wins");
    expect(capitalize("“yes,” she said")).toBe("“Yes,” she said");
    expect(capitalize("6th circuit rules")).toBe("6th circuit rules");
    expect(capitalize("10 authors shortlisted")).toBe("10 authors shortlisted");
    expect(capitalize("$160 billion merger")).toBe("$160 billion merger");
    expect(capitalize("22-point defeat")).toBe("22-point defeat");
  });
});

describe("squash", () => {
  it("makes every run of white space one space and trims, whatever the run holds", () => {
    const chars = [" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u2028", "\ufeff", "a", "-", "."];
    // Every string of up to five of these characters, against collapsing every run.
    const all = (n: number): string[] => (n === 0 ? [""] : all(n - 1).flatMap((s) => chars.map((c) => s + c)));
    for (let n = 0; n <= 5; n++) for (const s of all(n)) expect(squash(s), JSON.stringify(s)).toBe(s.replace(/\s+/g, " ").trim());
  });
});
