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
    expect(namedSurname("Spokeswoman Haley Morrow")).toBe("morrow");
    expect(namedSurname("he")).toBeNull();
    expect(namedSurname("the Texas senator")).toBeNull();
    expect(namedSurname("Several senators")).toBeNull();
  });
  it("takes the name after a role or employer, not the employer, a place after it or a suffix", () => {
    expect(namedSurname("Boston Globe columnist David Brookes")).toBe("brookes");
    expect(namedSurname("Kent State University history professor Brigid Halston")).toBe("halston");
    expect(namedSurname("former Gov. Bill Rowan of New Mexico, a Democrat")).toBe("rowan");
    expect(namedSurname("Jock A. Fenwick, head of policy at the Business Council of Nova Scotia")).toBe("fenwick");
    expect(namedSurname("James B. Colby Jr., the director of the Federal Bureau of Investigation,")).toBe("colby");
    expect(namedSurname("the director of the FBI, James Colby")).toBe("colby");
    expect(namedSurname("Geoffrey Gardner, a Democratic pollster who advises Forward Together")).toBe("gardner");
    expect(namedSurname("Neither Mr. Colby nor other officials")).toBe("colby");
  });
  it("takes a surname standing alone before an appositive, not a name inside the appositive", () => {
    expect(namedSurname("Wilcott, an Orlando Republican who founded profitable security firms")).toBe("wilcott");
    expect(namedSurname("Warden, the first Republican mayor elected in Ocean City in three decades")).toBe("warden");
    expect(namedSurname("Pancetti, at the Royal Defence Studies Institute")).toBe("pancetti");
    expect(namedSurname("Florida consultant Wilkins")).toBe("wilkins");
    // A head with no name still takes the appositive's; a title before "of" is no name.
    expect(namedSurname("the director of the FBI, James Colby")).toBe("colby");
    expect(namedSurname("Secretary of State Helen Marsh")).toBe("marsh");
    // A title that runs on past "of": the name after it.
    expect(namedSurname("RNC Chief of Staff Katie Welsh")).toBe("welsh");
    expect(namedSurname("Chairman of the Joint Chiefs of Staff Gen. Joseph Dunmore")).toBe("dunmore");
  });
  it("reads a description with capitalised words in it as a description ('the Ohio governor')", () => {
    expect(namedSurname("the Ohio governor")).toBeNull();
    expect(namedSurname("the House Democratic leader")).toBeNull();
    expect(namedSurname("the Iowa Republican")).toBeNull();
    expect(namedSurname("a Maine Democrat")).toBeNull();
    expect(namedSurname("Republicans")).toBe("republicans");
    expect(namedSurname("The Republican Party’s likely White House nominee, Baker")).toBe("baker");
  });
});
