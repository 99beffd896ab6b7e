import { describe, expect, it } from "vitest";
import { compressSentence, generateHeadline, HEADLINE_MAX, keywordsOf, variants } from "../src/news/headline.js";
import { stem } from "../src/news/text.js";

const DANGLING = /\b(?:and|of|the|a|an|to|in|on|for|with|by|or)$/i;

describe("generated headlines", () => {
  it("drops a trailing attribution", () => {
    expect(compressSentence("Prices rose sharply in March, officials said.")).toBe("Prices rose sharply in March");
    expect(compressSentence("Prices rose sharply in March, according to the central bank.")).toBe("Prices rose sharply in March");
  });
  it("drops a dateline and a leading time phrase", () => {
    expect(compressSentence("WASHINGTON (Reuters) — On Thursday, the Senate passed the budget bill.")).toBe("Senate passed budget bill");
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
    expect(generateHeadline("For 679 relentless days, Israel’s genocidal war on the Gaza Strip has continued unabated, marked by merciless airstrikes.")).toMatch(
      /^Israel’s genocidal war on Gaza Strip continued unabated\b/u,
    );
  });
  it("leaves a short lead sentence as it is, without the final period", () => {
    expect(generateHeadline("Markets rallied on Friday. Then they fell.")).toBe("Markets rallied on Friday");
  });
});

describe("headline style", () => {
  const body = (lead: string, ...more: string[]) => [lead, ...more];

  it("drops a dateline with a date and an agency before splitting sentences", () => {
    const lead = "TULSA, Okla. (AP) — Democratic presidential hopeful Maria Lopez says she doesn’t watch professional baseball much anymore.";
    const h = generateHeadline(lead, HEADLINE_MAX, body(lead, "Lopez spoke in Tulsa. Lopez said the league had gone soft. Lopez again.", "Lopez left."));
    expect(h).not.toMatch(/TULSA|Okla|AP/u);
    expect(h).toMatch(/Lopez(?: says|:) she doesn’t watch professional baseball/u);
    expect(h.length).toBeLessThanOrEqual(HEADLINE_MAX);
  });

  it("counts for each word the article's central sentences (its summary's) that use it", () => {
    const article = [
      "The harbour will be rebuilt after the storm destroyed its walls, the mayor announced.",
      "The harbour walls collapsed in January when waves broke over the town.",
      "Rebuilding the harbour walls will cost £2m, the council said.",
      "A choir sang at the town hall on a rainy evening.",
      "Fishermen say the harbour walls are vital to the town.",
    ];
    const k = keywordsOf(article);
    expect(k.central.get(stem("harbour"))).toBe(3);
    expect(k.central.get(stem("choir")) ?? 0).toBe(0);
    expect(k.count.get(stem("harbour"))).toBe(4);
  });

  it("offers each sentence without the descriptions before names, where they can go", () => {
    const plain = (s: string) => variants(s.split(" "), keywordsOf([s])).map((v) => v.join(" "));
    expect(plain("Korean phone maker Daewon Mobile has struck a deal to supply screens to Nokia.")).toContain(
      "Daewon Mobile has struck a deal to supply screens to Nokia.",
    );
    expect(plain("Quarterly profits at US retail giant ShopCo jumped 54% to $2.4bn.")).toContain("Quarterly profits at ShopCo jumped 54% to $2.4bn.");
    // Not one item of a coordination, not after a possessive, an auxiliary or a participle, not before a weekday.
    for (const [sentence, kept] of [
      ["Shares in UK paper and print firm Harland Moore have risen.", "print firm Harland"],
      ["A stage adaptation of the children's film Mary Poppins has opened.", "children's film Mary"],
      ["Scenes from the rally will keep writer Jared Sexton awake.", "keep writer Jared"],
      ["The play by famed director Peter Hale is set to open.", "famed director"],
      ["Officials held a news conference Tuesday in the capital.", "news conference Tuesday"],
    ] as const) {
      for (const v of plain(sentence)) expect(v).toContain(kept);
    }
  });

  it("may name a person the article keeps naming by surname, without the description, and report speech as “X: …”", () => {
    const lead = "Former Attorney General Robert Hallam told delegates at the convention that the loan scandal should disqualify him.";
    const k = keywordsOf(body(lead, "Hallam spoke for ten minutes.", "Hallam, who served under Bush, said more.", "Hallam left."));
    const all = variants(lead.split(" "), k).map((v) => v.join(" "));
    expect(all).toContain("Hallam told delegates at the convention that the loan scandal should disqualify him.");
    expect(all).toContain("Hallam: the loan scandal should disqualify him.");
    expect(all).toContain(lead);
    // Without the article saying "Hallam" alone, the full name stays.
    const once = variants(lead.split(" "), keywordsOf([lead])).map((v) => v.join(" "));
    expect(once).toContain("Robert Hallam told delegates at the convention that the loan scandal should disqualify him.");
    expect(once.some((v) => v.startsWith("Hallam"))).toBe(false);
  });

  it("keeps a place called by two words whole (“West End” is no person)", () => {
    const lead = "The West End is celebrating its brightest actors and plays at the annual Metro Stage Awards in London.";
    const h = generateHeadline(lead, HEADLINE_MAX, body(lead, "The West End awards are held each year.", "Stars of the West End came."));
    expect(h).toMatch(/^West End\b/u);
  });

  it("calls by surname only a name whose last word the article never writes in lower case (no “Prize” for “Whitbread Prize”)", () => {
    const lead = "Novelist Clara Hume is favourite to win the main Brampton Prize book of the year award.";
    const paragraphs = [lead, "The prize is worth £25,000. Hume won the novel prize.", "Hume said the prize mattered. Hume thanked her readers."];
    const keywords = keywordsOf(paragraphs);
    const all = variants(lead.split(" "), keywords).map((v) => v.join(" "));
    // "Clara Hume" → "Hume": the article calls her so, and writes no "hume".
    expect(all.some((v) => /\bHume is favourite\b/u.test(v) && !v.includes("Clara"))).toBe(true);
    // "Brampton Prize" keeps "Brampton": "prize" is a common word of the article.
    for (const v of all) expect(v).not.toMatch(/main Prize/u);
    expect(generateHeadline(lead, HEADLINE_MAX, paragraphs)).toContain("Brampton Prize");
  });

  it("calls no one by surname alone where the sentence names another of that surname", () => {
    const lead = "Chelsea Hale, 32, the daughter of former President Bill Hale and Helen Hale, said on Twitter that she is engaged.";
    const keywords = keywordsOf([lead, "Hale said she was happy. Hale thanked her parents.", "The Hales gave no more details."]);
    const all = variants(lead.split(" "), keywords).map((v) => v.join(" "));
    for (const v of all) {
      expect(v).toContain("Chelsea Hale");
      expect(v).toContain("Helen Hale");
    }
    // Alone in the sentence, she may be called by surname.
    expect(variants("Helen Hale said on Twitter that she is running.".split(" "), keywords).map((v) => v.join(" "))).toContain("Hale said on Twitter that she is running.");
  });

  it("drops no description joined to another or ending a title, and takes no day of a name for a person or a time", () => {
    const keywords = keywordsOf(["Clinton spoke. Clinton won. Clinton thanked voters. Carter spoke. Carter won.", "Super Tuesday states voted on Super Tuesday. Tuesday came."]);
    const joined = "Former Secretary of Defense and Republican presidential frontrunner John Carter is calling for more troops.";
    const titled = "A fresh survey shows former Secretary of State Hillary Clinton would defeat Tom Baker in March.";
    for (const v of [...variants(joined.split(" "), keywords), ...variants(titled.split(" "), keywords)].map((x) => x.join(" "))) {
      expect(v).not.toMatch(/Defense and (?:John )?Carter|Secretary of (?:Hillary )?Clinton/u);
    }
    // "Super Tuesday" is no person called "Tuesday", and no time of the news to leave out.
    for (const v of variants("Sanders reserved time in four Super Tuesday states.".split(" "), keywords)) expect(v.join(" ")).toContain("Super Tuesday states");
    expect(compressSentence("Super Tuesday brought the parties closer to picking their nominees on Tuesday night.")).toBe("Super Tuesday brought parties closer to picking nominees");
  });

  it("takes the comma of a place (“Dayton, Ohio,”) for no end of a clause, and ends on no subject pronoun", () => {
    const kasich = 'Iowa Gov. Ann Marsh ended her presidential bid on Tuesday night, telling backers in Dayton, Ohio, that she had "no regrets at all".';
    for (const max of [90, 60, 50]) expect(compressSentence(kasich, max)).not.toMatch(/\bbid Ohio\b|\bOhio$/u);
    for (const max of [90, 40, 25]) expect(compressSentence("Mayor Paul Adams says he is under fire from all sides because of his record on housing.", max)).not.toMatch(/\b(?:he|she|they|we)$/u);
  });

  it("drops no phrase that holds the subject of a later verb (“asked [about talks she] gave”)", () => {
    const clinton = "After a Denver rally Friday, Senator Jane Hollis was asked about talks she gave behind closed doors to a group of bank staff in 2012.";
    const powell = "Republican presidential nominee Mark Dunn told federal investigators in March he was advised by former Secretary of State Alan Ross to use a private phone line.";
    for (const max of [90, 70, 50]) {
      expect(compressSentence(clinton, max)).not.toMatch(/asked gave|asked behind/u);
      expect(compressSentence(powell, max)).not.toMatch(/investigators (?:was )?advised/u);
    }
  });

  it("leaves no participle dangling where a cut or a dropped phrase ends it, and no clause without its verb", () => {
    const sentences = [
      "At the heart of the budget fight is a $2.3 billion flood defence bill crafted by the Senate.",
      "This is no small irony: Harris spent much of her campaign railing against lobbyists and fighting to end the practice of giving donors a say.",
      "The 12 poets shortlisted for a Forward and Hill poetry prize in 2010 are hoping for a boost in sales after the success of last year's winner.",
      "The only thing keeping her in the contest is the vain hope that judges will overturn the verdict of the jury at the hearing in May.",
    ];
    for (const s of sentences) {
      for (const max of [90, 70, 55]) {
        const h = compressSentence(s, max);
        expect(h, h).not.toMatch(/(?:bill crafted|campaign railing|hoping|that judges)$/u);
        expect(h, h).not.toMatch(/hoping in sales/u);
      }
    }
    // "A public airing" ends well: an "-ing" noun after an adjective.
    expect(compressSentence("Sir Henry Vane's Portrait of a Sailor will finally get a public airing after worries it would stay locked away because of a tax dispute.")).toMatch(/public airing$/u);
  });

  it("takes no hyphenated adjective for the main verb, and keeps a phrase that holds a later verb's subject", () => {
    // "self-imposed" describes the exile: "will extend" is the main verb, and headlines write it "to extend".
    expect(compressSentence("Tom Baker’s self-imposed absence from politics will last until this week’s party conference in Leeds.")).toMatch(
      /^Tom Baker’s self-imposed absence (?:from politics )?to last\b/u,
    );
    // "about the donors the campaign" holds the subject of "is courting": dropped, it would leave "reporters courting".
    const governor = "The governor warned reporters about the donors the campaign is courting in wealthy suburbs of Ohio and Pennsylvania this year.";
    for (const max of [90, 80]) expect(compressSentence(governor, max)).not.toMatch(/reporters (?:is )?courting/u);
  });

  it("drops a connective that ties the lead to what came before ('So', 'But', 'However,'), not 'So far' or 'Yet another'", () => {
    expect(compressSentence("So Labor Secretary Jane Moss stopped writing her speech and moved to the last row.")).toMatch(/^(?:Labor Secretary )?Jane Moss stopped\b/u);
    expect(compressSentence("However, the council approved the new stadium plan on Monday.")).toMatch(/^Council approved\b/u);
    expect(compressSentence("But the senator voted against the bill in the end.")).toMatch(/^Senator voted\b/u);
    expect(compressSentence("So far the flood has killed 60 people in the valley.")).toMatch(/^So far\b/u);
    expect(compressSentence("Yet another storm hit the coast of Florida overnight.")).toMatch(/^Yet another storm\b/u);
  });

  it("drops a relative clause that defines a short subject, up to the main verb, and only such a one", () => {
    expect(compressSentence("Rail passengers who are unable to board their trains because of overcrowding, cancellations or signal failures can now demand larger refunds.")).toBe(
      "Rail passengers can demand larger refunds",
    );
    // "that" after a noun opens one too, and its verb is not the sentence's.
    expect(compressSentence("The ending of a popular thriller that millions of viewers are likely to receive as a holiday gift is 'absurd', a critic has said.")).toBe(
      "Ending of popular thriller is 'absurd'",
    );
    // The verb group of "who has been asking" ends at its participle: "got" is the main verb.
    expect(
      compressSentence("A BBC reporter who has been pressing hard about the publication of the minister’s diary got a reply she might not have expected from the prime minister."),
    ).toMatch(/^BBC reporter got reply\b/u);
    // Not the "that" a verb takes, nor a clause with clauses of its own, nor one after a subject with commas.
    expect(compressSentence("The mayor understands that the threat to the city is not tourism but rising rents, which she has vowed to fight.")).toMatch(
      /^Mayor understands that threat\b/u,
    );
    const accusation =
      "Tom Baker's accusation that Jane Hollis is playing the “outsider card” and would be a weak leader if she were a banker touched off a heated debate about experience.";
    expect(compressSentence(accusation)).not.toMatch(/accusation (?:were|would|is)\b/u);
    const ribble =
      "In the call, Iowa Rep. Dan Miller, who was elected in the reform wave of 2012, casts Smith as a former radical who would “undo” the reforms he and fellow state Democrats have pushed for.";
    expect(compressSentence(ribble)).not.toMatch(/radical (?:have )?pushed/u);
  });

  it("drops no clause or phrase from inside a quotation, and shortens no name in one", () => {
    const dsouza = "Mendez replied, “If I had to choose now, I regret to say, I would choose the mayor.”";
    for (const max of [90, 70, 60]) expect(compressSentence(dsouza, max)).not.toMatch(/choose now I would/u);
    // A name in a quotation is no person to call by surname: every variant keeps the slogan whole.
    const slogan = "Reporters noted the change from the usual slogan, “Make Donald Great Again.”";
    const keywords = keywordsOf([slogan, "Donald spoke. Great crowds cheered Great speeches.", "Great, said Donald."]);
    for (const v of variants(slogan.split(" "), keywords)) expect(v.join(" ")).toContain("“Make Donald Great Again.”");
  });

  it("leaves quoted words as they were, articles and all", () => {
    const lead = "Style Monthly chose French actress Claire Dubois as its “Face of the Year” for 2019.";
    const h = generateHeadline(lead, HEADLINE_MAX, body(lead, "Dubois starred in films. Dubois was chosen.", "The magazine said Dubois mattered."));
    if (h.includes("“")) expect(h).toContain("“Face of the Year”");
    expect(h).not.toMatch(/“[^”]*$/u);
  });

  it("takes the main verb, not a relative clause's, and drops clauses whole", () => {
    // "which attends" and "industrialised" are the relative clause's: the sentence says Brazil is unlikely to be swayed.
    expect(compressSentence("Brazil, which attends the G20 meeting of twenty leading industrialised nations on Monday, is unlikely to be swayed by its newcomer status.")).toBe(
      "Brazil unlikely to be swayed by newcomer status",
    );
    // Dashes set a clause off even with a comma inside; "be resolved" is no dangling participle.
    expect(compressSentence("The central puzzle -- who broke into the vault, if anyone -- may never be resolved because truly sophisticated thieves rarely leave a trace.")).toBe(
      "Central puzzle may never be resolved",
    );
    // A phrase is not cut out of a relative clause with the comma that closed it ("who died was known").
    const crane = compressSentence("Painter Edith Crane, who has died at the age of 91, was known for her vivid landscapes exploring the hidden corners of various regions, from the coasts to the high moors.");
    expect(crane).toMatch(/^Painter Edith Crane\b/u);
    expect(crane).not.toMatch(/died was|was known$/u);
    // A capitalised stretch with a verb between commas is the sentence's own clause, not an appositive.
    expect(compressSentence("Alarmed by the social changes of the 1970s, Whitfield led campaigns against gambling, smoking and the Sunday Trading Act.")).toContain("Whitfield led");
  });

  it("drops articles, a perfect's auxiliary and the time of day, but not a participle's", () => {
    expect(compressSentence("Northern Rail has blamed high energy prices for a 30% drop in profits on Monday.")).toBe(
      "Northern Rail blamed high energy prices for 30% drop in profits",
    );
    expect(compressSentence("Fans of the actor have taken to social media.")).toContain("have taken");
  });

  it("writes verbs as headlines do: no auxiliary of a perfect, passive or progressive, no 'is' before 'likely to'", () => {
    expect(compressSentence("Kenya's shilling has hit a five-year high.")).toBe("Kenya's shilling hit five-year high");
    expect(compressSentence("The play has been named best new play.")).toBe("Play named best new play");
    expect(compressSentence("The demand was rejected by the court.")).toBe("Demand rejected by court");
    expect(compressSentence("The Gazette newspapers are cutting 60 reporter jobs.")).toBe("Gazette newspapers cutting 60 reporter jobs");
    expect(compressSentence("The bank is expected to raise rates.")).toBe("Bank expected to raise rates");
    expect(compressSentence("Hume is among three Irish poets on the list.")).toBe("Hume among three Irish poets on list");
    // "its"/"their" go before a word ("hit its highest level"), not after "of": "some of its muscle".
    expect(compressSentence("The pound has hit its lowest level.")).toBe("Pound hit lowest level");
    expect(compressSentence("The super PAC is using some of its muscle against Rove.")).toBe("Super PAC using some of its muscle against Rove");
    expect(compressSentence("The pound has hit its lowest level against the yen.")).toBe("Pound hit lowest level against yen");
    // Also before a number or a name: "its 2008 spring conference", "its Chicago factory".
    expect(compressSentence("The union will hold its 2008 spring conference in Bristol, it has been confirmed.")).toBe("Union to hold 2008 spring conference in Bristol");
    expect(compressSentence("Nabisco began laying off workers at its Chicago factory.")).toBe("Nabisco began laying off workers at Chicago factory");
    // A time phrase between commas leaves no comma doubled.
    expect(compressSentence("After losing badly on tax reform, yet again, this week, Republicans are shifting full-on to campaign mode.")).toBe(
      "Yet again, Republicans shifting full-on to campaign mode",
    );
    // Not where the auxiliary carries the sentence: after a pronoun or relative, a modal, before a noun in -ing,
    // before "its own", and never inside a quotation.
    expect(compressSentence("Passengers who are unable to board will be paid.")).toContain("who are unable");
    expect(compressSentence("Kenya's treasury said it is considering raising bread prices.")).toContain("it is considering");
    expect(compressSentence("Analysis shows the polls may have missed the results.")).toContain("may have missed");
    expect(compressSentence("The problem is funding for the schools.")).toContain("is funding");
    expect(compressSentence("Each party projected its own hopes onto the mayor.")).toContain("its own");
    expect(compressSentence("Brown said “the deal is expected to hold” in talks.")).toContain("“the deal is expected to hold”");
  });

  it("names people without courtesy titles, and outside quotations only", () => {
    expect(compressSentence("Mr Harlow sent the memo by mistake to BBC1's Panorama.")).toBe("Harlow sent memo by mistake to BBC1's Panorama");
    expect(compressSentence("Mrs. Clinton and Ms Warren spoke in Ohio.")).toBe("Clinton and Warren spoke in Ohio");
    // Not a word that only begins like one ("Mister", "Missouri"), nor inside a quotation.
    expect(compressSentence("Missouri voters backed Mr. Smith.")).toBe("Missouri voters backed Smith");
    expect(compressSentence("He called it “a gift from Mr Smith” to the town.")).toContain("“a gift from Mr Smith”");
  });

  it("writes the future as headlines do, 'to', only where 'will' is the main clause's", () => {
    expect(compressSentence("Foreign Secretary Anne Price will visit Warsaw.")).toBe("Foreign Secretary Anne Price to visit Warsaw");
    expect(compressSentence("Senator Mary Cole will likely win the party nomination.")).toBe("Senator Mary Cole likely to win party nomination");
    expect(compressSentence("The ten-year run of falling state budget surpluses will end.")).toBe("Ten-year run of falling state budget surpluses to end");
    // Not after a pronoun, not "will not", not in a clause after another verb or a conjunction, not after an adverb.
    expect(compressSentence("He will visit Auschwitz.")).toBe("He will visit Auschwitz");
    expect(compressSentence("The council will not raise taxes.")).toBe("Council will not raise taxes");
    expect(compressSentence("Democrats say the split will hurt Clinton's chances.")).toBe("Democrats say split will hurt Clinton's chances");
    expect(compressSentence("Officials hope that the new bridge will open.")).toBe("Officials hope that new bridge will open");
    expect(compressSentence("The company will probably cut jobs.")).toBe("Company will probably cut jobs");
    expect(compressSentence("“America will win again,” Donald Trump told the crowd in Ohio.")).toContain("“America will win again,”");
  });

  it("keeps the sentence's own 'says …' and a verb's subject, and takes 'Now that …,' for a lead-in", () => {
    // ", says he's open to running" is the sentence's verb, not a trailing attribution like ", said Rubio".
    expect(compressSentence("Sam Ortiz, the owner of the Denver Hawks, says he's open to running for governor.")).toMatch(/he's open to running/u);
    expect(compressSentence("The plan was rejected by the board, said Rubio.")).toBe("Plan rejected by board");
    // "about the defeats she’s" holds the subject of "faced": it is not removed alone.
    expect(compressSentence("Jane Hollis isn’t rattled about the string of defeats she’s faced in the party contest — in fact, she said it “toughens” her.")).not.toMatch(/rattled faced/u);
    expect(compressSentence("Now that he is the presumptive nominee, Tom Baker has begun attacking his critics.")).toMatch(/^Tom Baker\b/u);
  });

  it("drops an appositive with commas of its own between a named subject and its verb, not a lead-in's", () => {
    const kyrgyz =
      "The Alpine Republic, a small, mountainous country in the old Habsburg lands, is using invisible ink and ultraviolet lamps at its polling stations in a push to stop people voting twice.";
    expect(compressSentence(kyrgyz)).toMatch(/^Alpine Republic using invisible ink\b/u);
    // … also one whose closing comma stands inside quotation marks, and no comma is left behind.
    const sarandon = "Award-winning singer Rosa Lane, star of cult musical “Blue Moon Rising,” is not sure she can vote for Mark Dunn.";
    expect(compressSentence(sarandon)).toMatch(/^Award-winning singer Rosa Lane is not sure\b/u);
    // "Across Europe," is no subject: the words after it are not taken for its appositive.
    expect(compressSentence("Across Europe, Airbus, the plane maker, has cut jobs.")).not.toMatch(/^Across Europe cut\b/u);
  });

  it("makes no headline of a label ('ABSTRACT.', 'News Analysis'), and drops 'A few weeks ahead of X,' as a lead-in", () => {
    const body = ["ABSTRACT.", "A stronger jobs market could help Labour keep its majority after a long struggle with falling wages.", "FULL TEXT.", "The jobs report cheered Labour."];
    expect(generateHeadline(body[0] as string, HEADLINE_MAX, body)).toMatch(/^Stronger jobs market could help Labour\b/u);
    expect(generateHeadline("News Analysis", HEADLINE_MAX, ["News Analysis", "The attacks in Paris renewed a bitter debate on migrants across Europe."])).toMatch(/^Attacks in Paris renewed\b/u);
    // A short paragraph that names things is no label.
    const pairs = ["YouTube and Google.", "Instagram and Facebook.", "Twitter has not found a partner."];
    expect(generateHeadline(pairs[0] as string, HEADLINE_MAX, pairs)).toBe("YouTube and Google");
    expect(compressSentence("A few weeks ahead of the Ohio vote, Mark Dunn’s campaign says they are not willing to debate.")).toMatch(/^Mark Dunn’s campaign\b/u);
  });

  it("drops a participle's lead-in with its places and dates ('Raised in Leeds, Yorkshire, on a council estate,'), not a subject", () => {
    const smith = "Raised in Leeds, Yorkshire, on a council estate, Smith was the first of his family to attend university.";
    expect(compressSentence(smith)).toMatch(/^Smith was first of his family/u);
    expect(compressSentence("Boosted by strong sales of its new phones, the firm has raised its forecast for the year.")).toMatch(/^Firm\b/u);
    // A capitalised subject that ends in -ed opens its own sentence: "United States" is no participle.
    expect(compressSentence("United States officials in Geneva, Switzerland, said the talks would resume next week.")).toMatch(/^United States officials\b/u);
  });

  it("keeps the auxiliary of a subordinate clause's passive or progressive, and drops the main clause's", () => {
    // Without "were", the senators would be the ones asking; without "was", the name would do the mentioning.
    const hearing = "The hearing opened with a clash when the two senators were questioned about their travel expenses.";
    expect(compressSentence(hearing)).toMatch(/when two senators were questioned/u);
    expect(compressSentence("The log shows that the mayor's name was mentioned on a police radio channel.")).toMatch(/shows that mayor's name was mentioned/u);
    expect(compressSentence("Shares fell as the company is considering a sale.")).toMatch(/as company is considering sale/u);
    // The main clause's goes, also after a relative clause's "that" (the noun's verb is the main one).
    expect(compressSentence("The bill was rejected by the Senate on Tuesday.")).toBe("Bill rejected by Senate");
    expect(compressSentence("Problems that slowly ruined the company were created years ago.")).toMatch(/company created years ago/u);
  });

  it("leaves no participle last once a cut's dangling word is stripped ('a protest aimed [at]', 'a teacher referred [to]')", () => {
    const protest = "Four members of the city council kept up a protest aimed at drawing attention to, and finally blocking, a parking plan that residents called unfair.";
    expect(compressSentence(protest)).not.toMatch(/aimed$/u);
    const teacher = "Local Radio reported recently about a retired teacher referred to in the town as the Professor, who was able to win the lottery twice last year.";
    expect(compressSentence(teacher, 60)).not.toMatch(/referred$/u);
  });

  it("ends on no verb that wants its object: '-ing' ('considering announcing'), an infinitive ('works to raise'), 'make it [so]'", () => {
    const claim = "The mayor rejected a claim in the Gazette that the council has been considering announcing that it will not renew the contract, if the firm is sold.";
    expect(compressSentence(claim)).not.toMatch(/announcing$/u);
    expect(compressSentence("The deadline is near, and each charity now works to raise more than $60,000.", 60)).not.toMatch(/to raise$/u);
    expect(compressSentence("It was not a hard question, but the minister found a way to make it so.")).toMatch(/to make it so$/u);
  });

  it("drops no time phrase from a possessive ('after last night's debate')", () => {
    const debate = "Nothing had changed after last night's business debate in Sacramento: the governor was better, the senator was worse.";
    for (const max of [90, 60, 45]) expect(compressSentence(debate, max)).not.toMatch(/\bafter['’]s\b/u);
  });

  it("keeps a passive's particle with its verb ('prepared [for …]', 'will be talked [about]')", () => {
    const dunn = "Sen. Peter Dunn said that he is prepared for a floor fight at the party convention in Denver next month.";
    expect(compressSentence(dunn, 45)).not.toMatch(/prepared in Denver/u);
    const guide = "A quick guide to breaking news, coming events and the topics that will be talked about this week:";
    expect(compressSentence(guide)).not.toMatch(/talked$/u);
  });

  it("leaves no stub after a semicolon ('…; Jones'), and takes an attribution set off by commas for no speaker's colon", () => {
    expect(compressSentence("The rivals are neck and neck in the weekly polls this week; Jones was on top by a razor-thin margin.", 50)).not.toMatch(/;\s*Jones$/u);
    expect(compressSentence("Exports, an official says, helped the economy recover after the 2009 recession.")).not.toMatch(/official:/u);
  });

  it("takes a comma before a list's last items for no inserted clause ('against gambling, smoking and the Act')", () => {
    const whitfield =
      "Edna Whitfield, whose grass-roots campaigns against gambling, smoking and the Sunday Trading Act rallied churchgoers for nearly forty years and helped remake British politics, died on Monday.";
    expect(compressSentence(whitfield)).not.toMatch(/Whitfield smoking/u);
  });

  it("drops a lead-in that names a show (its comma inside the quotation marks), and one lead-in after another", () => {
    expect(compressSentence("On CNN’s “New Day,” Sen. Kirsten Gillibrand said Clinton should release the transcripts.")).toMatch(/^Sen\. Kirsten Gillibrand\b/u);
    const obama =
      "Sunday on ABC’s “This Week Live,” when asked about Republican candidate Mark Dunn, President Anna Weiss said she expected that voters will say “no” to Dunn’s tax plans.";
    expect(compressSentence(obama)).toMatch(/^(?:President )?Anna Weiss\b/u);
    expect(compressSentence(obama)).toContain("“no” to Dunn’s tax plans");
  });

  it("removes no phrase a verb takes ('called for …'), and ends no cut on a verb's particle ('fetch up [to £6m]')", () => {
    expect(compressSentence("Marco Rossi's lawyer has called for the fraud charges against the Italian banker to be dropped.")).toBe(
      "Marco Rossi's lawyer called for fraud charges to be dropped",
    );
    const versace = "The car collection of late racing driver Carlo Bruni could fetch up to £6m ($8m) when it is auctioned in Paris and London later this year.";
    expect(compressSentence(versace, 75)).not.toMatch(/fetch up$/u);
    expect(compressSentence(versace, 80)).toBe("Car collection of late racing driver Carlo Bruni could fetch up to £6m");
  });

  it("cuts no clause off from its verb: not inside a relative clause between subject and verb, not after 'was that X'", () => {
    const blair = "Mr Grant said the bill, which brings in curfews for young offenders, had time limiting safeguards already.";
    expect(generateHeadline(blair, 70, [blair])).toBe("Grant said bill had time limiting safeguards");
    const beck = "Beck’s main contention was that Trump for all of his many years in business and in politics had never been a conservative.";
    expect(compressSentence(beck, 40)).not.toMatch(/that Trump$/u);
  });

  it("keeps a question's mark, opens no statement with an auxiliary, and ends no cut on the main verb", () => {
    expect(compressSentence("Were the critics wrong about the benefits of tourism for the local economy?")).toBe(
      "Were critics wrong about benefits of tourism for local economy?",
    );
    const sanders = [
      "Is within $2M of Dunn's haul.",
      "Tom Baker raised more than $21million in the final quarter of 2019 to fund his run for the Republican nomination, his team said Saturday.",
      "His haul puts him within $2million of Dunn.",
    ];
    const h = generateHeadline(sanders[0] as string, HEADLINE_MAX, sanders);
    expect(h).toMatch(/^Tom Baker raised more than \$21million/u);
  });

  it("leaves no quotation open: one a sentence split or a cut left open is closed and marked as cut, its words untouched", () => {
    const gowdy = 'Rep. Ann Marsh (D-Ore.):"I have not seen anyone other than you ever quote that number.';
    expect(compressSentence(gowdy)).toBe('Rep. Ann Marsh: "I have not seen anyone other than you ever quote…"');
    const fbi = "“I'd sooner have a cousin in a gambling den than a brother in the police, because the police have been";
    expect(compressSentence(fbi, 70)).toMatch(/^“I'd sooner have a cousin in a gambling den/u);
    expect(compressSentence(fbi, 70)).toMatch(/…”$/u);
  });

  it("cuts a sentence that opens with a subordinate clause only after the clause's comma", () => {
    const lead =
      "PORT ELLIS, Fla. - Two days before John Voss shot a hundred deer, killing 49,  he knelt for almost an hour on the red rug of the Port Ellis chapel, praying with his small son last Friday evening.";
    expect(generateHeadline(lead, HEADLINE_MAX, [lead])).toMatch(/^Two days before John Voss shot hundred deer,.* he knelt/u);
  });

  it("keeps the finite verb after a participle that describes the subject, and cuts no noun phrase at “and”", () => {
    const lead =
      "The Pentagon has confirmed that all 800 Army and Air National Guard troops ordered to the nation’s capital by President Donald Trump are now fully mobilized, joining federal and local law enforcement in what the administration is calling a sweeping crackdown on crime in the city.";
    expect(generateHeadline(lead, HEADLINE_MAX, [lead])).toBe("All 800 Army and Air National Guard troops ordered to nation’s capital mobilized");
  });

  it("takes no capitalised subject before a dash for a dateline, and drops a clause set off by dashes", () => {
    expect(compressSentence("WASHINGTON - The Senate passed the budget bill.")).toBe("Senate passed budget bill");
    expect(compressSentence("Cleveland (AFP) - The Senate passed the budget bill.")).toBe("Senate passed budget bill");
    const iaaf = "The FIS - skiing's world governing body - has met anti-doping officials, coaches and skiers to co-ordinate the campaign against doping in sport.";
    expect(generateHeadline(iaaf, HEADLINE_MAX)).toMatch(/^FIS\b/);
    expect(compressSentence(iaaf, 60)).toBe("FIS met anti-doping officials, coaches and skiers");
  });
  it("removes no phrase whose object a relative clause or a list goes on from", () => {
    const story = generateHeadline("Young readers have voted Milo Finch, a story about a girl who is taken on a voyage by a talking whale, the winner of two Bluebell Book Prizes.");
    expect(story).not.toMatch(/story who|Finch who/);
    const look = generateHeadline("Your weekly guide to breaking stories, coming events and the topics that will be discussed this week:");
    expect(look).not.toMatch(/guide coming/);
  });
  it("keeps a span of time that is no time of the news ('a year away'), and drops one that leads in", () => {
    expect(compressSentence("The local election is still almost a year away.")).toMatch(/year away/);
    expect(generateHeadline("One month after announcing his support for Mark Dunn, Tom Baker still believes that the presumptive party nominee is unfit to be commander-in-chief.")).toMatch(/^Tom Baker/);
    expect(generateHeadline("Four days after the Tories raised a war cry in their debate, the Labour contenders presented a very different view.")).toMatch(/^Four days after Tories raised/);
  });
  it("keeps an infinitive that carries what was done, and a phrase its verb or a later “to” needs", () => {
    const weiner = [
      "Former congressman Anthony Weiner was apparently unable to put down his phone during the long committee hearing on Tuesday, aides said.",
      "Weiner has faced questions about his phone before.",
      "The phone was seen in his hand throughout the hearing.",
    ];
    expect(generateHeadline(weiner[0] as string, HEADLINE_MAX, weiner)).toBe("Weiner was apparently unable to put down his phone");
    // "sided with": the verb wants its phrase, which is not cut out before the infinitive.
    const court = [
      "The appeals court overturned the lower court ruling and sided with the city of Tulsa to uphold a 2016 rule that cut late-night parking.",
      "“We will appeal,” voting rights groups said.",
      "The ruling stands.",
    ];
    expect(generateHeadline(court[0] as string, HEADLINE_MAX, court)).toBe("Appeals court overturned lower court ruling and sided with city of Tulsa");
    // "is among the priorities": the phrase is what "is" says; nor does a phrase run on past "even if".
    expect(compressSentence("Stepping up recruitment for the local elections is among the priorities even if the party leadership contest has yet to be settled.")).not.toMatch(
      /\bis (?:has|even)\b/u,
    );
  });
  it("never cuts right after a verb that wants more, but may end on an -ing noun", () => {
    const cut = compressSentence("Norway is distributing to members of Parliament an unusual white paper defending its record on fishing quotas, as lawmakers weigh a bill that would let owners of trawlers sue the state.");
    expect(cut).not.toMatch(/\bis distributing$/);
    expect(compressSentence("Top Republican officials are hoping that the banned athlete will take part in the race next spring.", 45)).not.toMatch(/hoping$/);
    expect(compressSentence("The portrait of the sailor will get a public airing after worries it would stay locked away.", 45)).toMatch(/public airing$/);
    // "has gone" alone says he left: "gone on the offensive" is what he did.
    const howard = "Labour leader Sarah Quinn has gone on the offensive in reply to people asking how a daughter of miners can propose coal taxes.";
    expect(compressSentence(howard, 45)).toMatch(/has gone on offensive$/u);
    // A passive infinitive is whole: "is set to be made" may end a headline, its agent dropped.
    expect(compressSentence("A decision on whether to allow Cardiff to legislate on rail fares is set to be made by the Welsh Assembly.", 75)).toMatch(
      /set to be made$/u,
    );
  });
  it("cuts no parenthesis open, and drops a long one whole", () => {
    const h = generateHeadline("Six years ago, I was applying for a job at the Courier (these were the early days, so no one bothered to tell me which desk) when I saw a man racing down the corridor pushing a tea trolley.");
    expect((h.match(/\(/g) ?? []).length).toBe((h.match(/\)/g) ?? []).length);
    expect(h).not.toMatch(/early days/);
  });
  it("never leaves the stub of a clause after a comma", () => {
    for (const lead of [
      "For 679 relentless days, Israel’s genocidal war on the Gaza Strip has continued unabated, marked by merciless airstrikes.",
      "Curt Schilling, the former star pitcher who became a television analyst, was fired from the network on Wednesday, a day after he posted a message on social media.",
    ]) {
      const h = generateHeadline(lead);
      expect(h).not.toMatch(/,\s\S+(?:\s\S+)?$/u);
      expect(h).not.toMatch(/,\s+,|^\W/u);
    }
  });
});

describe("headline cuts around clauses and punctuation", () => {
  it("drops a description that opens the sentence before the person it describes, however long or joined", () => {
    expect(compressSentence("World indoor long jump record holder and radio pundit Jonathan Price believes Tom Okafor can take gold at the European Indoor Championships.")).toBe(
      "Jonathan Price believes Tom Okafor can take gold",
    );
    expect(compressSentence("Former Secretary of State and Democratic frontrunner Ann Reyes is calling for the United States to step up its efforts in the fight against the fever outbreak.")).toMatch(
      /^Ann Reyes calling for United States to step up/u,
    );
    // Not what the person owns, nor another person joined to them.
    expect(compressSentence("The art collection of late fashion designer Marco Bruni could fetch up to £9m when it is auctioned in New York and Paris later this year.")).toMatch(/^Art collection of/u);
    expect(compressSentence("Former U.N. Ambassador Tom Vance and radio host Dr. Sam Ortiz both denounced the new harbour plan in their Friday radio appearances on the coast.")).toMatch(/^Tom Vance and/u);
  });

  it("keeps 'all over' whole and ends on no 'all'; takes a byline ('Co-authored by …') for a label", () => {
    const s = "Mayor Ann Cole is raising eyebrows all over the county with her plan to close the old harbour to the fishing boats of the town for good.";
    for (const max of [90, 70, 40]) expect(compressSentence(s, max)).not.toMatch(/\ball(?: with\b|$)/u);
    const body = ["Co-authored by Ann Marsh.", "The council voted on Tuesday to close the harbour to fishing boats for good.", "Fishermen said they would fight the plan in court."];
    expect(generateHeadline(body[0] as string, HEADLINE_MAX, body)).toMatch(/^Council voted/u);
  });

  it("takes a live report's header, rules and times for no news ('The Latest on …:', '___', '3:40 p.m.')", () => {
    const body = [
      "DUNMORE (AP) — The Latest on the town council election (all times local):",
      "___",
      "9:15 p.m.",
      "Mayor Ann Cole has won back control of the Dunmore council, taking 31 of the 40 seats.",
      "Cole thanked the volunteers who knocked on doors for weeks.",
    ];
    expect(generateHeadline(body[0] as string, HEADLINE_MAX, body)).toMatch(/^(?:Mayor )?(?:Ann )?Cole won back control of Dunmore council/u);
  });

  it("takes a story's news from a sentence after the question it opens on", () => {
    const body = [
      "What does it take to win a seat on the Dunmore council these days? Ann Cole spent two years knocking on doors before she won one on Tuesday.",
      "Cole, a retired nurse, beat the council's longest-serving member by 41 votes.",
    ];
    expect(generateHeadline(body[0] as string, HEADLINE_MAX, body)).toMatch(/^Ann Cole spent two years/u);
  });

  it("takes no word out of a quotation left open, also where no cut keeps subject and verb", () => {
    const h = compressSentence('"A TV segment tonight on the mayor’s remarks about the harbour plan turned into a shouting match over the future of the old docks and the fleet.');
    expect(h).toMatch(/^"?A TV segment tonight on the mayor’s remarks/u);
  });

  it("takes no deck (a line in headline style above the story) for the lead", () => {
    const body = [
      "Council reclaims control of harbour plan, while mayor's streak is halted.",
      "Members of the Dunmore council voted 31 to 9 on Tuesday to take the harbour plan back from Mayor Ann Cole after a year of delays.",
      "The council said the harbour plan would now go to a committee of the council, which meets next month.",
      "Cole, whose harbour plan had passed every earlier council vote, said she would not give up on the plan.",
    ];
    expect(generateHeadline(body[0] as string, HEADLINE_MAX, body)).toMatch(/^Members of Dunmore council voted/u);
    // A lead with its articles and auxiliaries is no deck, however short.
    const lead = ["The council has voted to take back the harbour plan.", "Members voted 31 to 9 on Tuesday after a year of delays."];
    expect(generateHeadline(lead[0] as string, HEADLINE_MAX, lead)).toMatch(/^Council voted to take back harbour plan/u);
  });

  it("keeps the main verb: a participle before a noun is none, and a headline's 'to' may be it", () => {
    const owners = "Owners of embattled Italian dairy group Lattiera are to ask the buyer of its former cheese unit to pay off a $900m (£479m) loan.";
    expect(compressSentence(owners)).toMatch(/Lattiera to ask buyer/u);
    // "that" after a noun that takes a clause opens one whose verb may be a regular past, and a quotation's "while"
    // opens no clause inside it.
    expect(compressSentence('The mayor\'s statement that it was fine to park on the pavement "now and then, while shopping" has distracted attention from the real problems, it has been claimed.')).toBe(
      "Mayor's statement distracted attention from real problems",
    );
    // A that-clause after a verb and its object needs its own verb.
    expect(compressSentence("Mrs. Hale told voters in Leeds on Sunday that Mr. Hale would be ''in charge of fixing the trains, because, you know, he knows how to do it,'' especially ''in places like the north.''")).not.toMatch(
      /that Hale$/u,
    );
  });

  it("removes no phrase before an infinitive its last word takes, nor a gerund's phrase before the gerund's own", () => {
    expect(compressSentence("Speaker Paul Dunn blasted the city council on Tuesday for its baffling decision not to close the bridge before the storm reached the town.")).not.toMatch(/council to close/u);
    expect(compressSentence("Governor Ann Lee is joining her deputy Tom Ray in calling for a public inquiry into the collapse of the river bridge and for the contractor to be barred.")).not.toMatch(/Ray for/u);
  });

  it("leaves no space before a comma where a time phrase went", () => {
    const h = compressSentence("The council votes on the budget on Friday, and several members appear to be planning a revolt against the leadership over the cuts.");
    expect(h).toBe("Council votes on budget, and several members appear to be planning revolt over cuts");
  });

  it("takes no verb after 'to' for the main one, so a sentence may end before an infinitive's clause", () => {
    const body = [
      "Mayor Jane Smith turns 70 on Tuesday, and many councillors seem to be wishing (begging?) for a late change of heart.",
      "“She is going to have to stop with the insults,” said councillor Tom Reed. “She will have to earn the job by showing that she has the temperament for it.”",
      "Smith, who has led the city for twelve years, has shown no sign of changing her style as she turns 70.",
      "Her allies say Smith at 70 is the same Smith who won three elections.",
    ];
    expect(generateHeadline(body[0] as string, HEADLINE_MAX, body)).toBe("Mayor Jane Smith turns 70");
  });

  it("removes no phrase that ends on a colon, nor one opened by a preposition its clause ends on", () => {
    expect(compressSentence("Little really changed in last night's business debate in Sacramento: the governor was better, the senator was worse.")).toBe(
      "Little really changed in last night's business debate in Sacramento: governor was better",
    );
    expect(compressSentence("The Latest on the town election and two key races Saturday: Northport's mayoral primary and Valmora's council vote (all times local):")).not.toMatch(/^Latest Northport/u);
    expect(compressSentence("The new roads bill, which the Senate is due to vote on next month, hands significant power over highway spending to the states.")).toMatch(/hands significant power/u);
  });
});
