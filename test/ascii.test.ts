import { describe, expect, it } from "vitest";
import { asciiSource, fast, plainText, whilePlain } from "../src/news/ascii.js";
import { execAll } from "../src/news/text.js";

describe("asciiSource", () => {
  it("writes each Unicode class as its ASCII one, in and out of brackets, and leaves escapes alone", () => {
    expect(asciiSource(String.raw`\p{Lu}[\p{L}’'-]*\p{Ll}\P{L}[^\p{N}]`)).toBe(String.raw`[A-Z][A-Za-z’'-]*[a-z][^A-Za-z][^0-9]`);
    expect(asciiSource(String.raw`a\p{M}+[x\p{M}]`)).toBe("a[]+[x]");
    expect(asciiSource(String.raw`\\p{L}\[\p{L}\]`)).toBe(String.raw`\\p{L}\[[A-Za-z]\]`);
    expect(asciiSource(String.raw`\bsaid\s+(?<![\p{L}])`)).toBe(String.raw`\bsaid\s+(?<![A-Za-z])`);
    expect(() => asciiSource(String.raw`\p{Script=Latin}`)).toThrow();
  });
});

describe("plainText", () => {
  it("takes for plain no character that is a letter, digit or mark beyond ASCII", () => {
    const letterDigitMark = /[\p{L}\p{N}\p{M}]/u;
    let plainBeyondAscii = 0;
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!plainText(`Smith said ${ch}`)) continue;
      plainBeyondAscii++;
      expect(letterDigitMark.test(ch), `U+${c.toString(16)}`).toBe(false);
    }
    // Curly quotes, dashes, the ellipsis, the no-break space, the pound and euro signs are plain.
    expect(plainBeyondAscii).toBeGreaterThan(150);
    expect(plainText("“Yes,” she said — £5 or €6…\u00a0ok")).toBe(true);
    expect(plainText("Ana Kovač said")).toBe(false);
    expect(plainText("½ of them")).toBe(false);
    expect(plainText("the crowd 🙂 cheered")).toBe(false);
  });
});

/** Every answer a pattern gives on a text, through each way the code calls one. */
function answers(re: RegExp, text: string): unknown {
  const all = re.global ? execAll(re, text).map((m) => [m.index, ...m]) : null;
  const first = re.exec(text);
  return { all, first: first && [first.index, ...first], test: re.test(text), replaced: text.replace(re, "<$&>"), split: text.split(re), lastIndex: re.lastIndex };
}

describe("fast", () => {
  const NAME = String.raw`\p{Lu}[\p{L}’'-]*\p{L}(?:\s+\p{Lu}[\p{L}’'-]*\p{L})*`;
  const patterns = [
    new RegExp(String.raw`(?:^|[^\p{L}])(${NAME})\s+(?:said|says)\b`, "gu"),
    new RegExp(String.raw`^(${NAME}),\s+\p{Ll}+`, "u"),
    /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu,
    /\P{L}+/gu,
    /^\p{Lu}\p{Ll}+ing$/iu,
  ];
  const texts = [
    "“We will win,” Donald Trump said on Tuesday, and O’Brien says no.",
    "Hillary Clinton, a former secretary, told reporters 2,000 times",
    "",
    "Nothing here at all",
    "Ana Kovač said “yes” and Jovanović says no",
    "Éric Zemmour said so — café ½ naïve",
    "Jumping",
  ];

  it("answers as the pattern itself on every text, plain or not, through exec, test, replace and split", () => {
    for (const re of patterns) {
      const twin = fast(new RegExp(re.source, re.flags));
      expect(twin).not.toBe(re);
      for (const t of texts) expect(answers(twin, t), `${re} on ${t}`).toEqual(answers(new RegExp(re.source, re.flags), t));
    }
  });

  it("runs the ASCII twin on plain text and the pattern as written on any other", () => {
    const name = fast(/\p{Lu}\p{L}+/u);
    expect(name.exec("Mr Kovač said")?.[0]).toBe("Mr");
    expect(name.exec("Kovač said")?.[0]).toBe("Kovač");
    // Trusted plain (inside whilePlain), a text beyond ASCII would be matched by the twin: only parts of the plain
    // text may be handed to patterns there.
    expect(whilePlain(true, () => name.exec("Kovač said")?.[0])).toBe("Kova");
    expect(whilePlain(false, () => name.exec("Kovač said")?.[0])).toBe("Kovač");
    // Work on another text inside (not known plain) checks each text again, and the outer trust comes back after it.
    expect(whilePlain(true, () => [whilePlain(false, () => name.exec("Kovač said")?.[0]), name.exec("Kovač said")?.[0]])).toEqual(["Kovač", "Kova"]);
    expect(name.exec("Kovač said")?.[0]).toBe("Kovač");
  });

  it("keeps a global pattern's place between calls, as the pattern would", () => {
    const re = fast(/\p{Lu}\p{Ll}+/gu);
    const text = "Ana met Ben and Carla";
    expect([re.exec(text)?.[0], re.lastIndex, re.exec(text)?.[0], re.lastIndex]).toEqual(["Ana", 3, "Ben", 11]);
    re.lastIndex = 0;
    expect(text.match(re)).toEqual(["Ana", "Ben", "Carla"]);
    expect([...text.matchAll(re)].map((m) => m[0])).toEqual(["Ana", "Ben", "Carla"]);
  });

  it("is the pattern itself when it has no Unicode class", () => {
    const re = /said|says/g;
    expect(fast(re)).toBe(re);
  });
});

describe("the core's twinned patterns", () => {
  it("answer on real text (whole paragraphs and the stretches before and after each mark, comma and space) as written", async () => {
    // Importing the core makes its patterns.
    await import("../src/news/corpus.js");
    await import("../src/news/headline.js");
    const { TWINNED } = await import("../src/news/ascii.js");
    const { generateCorpus } = await import("../bench/corpus.js");
    const { loadArticles } = await import("../src/corpus/load.js");
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    expect(TWINNED.length).toBeGreaterThan(80);
    const dir = await mkdtemp(path.join(tmpdir(), "newsdesk-ascii-"));
    try {
      await generateCorpus({ articles: 40, out: dir, seed: 11 });
      const paragraphs = [...(await loadArticles(dir)).articles, ...(await loadArticles("seeds")).articles].flatMap((a) => a.paragraphs);
      const texts: string[] = [];
      for (const p of paragraphs) {
        texts.push(p);
        for (const m of p.matchAll(/[“”",]|\s(?=\S)/gu)) {
          if ((m.index ?? 0) % 3 !== 0 && m[0] === " ") continue;
          texts.push(p.slice(0, m.index), p.slice((m.index ?? 0) + 1));
        }
      }
      expect(texts.filter((t) => plainText(t)).length).toBeGreaterThan(5000);
      expect(texts.some((t) => !plainText(t))).toBe(true);
      for (const re of TWINNED) {
        const asWritten = new RegExp(re.source, re.flags);
        for (const t of texts) {
          re.lastIndex = 0;
          asWritten.lastIndex = 0;
          const got = re.global ? execAll(re, t).map((m) => [m.index, ...m]) : re.exec(t);
          const want = asWritten.global ? execAll(asWritten, t).map((m) => [m.index, ...m]) : asWritten.exec(t);
          if (JSON.stringify(got) !== JSON.stringify(want)) expect({ pattern: re.source.slice(0, 80), text: t, got }).toEqual({ pattern: re.source.slice(0, 80), text: t, got: want });
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
