import { describe, expect, it } from "vitest";
import { splitSentences, splitUnits } from "../src/news/sentences.js";

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe("sentence splitting", () => {
  it("does not split after U.S. inside a sentence", () => {
    expect(texts("U.S. President Donald Trump met Putin. They talked.")).toEqual([
      "U.S. President Donald Trump met Putin.",
      "They talked.",
    ]);
  });
  it("splits after U.S. when a new sentence clearly starts", () => {
    expect(texts("He moved to the U.S. The move was hard.")).toEqual(["He moved to the U.S.", "The move was hard."]);
  });
  it("keeps month abbreviations, titles and saints inside the sentence", () => {
    expect(texts("On Jan. 5 Mr. Smith visited St. Louis. He left.")).toEqual(["On Jan. 5 Mr. Smith visited St. Louis.", "He left."]);
  });
  it("keeps decimals and middle initials", () => {
    expect(texts("Growth was 3.5 percent, said Donald J. Trump. Markets rose.")).toEqual([
      "Growth was 3.5 percent, said Donald J. Trump.",
      "Markets rose.",
    ]);
  });
  it("ends a sentence after a quotation that closes after the period", () => {
    expect(texts("“We will win.” He smiled. \"Really.\" She laughed!")).toEqual(["“We will win.”", "He smiled.", "\"Really.\"", "She laughed!"]);
  });
  it("gives offsets into the original text", () => {
    const s = "First one here. Second one here.";
    for (const x of splitSentences(s)) expect(s.slice(x.start, x.end)).toBe(x.text);
  });
  it("keeps a quotation whole across its sentences when asked for units", () => {
    const p = "“We have a meeting tomorrow. I think it will be good,” Trump said. He smiled.";
    expect(splitUnits(p).map((u) => u.text)).toEqual(["“We have a meeting tomorrow. I think it will be good,” Trump said.", "He smiled."]);
  });
});
