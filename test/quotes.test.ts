import { describe, expect, it } from "vitest";
import { Corpus } from "../src/news/corpus.js";
import { genderOf } from "../src/news/gender.js";
import { capitalisedRuns, stripTitles } from "../src/news/names.js";
import { parseArticleFile } from "../src/news/parse.js";
import { extractQuotes, extractStatements, isTitleCase, isWideSpace, quoteSpans, SPEECH_VERBS, speakerCandidates } from "../src/news/quotes.js";
import { seedArticles } from "./support/seed.js";

const q = (...paragraphs: string[]) => extractQuotes(paragraphs).map((x) => [x.speaker, x.text]);

describe("quote extraction", () => {
  it("finds “Q,” X said / said X / X noted / he added", () => {
    expect(q("“We will win this fight together,” Trump said.")).toEqual([["Trump", "We will win this fight together"]]);
    expect(q("“We will win this fight,” said Rubio.")).toEqual([["Rubio", "We will win this fight"]]);
    expect(q("“There is much to discuss here,” Rubio noted.")).toEqual([["Rubio", "There is much to discuss here"]]);
    expect(q("Mr. Trump spoke first. “We will win this,” he added.")).toEqual([["Trump", "We will win this"]]);
  });
  it("finds X said: “Q”, X said that “Q”, and participles with that", () => {
    expect(q("Rubio said: “We have to get there fast.”")).toEqual([["Rubio", "We have to get there fast."]]);
    expect(q("Leaders agreed, with Starmer emphasizing that “borders must not be changed.”")).toEqual([["Starmer", "borders must not be changed."]]);
  });
  it("strips titles and uses the article's fullest name", () => {
    expect(q("President Donald Trump arrived.", "“It will be a good meeting,” President Trump said.")).toEqual([["Donald Trump", "It will be a good meeting"]]);
  });
  it("takes the fullest name without its owner's possessive ('NBC's Gloria Hensley')", () => {
    expect(q("NBC's Gloria Hensley asked the question on air.", "“That would be Helen Marsh,” Hensley said.")).toEqual([["Gloria Hensley", "That would be Helen Marsh"]]);
    expect(q("Media Research Center’s Brent Bozell endorsed Cruz.", "“You are either with us or against us,” Bozell said.")).toEqual([["Brent Bozell", "You are either with us or against us"]]);
  });
  it("gives a pronoun to the last named speaker", () => {
    expect(q("“First thing to say,” Rubio said. “Second thing to say,” he added.")).toEqual([
      ["Rubio", "First thing to say"],
      ["Rubio", "Second thing to say"],
    ]);
  });
  it("names nobody by an ordinary word that only opens sentences, but keeps roles and surnames", () => {
    // "Asked" and "Titled" open sentences here and are written in lower case or shaped as participles elsewhere.
    expect(q("Voters were asked about the candidates.", "Asked whether Baker “has the judgment to serve as mayor,” 68 percent of Republicans said yes.")).toEqual([
      ["Republicans", "has the judgment to serve as mayor"],
    ]);
    expect(q("The campaign released a video.", "Titled “A Very Merry Campaign Christmas,” the video pans around gifts.")).toEqual([[null, "A Very Merry Campaign Christmas"]]);
    // A role is a speaker described ("said one source"); a surname that only opens sentences is still a name.
    expect(q("“It was a good meeting for everyone,” said one source who attended.")).toEqual([["Source", "It was a good meeting for everyone"]]);
    expect(q("Rice was asked about the price of oil.", "Rice said: “The price of oil is too high this winter.”")).toEqual([["Rice", "The price of oil is too high this winter."]]);
  });
  it("takes no place in a description for the speaker: the person the sentence opens with", () => {
    expect(q("Hollis, during a town hall meeting in Dayton, Ohio, said she was “going to put a lot of steel workers out of a job.”")).toEqual([
      ["Hollis", "going to put a lot of steel workers out of a job."],
    ]);
    expect(q("Pearce, who is a pastor at the Grace Church of Boulder, Colorado, slammed the Boy Scouts for promoting “gambling among the boys” on Monday.")).toEqual([
      ["Pearce", "gambling among the boys"],
    ]);
    expect(q("Peter Lyle, 41, of Dayton, Ohio, said: “We will keep going to the very end.”")).toEqual([["Peter Lyle", "We will keep going to the very end."]]);
    // A name after "across the country," opens its clause: no place.
    expect(q("Like others across the country, Schuette said the judges were wrong. “It cannot rationally be called a burden on voting,” he wrote.")).toEqual([
      ["Schuette", "It cannot rationally be called a burden on voting"],
    ]);
    // … nor for a later "she says".
    expect(q('Jennifer Moss, 34, of Mobile, Ala., says her biggest worry is rising rents. "We are not going to cope with it," she says.')).toEqual([
      ["Jennifer Moss", "We are not going to cope with it"],
    ]);
  });
  it("names the person after a role before the quotation ('Baker's attorney, Paul Regan, said …'), not a place so set off", () => {
    expect(q('Baker\'s attorney, Paul Regan, said Dorsey was "looking for cheap attention using made-up stories."')).toEqual([["Paul Regan", "looking for cheap attention using made-up stories."]]);
    expect(q("Dunn’s campaign manager, Gordon Price, stated: “When I saw him this morning he was so upset about it.”")).toEqual([
      ["Gordon Price", "When I saw him this morning he was so upset about it."],
    ]);
    expect(q("Daniel Frost, who lives outside of the state capital, Denver, said he still “hopes that Helen ends up the winner.”")).toEqual([
      ["Daniel Frost", "hopes that Helen ends up the winner."],
    ]);
  });
  it("takes no speech verb and its object for a subject ('who called the Republican nominee “…”')", () => {
    expect(q("The row drew a sharp reaction from President Mark Weiss, who called the Republican nominee “unfit to lead” as president.")).toEqual([
      ["Mark Weiss", "unfit to lead"],
    ]);
  });
  it("gives a participle's quotation to the pronoun that opens the sentence", () => {
    expect(q("Mary Ellen Forde spoke to the Post.", "She sharpened her attack on Tuesday, telling NPR that Baker is a “fraud” and asking how he has “got away with not releasing his medical records.”")).toEqual([
      ["Mary Ellen Forde", "got away with not releasing his medical records."],
    ]);
  });
  it("keeps a day, a clause or a participle out of a speaker's name", () => {
    expect(q("Presidential candidate Tom Baker on Saturday tweeted: “She is the most dishonest candidate ever!”")).toEqual([["Tom Baker", "She is the most dishonest candidate ever!"]]);
    expect(q("A campaign surrogate who backs Sanders called them “corporate Democratic whores who betray us” on stage.")).toEqual([
      ["Campaign surrogate", "corporate Democratic whores who betray us"],
    ]);
    expect(q("Hillary Clinton spoke in Los Angeles.", "Following Wednesday’s report, the campaign was quiet. “Nothing has changed about the story at all,” she said.")).toEqual([
      ["Hillary Clinton", "Nothing has changed about the story at all"],
    ]);
    // "… at an activist as she angrily said": the clause's pronoun speaks, not "Activist as she".
    expect(q("Hollis lost her cool on a rope line, wagging her finger at an activist as she angrily said, “I am so tired of the campaign lying” about her votes.")).toEqual([
      ["Hollis", "I am so tired of the campaign lying"],
    ]);
  });
  it("skips scare quotes of fewer than three words", () => {
    expect(q("He called it “critical” and a “listening exercise” for all.")).toEqual([]);
  });
  it("handles straight quotation marks", () => {
    expect(q('"We are ready for the vote," Pelosi said.')).toEqual([["Pelosi", "We are ready for the vote"]]);
  });
  it("leaves a quotation without an attribution unattributed", () => {
    expect(q("“Nobody knows what happens next here.”")).toEqual([[null, "Nobody knows what happens next here."]]);
  });
  it("reads appositives, descriptors and people from a place", () => {
    expect(q('"We need leaders who will listen to us," Peter Lyle, 41, of Dayton, Ohio, who was among those polled, said in an interview.')).toEqual([
      ["Peter Lyle", "We need leaders who will listen to us"],
    ]);
    expect(q("“It may be a long shot at best,” veteran analyst Charlie Crane wrote this week.")).toEqual([["Charlie Crane", "It may be a long shot at best"]]);
    expect(q("“She knows the town well,” said Patricia Moreno of Laramie.")).toEqual([["Patricia Moreno", "She knows the town well"]]);
    expect(q('"We need him here," his wife, Gabriela Lane, wrote in a letter.')).toEqual([["Gabriela Lane", "We need him here"]]);
  });
  it("gives a definite description to the person named before, and keeps an indefinite one anonymous", () => {
    expect(q("Tom Baker spoke in Iowa.", "“There should be a lot of checks,” the businessman replied.")).toEqual([["Tom Baker", "There should be a lot of checks"]]);
    expect(q("Tom Baker spoke in Iowa.", "“The fall is directly due to the leaks,” said a person close to the Bakers.")).toEqual([
      ["Person close to the Bakers", "The fall is directly due to the leaks"],
    ]);
  });
  it("continues a speaker within a paragraph and into a paragraph that opens with a quotation", () => {
    expect(q("“You slip up along the way,” Garrison said in Dover, referring to a rally. “If I had to do that again, I would not.”", "“That is all I will say on it.”")).toEqual([
      ["Garrison", "You slip up along the way"],
      ["Garrison", "If I had to do that again, I would not."],
      ["Garrison", "That is all I will say on it."],
    ]);
  });
  it("pairs a curly opening with a straight closing mark", () => {
    expect(q('“I was very clear on a number of points," Walsh continued.')).toEqual([["Walsh", "I was very clear on a number of points"]]);
  });
  it("takes 'Name: “…”', a participle's subject and a later attribution", () => {
    expect(q("Gallup Research: “All the panels studied include more active voters.”")).toEqual([["Gallup Research", "All the panels studied include more active voters."]]);
    expect(q("Karen Holt tied the results to attendance rates, saying the scheme helped “thousands of pupils who would have dropped out.”")).toEqual([
      ["Karen Holt", "thousands of pupils who would have dropped out."],
    ]);
    expect(q('"I think the case is extremely strong" than that of the FBI chief, Marlow said.')).toEqual([["Marlow", "I think the case is extremely strong"]]);
  });
  it("carries an inverted attribution (', said X, role') and a role-led subject ('Baker spokesman Tom Fuller') to a later pronoun", () => {
    expect(q("Most members stayed away, said Robert Lang, director of the Ohio Voting Project at the University of Ohio at Dayton.", "“They have been very careful,” he said.")).toEqual([
      ["Robert Lang", "They have been very careful"],
    ]);
    expect(q("Crane could be it for Weiss.", "Baker spokesman Tom Fuller wouldn’t say when the council will vote.", "“I don’t have any new news yet,” he said.")).toEqual([
      ["Tom Fuller", "I don’t have any new news yet"],
    ]);
  });
  it("finds an inverted attribution later in the sentence: '“Q” that …, said X, role'", () => {
    expect(q("“He can claim it, but it seems highly unlikely” that Baker can catch Hollis, said Paul Regan, a Republican strategist.")).toEqual([
      ["Paul Regan", "He can claim it, but it seems highly unlikely"],
    ]);
  });
  it("takes the subject of the speech verb right before the mark, not a subject and verb earlier in the sentence", () => {
    expect(q("Boston Mayor Paul de Vries spoke on the radio.", "Asked if the reports led to the Brussels attacks, which was seen as a security failure, de Vries said, “I have not heard that specific worry” from officials.")).toEqual([
      ["Paul de Vries", "I have not heard that specific worry"],
    ]);
  });
  it("reads 'van den', 'ter', 'dos' inside a name: 'Pieter Van den Berg of ING Groep' is who 'he' is, not his bank", () => {
    expect(
      q(
        "Banking analyst Pieter Van den Berg of ING Groep described KLM's latest quarterly results as \"fairly modest\".",
        "\"It is quite good on the cost side and it shows the impact of fuel hedging,\" he said.",
      ),
    ).toEqual([["Pieter Van den Berg", "It is quite good on the cost side and it shows the impact of fuel hedging"]]);
  });
  it("gives a paragraph that is a quotation and nothing else the voice of the quotation that ended the paragraph before", () => {
    const r = q(
      "\"Throughout the last four years, the villagers have given a real push to the scheme,\" said Mr Valdivia.",
      "The evening reading classes, attended by as many men as women, have been the best example.",
      "\"We have had a fine response, mostly from young people.\"",
      "\"But we have also had good feedback when we taught 40 or 50-year old women.\"",
    );
    expect(r.slice(1)).toEqual([
      ["Valdivia", "We have had a fine response, mostly from young people."],
      ["Valdivia", "But we have also had good feedback when we taught 40 or 50-year old women."],
    ]);
    // Not a quotation inside a sentence of its own, nor one after a paragraph that ended in narration.
    const s = q(
      "\"We are thrilled,\" said Mr Ashcombe.",
      "The contract runs for three years and covers the \"whole of the first team\" and its coaches.",
    );
    expect(s[1]?.[0]).toBeNull();
  });
  it("names nobody by a one-word closed-class subject ('It added that …')", () => {
    const r = extractStatements(["Trump spoke at the rally in Ohio on Monday.", "It added that the company would keep fighting the ruling for years."]);
    expect(r.paraphrases.map((x) => x.speaker)).toEqual([]);
  });
  it("reads a name with its party and state in parentheses: 'said Rep. Bobby Lane (D-Ore.)'", () => {
    expect(q("“It’s nothing new in Oregon,” said Rep. Bobby Lane (D-Ore.) at the time.")).toEqual([["Bobby Lane", "It’s nothing new in Oregon"]]);
    expect(q("Sen. John Harlan (R-Utah) told reporters: “There could be a bit more progress before he leaves.”")).toEqual([["John Harlan", "There could be a bit more progress before he leaves."]]);
  });
  it("gives '“Q,” X said after Y spoke' to X, and the next quotation too", () => {
    expect(q("“I am happy with his answer on the schools,” Tolland said after Baker spoke. “My biggest worry is the schools.”")).toEqual([
      ["Tolland", "I am happy with his answer on the schools"],
      ["Tolland", "My biggest worry is the schools."],
    ]);
  });
  it("takes an appositive only when a comma closes it: '“Q” by the United States, Canada and others, Hollis said'", () => {
    expect(q("“If there had not been that rescue” by the United States, Canada and other close partners, Hollis said at a town hall.")).toEqual([
      ["Hollis", "If there had not been that rescue"],
    ]);
  });
  it("takes no attribution from a clause of its own or the next sentence, and gives a question to who asked it", () => {
    expect(q("Ted Marsh accuses Weiss of “hiding from the voters” and Tom Baker says he is “losing the fight on crime,” part of a lashing.")).toEqual([
      ["Ted Marsh", "hiding from the voters"],
      ["Tom Baker", "losing the fight on crime"],
    ]);
    expect(q("Sen. Carl Hayes (R-Idaho) said the plan would help landlords, and called him “the loudest champion of tax breaks in the Senate.” Former governor Mike Dalton called the scheme “a gift for big banks.”")).toEqual([
      ["Carl Hayes", "the loudest champion of tax breaks in the Senate."],
      ["Mike Dalton", "a gift for big banks."],
    ]);
    expect(q("Baker was asked by host Bill Dwyer, who is supporting Baker, “Now, you famously said you were tired of the polls.”")).toEqual([
      ["Bill Dwyer", "Now, you famously said you were tired of the polls."],
    ]);
  });
  it("resolves he, she and the group past names inside quotations and after a title's period (the attribution rules' own pick)", () => {
    const rule = (...paragraphs: string[]) => speakerCandidates(paragraphs).map((x) => x.quote.speaker);
    // "Helen Marsh represents …" opens a sentence inside Garner's quotation: no antecedent for a later "she".
    expect(
      rule(
        "Rep. Nancy Farrell did not seek another term.",
        "“Now it is time to move ahead, united in our beliefs,” Garner said in a statement.",
        "“No state has suffered more than Montana. Helen Marsh represents a return of the same failed ideas,” she said.",
        "“Our liberty is under attack from an out-of-control government,” she said.",
      ),
    ).toEqual(["Garner", "Garner", "Garner"]);
    // "the group" is the body named last whose name ends like a group's.
    expect(rule("The Jordan Davis Foundation did not want to comment on the sale.", "“This year, we are fully focused on furthering that cause,” the group said.")).toEqual([
      "Jordan Davis Foundation",
    ]);
    // "Maine Sen. Peter Dunn" opens no sentence: "he" is still Porter.
    expect(
      rule(
        "Lance Porter, an Army veteran, said Hollis should be ready for questions. He attended the rally, though he is not sure whether he will vote for Hollis or Maine Sen. Peter Dunn.",
        "“I ask my wife, is she going to be ready to face questions about it?” he said.",
      ),
    ).toEqual(["Lance Porter"]);
  });

  it("takes no place or clause subject for the speaker: 'Here in Dayton, Garvey …, saying', 'Lowell said the U.S. approach remained “Q”'", () => {
    expect(q("Here in Dayton, Garvey stepped up his focus on housing issues, saying, “We have got to reach the day when young families can afford a home.”")).toEqual([
      ["Garvey", "We have got to reach the day when young families can afford a home."],
    ]);
    expect(q("Trade Secretary Ash Lowell said the U.S. policy toward Latin America remained “one of trust, patience and openness”, but he warned Brazil.")).toEqual([
      ["Ash Lowell", "one of trust, patience and openness"],
    ]);
    expect(q("Cruz said he would make sand “glow in the dark,” for instance, and Trump vowed to “bomb the hell” out of the Islamic State.")).toEqual([
      ["Cruz", "glow in the dark"],
      ["Trump", "bomb the hell"],
    ]);
  });
  it("takes 'Analysts agree - Carl Brandt: “Q”' and the name an appositive gives a description before the verb", () => {
    expect(q("There was a lot moving on the ground in Ohio.", "Analysts agree - Carl Brandt: “One of the main lessons was a plain one: keep on calling voters.”")).toEqual([
      ["Carl Brandt", "One of the main lessons was a plain one: keep on calling voters."],
    ]);
    expect(q("Hollis aides were angry on Friday.", "Her campaign manager, Robby Fenn, suggested that what the interns did “may have been a grave breach of trust.”")).toEqual([
      ["Robby Fenn", "may have been a grave breach of trust."],
    ]);
    expect(q("The senator spoke on Monday.", "Sen. Peter Dunn visited the studio to discuss his rival, Helen Marsh, saying “on vote after vote she has been wrong.”")).toEqual([
      ["Peter Dunn", "on vote after vote she has been wrong."],
    ]);
  });
  it("gives 'X verb: “Q”' to X even after another speaker's quotation in the paragraph", () => {
    expect(q("Iowa Gov. John Harlan could “issue some kind of special decree,” said Stephen Lowry, president of the union. Harlan resisted: “Iowa governors do not have the power to do that.”")).toEqual([
      ["Stephen Lowry", "issue some kind of special decree"],
      ["John Harlan", "Iowa governors do not have the power to do that."],
    ]);
  });
  it("gives he or she to the latest named subject, not to an organisation", () => {
    expect(q("The Security Council met. Kenji Tanabe spoke next.", "“I firmly urge them to comply,” he said.")).toEqual([["Kenji Tanabe", "I firmly urge them to comply"]]);
  });
  it("finds the speaker earlier in the sentence and carries people who spoke without quotation marks to a later pronoun", () => {
    expect(q("Dan McCallum, a history professor, writes in The Spectator that Baker shows “sky-high confidence and low patience.”")).toEqual([
      ["Dan McCallum", "sky-high confidence and low patience."],
    ]);
    expect(q('The stakes are high for both parties, Serrano said. "Arizona will give us a clearer picture," he said.')).toEqual([["Serrano", "Arizona will give us a clearer picture"]]);
  });
  it("gives she to a woman and he to a man when both were just named", () => {
    expect(q("Mrs. Clinton met Mr. Sanders in Iowa. Sanders spoke first.", "“We agree on more than people think,” she said.")).toEqual([["Clinton", "We agree on more than people think"]]);
  });
  it("reads 'X said that “Q”', 'X, speaking at …, said', 'according to X' and adverbs", () => {
    expect(q("Rubio said that “we have to get there fast, very fast.”")).toEqual([["Rubio", "we have to get there fast, very fast."]]);
    expect(q("Rubio, speaking at the State Department, said “we are ready to talk now.”")).toEqual([["Rubio", "we are ready to talk now."]]);
    expect(q("According to Senator Jane Roe, “the vote will happen this week.”")).toEqual([["Jane Roe", "the vote will happen this week."]]);
    expect(q("Mr. Smith left early.", "“We will not move on this,” he said flatly.")).toEqual([["Smith", "We will not move on this"]]);
  });
  it("keeps nested single quotes inside a quotation and runs a quotation over paragraphs", () => {
    expect(q("“He told me ‘no deal’ and walked out of the room,” Smith said.")).toEqual([["Smith", "He told me ‘no deal’ and walked out of the room"]]);
    // A paragraph that opens a quotation and does not close it continues into the next paragraph.
    expect(q("Mayor Jane Roe laid out her plan on Tuesday. “The first thing we will do is fix the roads in every district.", "“Then we will fix the schools, one by one,” she said.")).toEqual([
      ["Jane Roe", "The first thing we will do is fix the roads in every district."],
      ["Jane Roe", "Then we will fix the schools, one by one"],
    ]);
  });
  it("knows a few hundred speech-verb forms", () => {
    expect(SPEECH_VERBS.size).toBeGreaterThan(300);
    for (const v of ["said", "says", "told", "added", "noted", "argued", "insisted", "admitted", "conceded", "tweeted", "wrote", "quipped", "retorted"]) {
      expect(SPEECH_VERBS.has(v), v).toBe(true);
    }
  });
  it("joins a quotation split around its attribution into one", () => {
    const para = "“We will fight this,” Rubio said, “and we will win it in the end.”";
    const [one, ...rest] = extractQuotes([para]);
    expect(rest).toEqual([]);
    expect(one?.speaker).toBe("Rubio");
    expect(one?.text).toBe("We will fight this … and we will win it in the end.");
    expect(one?.parts?.map(([a, b]) => para.slice(a, b))).toEqual(["We will fight this", "and we will win it in the end."]);
    // Two sentences, each whole, stay two quotations.
    expect(q("“First we win this,” Trump said. “Then we govern well.”")).toHaveLength(2);
  });
  it("gives a quotation with no speech verb to its sentence's subject", () => {
    expect(q("Helen Marsh spoke in Ohio. Marsh decried the party for “turning its back on small farmers.”")).toEqual([
      ["Helen Marsh", "turning its back on small farmers."],
    ]);
    expect(q("Speaking to NPR on Monday, Jeb Dorsey referred to Baker as “a bright, gifted leader” in the race.")).toEqual([["Jeb Dorsey", "a bright, gifted leader"]]);
    expect(q("Ted Marsh is praising Jeb Dorsey as “a man who didn’t sink to insults” today.")).toEqual([["Ted Marsh", "a man who didn’t sink to insults"]]);
    // "X is a “…”" describes; it reports nobody's words.
    expect(q("To his fans, Tom Baker is the “warm-hearted and generous” man.")).toEqual([[null, "warm-hearted and generous"]]);
  });
  it("reads a role with its owner before an inverted name, and a colon that introduces a quotation", () => {
    // "said Hollis’s top defence policy aide Jake Farrow": the person after the role, and the next paragraph too.
    expect(
      q(
        "The FBI decided this week that Hollis had been reckless.",
        "“This must be the first time a nominee has done this,” said Hollis’s top defence policy aide Jake Farrow.",
        "“This went from a matter of gossip to a matter of security.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Jake Farrow", "Jake Farrow"]);
    // "Dunn delivered a snappy retort: “…”": the sentence's subject, not "a snappy" nor the last speaker.
    expect(
      q(
        "Peter Dunn and Helen Marsh met in Iowa.",
        "“We finally have a path to free child care,” Marsh said.",
        "Dunn delivered a snappy retort: “Nobody is ripping this up. We're going to go further.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Helen Marsh", "Peter Dunn"]);
    // "And she is sure that …: “…”": the pronoun opening the sentence.
    expect(
      q("Rita Owens runs the show. Peter Mallory is still in jail.", "And she is sure that keeping Mallory in jail will only make him louder: “They're making a martyr, as far as I'm concerned.”").map(
        ([speaker]) => speaker,
      ),
    ).toEqual(["Rita Owens"]);
    // "a candidate who promised huge tax cuts: “…”": someone the sentence mentions, not who speaks.
    expect(q("Isaac Stern wrote back to the candidate.", "Stern pointed out the irony coming from a candidate who promised huge tax cuts: “your plan is to spend billions cutting taxes.”")[0]?.[0]).toBe("Isaac Stern");
  });
  it("gives 'the Republican presidential candidate said' to the person introduced so, and reads 'Dunn had answering' as no attribution", () => {
    expect(
      q(
        "Republican presidential candidate Tom Baker spoke on Thursday. Boston Mayor Paul de Vries disbanded the unit in 2013.",
        "“There is anger like nobody has ever seen,” the Republican presidential candidate said on the radio.",
      )[0]?.[0],
    ).toBe("Tom Baker");
    expect(
      q(
        "Helen Marsh is swinging hard at Peter Dunn in the debate. Marsh is pointing to a recent interview.",
        "She is noting the “kind of trouble” Dunn had answering questions about big banks.",
      )[0]?.[0],
    ).toBe("Helen Marsh");
  });
  it("gives 'the president' or 'the Vermont senator' to the one person the article gave that title, and no one when two fit", () => {
    expect(
      q(
        "In The Spectator, Pres. Weiss admits the mission in Mali “didn’t work” at all.",
        "Helen Marsh conceded the outcome is “deeply regrettable” for everyone.",
        "“We prevented large-scale civilian losses,” the president told The Spectator.",
      ).at(-1)?.[0],
    ).toBe("Weiss");
    const senators = [
      "Sen. Peter Dunn of Vermont spoke in Iowa. Sen. Ted Marsh of Texas spoke in Ohio.",
      "Tom Baker spoke last, in Florida, to a big crowd.",
    ];
    expect(q(...senators, "“We need to push Russia much harder,” the Vermont senator told ABC.").at(-1)?.[0]).toBe("Peter Dunn");
    // Two senators and no state: the title alone names neither.
    expect(q(...senators, "“We need to push Russia much harder,” the senator told ABC.").at(-1)?.[0]).not.toBe("Peter Dunn");
  });
  it("takes a known first name before an honorific of the surname: 'Mrs. Clinton' makes no woman of Bill Clinton", () => {
    expect(genderOf("Bill Clinton", "Mrs. Clinton spoke first. Former President Bill Clinton agreed.")).toBe("m");
    expect(genderOf("Clinton", "Mrs. Clinton spoke first. Former President Bill Clinton agreed.")).toBe("f");
    expect(genderOf("Dale Smith", "Ms. Smith spoke first.")).toBe("f");
    // Common first names beyond the politicians': "Harvey Waldron" is no "she", "Eva Miller" no "he".
    expect(genderOf("Harvey Waldron", "")).toBe("m");
    expect(genderOf("Eva Miller", "")).toBe("f");
    expect(
      q(
        "Betsy Ellman has known Hollis since sixth grade. Hollis summers in the Hamptons, where she watches films in Harvey Waldron's private screening room.",
        "“It’s just been part of the fabric of my life,” she said.",
      )[0]?.[0],
    ).not.toBe("Harvey Waldron");
    expect(
      q(
        "Raynard Cole, a Republican consultant, said the vote followed Iowa. Mrs. Clinton won the state in 2016.",
        "Former President Bill Clinton backed that reading. In an interview with KTVU, he was asked about it.",
        "“Iowa happened, and I never resented it,” he said.",
      ).at(-1)?.[0],
    ).toBe("Bill Clinton");
  });
  it("reads 'wrote X in The Guardian' as X's, the publication only where X wrote", () => {
    expect(q("“His repetition of an insult was likely a first in history,” wrote Ben Walker in The Guardian.")).toEqual([["Ben Walker", "His repetition of an insult was likely a first in history"]]);
    expect(q("“We want no part in the advert on our web site,” said Mark Bolton of Safe Streets Promise.")[0]?.[0]).toBe("Mark Bolton");
  });
  it("lets the model name nobody by a word used once, opening a sentence, but keeps a surname that opens one to act or speak", () => {
    const speakers = (...ps: string[]) => q(...ps).map(([speaker]) => speaker);
    expect(speakers("Rumours are hard to dislodge, researchers say.", "Good information can still push out rumours, but mostly only when “the truth is more exciting than the lie.”")).not.toContain("Good");
    // … nor may the attribution rules, when the word stands before an "-ing" form that is also a speech verb.
    expect(speakers("Rumours are hard to dislodge, researchers say.", "Good reporting can still beat rumours, but mostly only when “the truth is more exciting than the lie.”")).not.toContain("Good");
    expect(speakers("Donors met on Sunday.", "Wait, it gets better: “By law, the governor sets the maximum number of licences.”")).not.toContain("Wait");
    expect(speakers("The debate ended late.", "Garvey openly admitted that his pick was political. “With an eye to March 3rd, Ohio,” he said.")).toEqual(["Garvey"]);
    expect(speakers("The debate ended late.", "“Let me tell you, for all of us who follow the rules, we’re tired of it!” Garvey said.")).toEqual(["Garvey"]);
  });
  it("reads a loosely written attribution after a quotation that ends in a comma, but no name a preposition governs", () => {
    const speakers = (...ps: string[]) => q(...ps).map(([speaker]) => speaker);
    expect(
      speakers("Polls moved this week. “Hollis needs a plan for winning over Green voters,” Nate Fowler, the polling guru who founded pollwatch.com tweeted on Wednesday. “They're plainly taking more from her side now.”"),
    ).toEqual(["Nate Fowler", "Nate Fowler"]);
    expect(
      speakers("The union plans to picket the debate, the Daily Courier reports. “They have to decide whether to heat their homes or feed their kids,” Fair Pay Now organizing director Kendall Price told Channel 4 News in Denver."),
    ).toEqual(["Kendall Price"]);
    expect(speakers("Baker spoke in Ohio.", "But even as Baker claimed that “General Mattson was punished for much less,” one of the ex-prosecutors for David Mattson said the cases differ.")).toEqual(["Baker"]);
  });
  it("takes the subject after an opening participle phrase ('Speaking in Tokyo, … Ken Ota repeated') for a later 'he'", () => {
    expect(
      q(
        "Speaking in Tokyo, Japanese Foreign Ministry spokesman Ken Ota repeated that Japan opposed whaling.",
        "People should provide proof for their claims, he told reporters.",
        "“This is deeply irresponsible.”",
      ).at(-1)?.[0],
    ).toBe("Ken Ota");
  });
  it("gives a surname two people share to the one the article named in full first, and keeps 'Le Roux' and 'Top' out of full names", () => {
    expect(
      q(
        "Liz Garner won the Republican primary in Montana on Tuesday.",
        "Her father, former Vice President Dick Garner, campaigned for her. Dick Garner also spoke at the rally.",
        "Incumbent Rep. Nancy Farrell was not seeking a fifth term.",
        "“Now it’s time to move ahead, united in our beliefs,” Garner said in a statement. “No state has suffered more from this agenda than Montana,” she said.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Liz Garner", "Liz Garner"]);
    expect(q("Marine Le Roux leads the National Rally. Le Roux spoke in Paris.", "“What we share is that we are not insiders,” Le Roux said.")[0]?.[0]).toBe("Marine Le Roux");
    expect(q("Top Hollis adviser Jake Farrow sent the email. Helen Hollis answered him.", "“It's a public statement! Just send it,” Hollis wrote.")[0]?.[0]).toBe("Helen Hollis");
  });
  it("takes no clause for an appositive: 'Reached by the Courier, Bennett denied the idea …, explaining that he was “…”'", () => {
    expect(q("Dunn spoke to the AP on Tuesday. Reached by the Courier, Bennett rejected the idea that a shake-up is near, explaining that he was not aware of the report because he was “taking a week off.”")[0]?.[0]).toBe("Bennett");
  });
  it("takes 'The Washington Post' for a publication that reports, not a post that carries words", () => {
    expect(q("Intro here.", "The Washington Post reported that Mallory was fired “at the request of his two adult sons.”")[0]?.[0]).toBe("Washington Post");
  });
  it("gives a colon's quotation to a body opening the sentence ('the Ohio Board of Elections was clear in its findings:')", () => {
    expect(q("Marsh won in Iowa.", "As if addressing the tycoon directly, the Ohio Board of Elections was clear in its findings: “Further debate on this matter is unnecessary.”")[0]?.[0]).toMatch(/^Ohio Board/);
  });
  it("finds the subject after a long opening phrase ('But after turning her attention to …, Marsh gave')", () => {
    expect(
      q(
        "Helen Marsh toured Iowa. “Towns are left out,” said Mitchell Ross, director of the Civic Center.",
        "But after turning her attention to topics like the housing crisis hurting small towns, Marsh gave a speech Sunday that struck a chord with many mayors.",
        "“Our roads and bridges are cracked and crumbling,” she said.",
      ).at(-1)?.[0],
    ).toBe("Helen Marsh");
  });
  it("reads 'On NPR Tuesday, his wife, Jane, called for …' as Jane speaking, for a later 'she said'", () => {
    expect(
      q(
        "Dunn strategist Tad Mercer said closed primaries deny many voters the right to take part. On NPR Tuesday, his wife, Jane, called for an open primary system. “Shutting people out of the system is not smart,” she said.",
      )[0]?.[0],
    ).toBe("Jane");
    // A name before the description is no opening phrase: "Rachel Stein, a donor from Nyack, New York, said".
    expect(q("Rachel Stein, a donor from Nyack, New York, said the speeches changed her mind. “I feel awful to say it,” she said.")[0]?.[0]).toBe("Rachel Stein");
  });
  it("takes no plural the article uses once ('Friends offered to vote for me') for a later 'he'", () => {
    expect(
      q(
        "I told Peter Dunn later that his praise of me was reported by a local paper. Friends offered to vote for me when I shared the story.",
        "“I've ruined your good name, huh?” he responded.",
      )[0]?.[0],
    ).toBe("Peter Dunn");
  });
  it("finds a sentence's subject after 'And even', 'But also' for a later 'he'", () => {
    expect(
      q(
        "Both Lukas Vogt and Pedro Alvarez gave polite assurances. And even President Weiss tried to let them off the hook, noting that he'd decline too.",
        "“When I visit other nations, it's not my role to comment on candidates,” he said.",
      )[0]?.[0],
    ).toBe("Weiss");
  });
  it("reads 'Dunn credited Marsh's victory to “…”' as Dunn's words, not a name 'Dunn credited Marsh's'", () => {
    expect(q("Peter Dunn won Nevada.", "Dunn credited Marsh's victory to “a closed caucus, something I am not all that keen on.”")[0]?.[0]).toBe("Peter Dunn");
  });
  it("finds 'Just a few months ago, Texas developer Mel Sanford expressed dismay' as the subject for a later 'he'", () => {
    expect(
      q(
        "Ron Walsh said donors are coming around. “I think you're starting to see that everywhere.” Just a few months ago, Texas developer Mel Sanford expressed dismay at the thought of Baker as the nominee. “I kept telling myself it won't happen, it can't happen,” he told the Post.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Ron Walsh", "Mel Sanford"]);
  });
  it("takes 'X, the ranking Democrat on the committee, who said …' as X speaking, for a later 'she'", () => {
    expect(
      q(
        "Helen Marsh spoke in Iowa.",
        "Marsh's position was backed Friday by Sen. Diane Ferris of Oregon, the ranking Democrat on the Senate Budget Committee, who said none of the memos came from Marsh. “It has never made sense to me that Secretary Marsh can be held to blame,” she said in a statement.",
      ).at(-1)?.[0],
    ).toBe("Diane Ferris");
  });
  it("gives 'the columnist suggested:' to the one person the article introduced as 'columnist …'", () => {
    expect(
      q(
        "Tom Baker accuses Mexico of stealing American jobs.",
        "“Many of his plans are far from comforting,” columnist Li Wen wrote in the Daily Star piece.",
        "Tom Baker promises to label Mexico a trade cheat.",
        "But Baker has one thing in common with Mexican people, the columnist suggested: “His winning run is clear proof that American voters are fed up with Washington.”",
      ).at(-1)?.[0],
    ).toBe("Li Wen");
  });
  it("gives the words to the last clause's 'he', not to a description of the first ('Marsh is the only contender … and he has long used …')", () => {
    expect(
      q(
        "Ted Marsh campaigned in Ohio.",
        "Marsh is the only top-tier contender here to have promised to visit every Ohio county and he has long used that fact to beat his rivals for not campaigning “the Ohio way.”",
      )[0]?.[0],
    ).toBe("Ted Marsh");
  });
  it("gives 'To Crane, Baker is the “warm-hearted and generous” man' to the one whose view it is", () => {
    expect(q("Betsy Crane of Polk County knows Tom Baker.", "To Crane, Baker is the “warm-hearted and generous” man who saved her family’s farm.")[0]?.[0]).toBe("Betsy Crane");
    // Without "To X,", still a description, nobody's statement.
    expect(q("Betsy Crane of Polk County knows Tom Baker.", "Baker is the “warm-hearted and generous” man who saved her family’s farm.")[0]?.[0]).toBeNull();
  });
  it("reads '“Q” the Post's senior news editor Steven Goldman responded' as Goldman's, and the quotation after it", () => {
    expect(
      q(
        "Ben Dorsey spoke to the Post.",
        "“Dr. Dorsey invited both Bob and me to his office today to talk about changes” the Post's senior news editor Steven Goldman responded. “As we wrote, he told us that nothing was ruled out.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Steven Goldman", "Steven Goldman"]);
  });
  it("takes the first of two names before a colon ('… POLICY - Frank Norton and Jim Hale: “…”'), not the heading", () => {
    expect(
      q("VOTERS VALUE CANDIDATES’ HONESTY ABOVE POLICY - Frank Norton and Jim Hale: “We found that, across all candidates, honesty mattered most.”")[0]?.[0],
    ).toBe("Frank Norton");
  });
  it("gives the words of 'the newspaper's editorial telling him to …' to the newspaper named last", () => {
    expect(
      q(
        "The Herald, Mobile's newspaper, urged the president to come.",
        "Weiss did come to the state, but only in the week after the newspaper's editorial telling him to leave the ski slopes and visit “the most troubled state in the union.”",
      ).at(-1)?.[0],
    ).toMatch(/Herald$/);
  });
  it("finds the subject after two opening phrases ('On Thursday, after staying neutral …, Warner appeared …, saying')", () => {
    expect(
      q(
        "Private Meeting Between Marsh And Warner Fuels Speculation.",
        "Helen Marsh met Elizabeth Warner.",
        "On Thursday, after staying neutral throughout the primary contest, Warner appeared with NBC's Rachel Moss and formally endorsed Marsh, saying, “I think having a fighter at the top is just what this country needs.”",
      ).at(-1)?.[0],
    ).toBe("Elizabeth Warner");
  });
  it("reads past an inch mark that closed a quotation early ('he’s like 6’3”,” Garvey said')", () => {
    expect(
      q(
        "Garvey spoke in Virginia.",
        "“He keeps calling me ‘Little Sam.’ Sure, he’s taller than me; he’s like 6’3”,” Garvey said Sunday as the crowd cheered. “Which is why I don’t get why his feet are the size of someone who is 5’1”. And you know what people say about men with small feet?”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Garvey", "Garvey"]);
  });
  it("keeps a surname that is also a title when it stands alone ('King says Frazier …' after 'Mary Jean King'), and drops 'co-Anchor'", () => {
    expect(stripTitles("King")).toBe("King");
    expect(stripTitles("King Abdullah")).toBe("Abdullah");
    expect(q("Mary Jean King remembered Frazier as good company.", "King says Frazier “always talked the talk and walked the walk.”")[0]?.[0]).toMatch(/King$/);
    expect(stripTitles("NBC Today co-Anchor DeMarco Lane")).toBe("DeMarco Lane");
  });
  it("reads 'Said Colby, “…”' — the verb first, opening the sentence — as Colby's, with no 'Said' in the name", () => {
    expect(q("The agency admitted a mistake.", "Said Colby, “The thought that a mistake on our part is linked to the loss of those lives is painful.”")[0]?.[0]).toBe("Colby");
    expect(q("Agency Director James Colby admitted a mistake.", "Said Colby, “The thought that a mistake on our part is linked to the loss is painful.”")[0]?.[0]).toBe("James Colby");
  });
  it("gives every paragraph of a quotation run over several paragraphs the speaker of its first", () => {
    expect(
      q(
        "He then listed the qualities he wants in a leader, Morton Blake wrote:",
        "“In the essay I wrote last spring, I named several factors. Here they are:",
        "“Has the candidate a record of public service and leadership?",
        "“Is the candidate surrounded by people known for their loyalty?",
        "“Can the national press sink any truly independent candidate?”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Morton Blake", "Morton Blake", "Morton Blake", "Morton Blake"]);
  });
  it("takes the speaker of a quoted transcript from its label, not from the attribution around it", () => {
    expect(
      q(
        "Helen Marsh was asked about the flood at the debate. Partial transcript as follows:",
        "“LOPEZ: Secretary Marsh, did you mislead them?",
        "“MARSH: I have great sympathy for the families.”",
        "“VIDEO: The families were told it was the weather.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Lopez", "Helen Marsh", "Helen Marsh"]);
  });
  it("reads ', says X,' inside a sentence, and a pronoun after an opening phrase before a participle", () => {
    expect(
      q("Nancy Hale died on Sunday.", "The puzzle of Nancy, says Carl Avery, historian at the National Presidents Library, is that she was “one of the most powerful first ladies of the era.”")[0]?.[0],
    ).toBe("Carl Avery");
    expect(
      q("David Aldridge advised Helen Marsh for years.", "On Wednesday, he seemed to suggest he knows her habits, warning that Marsh is “still in charge of the race and should avoid overreacting.”")[0]?.[0],
    ).toBe("David Aldridge");
  });
  it("takes no one for a speaker who is only the subject of what another said ('Moore said Baker continued')", () => {
    expect(
      q(
        "Tom Baker spoke in Ohio.",
        "Brian Moore, the chairman of the Lake County GOP, for example, said Baker continued to hurt his cause locally. “I don’t think it’s played well for him,” he said.",
      )[0]?.[0],
    ).toBe("Brian Moore");
  });
  it("gives 'wrote Time magazine' to the magazine, and the next quotation too", () => {
    expect(
      q("Ted Marsh won Nevada.", "“Marsh was well prepared at the state caucus,” wrote Time magazine.", "“Marsh’s lead in the county caucuses followed his campaign’s hard work.”").map(([speaker]) => speaker),
    ).toEqual(["Time magazine", "Time magazine"]);
  });
  it("keeps 'the RNC member said' unnamed unless the article introduced someone by that role", () => {
    expect(
      q(
        "Baker flew to Ohio on his own jet. Most of the money now comes from donors.",
        "“Nobody minds when you’re spending your own cash, but it could cause trouble,” the RNC member said, adding that donors may object. “Most campaigns run on a far tighter budget.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["RNC member", "RNC member"]);
    expect(
      q(
        "Steven Chung, a campaign spokesman, said the office was needed. Baker paid the rent himself.",
        "“We are always adding new staff to the campaign,” the spokesman said.",
      )[0]?.[0],
    ).toBe("Steven Chung");
    expect(
      q(
        "Helen Marsh prepared for the debate with a dozen aides, and people close to the campaign described the mood. Those interviewed asked not to be named to speak freely.",
        "“Being open and honest are the two last, big hurdles for her,” the person added.",
      )[0]?.[0],
    ).toBe("Person");
    expect(
      q(
        "Peter Dunn spoke in Concord on Monday. One man in the crowd, responding to Dunn’s account of the slump, interrupted the candidate.",
        "“They robbed the whole country,” the man shouted.",
      )[0]?.[0],
    ).toBe("Man");
    expect(
      q(
        "Last month, Ann Kirby released a web ad compiling Tom Baker's statements, followed by a clip of John McKay saying he will support the nominee.",
        "“We need leaders to stand up to Tom Baker,” the narrator says.",
      )[0]?.[0],
    ).toBe("Narrator");
  });
  it("gives a sentence to the person it opens with, not to a body named inside that person's appositive", () => {
    expect(
      q(
        "Geoff Gardner, a Democratic pollster who is working with Forward Together, a pro-Marsh super PAC, said the primaries have cast her as “tough, bright and steady” and more.",
        "But he also said that the attacks have “fed clichés that are false but hard to shake all the same” for Marsh.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Geoff Gardner", "Geoff Gardner"]);
  });
  it("takes no verb and its object for a described speaker ('endorsed Baker in early July')", () => {
    expect(
      q(
        "Tom Baker told the Post he was “not quite ready yet” on Paul Rand.",
        "Paul Rand endorsed Tom Baker in early July, but only after publicly weighing the decision, telling reporters in June that he was “not quite ready yet.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Tom Baker", "Paul Rand"]);
  });
  it("keeps 'another commenter said' a described speaker, and takes 'That quote from X' after a quotation as its source", () => {
    expect(
      q("Helen Marsh laid flowers at the memorial.", "One man wrote, “She could hardly bend down to lay those flowers.” Another commenter said, “Everyone knows what she thinks of the army.”").map(
        ([speaker]) => speaker,
      ),
    ).toEqual(["Man", "Commenter"]);
    expect(
      q(
        "Pearson shared a story from a White House party: a young girl stared at a portrait of former President Bill Hale and asked who he was. Helen Hale laughed.",
        "Another child replied, “That’s Helen’s husband.”",
      )[0]?.[0],
    ).toBe("Child");
    expect(
      q("With Marsh, the agency's bad name grows.", "“I'd rather have a sister in a saloon than a brother in the agency.” That quote from Kansas Insurance Commissioner Thomas Kemp appeared in the Wall Street Journal.")[0]?.[0],
    ).toBe("Thomas Kemp");
  });
  it("gives 'he' and 'she' to no state, country or people, nor to a place the article went around", () => {
    expect(
      q(
        "Helen Marsh is telling diners at a café that “I need you on Tuesday.” Working her way around Chez Marcel, Marsh and husband Bill thanked another diner. She says, “With your help, we can win.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Helen Marsh", "Helen Marsh"]);
    expect(
      q(
        "Sen. Mark Rowe (R-Fla.) took questions in Iowa about sick leave and the Policy Foundation.",
        "The Florida senator’s reply was that “the family is the most important institution in our society,” so government should help families meet child care costs. But he made a bit of a slip.",
        "“The most important job I’ll ever have is the job of being a father,” he said.",
      ).at(-1)?.[0],
    ).toBe("Mark Rowe");
  });
  it("reads no auxiliary as part of a speaker after a quotation ('“…” had Helen Marsh congratulated him')", () => {
    expect(
      q(
        "Tom Baker said Friday that it would “have been nice” had Helen Marsh congratulated him for doing something that nobody has ever done before.",
        "“I wanted to see whether she’d show some class and leave my name out,” the Republican nominee said at a rally.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Tom Baker", "Tom Baker"]);
    // … and the condition's subject is no one who spoke, for a later description or pronoun.
    expect(
      q(
        "Tom Baker said Friday that it would “have been nice” had Helen Marsh congratulated him for doing something that nobody has ever done before.",
        "“I wanted to see whether she’d show some class,” the Republican nominee said at a rally. “Or mention it with respect.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Tom Baker", "Tom Baker", "Tom Baker"]);
  });
  it("leaves an attribution that introduces the next quotation to that one, when this one has its own", () => {
    expect(
      q(
        "Tom Baker criticized Anton Scully in December. After Scully said that some students might do better at “less demanding schools,” Baker said: “I didn't like what he said, no, I didn't like it at all.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Anton Scully", "Tom Baker"]);
    expect(
      q("In May 2011, Helen Marsh and Cheryl Moss traded emails.", "Marsh responds to Moss with, “Why now? That was on my way to Cairo?” Moss then writes back, “You look great.”").map(
        ([speaker]) => speaker,
      ),
    ).toEqual(["Helen Marsh", "Cheryl Moss"]);
    // The same attribution serves both halves when nothing before the first names a speaker.
    expect(q("Marco Rubio spoke in Iowa.", "“We will win this state,” Rubio said: “And then we will win the nomination.”").map(([speaker]) => speaker)).toEqual([
      "Marco Rubio",
      "Marco Rubio",
    ]);
  });
  it("leaves 'She replied to him that it was an “…”' to the next quotation after '…, telling her, “…!”'", () => {
    expect(
      q(
        "David Aldridge still thinks highly of the former secretary of state Helen Marsh.",
        "In July 2010, after Marsh suffered a fall, Aldridge emailed her condolences, calling her just “Helen” and telling her, “you are a star player and we need you for the long haul!” She replied to him that it was an “honor to serve the President with you.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["David Aldridge", "Helen Marsh"]);
  });
  it("takes a surname alone as a sentence's subject when the article titles it elsewhere ('President Weiss' … 'And even Weiss tried')", () => {
    expect(
      q(
        "President Weiss hosted the summit. Both Lukas Vogt and Pedro Alvarez gave polite assurances that they would work with whoever voters elect. And even Weiss tried to let them off the hook, noting that he'd decline too in their place. “When I visit other nations, it's not my role to comment on candidates,” he said.",
      )[0]?.[0],
    ).toBe("Weiss");
  });
  it("finds a sentence's subject after 'Recently,' for a later 'he'", () => {
    expect(
      q(
        "Luay Haddad said Iraqis were welcome. “We are happy here,” Haddad said.",
        "Recently, Herman Cole, the burger tycoon and one-time Republican White House hopeful who hosts a Dallas radio show, was asked by a caller why young Iraqi men are coming to the U.S. as refugees. “So they can be placed among us and harm us,” he said.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Luay Haddad", "Herman Cole"]);
  });
  it("finds the subject after a front-runner's title for a later 'she'", () => {
    expect(
      q(
        "Justice Anton Scully died on Saturday.",
        "Democratic front-runner Helen Marsh caused a stir recently when an Ohio voter asked if she might think about appointing Weiss. “Wow, what a great idea. Nobody has ever put that to me,” she replied.",
      )[0]?.[0],
    ).toBe("Helen Marsh");
  });
  it("reads no clause opened by 'though' or 'but' as an appositive between a name and its verb", () => {
    expect(
      q(
        "President Weiss has been criticized for using the term against the rebel army, also known as the RLA or the Front, though at a press briefing last week he used tougher words, saying the group “must be defeated.”",
      )[0]?.[0],
    ).toBe("Weiss");
  });
  it("finds the person a two-part description titles by either part ('the Vermont senator and presidential candidate')", () => {
    expect(
      q("Sen. Peter Dunn spoke in Vermont on Tuesday. Tom Baker answered him.", "“Japan is just as worried about what Russia is doing,” the Vermont senator and presidential candidate told ABC.")[0]?.[0],
    ).toBe("Peter Dunn");
  });
  it("finds a sentence's subject after an opening phrase with a city and its state ('At a rally in Bangor, Maine, on Thursday, Baker')", () => {
    expect(
      q(
        "“There is no fair basis for singling out Peruvians,” Joey Salazar said in a motion filed in Lima.",
        "At a rally in Bangor, Maine, on Thursday afternoon, Tom Baker included Peru on a list of countries. “We're letting people come in from dangerous nations that shouldn't be allowed,” he said.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Joey Salazar", "Tom Baker"]);
  });
  it("takes the name after a participle ('telling Vox in an interview') as its object, not as an inverted speaker", () => {
    expect(
      q(
        "Peter Dunn questioned Helen Marsh's judgment on Sunday.",
        "Vice President Joe Bryant weighed in as well, telling Vox in an interview published on Monday, “But goodness me, they’re both qualified,” he said.",
      )[0]?.[0],
    ).toBe("Joe Bryant");
  });
  it("reads 'Prior later Thursday told' as Prior, and gives no 'he' to an acronym ('FLR')", () => {
    expect(
      q(
        "“We’ve got lots of time,” Sean Spencer told CNN. Rand and Baker will meet next week, Spencer said.",
        "Reince Prior later Thursday told Fox News: “Tom Baker and Paul Rand will sit down next week to talk about these issues.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Sean Spencer", "Reince Prior"]);
    expect(
      q(
        "In an October debate, while most of his rivals called for a bigger military effort to crush the rebel army, also known as the RLA or FLR, Tom Baker stuck more to President Weiss's approach, noting that the government in Caracas and FLR are enemies. “Let them fight each other and pick up the pieces,” he said.",
      )[0]?.[0],
    ).toBe("Tom Baker");
  });
  it("gives 'the ministry said' to a ministry named in lower case after its country ('Russia’s foreign ministry')", () => {
    expect(
      q(
        "A Russian official responded, while Russia’s foreign ministry also responded to the U.S. and German comments. “Countries outside the region should keep their promises and not make careless remarks,” the ministry said.",
      )[0]?.[0],
    ).toBe("Russia’s Foreign Ministry");
  });
  it("ends a described speaker before its auxiliary ('the FRN group is calling on Helen Marsh to “…”')", () => {
    expect(
      q(
        "In what may be the first time Republicans and the Fair Rents Now movement have agreed on anything, the FRN group is calling on Helen Marsh to “stop using renters’ votes” and call on Rob Emery to resign.",
      )[0]?.[0],
    ).toBe("FRN group");
  });
  it("reads the attribution after a quotation through a scare quote ('the “grass-roots muscle” they need, PFA spokesman Neil Soto said')", () => {
    expect(
      q(
        "“We will win this state and the next one,” Peter Dunn said on Tuesday. His endorsements will carry “a great deal of weight” and help give candidates the “grass-roots muscle” they need to win, PFA spokesman Neil Soto said.",
      ).map(([speaker]) => speaker),
    ).toEqual(["Peter Dunn", "Neil Soto"]);
  });
  it("reads 'said Dunn as Kingsley looked on' as Dunn's", () => {
    expect(q("Peter Dunn and Jane Kingsley spoke.", "“We really can win on Tuesday, I think,” said Dunn as Kingsley looked on.")[0]?.[0]).toBe("Peter Dunn");
  });
  it("gives 'the editorial board wrote' to the newspaper named before, not to the person named last", () => {
    expect(
      q(
        "The pro-Carver Union Herald, Vermont's largest newspaper, has attacked Ted Marsh. Chris Carver welcomed it.",
        "“Marsh had a chance to stand up for his principles,” the editorial board recently wrote.",
      )[0]?.[0],
    ).toBe("Union Herald");
  });
  it("takes the last clause's subject before a quotation, no participle's object after it, and no dateline's place", () => {
    expect(
      q("Mark Rowe and Ted Marsh debated.", "Rowe hinted that a person who won't answer questions can't be president, while Marsh said that the “stakes in this race are too high” for Baker.")[0]?.[0],
    ).toBe("Ted Marsh");
    expect(
      q("Jeremy Boyle runs the club.", "Boyle said the members will still meet for dinner, but said, “It’s time we changed the way we do it,” promising the Friends of Lincoln will return to its roots.")[0]?.[0],
    ).toBe("Jeremy Boyle");
    expect(
      q("DNC apologises to Peter Dunn.", "BOSTON, June 12 (UPI) — The Democratic National Committee issued a statement on Monday, offering “a full and sincere apology” to Sen. Peter Dunn.")[0]?.[0],
    ).toBe("Democratic National Committee");
  });
  it("gives 'he said' to no place the article is in ('serving in Iran')", () => {
    expect(
      q(
        "President Mark Weiss has a fan in British envoy Sir Peter Westbrook.",
        "Westbrook, who is to retire soon after posts in Iran, Egypt and Spain, praised Weiss’s presidency in an interview published Saturday. He currently serves as the British ambassador to the U.S.",
        "“I think the record, the overall tally, doesn’t look bad,” he told the Guardian.",
      )[0]?.[0],
    ).toBe("Peter Westbrook");
  });
  it("gives 'he said' to no organisation and takes no number for a name", () => {
    expect(q("The Liberty Foundation released a report on Monday.", "“We will not accept this budget in any form,” he said.")[0]?.[0]).toBeNull();
    expect(q("The Common Sense PAC spent millions on Monday.", "“We will not accept this budget in any form,” she said.")[0]?.[0]).toBeNull();
    const thirteen = speakerCandidates(["Helen Marsh spoke in Iowa.", "Thirteen years before, she had backed the war from “the view of a senator from New York who had lived through the storm.”"]);
    expect(thirteen[0]?.candidates.map((c) => c.name)).toEqual(["Helen Marsh", "Iowa"]);
    // "said only that his “…”": an adverb before "that".
    expect(q("Tom Baker and Mark Rowe argued about pensions.", "After Baker argued that pensions shouldn’t be cut, Rowe said only that his “sums don’t add up.”")[0]?.[0]).toBe("Mark Rowe");
  });
  it("gives 'he said' to the subject of a clause after ', but' ('but Carver wasn't having it')", () => {
    expect(
      q("Chris Carver and Mark Rowe debated.", "“Let's be done with this myth,” said Rowe.", "The moderators wanted to move on, but Carver wasn't having it.", "“You see, folks, I want the people at home to think hard about this,” he said.").map(
        ([speaker]) => speaker,
      ),
    ).toEqual(["Mark Rowe", "Chris Carver"]);
  });
  it("ends no sentence at a title's period ('Gov. Chris Carver') but does at an acronym's ('in the U.S. He says')", () => {
    expect(
      q("Tom Baker spoke.", "New Jersey Gov. Chris Carver (R), a staunch Tom Baker ally, admitted some copying even as he defended the campaign, saying, “Ninety percent of the speech is entirely his own.”")[0]?.[0],
    ).toBe("Chris Carver");
    expect(q("Chris Cobb of the NFU spoke after Mark Weiss.", "Cobb says Weiss is trying to distract from crime in the U.S. He says voters don’t want any more “preachy, condescending lectures.”")[0]?.[0]).toBe("Chris Cobb");
  });
  it("gives 'X released a statement Thursday night condemning “…”' to X, not to the place the sentence opens with", () => {
    expect(
      q(
        "Witnesses said cars were strewn over the road. RTL TV reported the news.",
        "In Washington, President Weiss released a statement Thursday night condemning “what appears to be a horrific attack in Lyon, France.” He said he had told his team to help.",
      )[0]?.[0],
    ).toBe("Weiss");
  });
  it("gives 'the statement said' to whoever released the statement", () => {
    expect(
      q(
        "A bomb attack in Lyon killed many. The Regional Council met.",
        "In Washington, President Mark Weiss released a statement Thursday night condemning the attack.",
        "“We stand in solidarity and friendship with France, our oldest ally,” the statement said.",
      )[0]?.[0],
    ).toBe("Mark Weiss");
  });
  it("reads '- Dunn.' signing a quotation, quotations joined by 'and', and 'said X when asked'", () => {
    expect(q("Helen Marsh and Peter Dunn debated taxes.", "“Ford and Exxon and other big firms pay zero taxes.”", "- Dunn.")[0]?.[0]).toBe("Peter Dunn");
    expect(q("Democrats met in Boston.", "Sweets are “the worst public health crisis” and “stunt children’s growth,” Howard Dale, the former governor of Vermont, proclaimed.").map(([speaker]) => speaker)).toEqual([
      "Howard Dale",
      "Howard Dale",
    ]);
    // An ordinal in a rank: "Air Force 1st Lt. Tyler Lawson".
    expect(
      q("“The army view is far out there,” said Army Capt. Christian Prado.", "“I really don’t see how a better candidate didn’t join the race,” said Air Force 1st Lt. Tyler Lawson.").map(([speaker]) => speaker),
    ).toEqual(["Christian Prado", "Tyler Lawson"]);
    // Two quotations in one sentence that ends with its attribution.
    expect(
      q("Gilmore runs the group.", "Giving was “flat for about a month or six weeks” as donors waited to see how a “stormy election season” played out, he said.").map(([speaker]) => speaker),
    ).toEqual(["Gilmore", "Gilmore"]);
    expect(q("Lindsey Gray backs Ted Marsh.", "“Anyone who will not obey our tax laws puts families at risk,” said Marsh constituent Dan Golding when asked about Lindsey Gray.")[0]?.[0]).toBe(
      "Dan Golding",
    );
  });
  it("reads a new clause's subject after a quotation, no comparison ('Like Parker, Mendez'), and 'One of the …'s executives, X,'", () => {
    expect(
      q("Pete Mallory is in jail.", "In a video that U.S. District Judge Michael W. Moss called “distasteful,” Mallory expressed a desire to “try, convict and jail Helen Marsh.”")[0]?.[0],
    ).toBe("Pete Mallory");
    expect(
      q("Bob Parker and Bob Mendez spoke.", "Like Parker, Mendez also rejected the idea that Democrats could walk away from the deal, arguing that there is “room for the administration” in the plan.")[0]?.[0],
    ).toBe("Bob Mendez");
    expect(
      q("Tom Baker promised handpicked teachers.", "One of the college's top executives, Michael Sutton, later testified in one of the suits that “none of the teachers at the live seminars” were handpicked.")[0]?.[0],
    ).toBe("Michael Sutton");
  });
  it("reads '…, but now said Baker had “…”', 'Here’s Marsh in December 1994: “…”' and 'Olsen barked'", () => {
    expect(
      q(
        "“Baker is going to win this election,” Senator Jeff Sinclair, a close adviser to Baker, told AFP. House Republican Thomas Mabry used to support fellow Kentuckian Carl Hayes, but now said Baker had “the chance and the duty to bring us together.”",
      ).map(([speaker]) => speaker),
    ).toEqual(["Jeff Sinclair", "Thomas Mabry"]);
    expect(q("Thomas Franks wrote about Helen Marsh.", "Here’s Marsh in December 1994: “Our new course must rest on an understanding of world trade.”")[0]?.[0]).toBe("Helen Marsh");
    expect(
      q("HBO comedian John Olsen appeared on the show with Tom Baker.", "“Baker is simply wrong about this,” Helen Marsh said in a statement. “OK, for a start, his wife has said that she chose not to speak,” Olsen barked.").map(
        ([speaker]) => speaker,
      ),
    ).toEqual(["Helen Marsh", "John Olsen"]);
  });
  it("names the body behind its website or ad, and ends a description at its role", () => {
    expect(q("The Liberty Foundation opposes the bill.", "“This bill is a disaster for taxpayers in every state,” the Liberty Foundation website says.")[0]?.[0]).toBe("Liberty Foundation");
    expect(q("Officials met on Monday.", "“We are not going to agree to this plan at all,” said a source involved in the talks.")[0]?.[0]).toBe("Source");
    // "some protesters chanted": people described, not the person named before.
    expect(q("Officer Jason Van Doren was charged.", "“Hey, hey! Ho, ho! Rob Emery's got to go!” some protesters chanted, two days after the footage came out.")[0]?.[0]).toBe("Protesters");
    // So is a party member: "one senior Democrat said".
    expect(q("Bill Hale defends the charity.", "“The campaign has been very slow to speak up for the charity,” one senior Democrat said.")[0]?.[0]).toBe("Senior Democrat");
    // A confidant is a role: described, not given to the person named before.
    expect(q("“He is not ready,” Bruce Hayward said.", "“Baker is bigger than the party,” said one Baker confidant.").map(([speaker]) => speaker)).toEqual(["Bruce Hayward", "Baker confidant"]);
  });
  it("keeps 'One of the authors of that report, Ari Fischer, said' for a later 'said the former top aide', and 'But his wife, Jane, offered' for 'she said'", () => {
    expect(
      q(
        "Peter Dunn will fight on.",
        "But his wife, Jane, gave a preview in a chat just before Ohioans went to the polls. “If he wins, he wants to keep this movement alive,” she said.",
      )[0]?.[0],
    ).toBe("Jane");
    expect(
      q(
        "Paul Manning runs the campaign.",
        "One of the authors of that 2012 report, Ari Fischer, said Baker’s nomination will test their findings. “Certainly Tom Baker has gone in the opposite direction,” said the former senior aide to President George W. Bush.",
      )[0]?.[0],
    ).toBe("Ari Fischer");
  });
  it("takes no subject from a clause after the quotation that opens with 'until' ('… “Q” until Hayes said …')", () => {
    expect(
      q("Jason Simms, a teacher from Mount Vernon, backs Mark Rowe.", "Simms say he was “kind of sitting on the fence” until Hayes said she was backing the Florida senator.")[0]?.[0],
    ).toBe("Jason Simms");
  });
  it("reads 'according to a court document filed by X' after a long quotation", () => {
    expect(
      q(
        "Michelle Fielding said she had been pulled backward.",
        "“Although there were grounds to arrest him, the evidence cannot establish every legally required element of the offence charged and is not enough to support a criminal prosecution in this case,” according to a court document filed by state attorney Dave Arnold.",
      )[0]?.[0],
    ).toBe("Dave Arnold");
  });
  it("reads 'X noted that U.S. officials …, and “…”' across an abbreviation, and 'a NY1 representative said'", () => {
    expect(
      q(
        "Deputy national security adviser Ben Rhoades briefed reporters.",
        "The agenda came up when Weiss met in the afternoon with Chinese President Li Wei. Rhoades noted that U.S. officials have for years been in talks with Chinese, Japanese, and South Korean officials about the threat posed by North Korea, and “we're in talks about the deployment of more missile defense” in the area.",
      )[0]?.[0],
    ).toBe("Ben Rhoades");
    expect(q("The New York Post revealed Weaver had been texting.", "“Anthony Weaver is on open-ended leave from the channel,” a NY1 representative said in a statement.")[0]?.[0]).toBe("NY1 representative");
  });
  it("takes no possessive or document for a speaker", () => {
    expect(q("Responding to Baker's remarks, Marsh wrote: “Well, I think what has been hard is plain.”")).toEqual([["Marsh", "Well, I think what has been hard is plain."]]);
    expect(q("Paul Rand issued a statement describing the talks as a “very positive step toward unity” today.")).toEqual([["Paul Rand", "very positive step toward unity"]]);
  });
  it("never names a pronoun or a closed-class word as the speaker", () => {
    const found = q(
      "The mayor of Springfield spoke at the town hall on Monday.",
      "He said the budget would pass. He added: “We will win this fight and we will win it soon.”",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.[0]).not.toMatch(/^(?:he|she|they|we|i|it)$/i);
    // "According to the newspaper, “…”": the newspaper's words, not a person called According.
    const according = q("Gun laws were in the news again. According to the newspaper, “loose gun laws allow dealers to sell rifles to any adult.”");
    expect(according[0]?.[0] ?? "").not.toMatch(/^According\b/);
    // "Despite Rubio’s …" and "Some Cruz aides" name Rubio and Cruz: their fullest names are no "Despite Rubio".
    expect(q("Despite Rubio’s rise, Cruz Jones held on. Some Cruz aides were calm.", "“We are going to win this state in the end,” Rubio said.")).toEqual([
      ["Rubio", "We are going to win this state in the end"],
    ]);
  });
  it("names organisations and roles as such, and gives 'the ministry' to the ministry named before", () => {
    expect(q("“We will not accept this at all,” the White House said.")).toEqual([["White House", "We will not accept this at all"]]);
    expect(q("“Nothing was signed today at all,” the State Department said in a statement.")).toEqual([["State Department", "Nothing was signed today at all"]]);
    expect(q("“We will respond to this in time,” a Kremlin spokesperson said.")).toEqual([["Kremlin spokesperson", "We will respond to this in time"]]);
    expect(q("Hillary Clinton spoke.", "“We are winning this thing,” the Clinton campaign said.")).toEqual([["Clinton campaign", "We are winning this thing"]]);
    expect(q("Ken Ota spoke for Japan's Foreign Ministry. “This is deeply irresponsible,” the ministry said.")).toEqual([
      ["Japan's Foreign Ministry", "This is deeply irresponsible"],
    ]);
  });
  it("never takes a place in a description for a person, and a sentence subject that is no person for 'he'", () => {
    expect(q("Peter Dunn spoke in Vermont. The Vermont senator said he was proud.", "“We will take this all the way to the convention,” he said.")).toEqual([
      ["Peter Dunn", "We will take this all the way to the convention"],
    ]);
    expect(q("Mark Rowe spoke. Florida voted early this year.", "“We will win the state for sure,” he said.")).toEqual([["Mark Rowe", "We will win the state for sure"]]);
  });
  it("pairs marks and leaves apostrophes alone", () => {
    expect(quoteSpans("It’s “one two three” and ‘four’.")).toEqual([{ open: 5, close: 19 }]);
  });
  describe("British news (BBC style: straight marks, one sentence a line, no periods after titles)", () => {
    it("gives a paragraph of quotation after one ending in reported speech to that speaker (and no 'she' to the Tories)", () => {
      expect(
        q(
          'Ms Hartley said: "We have doubled paternity leave already."',
          "The Tories dismissed the plan as costly.",
          "Other plans include letting paternity leave be shared with mothers.",
          "She said new fathers were already entitled to two weeks leave, but that many men could not take it.",
          '"We have made a clear promise."',
        ),
      ).toEqual([
        ["Hartley", "We have doubled paternity leave already."],
        ["Hartley", "We have made a clear promise."],
      ]);
    });
    it("takes a first name before a body word that is also a surname for a person ('Colin Fox', not Fox News)", () => {
      expect(
        q(
          "Tory co-chairman Colin Fox was speaking after Mr Grant told Labour members the Tories offered a harsh agenda.",
          "Dr Fox accused Mr Grant and other Cabinet ministers of telling untruths about their rivals' policies.",
          '"What we saw this weekend shows what the Labour tactics will be," he told BBC News.',
        ),
      ).toEqual([["Colin Fox", "What we saw this weekend shows what the Labour tactics will be"]]);
    });
    it("gives the sentence's opening name a quotation whose attribution names a body inside its description", () => {
      expect(
        q('Nick Dawes, spokesman for cycling\'s ruling body the UCI, which handed out the interim bans, said: "We can\'t comment as we weren\'t at the meeting."'),
      ).toEqual([["Nick Dawes", "We can't comment as we weren't at the meeting."]]);
    });
    it("names the person after a role in an inverted attribution ('said the chairman of …, Labour MP Barry Shearer')", () => {
      expect(
        q("Sir Mike Thomson was briefed this week.", '"It will be a shame if the government comes up with a lukewarm response," said the chairman of the Commons health select committee, Labour MP Barry Shearer.'),
      ).toEqual([["Barry Shearer", "It will be a shame if the government comes up with a lukewarm response"]]);
    });
    it("reads 'Sir Digby' as the Sir Digby Hughes the article named", () => {
      expect(q("CBI director general Sir Digby Hughes welcomed the figures.", 'Sir Digby added: "I don\'t think he will."')).toEqual([["Digby Hughes", "I don't think he will."]]);
    });
    it("names nobody for a phrase in quotation marks in a sentence where nobody speaks", () => {
      expect(
        q("Young readers voted Milo Finch the winner, announced by Michael Morland.", 'The prize, which is marking its 15th year, is billed as "the UK\'s biggest children\'s poetry award".'),
      ).toEqual([[null, "the UK's biggest children's poetry award"]]);
      // (A quotation the sentence's subject says still goes to that subject.)
      expect(q("Mr Fox hit back by accusing the prime minister of \"hiding away from the gaze of the national press\".")).toEqual([["Fox", "hiding away from the gaze of the national press"]]);
    });
    it("takes no common noun that opens a sentence with a scare quote for someone who spoke", () => {
      const quotes = q(
        "Plans to extend paid paternity leave should be in the manifesto, the Work and Pensions Secretary has said.",
        "Ms Hartley also announced a new drive to help men into female dominated jobs.",
        'Plans include funding for colleges and "trial courses" for men and women.',
        "Men in part-time work earn 12% less than women, according to the Fair Pay Commission.",
        'The minister told the conference that ending "job sexism" was vital.',
        '"Job sexism limits choices for people of all ages.',
        '"It is plainly wrong to think someone cannot do a job because of their sex," she said.',
      );
      expect(quotes.map(([speaker]) => speaker)).toEqual(["Hartley", "Hartley"]);
    });
    it("takes the attribution after a quotation that closes in the next paragraph", () => {
      expect(
        q("He died in his sleep on Tuesday at his home on Grand Bahama island.", '"He had a full life.', 'His dearest wish was to see his name on a book cover and he surely managed that," said his wife, Sheila.'),
      ).toEqual([["Sheila", "He had a full life."]]);
    });
    it("gives a quotation to the sentence's opener, not to a name in its relative clause", () => {
      expect(
        q(
          "Hollywood film star Liam Nolan has held a dinner party in Boston to promote Derry's Playhouse Theatre.",
          'Mr Nolan said that the idea was to get a group of "rich, generous Irish Americans" in one room.',
          'The Bafta-winning actor, whose roles include Sea Wall, Michael Dwyer and Star Trek: The Final Voyage, said: "The Playhouse is too important to the cultural life of Northern Ireland."',
          '"It gave me my start professionally."',
        ).map(([speaker]) => speaker),
      ).toEqual(["Liam Nolan", "Liam Nolan", "Liam Nolan"]);
    });
    it("reads an inset set off by spaced hyphens ('Gerry Conway - who was wrongly convicted - said')", () => {
      expect(
        q(
          "Mr Grant apologised to the families on Tuesday.",
          "However, one of the so-called Bristol Three, Gerry Conway - who was wrongly convicted of starting the fire - said the families were pleased with the apology.",
          '"It\'s a day I never thought I would see," he said.',
        ),
      ).toEqual([["Gerry Conway", "It's a day I never thought I would see"]]);
    });
    it("takes the subject, not the object, of 'X then e-mailed Y pointing out …' for the 'he' that follows", () => {
      expect(
        q(
          "The message went by mistake to Panorama reporter Andrew McFarlane.",
          "Realising his error, Mr Harlow then e-mailed Mr McFarlane pointing out the slip.",
          'He said: "I am hopeless with this pager business."',
        ),
      ).toEqual([["Harlow", "I am hopeless with this pager business."]]);
    });
    it("leaves a quotation with no attribution and no likely speaker without one", () => {
      expect(
        q(
          "He plans to be handing them out by the end of 2008 and is already in talks with the Indian education ministry.",
          '"In India they spend $12 per child per year on books."',
        ),
      ).toEqual([[null, "In India they spend $12 per child per year on books."]]);
    });
    it("gives 'Colin Aspel, Brighton Hotel Association said' to the person, not the body", () => {
      expect(q('Colin Aspel, Brighton Hotel Association said: "We have worked hard to ensure they return to Brighton."')).toEqual([
        ["Colin Aspel", "We have worked hard to ensure they return to Brighton."],
      ]);
    });
    it("drops a people's name before a full name ('Russian Dmitriy Belov')", () => {
      expect(stripTitles("Russian Dmitriy Belov")).toBe("Dmitriy Belov");
      expect(stripTitles("Scottish Parliament")).toBe("Scottish Parliament");
    });
    it("drops an occupation before a name like a title", () => {
      expect(stripTitles("Novelist Edith Crane")).toBe("Edith Crane");
      expect(stripTitles("Broadcaster Anne Rowland")).toBe("Anne Rowland");
    });
  });
});

describe("name runs", () => {
  it("do not run on into the next paragraph", () => {
    expect(q("Officials met in North Korea", "Donald Trump spoke later. “We will talk to them very soon,” Trump said.")).toEqual([
      ["Donald Trump", "We will talk to them very soon"],
    ]);
  });
  it("lose their titles, and a place or body after 'of' ends a person's name but no title's", () => {
    expect(stripTitles("Rep. Tom Cale of Oklahoma")).toBe("Tom Cale");
    expect(stripTitles("Patricia Moreno of Laramie")).toBe("Patricia Moreno");
    expect(stripTitles("U.S. Secretary of State John Kemp")).toBe("John Kemp");
    expect(stripTitles("President Tom Baker’s")).toBe("Tom Baker");
    // A title that is also a surname, after a first name, stays: "Pete King" but "King Abdullah".
    expect(stripTitles("Ohio Congressman Pete King")).toBe("Pete King");
    expect(stripTitles("King Abdullah")).toBe("Abdullah");
    expect(stripTitles("Saudi King")).toBe("");
    expect(stripTitles("Jordanian King Abdullah")).toBe("Abdullah");
    // A first name that ends like a people's name ("Jean", "Brian") is still a first name.
    expect(stripTitles("Mary Jean King")).toBe("Mary Jean King");
    expect(stripTitles("Brian King")).toBe("Brian King");
    // A description joined by a hyphen ends before the name; a particle joined to a surname stays.
    expect(stripTitles("South African-born Monte Hayes")).toBe("Monte Hayes");
    expect(stripTitles("Times Editor-in-Chief Martin Barrow")).toBe("Martin Barrow");
    expect(stripTitles("President Bashir al-Hassan")).toBe("Bashir al-Hassan");
  });
  it("end at a capitalised pronoun, which opens a new sentence, but keep a final I", () => {
    expect(capitalisedRuns("McCain spoke in Washington D.C. He recalled World War I and Mr. Trump.").map((r) => [r.text, r.index])).toEqual([
      ["McCain", 0],
      ["Washington D.C", 16],
      ["World War I", 44],
      ["Mr. Trump", 60],
    ]);
    expect(q("McCain spoke in Washington D.C. He recalled the fight. “I probably should not say this at all,” he concluded.")).toEqual([
      ["McCain", "I probably should not say this at all"],
    ]);
  });
});

describe("title-case paragraphs", () => {
  it("counts the words that start with a letter, and the capitals among them, as splitting on white space does", () => {
    const bySplit = (p: string) => {
      const words = p.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
      return words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * words.length;
    };
    const samples = [
      "Trump Supporter Screams At Reporters",
      "Trump supporter screams at reporters",
      "Élan Vital Über Alles",
      "“Quoted” Words Do Not Count As Words",
      "Three Capital Words",
      "𝐀lpha 𝐁eta Gamma delta",
      "Ünd\u00a0Zwei\u2003Drei Vier",
      "A B C d e",
      "",
    ];
    for (const p of samples) expect(isTitleCase(p), p).toBe(bySplit(p));
  });
  it("knows white space beyond ASCII as \\s does, for every UTF-16 unit", () => {
    let spaces = 0;
    for (let c = 0x80; c <= 0xffff; c++) {
      const s = /\s/.test(String.fromCharCode(c));
      if (s) spaces++;
      if (isWideSpace(c) !== s) expect(isWideSpace(c), `U+${c.toString(16)}`).toBe(s);
    }
    expect(spaces).toBeGreaterThan(15);
    // A word opened by punctuation of U+2000–U+206F starts with no letter, however it goes on.
    expect(isTitleCase("“Quoted” —Dashed ‘Words’ Here And There")).toBe(false);
    expect(isTitleCase("“Quoted” Words Here And There Too")).toBe(true);
  });
});

describe("reported speech (paraphrase)", () => {
  const p = (...paragraphs: string[]) => extractStatements(paragraphs).paraphrases.map((x) => [x.speaker, x.text]);
  it("finds 'X said (that) …', '…, X said.', 'according to X' and 'noting that …', whole sentences", () => {
    expect(p("Kremlin spokesperson Dmitry Peskov downplayed prospects for immediate results, noting that no documents are expected to be signed.")).toEqual([
      ["Dmitry Peskov", "Kremlin spokesperson Dmitry Peskov downplayed prospects for immediate results, noting that no documents are expected to be signed."],
    ]);
    expect(p("Senator Jane Roe said on Tuesday that the bill would pass by the end of the month.")).toEqual([
      ["Jane Roe", "Senator Jane Roe said on Tuesday that the bill would pass by the end of the month."],
    ]);
    expect(p("The bill would pass by the end of the month, Jane Roe said.")).toEqual([["Jane Roe", "The bill would pass by the end of the month, Jane Roe said."]]);
    expect(p("The deal is off for now, according to the State Department.")).toEqual([["State Department", "The deal is off for now, according to the State Department."]]);
  });
  it("gives 'he said' to the person before, and keeps quotations and plain sentences out", () => {
    expect(p("Mayor John Smith arrived late.", "He said the council would vote on the budget next week.")).toEqual([
      ["John Smith", "He said the council would vote on the budget next week."],
    ]);
    expect(p("“We will vote next week on the budget,” Mayor John Smith said.")).toEqual([]);
    expect(p("The council met on Tuesday and voted on the budget.")).toEqual([]);
  });
  it("finds the seed's reported statements, apart from its direct quotes", () => {
    const a = seedArticles();
    const speakers = a.flatMap((x) => extractStatements(x.paragraphs).paraphrases.map((r) => r.speaker));
    expect(speakers).toEqual(expect.arrayContaining(["Dmitry Peskov", "Volodymyr Zelenskyy"]));
  });
});

describe("quotes in the seed", () => {
  const corpus = new Corpus(seedArticles());
  const by = (name: string) => corpus.findPeople(name).flatMap((p) => p.quotes.map((x) => x.text));
  it("gives Trump exactly his two quotes", () => {
    const t = by("Trump");
    expect(t).toHaveLength(2);
    expect(t[0]).toMatch(/^We have a meeting with President Putin tomorrow\./);
    expect(t[1]).toMatch(/^We’re going to have a meeting with President Putin, President Zelenskyy, myself/);
  });
  it("gives Rubio his two full quotes and Starmer his one", () => {
    expect(by("rubio")).toEqual([
      "They’re going very fast because this was put together very quickly, and it’s in Alaska, so we’ve got to get there",
      "I think we all recognize that there’ll have to be some conversation about security guarantees. There’ll have to be some conversation about, you know, territorial disputes and claims and what they’re fighting over",
    ]);
    expect(by("Starmer")).toEqual(["international borders cannot be, and must not be, changed by force."]);
  });
  it("knows Putin is mentioned but never quoted", () => {
    const putin = corpus.findPeople("Putin");
    expect(putin.map((p) => p.name)).toEqual(["Vladimir Putin"]);
    expect(putin[0]?.quotes).toHaveLength(0);
    expect(putin[0]?.articles.size).toBe(1);
  });
  it("merges President Donald Trump, President Trump and Trump into one person", () => {
    const trump = corpus.findPeople("donald");
    expect(trump).toHaveLength(1);
    expect(trump[0]?.name).toBe("Donald Trump");
    expect(trump[0]?.articles.size).toBe(2);
    expect([...(trump[0]?.aliases ?? [])]).toEqual(expect.arrayContaining(["Donald Trump", "Trump"]));
    expect(corpus.findPeople("Trump")).toEqual(trump);
    expect(corpus.findPeople("president trump")).toEqual(trump);
  });
  it("merges Donald J. Trump and Mr. Trump with Donald Trump across articles", () => {
    const file = (name: string, text: string) => parseArticleFile({ name, text, mtime: new Date(0) }).articles;
    const c = new Corpus([
      ...file("a.txt", "Title A\n\nDonald J. Trump spoke in Ohio.\n\n“We will win Ohio,” Mr. Trump said."),
      ...file("b.txt", "Title B\n\nPresident Donald Trump spoke in Iowa.\n\n“We will win Iowa too,” Trump said."),
    ]);
    const people = c.findPeople("Trump");
    expect(people).toHaveLength(1);
    expect(people[0]?.quotes.map((x) => x.text)).toEqual(["We will win Ohio", "We will win Iowa too"]);
  });
  it("finds people by any part of the name, ignoring case and accents", () => {
    expect(corpus.findPeople("MARCO").map((p) => p.name)).toEqual(["Marco Rubio"]);
    expect(corpus.findPeople("Zelénskyy").map((p) => p.name)).toEqual(["Volodymyr Zelenskyy"]);
  });
  it("keeps two people with one surname apart and gives a bare surname to the one in that article", () => {
    const file = (name: string, text: string) => parseArticleFile({ name, text, mtime: new Date(0) }).articles;
    const c = new Corpus([
      ...file("a.txt", "Title A\n\nFormer President Bill Clinton spoke.\n\n“We need more jobs now,” Clinton said."),
      ...file("b.txt", "Title B\n\nHillary Clinton campaigned.\n\n“I will fight for you,” Clinton said."),
    ]);
    expect(c.findPeople("Bill").flatMap((p) => p.quotes.map((x) => x.text))).toEqual(["We need more jobs now"]);
    expect(c.findPeople("Hillary").flatMap((p) => p.quotes.map((x) => x.text))).toEqual(["I will fight for you"]);
    expect(c.findPeople("Clinton")).toHaveLength(2);
  });
});
