import { describe, expect, it } from "vitest";
import { namedSurname, speakerMatches } from "../bench/polnear.js";

const gold = (source: string, surname: string | null) => ({ start: 0, end: 1, text: "", surname, source });

describe("the quote evaluation's speaker rule", () => {
  it("matches a shared surname, and a description by its own words", () => {
    expect(speakerMatches("Donald Trump", gold("President Trump", "trump"))).toBe(true);
    expect(speakerMatches("Hillary Clinton", gold("President Trump", "trump"))).toBe(false);
    expect(speakerMatches("White House", gold("the White House", "house"))).toBe(true);
    expect(speakerMatches("Clinton campaign", gold("the Clinton campaign", null))).toBe(false); // no named source to match
    expect(speakerMatches(null, gold("Trump", "trump"))).toBe(false);
  });
  it("never counts a pronoun as naming the speaker, even when the gold source is that pronoun", () => {
    expect(speakerMatches("He", gold("he", "blackwell"))).toBe(false);
    expect(speakerMatches("She", gold("She", "clinton"))).toBe(false);
  });
  it("finds a named source's surname and none in a pronoun or description", () => {
    expect(namedSurname("Spokeswoman Haley Morris")).toBe("morris");
    expect(namedSurname("he")).toBeNull();
    expect(namedSurname("the Texas senator")).toBeNull();
    expect(namedSurname("Several senators")).toBeNull();
  });
  it("takes the name after a role or employer, not the employer, a place after it or a suffix", () => {
    expect(namedSurname("New York Times columnist David Brooks")).toBe("brooks");
    expect(namedSurname("Montclair State University political science professor Brigid Harrison")).toBe("harrison");
    expect(namedSurname("former Gov. Bill Richardson of New Mexico, a Democrat")).toBe("richardson");
    expect(namedSurname("Jock A. Finlayson, head of policy at the Business Council of British Columbia")).toBe("finlayson");
    expect(namedSurname("James B. Comey Jr., the director of the Federal Bureau of Investigation,")).toBe("comey");
    expect(namedSurname("the director of the FBI, James Comey")).toBe("comey");
    expect(namedSurname("Geoffrey Garin, a Democratic pollster who advises Priorities USA")).toBe("garin");
    expect(namedSurname("Neither Mr. Comey nor other officials")).toBe("comey");
  });
  it("takes a surname standing alone before an appositive, not a name inside the appositive", () => {
    expect(namedSurname("Wilcox, an Orlando Republican who founded lucrative defense companies")).toBe("wilcox");
    expect(namedSurname("Guardian, the first Republican mayor elected in Atlantic City in two decades")).toBe("guardian");
    expect(namedSurname("Pantucci, at the Royal United Services Institute")).toBe("pantucci");
    expect(namedSurname("Florida consultant Wilson")).toBe("wilson");
    // A head with no name still takes the appositive's; a title before "of" is no name.
    expect(namedSurname("the director of the FBI, James Comey")).toBe("comey");
    expect(namedSurname("Secretary of State Hillary Clinton")).toBe("clinton");
    // A title that runs on past "of": the name after it.
    expect(namedSurname("RNC Chief of Staff Katie Walsh")).toBe("walsh");
    expect(namedSurname("Chairman of the Joint Chiefs of Staff Gen. Joseph Dunford")).toBe("dunford");
  });
  it("reads a description with capitalised words in it as a description ('the New Jersey governor')", () => {
    expect(namedSurname("the New Jersey governor")).toBeNull();
    expect(namedSurname("the Senate Democratic leader")).toBeNull();
    expect(namedSurname("the Wisconsin Republican")).toBeNull();
    expect(namedSurname("a Texas Democrat")).toBeNull();
    expect(namedSurname("Republicans")).toBe("republicans");
    expect(namedSurname("The Republican Party’s presumed White House nominee, Trump")).toBe("trump");
  });
});
