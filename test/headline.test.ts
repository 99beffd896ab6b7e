import { describe, expect, it } from "vitest";
import { compressSentence, generateHeadline, HEADLINE_MAX } from "../src/news/headline.js";

const DANGLING = /\b(?:and|of|the|a|an|to|in|on|for|with|by|or)$/i;

describe("generated headlines", () => {
  it("drops a trailing attribution", () => {
    expect(compressSentence("Prices rose sharply in March, officials said.")).toBe("Prices rose sharply in March");
    expect(compressSentence("Prices rose sharply in March, according to the central bank.")).toBe("Prices rose sharply in March");
  });
  it("drops a dateline and a leading time phrase", () => {
    expect(compressSentence("WASHINGTON (Reuters) — On Thursday, the Senate passed the budget bill.")).toBe("The Senate passed the budget bill");
  });
  it("fits long lead sentences into 90 characters without cutting a word or ending on a function word", () => {
    const leads = [
      "A catastrophic flash flood and landslide struck the village of Chasoti in Indian-occupied Kashmir on Thursday, killing at least 60 people and leaving more than 100 missing, according to officials and local media.",
      "The Pentagon has confirmed that all 800 Army and Air National Guard troops ordered to the nation’s capital by President Donald Trump are now fully mobilized, joining federal and local law enforcement in what the administration is calling a sweeping crackdown on crime in the city.",
      "For 679 relentless days, Israel’s genocidal war on the Gaza Strip has continued unabated, marked by merciless airstrikes, artillery bombardments, and the deliberate targeting of starving civilians and displaced families.",
      "Supercalifragilisticexpialidocious words and antidisestablishmentarianism proponents gathered in extraordinarily overwhelming numbers throughout the internationally recognised territories yesterday",
    ];
    for (const lead of leads) {
      const h = generateHeadline(lead);
      expect(h.length).toBeLessThanOrEqual(HEADLINE_MAX);
      expect(h).not.toMatch(DANGLING);
      expect(h.length).toBeGreaterThan(20);
      // every word of the headline (but a final ellipsis) is a whole word of the lead
      for (const w of h.replace(/…$/, "").split(/\s+/)) expect(lead.toLowerCase()).toContain(w.toLowerCase());
    }
  });
  it("keeps the main clause of a long sentence", () => {
    expect(generateHeadline("For 679 relentless days, Israel’s genocidal war on the Gaza Strip has continued unabated, marked by merciless airstrikes.")).toBe(
      "Israel’s genocidal war on the Gaza Strip has continued unabated",
    );
  });
  it("leaves a short lead sentence as it is, without the final period", () => {
    expect(generateHeadline("Markets rallied on Friday. Then they fell.")).toBe("Markets rallied on Friday");
  });
});
