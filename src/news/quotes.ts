/**
 * Direct quotations and their speakers. A quotation is the text between matching marks (curly or
 * straight) of at least three words; shorter ones are scare quotes. The speaker comes from the
 * attribution next to it: "“Q,” Trump said", "“Q,” said Rubio", "“Q,” he added", "Rubio noted: “Q”",
 * "with Starmer emphasizing that “Q”", "according to X". A pronoun is the last named speaker.
 */
import { capitalisedRuns, isTitleWord, NAME_JOINERS, NAME_PARTICLES, personKey, stripTitles, surname } from "./names.js";
import { compatible, type Gender, genderOf, isFirstName } from "./gender.js";
import { splitSentences } from "./sentences.js";
import { type Candidate, FEATURE, pickSpeaker, pickStands, SPEAKER_FEATURES } from "./speakers.js";
import { fast, plainText, whilePlain } from "./ascii.js";
import { execAll, fold, hasWords, remembered } from "./text.js";

export interface Quote {
  /** The quoted words, exactly as written between the marks. */
  text: string;
  /** The speaker's name as this article gives it most fully, or null when nobody is named. */
  speaker: string | null;
  paragraph: number;
  /** Offsets of `text` within its paragraph (of the whole, attribution included, when in parts). */
  start: number;
  end: number;
  /** A quotation split around its attribution ("“Q1,” he said, “Q2.”"): each part's offsets. */
  parts?: Array<[number, number]>;
}

const BASE_VERBS: Array<[string, ...string[]]> = [
  ["say", "said", "says", "saying"],
  ["tell", "told", "tells", "telling"],
  ["write", "wrote", "writes", "writing", "written"],
  ["add"], ["note"], ["state"], ["explain"], ["ask"], ["declare"], ["insist"], ["argue"], ["warn"],
  ["claim"], ["continue"], ["recall"], ["remark"], ["observe"], ["stress"], ["emphasize"], ["emphasise"],
  ["acknowledge"], ["admit"], ["announce"], ["respond"], ["tweet"], ["post"], ["joke"], ["quip", "quipped", "quips", "quipping"],
  ["suggest"], ["concede"], ["conclude"], ["caution"], ["complain"], ["boast"], ["predict"], ["promise"],
  ["vow"], ["urge"], ["counter"], ["shout"], ["yell"], ["whisper"], ["repeat"], ["reply", "replied", "replies", "replying"],
  ["assert"], ["affirm"], ["confirm"], ["contend"], ["maintain"], ["mention"], ["comment"], ["report"],
  ["reiterate"], ["lament"], ["exclaim"], ["scoff"], ["snap"], ["retort"], ["demand"], ["plead"],
  ["pledge"], ["proclaim"], ["reveal"], ["specify"], ["testify"], ["allege"], ["charge"], ["opine"],
  ["muse"], ["mutter"], ["grumble"], ["sigh"], ["laugh"], ["cry", "cried", "cries", "crying"],
  ["speak", "spoke", "speaks", "speaking"], ["describe"], ["describe"], ["call"], ["begin", "began", "begins", "beginning"],
  ["think", "thought", "thinks"], ["point"], ["go"], ["chime"], ["put", "puts", "putting"], ["tout"], ["recount"], ["predict"],
  ["acknowledge"], ["underline"], ["underscore"], ["highlight"],
  ["go", "went", "goes", "going", "gone"], ["swear", "swore", "swears", "swearing", "sworn"], ["shoot", "shot", "shoots", "shooting"],
  ["hit", "hits", "hitting"], ["break", "broke", "breaks", "breaking", "broken"], ["read", "reads", "reading"],
  ["start"], ["answer"], ["interject"], ["interrupt"], ["press"], ["offer"], ["chide"], ["fume"], ["rail"], ["blast"],
  ["slam", "slammed", "slams", "slamming"], ["mock"], ["taunt"], ["gush"], ["crow"], ["reason"], ["elaborate"], ["clarify", "clarified", "clarifies", "clarifying"],
  ["remind"], ["advise"], ["propose"], ["threaten"], ["estimate"], ["guess"], ["figure"], ["reckon"], ["hint"],
  ["imply", "implied", "implies", "implying"], ["indicate"], ["signal", "signaled", "signals", "signaling", "signalled"], ["rebut", "rebutted", "rebuts", "rebutting"],
  ["inform"], ["brag", "bragged", "brags", "bragging"], ["confess"], ["protest"], ["object"], ["deny", "denied", "denies", "denying"], ["dismiss"],
  ["tease"], ["scream"], ["murmur"], ["chant"], ["recite"], ["characterize"], ["label", "labeled", "labels", "labeling", "labelled"],
  ["dub", "dubbed", "dubs", "dubbing"], ["praise"], ["applaud"], ["hail"], ["welcome"], ["thank"], ["criticize"], ["criticise"],
  ["attack"], ["accuse"], ["assure"], ["reassure"], ["beg", "begged", "begs", "begging"], ["implore"], ["wonder"], ["question"],
  ["inquire"], ["challenge"], ["reflect"], ["summarize"], ["finish"], ["talk"], ["text"], ["email"], ["message"], ["disclose"],
  ["explain"], ["recount"], ["vent"], ["remember"], ["react"], ["exhort"], ["chide"], ["observe"], ["lecture"], ["preach"], ["pronounce"], ["sneer"], ["snap"], ["caution"], ["mourn"], ["exult"], ["marvel", "marveled", "marvels", "marveling", "marvelled"],
  ["admit", "admitted", "admits", "admitting"], ["concur", "concurred", "concurs", "concurring"], ["regret", "regretted", "regrets", "regretting"],
  ["agree", "agreed", "agrees", "agreeing"], ["disagree", "disagreed", "disagrees", "disagreeing"], ["fire"], ["quote"], ["worry", "worried", "worries", "worrying"],
  ["fret", "fretted", "frets", "fretting"], ["decry", "decried", "decries", "decrying"], ["denounce"], ["condemn"], ["blame"], ["scold"], ["rebuke"],
  ["sniff"], ["huff"], ["grouse"], ["gripe"], ["moan"], ["groan"], ["blurt"], ["gasp"], ["roar"], ["bellow"], ["holler"], ["shriek"],
  ["sob", "sobbed", "sobs", "sobbing"], ["pray"], ["sing", "sang", "sings", "singing", "sung"], ["intone"], ["attest"], ["vouch"], ["request"],
  ["invite"], ["encourage"], ["alert"], ["notify", "notified", "notifies", "notifying"], ["rejoin"], ["relay"], ["relate"], ["narrate"],
  ["portray"], ["depict"], ["reject"], ["refute"], ["contradict"], ["correct"], ["apologize"], ["apologise"], ["congratulate"], ["laud"],
  ["commend"], ["compliment"], ["speculate"], ["theorize"], ["theorise"], ["venture"], ["volunteer"], ["posit"], ["surmise"], ["bemoan"],
  ["editorialize"], ["blog", "blogged", "blogs", "blogging"], ["brief"], ["recommend"], ["instruct"], ["order"],
  ["bark"], ["rage"], ["rant"], ["thunder"], ["deadpan", "deadpanned", "deadpans", "deadpanning"],
];

function inflect(base: string): string[] {
  const e = base.endsWith("e");
  const y = /[^aeiou]y$/.test(base);
  const stemmed = y ? base.slice(0, -1) : base;
  const doubled = /^(?:[^aeiou]*[aeiou][^aeiouwxy])$/.test(base) && !e ? base + base.slice(-1) : base;
  return [
    base,
    y ? `${stemmed}ies` : /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`,
    e ? `${base}d` : y ? `${stemmed}ied` : `${doubled}ed`,
    e ? `${base.slice(0, -1)}ing` : `${doubled}ing`,
  ];
}

export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  BASE_VERBS.flatMap(([base, ...forms]) => (forms.length > 0 ? [base, ...forms] : inflect(base))),
);

/**
 * Words as one compact regex alternation, factored by common prefixes ("sa(?:id|ys|y(?:ing)?)"): a plain
 * list of ~1,000 verbs made every pattern that holds it slow to compile (hundreds of ms each).
 * Longer continuations come first, so the longest word matches.
 */
export function wordsPattern(words: Iterable<string>): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let child = n.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        n.next.set(ch, child);
      }
      n = child;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    const branches = [...n.next.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([ch, child]) => ch.replace(/[-.*+?^${}()|[\]\\]/g, "\\$&") + emit(child));
    if (branches.length === 0) return "";
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join("|")})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const VERB_ALT = wordsPattern(SPEECH_VERBS);
const PRONOUNS = new Set(["he", "she", "they", "i", "we"]);

/** A capitalised name run: "Trump", "President Donald J. Trump", "Ursula von der Leyen". A word ending in
 * a period only when short ("J.", "Jr.", "St."), so that "California. Obama" is two runs. */
/** Abbreviated titles and place words whose period ends no sentence ("Sen.", "Mt."). */
const TITLE_ABBREVIATIONS = "Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Pres|Mt|Ft";
const WORD = String.raw`(?:(?:${TITLE_ABBREVIATIONS}|Jr|Sr)\.|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}’'-]*[\p{L}]|\p{Lu}|[1-9]\d?(?:st|nd|rd|th)(?=\s+\p{Lu}))`;
const NAME = String.raw`${WORD}(?:\s+(?:${NAME_JOINERS}\s+)*${WORD}){0,6}`;
/** Lower-case words that may stand before a name: "veteran analyst Charlie Crane", "his wife, Gabriela Lane". */
const DESCRIPTOR = String.raw`(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ff]ormer)\s+)?(?:(?!(?:had|has|have|was|were|is|are|would|will|did|does|if|that)\s)\p{Ll}[\p{Ll}-]*\s+){0,3}`;
/** A role or description: "the spokesman", "a person close to the Bakers", "the businessman". */
const DESCRIPTION = String.raw`(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ss]ome|[Mm]any|[Ss]everal|[Aa]nother)\s+(?:(?:[\p{L}’'-]+|\p{Lu}[\p{Lu}\p{N}]+)\s+){0,4}?[\p{L}-]+`;
/** "of the James Monroe Center for Arms Studies": an affiliation after a name. */
const AFFILIATION = String.raw`(?:\s+of\s+(?:the\s+)?${NAME}(?:\s+(?:for|of|on|in)\s+(?:the\s+)?${NAME})?)?`;
const SUBJECT = String.raw`${DESCRIPTOR}(?:${NAME}\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,2})?${NAME}${AFFILIATION}(?:\s*\([^()]{1,30}\))?|[Hh]e|[Ss]he|[Tt]hey|${DESCRIPTION}`;
/** " — who was wrongly convicted — ", " - the IAAF - ": an inset between dashes or spaced hyphens. */
const DASH_INSET = String.raw`\s+(?:[—–]|--?)\s+[^—–“”"]{1,100}?\s+(?:[—–]|--?)(?=\s)`;
/** ", a psychology professor," — a short appositive; not ", endorsed Marsh last week," (a verb, so no appositive). */
const INSET = String.raw`(?:,(?!\s*(?:though|although|but|and|while|because|since|when|if|so|yet|or)\s)(?![^,“”"]*?(?<!\b(?:a|an|the|his|her|their|its|who|which|that|and|or|been|was|were|had|has|have))\s\p{Ll}{3,}ed\s+(?:the|a|an|his|her|their|its|\p{Ll}+s)\b)[^,“”"]{1,160},(?:\s+(?:for example|for instance|however|too|meanwhile|though|in turn|in an interview|in a statement),)?|${DASH_INSET})?`;
/** ", 41, of Dayton, Ohio, who was among those polled," — an appositive, inner commas allowed. */
const APPOSITIVE = String.raw`(?:,[^“”"]{1,200}?,)?`;
const ADVERB = String.raw`(?:\p{Ll}+ly|also|then|later|once|again|simply|just|recently|previously|often|still)`;

/** After the closing mark: ", said Rubio" / " Trump said" / " he added" / " the ministry said". */
const AFTER_VERB_FIRST = fast(new RegExp(
  String.raw`^(?:[,]?[”"])?[\s,]*(?:${ADVERB}\s+)?(?!\p{L}+ing\b)(?:${VERB_ALT})\s+(${DESCRIPTOR}(?:${NAME}[’']s\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,4}|${NAME}\s+(?:(?!(?:in|at|on|for|from|with|to|by|as)\s)\p{Ll}[\p{Ll}-]*\s+){1,2})?${NAME}(?:\s+(?:magazine|newspaper|website|blog)(?=[,.;:!?]))?(?:\s*\([^()]{1,30}\))?|[Hh]e|[Ss]he|[Tt]hey|(?:[Tt]he|[Aa]n?|[Oo]ne)\s+[^,.;:!?“”"]{1,60}?)(?=[,.;:!?]|\s+(?:who|which|that|in|on|at|during|after|before|of|when|while|as)\b|$)`,
  "u",
));
const QUOTE_FROM_AFTER = fast(new RegExp(String.raw`^[\s,.]*(?:That|This|The)\s+(?:quote|quotation|line|remark|comment|words)\s+(?:came\s+)?(?:from|by)\s+(${NAME})`, "u"));
const AFTER_DASH_NAME = fast(new RegExp(String.raw`^\s*[-—–]\s*(${NAME})\s*(?:[.,;]|$)`, "u"));
const NEW_SUBJECT_AFTER_QUOTE = fast(new RegExp(String.raw`^[\s,]*(${NAME})\s+(?:${ADVERB}\s+)?\p{Ll}+(?:ed|es|s)\s[^“”".!?]*$`, "u"));
/** "“…,” Nate Fowler, the polling guru who founded pollwatch.com tweeted": an appositive no comma closes. */
const LOOSE_APPOSITIVE = fast(new RegExp(String.raw`^[\s,]*(${NAME}),\s+((?:the|an?)\s+(?:[^,“”".!?]|\.(?=\S)){1,100}?)\s+(?:${VERB_ALT})\b`, "u"));
/** "“…,” Fair Pay Now organizing director Kendall Price told": a full name right before the verb, whatever comes first. */
const NAME_THEN_VERB = fast(new RegExp(String.raw`^[\s,]*[^“”".!?,;]{0,60}?(?:^|\s)(?<!\b(?:for|of|to|with|by|about|from|against|on|at|in|and|or)\s)(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}’'-]+){1,2})\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b`, "u"));

function looseAttribution(after: string): string | undefined {
  const m = LOOSE_APPOSITIVE.exec(after);
  // ("Nate Silver, the guru who said …": the verb of a relative clause is not the attribution's.)
  if (m !== null && !/\b(?:who|that|which)$/u.test(m[2] ?? "")) return m[1];
  return NAME_THEN_VERB.exec(after)?.[1];
}

/** ", Gabriela Lane," — an appositive that is just a name. */
const APPOSITIVE_NAME = fast(new RegExp(String.raw`^,\s*(${NAME}),?$`, "u"));
/** "“Q,” Rep. Dan Hunt’s chief of staff, Joe Kasprzak, told the Courier": the named person after a role. */
const AFTER_ROLE_NAME = fast(new RegExp(
  String.raw`^[\s,]*(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+|${NAME}[’']s\s+)(?:\p{Ll}[\p{Ll}-]*\s+){0,4}\p{Ll}[\p{Ll}-]*,\s*(${NAME}),\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b`,
  "u",
));
/** "“Q,” said the chairman of the Commons health select committee, Labour MP Barry Shearer.": after the verb, a
 * role, then the name of who holds it. */
const AFTER_VERB_ROLE_NAME = fast(new RegExp(
  String.raw`^(?:[,]?[”"])?[\s,]*(?:${ADVERB}\s+)?(?:${VERB_ALT})\s+(?:the|a|an|his|her|its|their)\s+(?:[^,.;:!?“”"]|\.(?=\S)){1,100}?,\s+(${NAME})(?=\s*[.;:!?]|\s*$)`,
  "u",
));
/** "“Q” the Post's senior news editor Steven Goldman responded": an owner's role, then the name, then the verb. */
const AFTER_OWNER_ROLE_NAME = fast(new RegExp(
  String.raw`^[\s,]*(?:[Tt]he\s+)?${NAME}[’']s\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,4}(${NAME})\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b`,
  "u",
));
const AFTER_SUBJECT_FIRST = fast(new RegExp(
  String.raw`^(?:[,]?[”"])?[\s,—–-]*(${SUBJECT})(${APPOSITIVE})\s+(?:${ADVERB}\s+)?(?:(?:has|had|would|will)\s+(?!\p{L}+ing\b)|was\s+)?(?:${VERB_ALT})\b`,
  "u",
));
/** Later in the sentence after the mark: "“Q” than that of the FBI chief, Marlow said." */
const AFTER_LATE = fast(new RegExp(String.raw`^[^“”".!?]{0,80}?,\s+(${SUBJECT})\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b`, "u"));
/** … or inverted: "“Q” that Baker can catch Hollis, said Paul Regan, deputy campaign manager". */
const AFTER_LATE_VERB_FIRST = fast(new RegExp(
  String.raw`^[^“”".!?]{0,80}?,\s+(?:${ADVERB}\s+)?(?!\p{L}+ing\b)(?:${VERB_ALT})\s+(${DESCRIPTOR}(?:${NAME}\s+(?:(?!(?:in|at|on|for|from|with|to|by|as)\s)\p{Ll}[\p{Ll}-]*\s+){1,2})?${NAME})(?=[,.;:!?]|\s+(?:who|in|on|at|of)\b|$)`,
  "u",
));
/**
 * Whether the name at `at` (of `length` characters) in `text` is a place in a description: the state of "in
 * Dayton, Ohio, said" or "of Boulder, Colorado, slammed", or the town of "of Mobile, Ala., says" — the
 * speaker is the person the sentence opens with, not Ohio.
 */
function placeAt(text: string, at: number, length: number): boolean {
  // Every shape has a comma right before the name or right after it.
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 160)) k--;
  if (text.charCodeAt(k) !== 44 && text.charCodeAt(at + length) !== 44) return false;
  const before = text.slice(Math.max(0, at - 80), at);
  if (PLACE_SECOND.test(before)) return true;
  // An appositive set off on both sides: "the state capital, Denver, said", not "across the country, Shuster said".
  if (PLACE_NAMED.test(before) && text.startsWith(",", at + length)) return true;
  return /\b(?:in|of|from|near)\s+$/u.test(before) && PLACE_PAIR_AFTER.test(text.slice(at + length, at + length + 40));
}
/** The lower-case words a subject may open with ("of Dayton", "veteran analyst Charlie Crane"). */
const LOWER_LEAD = fast(/^(?:\p{Ll}[\p{Ll}-]*\s+)+/u);
const PLACE_SECOND = fast(/\b(?:in|of|from|near)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,\s*$/u);
/** "outside of the state capital, Denver, said": a place named after what kind of place it is. */
const PLACE_NAMED = /\b(?:capital|city|town|village|county|state|province|region|suburb|district|country|island|neighbou?rhood)\s*,\s*$/u;
const PLACE_PAIR_AFTER = fast(/^,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?,/u);
/** A sentence's opening name set off by a comma: "Hollis, during a town hall meeting in Dayton, Ohio, said". */
const OPENING_NAME = fast(new RegExp(String.raw`^\s*(${NAME}),`, "u"));

/** Before the mark: "Baker's attorney, Paul Regan, said Dorsey was “…”" — the person named after a role (not
 * after a place: "outside of the state capital, Denver, said"). */
const ROLE_NAME_BEFORE = fast(new RegExp(
  String.raw`(?:^|[^\p{L}])(?<!\b(?:of|in|from|at|near|to|into|on|for|with|by)\s)(?:${NAME}[’']s|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,4}\p{Ll}[\p{Ll}-]*,\s*(${NAME}),\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b(?=[^“”".!?]*$)`,
  "u",
));
/** A cheap test before ROLE_NAME_BEFORE: a lower-case word, then a capitalised name set off by commas. */
const ROLE_NAME_HINT = fast(/\p{Ll},\s*\p{Lu}[^,“”"]{0,60},\s+\p{Ll}/u);
/** Anywhere earlier in the sentence: "Dan McAdams, a professor, writes in The Atlantic that Trump shows “…”". */
const SUBJECT_VERB = fast(new RegExp(String.raw`(?:^|[^\p{L}])(${SUBJECT})${INSET}\s+(?:${ADVERB}\s+)?(?:(?:has|had)\s+(?!\p{L}+ing\b)|was\s+|were\s+)?(?:${VERB_ALT})\b(?=[^“”".!?]*$)`, "gu"));
/** Scanned over whole paragraphs, so without the speech-verb guard inside the subject (too slow there):
 * speechSubjects cuts a subject that swallowed a speech verb ("Trump assured Jones") itself. */
const SUBJECT_ANYWHERE = fast(new RegExp(
  String.raw`(?:^|[^\p{L}])((?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ff]ormer)\s+)?(?:\p{Ll}[\p{Ll}-]*\s+){0,3}(?:${NAME}\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,2})?${NAME}${AFFILIATION})${INSET}\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b`,
  "gu",
));
/** "Pew Research: “…”" — a name and a colon open the sentence. */
const SAID_NAME_BEFORE = fast(new RegExp(String.raw`^\s*(?:Said|Says|Added|Adds|Wrote|Writes|Asked|Asks|Explained|Explains)\s+(${NAME})[,:]?\s*$`, "u"));
/** "Analysts agree - Carl Brandt: “", "… - Frank Norton and Jim Hale: “" (of two, the first). */
const BEFORE_COLON = fast(new RegExp(String.raw`(?:^|[—–-]\s*)(${NAME})(?:\s+and\s+${NAME})?:\s*$`, "u"));
/** "…, saying the law helped “…”" — a participle whose subject opens the sentence. */
/** Past forms of speech verbs that end in no "-ed": "a spokesman said", against "a snappy retort". */
const IRREGULAR_PAST = new Set(["said", "told", "wrote", "spoke", "put", "read", "swore", "thought", "felt", "knew", "taught", "sang", "bid", "quipped", "shot", "hit", "struck", "gave", "made", "went", "came", "began", "let"]);
const PARTICIPLES = [...SPEECH_VERBS].filter((v) => v.endsWith("ing")).join("|");
const PARTICIPLE = fast(new RegExp(String.raw`(?:\b(?:and|but)\s+(?:(?:${ADVERB}|now)\s+)?(?:${VERB_ALT})\b[^“”"]{0,100}$)|,\s+(?:${ADVERB}\s+)?(?:${PARTICIPLES})\b[^“”"]{0,100}$|\b(?:statement|letter|tweet|post|video|release|email|message)\b[^“”".!?,]{0,40}\s(?:${PARTICIPLES})\b[^“”"]{0,100}$`, "u"));

/** Before the opening mark: "Rubio said: " / "Starmer emphasizing that " / "Trump, speaking in X, said " /
 * "Trump said in a statement: ". */
const BEFORE = fast(new RegExp(
  String.raw`(?:^|[^\p{L}])(${SUBJECT})${INSET}\s+(?:${ADVERB}\s+)?(?:(?:has|had)\s+(?!\p{L}+ing\b)|was\s+|were\s+)?(?:${VERB_ALT})(?:(?:\s+${ADVERB})?(?:\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}]+|the\s+\p{Ll}+|an?\s+\p{Ll}+))?(?:\s*,?\s+that)?\s*[:,]?|[^“”".!?]{1,70}[:,]|(?:\s+${ADVERB})?\s+(?:that|how|why|whether|it)\s+(?:[^“”".!?]|(?<=\p{Lu})\.){0,160})\s*$`,
  "u",
));
/** The same with the verb right before the mark ("… de Blasio said, “"): tried first, so that a subject and verb
 * earlier in the sentence ("led to the Brussels attacks, which …, de Vries said, “") do not win. */
const BEFORE_TIGHT = fast(new RegExp(
  String.raw`(?:^|[^\p{L}])(${SUBJECT})${INSET}\s+(?:${ADVERB}\s+)?(?:(?:has|had)\s+(?!\p{L}+ing\b)|was\s+|were\s+)?(?:${VERB_ALT})(?:\s+${ADVERB})?(?:\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}]+|the\s+\p{Ll}+|an?\s+\p{Ll}+))?(?:\s*,?\s+that)?\s*[:,]?\s*$`,
  "u",
));
const INSET_NAME = fast(new RegExp(String.raw`^,\s*(${NAME}),`, "u"));

/** The subject of a "subject, inset, verb" match: "Baker's attorney, Paul Regan, said" → Paul Regan, the name in
 * the inset after a description or a possessive; otherwise the subject itself. Either only if `usable`. */
function subjectOf(m: RegExpExecArray | null, usable: (x: string | undefined) => string | undefined): string | undefined {
  const subject = m?.[1];
  if (m === null || subject === undefined) return undefined;
  // "One of the college's top executives, Michael Sutton, testified": the name the appositive gives.
  if (/^(?:the|an?|his|her|their|one|some|several|another)\s/iu.test(subject) || /[’']s\s+\p{Ll}/u.test(subject)) {
    const rest = m[0].slice(m[0].indexOf(subject) + subject.length);
    const inset = INSET_NAME.exec(rest);
    // Not before a participle: "his rival, Hillary Clinton, saying" is still his.
    const finite = inset !== null && !/^\s+(?:\p{Ll}+ly\s+)?\p{Ll}+ing\b/u.test(rest.slice(inset[0].length));
    if (finite && usable(inset[1]) !== undefined) return inset[1];
  }
  return usable(subject);
}

/**
 * BEFORE's match whose subject comes last: "Rubio suggested that …, while Cruz said that the “…”" is Cruz's. A
 * pattern finds its leftmost match; what follows that match's subject is searched again while it still speaks.
 */
function lastBefore(before: string): RegExpExecArray | null {
  let m = BEFORE.exec(before);
  let rest = before;
  for (let guard = 0; m !== null && guard < 4; guard++) {
    const subject = m[1] ?? "";
    const from = m.index + m[0].indexOf(subject) + Math.max(1, subject.length);
    rest = rest.slice(from);
    if (!speaks(rest)) break;
    const next = BEFORE.exec(rest);
    // Only a new clause's subject: ", while Cruz said", not "said that once the Senate goes" or "said Reid".
    if (next === null || !/(?:[,;]|\b(?:and|but|while|whereas))\s+$/u.test(rest.slice(0, next.index + next[0].indexOf(next[1] ?? "")))) break;
    m = next;
  }
  return m;
}

const BODY_OPENING = fast(new RegExp(String.raw`^\s*(?:\p{Lu}[^,“”"]{0,90},\s+)?((?:[Tt]he\s+)?${NAME})\s+\p{Ll}`, "u"));

const PAPER_DOCUMENT = fast(/\b(?:newspaper|paper)[’']s\s+(?:\p{Ll}+\s+)?(?:editorial|column|op-ed|endorsement)\s+(?:telling|urging|calling|saying|asking|demanding|warning|arguing)\b[^“”".!?]{0,100}$/u);
const VIEW_OF = fast(new RegExp(String.raw`^\s*(?:To|For)\s+(${NAME}),\s`, "u"));
const LAST_CLAUSE_SUBJECT = fast(new RegExp(String.raw`(?:[,;]\s+|\s)(?:and|but|while|yet)\s+([Hh]e|[Ss]he)\s+(?:has\s+|had\s+|have\s+)?(?:${ADVERB}\s+)?(?!is\b|was\b|are\b|were\b)\p{Ll}+(?:ed|s)\b[^“”".!?;]*$`, "u"));

/** "Baker was asked by host Bill Dwyer, who …, “" — the one who asks speaks. */
const PASSIVE_BY = fast(new RegExp(String.raw`\b(?:was|were|been|being)\s+(?:asked|told|questioned|pressed|challenged|interrupted)\s+by\s+(${DESCRIPTOR}${NAME})(?=[,:]|\s+(?:who|in|on|at|during)\b)[^“”".!?]{0,120}[,:]?\s*$`, "u"));
/** A clause of its own after a quotation, not its attribution: "and Donald Trump says". */
const NEW_CLAUSE = /^(?:and|but|or|while|whereas|as|because|when|although|though|if|since|until|till|unless|before|after|once|so|yet|then)\s/iu;
/** …and later in the sentence, where "“Q,” as Trump put it, …" may still attribute: only a joined clause. */
const JOINED_CLAUSE = /^(?:and|but|or|while|whereas)\s/iu;
const ACCORDING_DOCUMENT = fast(new RegExp(
  String.raw`^[\s,]*according\s+to\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,3}(?:document|report|statement|filing|letter|memo|release|transcript|complaint|email|motion)s?\s+(?:filed|released|issued|written|sent|published|signed)\s+by\s+(${DESCRIPTOR}${NAME})`,
  "u",
));
const ACCORDING = fast(/[Aa]ccording to\s+((?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*)(?:\s+\p{Lu}[\p{L}’'.-]*){0,5})/u);

/** The subject opening a sentence (after an introductory phrase) and the word after it. */
const openingSubject = (lazy: string): RegExp =>
  new RegExp(
    String.raw`^(?:[^,“”"]{1,100},\s+){0,2}(${DESCRIPTOR}(?:${NAME}\s+(?:\p{Ll}[\p{Ll}-]*\s+){1,2})?${lazy}${NAME}|[Hh]e|[Ss]he)${INSET}\s+(?:${ADVERB}\s+)?(\p{Ll}+)(?:\s+(\p{Ll}+))?`,
    "u",
  );
/** "Former Weiss speechwriter Jon Farrell published", or else "Marsh decried the party for". */
const OPENING_SUBJECTS = [openingSubject(""), openingSubject("?")];
/** Pronouns, which are no speaker's name ("He added" names nobody). */
const PRONOUN_WORDS = new Set("he she i me him his her hers we us our you your they them their theirs it its".split(" "));
/** Capitalised words opening a sentence that are no name ("It", "That", "However", "During"). */
const FUNCTION_WORDS = new Set(
  (
    "it its that this those these however during other others do does did people we we’ve we've you they " +
    "our my there here what who how why where some many most all both each every no one another such even just perhaps maybe " +
    "likewise specifically meanwhile today yesterday tomorrow moreover furthermore indeed instead thus therefore overall earlier " +
    "later first finally already only not never when if but and as after before while because though although so yet then still now also"
  ).split(" "),
);
/** Closed-class words that open no name: auxiliaries, prepositions, quantifiers ("According to", "Neither Johnson
 * nor …", "Some Cruz aides"). Not "will", "may" or "can", which open names ("Will Hurd"). Pronouns stay mentions
 * (the speaker model weighs "He said" beside the names around it) but are never chosen as a speaker. */
const NOT_NAME_OPENERS = new Set(
  (
    "has have had having is was are were be been being " +
    "could would should shall must according since until unless whether despite about across against along among " +
    "around behind below beside besides beyond except inside into like near onto outside over past through " +
    "throughout toward towards under upon within without neither either nor any none nobody somebody someone " +
    "everyone everybody anyone anybody sometimes often usually always once again almost rather quite very too " +
    "whatever whoever whenever wherever which whom whose two three four five six seven eight nine ten"
  ).split(" "),
);
/** A word that opens no name: "In", "Despite", "Some", "His", "According" before "Trump" or "Cruz". */
function opensNoName(token: string): boolean {
  // "That’s Hillary Clinton", "It’s Trump": a contraction of a word that opens no name.
  const t = token.toLowerCase().replace(/[’'](?:s|re|ll|ve|d|m)$/u, "");
  return OPENERS_NOT_NAMES.has(t) || FUNCTION_WORDS.has(t) || NOT_NAME_OPENERS.has(t) || PRONOUN_WORDS.has(t);
}

/** …and, before more words, a capitalised participle opening the sentence ("Following Sanders", "Speaking Rubio"). */
const leadsNoName = (token: string): boolean => opensNoName(token) || /^\p{Lu}\p{Ll}+ing$/u.test(token);

/** The words of a name run without what opens no name before them ("Following Sanders", "Despite Rubio’s"). */
function afterOpeners(tokens: string[]): string[] {
  let i = 0;
  while (tokens.length - i > 1 && leadsNoName(tokens[i] ?? "")) i++;
  return i === 0 ? tokens : tokens.slice(i);
}

/** The words of a name run after an owner's possessive: "Media Research Center’s Brent Bozell" → "Brent Bozell". */
function afterOwner(tokens: string[]): string[] {
  const owner = tokens.findLastIndex((t) => /\p{L}[’']s$/u.test(t));
  return owner >= 0 && owner < tokens.length - 1 ? tokens.slice(owner + 1) : tokens;
}

/**
 * A one-word "speaker" that is no one's name: a word opening no name ("It", "Another", "Two", "However", "The"),
 * or a word the article itself uses as an ordinary word (see ordinaryWord).
 */
function noName(name: string, articleText: string): boolean {
  return openerName(name) || ordinaryWord(name, articleText);
}
function openerName(name: string): boolean {
  if (/\s/u.test(name)) return false;
  const bare = name.replace(/[.,;:!?]+$/u, "");
  return bare === "" || opensNoName(bare) || NEVER_NAMES.has(bare.toLowerCase());
}
const NEVER_NAMES = new Set(
  (
    "a an the or and nor but yes nothing nobody everything something anything " +
    // "Thirteen years before, she had backed …": a number is nobody.
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen " +
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozens hundreds thousands millions"
  ).split(" "),
);

/**
 * A one-word "name" that the article itself uses as an ordinary word: capitalised only where a sentence (or a
 * line) starts, and written in lower case elsewhere ("One source said" beside "said one source") or shaped like a
 * participle ("Conceding that …", "Titled “…”"). "Asked", "Transcript", "Multiple", "Website" or a section's "WORLD"
 * are nobody; "Trump" and "Ban" (Ki-moon) are capitalised within sentences, and a surname the article gives in full
 * ("Tom Price") is named in full, so neither is touched.
 */
function ordinaryWord(name: string, articleText: string): boolean {
  if (name.includes(" ")) return false;
  if (ordinaryFor !== articleText) {
    ordinaryFor = articleText;
    ordinaryCache = new Map();
  }
  let ordinary = ordinaryCache.get(name);
  if (ordinary === undefined) {
    // A role ("Source", from "said one source") or a body ("Police") is a speaker described, not named.
    ordinary =
      /^\p{Lu}(?:\p{Ll}+|\p{Lu}{3,})$/u.test(name) && !PERSON_ROLES.test(name) && !NOT_PEOPLE.test(name) && !BODIES.test(name) && ordinaryUse(name, articleText);
    ordinaryCache.set(name, ordinary);
  }
  return ordinary;
}
let ordinaryFor = "";
let ordinaryCache = new Map<string, boolean>();

function ordinaryUse(name: string, articleText: string): boolean {
  // Most names are never written in lower case: a plain substring search settles them before any pattern.
  const participle = /\p{Ll}(?:ing|ed)$/u.test(name);
  const lower = name.toLowerCase();
  if (!participle && !articleText.includes(lower)) return false;
  // Each use of the word as a word (a plain search: a pattern with a look-behind is tried at every position).
  // Within a sentence, a capital makes it a name: only a line's or a sentence's start (or an opening quotation
  // mark, or a colon) leaves it open.
  for (const at of wordsAt(articleText, name)) if (!opensAt(articleText, at)) return false;
  // A participle in capitals may be a transcript's speaker ("KING:"); in lower case it is no name.
  if (participle) return true;
  return wordsAt(articleText, lower).length > 0;
}
/**
 * A word the article uses once, to open a sentence, that no first name, title or verb after it makes a person
 * ("Good information can still …", "Wait, it gets better:", "Pause."): no one the speaker model may pick. The
 * attribution rules may still name it ("Clinton, at a town hall, said"). ("Harsh words" passes for a person
 * who words something: only a dictionary would tell.)
 */
function openerOnly(name: string, articleText: string): boolean {
  if (name.includes(" ") || !/^\p{Lu}\p{Ll}+$/u.test(name)) return false;
  const uses = wordsAt(articleText, name);
  if (uses.length !== 1) return false;
  const at = uses[0] ?? 0;
  if (!opensAt(articleText, at)) return false;
  // ("“…!” Cruz said", "Cruz openly admitted", "Gilbert runs": a sentence's end before it, but someone who acts.)
  return genderOf(name, articleText) === null && !ACTS_NEXT.test(articleText.slice(at + name.length, at + name.length + 30));
}

/** The capitalised words that open a sentence of the paragraph right before an "-ing" form ("Good reporting can …"),
 * found once per paragraph. */
const GERUND_OPENER = /(?:^|[.!?]["”’]?\s+)(\p{Lu}\p{Ll}+)\s+\p{Ll}+ing\b/gu;
let gerundOpenersFor = "";
let gerundOpeners = new Set<string>();
function gerundOpenersOf(p: string): ReadonlySet<string> {
  if (p !== gerundOpenersFor) {
    gerundOpenersFor = p;
    gerundOpeners = new Set(execAll(GERUND_OPENER, p).map((m) => m[1] as string));
  }
  return gerundOpeners;
}

/** Whether a word at `at` stands where a sentence or line opens (not after a title's period: "Sen. Cruz"). */
function opensAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  if (!/(?:^|\n|[.!?:;]["”’)]?\s+|[“"‘(]|[—–-]\s+)$/u.test(at < 4 ? `\n${before}` : before)) return false;
  return !(/\.\s+$/u.test(before) && TITLE_BEFORE.test(text.slice(Math.max(0, at - 16), at)));
}
const ACTS_NEXT = fast(new RegExp(
  String.raw`^\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}+(?:ed|s)|${[
    ...IRREGULAR_PAST,
    ..."is was has had will would can could may might must should did lost won got took held kept left led met paid ran saw sent set sat stood brought bought built caught chose drew drove fell fought found flew grew heard laid meant rose sold shook spent threw wore broke beat became dealt fled froze hurt lent rode sought stuck swore tore withdrew".split(" "),
  ].join("|")})\b`,
  "u",
));
const TITLE_BEFORE = fast(new RegExp(String.raw`(?:^|[^\p{L}])(?:${"Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Pres|St|Jr|Sr"})\.\s+$`, "u"));

/** A character that joins a word to what stands beside it; a surrogate half is taken for a letter. */
const WORD_CHAR = fast(/[\p{L}\p{N}'’\uD800-\uDFFF-]/u);
const joins = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);
/** Where `word` occurs in `text` as a whole word (no letter, digit, apostrophe or hyphen on either side). */
function wordsAt(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!joins(text[i - 1]) && !joins(text[i + word.length])) out.push(i);
  }
  return out;
}

/** Titles that make a single word a person's name: "President Obama", "Sen. Cruz", "Mr. Trump". */
const PERSON_TITLES =
  "Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|President|Senator|Governor|Secretary|Justice|Judge|Mayor|Pope|Speaker|Chairman|Chairwoman|Director|Minister|Chancellor|Ambassador|Representative|Congressman|Congresswoman|Attorney General|Leader|candidate|nominee|spokesman|spokeswoman|host|anchor|adviser|advisor|strategist|pollster|aide";
/** Words after a subject that show it is no subject doing something ("Trump of …", "Trump is …"). */
const NOT_VERBS = new Set("of and or in on at for to with from by as who which that whose is was are were be been has have had".split(" "));

/** Whether a text holds a speech verb (in any case, unless `exact`): also a cheap test before the expensive patterns. */
function speaks(text: string, exact = false): boolean {
  return (exact ? SPEECH_VERB_WORD : SPEECH_VERB_WORD_ANY_CASE).test(text);
}
/** A speech verb as a whole word (the verbs are lower-case ASCII words). */
const SPEECH_VERB_WORD = fast(new RegExp(String.raw`(?<!\p{L})(?:${VERB_ALT})(?!\p{L})`, "u"));
const SPEECH_VERB_WORD_ANY_CASE = fast(new RegExp(SPEECH_VERB_WORD.source, "iu"));

/**
 * Whether a UTF-16 unit from U+0080 up is white space as `\s` matches it (no-break space, U+1680, U+2000–U+200A, the
 * line and paragraph separators, U+202F, U+205F, U+3000, U+FEFF): without making a string of it to test, as the
 * loop below did for every curly quote and dash (a test holds the two to the same answer for every unit).
 */
export function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether at least 70% of a paragraph's words (of four or more) that start with a letter start with a capital:
 * a headline in title case. One pass over the characters (this runs on every paragraph). */
export function isTitleCase(p: string): boolean {
  let words = 0;
  let capitals = 0;
  let atStart = true;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : isWideSpace(c);
    if (space) {
      atStart = true;
      continue;
    }
    if (!atStart) continue;
    atStart = false;
    if (c >= 65 && c <= 90) {
      words++;
      capitals++;
    } else if (c >= 97 && c <= 122) words++;
    // (General punctuation, U+2000–U+206F, holds no letter: curly quotes and dashes open many words.)
    else if (c >= 128 && !(c >= 0x2000 && c <= 0x206f)) {
      // A surrogate pair is one letter: test the whole code point.
      const ch = String.fromCodePoint(p.codePointAt(i) as number);
      if (/\p{Lu}/u.test(ch)) {
        words++;
        capitals++;
      } else if (/\p{L}/u.test(ch)) words++;
    }
  }
  return words >= 4 && capitals >= 0.7 * words;
}

/** Words that open a sentence but are no part of a name ("When I …", "But Trump …"). */
const OPENERS_NOT_NAMES = new Set(
  "when if but and or nor as after before while because though although so yet then still now also in on at for with by from to of said says added adds wrote writes told tells explained explains".split(" "),
);

interface Span {
  open: number;
  close: number; // index of the closing mark, or paragraph length when unclosed
}

/** Pairs of quotation marks in a paragraph. Single marks are left alone (nested quotes, apostrophes). */
export function quoteSpans(p: string): Span[] {
  const out: Span[] = [];
  /** A straight mark opens when it follows a space or bracket and precedes a non-space. */
  const opensAt = (j: number): boolean => (j === 0 || /[\s([{—–-]/.test(p[j - 1] as string)) && j + 1 < p.length && !/\s/.test(p[j + 1] as string);
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    const curly = c === "“";
    if (!curly && !(c === '"' && opensAt(i))) {
      i++;
      continue;
    }
    // The first closing mark after it, straight or curly (publishers mix them); a new curly opening
    // before any close means this quotation runs on (to the next paragraph).
    let close = -1;
    let runsOn = -1;
    for (let j = i + 1; j < p.length; j++) {
      const d = p[j];
      if (d === "”") {
        close = j;
        break;
      }
      if (d === '"' && (!curly || !opensAt(j))) {
        close = j;
        break;
      }
      if (d === "“") {
        // A mis-typed closing mark (",“ said X") closes; a real new opening means this one runs on.
        if (j > 0 && !/\s/.test(p[j - 1] as string) && (j + 1 >= p.length || /[\s,.;:!?)]/.test(p[j + 1] as string))) {
          close = j;
          break;
        }
        runsOn = j;
        break;
      }
    }
    if (close < 0) {
      const end = runsOn >= 0 ? runsOn : p.length;
      out.push({ open: i, close: end });
      i = end;
      continue;
    }
    out.push({ open: i, close });
    i = close + 1;
  }
  return out;
}

type Subject = { kind: "pronoun" | "name" | "description" | "organisation"; name: string };

/** Nouns for bodies that speak as one: "the Clinton campaign said", "the ministry said". */
/** What the name of a group or an organisation ends with: "the group said" may be any of them. */
const GROUP_HEADS = "Foundation|Association|Coalition|Movement|Committee|Institute|Center|Centre|Council|Network|Alliance|Union|Federation|Society|League|Fund|Project|Matter";
const INSTITUTIONS = new Set(
  (
    "campaign administration ministry department agency government committee company firm group organization organisation " +
    "office embassy court police party council commission newspaper network magazine website station union board bureau " +
    "team foundation institute university army military regime cabinet parliament senate congress legislature kremlin pentagon " +
    "white house"
  ).split(" "),
);
/** Bodies usually named with "the" and no other clue: "the Kremlin said". */
const BODIES = /^(?:Kremlin|Pentagon|Vatican|Elysee|Élysée|Bundestag|Knesset|Duma|Taliban|Fed|FBI|CIA|NSA|DOJ|EPA|IRS|NATO|EU|UN|IMF|WHO|RNC|DNC|GOP|AP|AFP|Reuters|CNN)$/u;

/** "the White House", "the State Department", "the Clinton campaign", "the Kremlin": a body, named as such. */
function organisation(s: string): string | null {
  const m = /^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}.’'&-]*\s+){0,4}\p{Lu}[\p{L}.’'&-]*)(?:\s+(\p{Ll}+))?$/u.exec(s);
  if (!m?.[1]) return null;
  const name = m[1];
  const head = m[2];
  const tokens = name.split(/\s+/);
  // "Time magazine", "the Tribune newspaper": a publication by its name.
  if (head !== undefined) return (INSTITUTIONS.has(head) && /^[Tt]he\s/.test(s)) || /^(?:magazine|newspaper|website|blog)$/.test(head) ? `${name} ${head}` : null;
  if (!/^[Tt]he\s/.test(s) && !BODIES.test(name)) return null;
  if (BODIES.test(name) || NOT_PEOPLE.test(name) || INSTITUTIONS.has(tokens.at(-1)?.toLowerCase() ?? "") || tokens.every((t) => isTitleWord(t))) return name;
  return null;
}

/** A document that "says" or "reads": its words are its publisher's. */
const DOCUMENTS = fast(/^(?:the|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}(?:editorial|newspaper|paper|letter|statement|report|ad|advert|memo|release|website|column|op-ed|study|survey|poll|book|lawsuit|complaint|filing|document|email|e-mail|tweet|post)$/iu);
/** Publications and bodies by their names: "The Advocate", "the Washington Post", "Pew Research Center". */
const PUBLISHER = fast(/(?<![\p{L}’'-])(?:The[ \t]+)?(?:\p{Lu}[\p{L}’'.&-]*[ \t]+){0,3}(?:Post|Times|Journal|News|Tribune|Advocate|Herald|Gazette|Globe|Review|Magazine|Register|Star|Sun|Examiner|Observer|Guardian|Telegraph|Chronicle|Inquirer|Leader|Ledger|Dispatch|Courier|Bulletin|Institute|Center|Centre|Committee|Campaign|Foundation|Association|Council|PAC|Party|Department|Ministry|Agency|Commission|Board|Union|Court)\b/gu);

/**
 * Whose document "the statement said" is: who "released a statement" (issued, sent, posted …) last before it
 * ("President Weiss released a statement Thursday night"), else the publication or body named last.
 */
function documentIssuer(document: string, before: string, articleText: string): { name: string; issued: boolean } | null {
  const head = document.split(/\s+/).at(-1) ?? "";
  if (head.length >= 3) {
    const re = new RegExp(
      String.raw`(${NAME})\s+(?:\p{Ll}+ly\s+)?(?:released|issued|put\s+out|sent|posted|published|wrote|penned|tweeted|shared|signed|filed)\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}-]+\s+){0,2}${head}`,
      "gu",
    );
    let last: string | undefined;
    for (const m of before.slice(-3000).matchAll(re)) last = m[1];
    const name = last === undefined ? "" : stripTitles(afterOpeners(last.split(/\s+/)).join(" "));
    if (name !== "" && !noName(name, articleText)) return { name: fullestName(name, articleText), issued: true };
  }
  const publisher = lastPublisher(before);
  return publisher === null ? null : { name: publisher, issued: false };
}

function lastPublisher(before: string): string | null {
  const m = execAll(PUBLISHER, before.slice(-3000)).at(-1);
  return m ? m[0].replace(/^The\s+(?=\S+\s+\S)/u, "") : null;
}

/** People described rather than named: "a person close to the Bakers", "a senior administration official". */
const PERSON_ROLE_WORDS =
  "person|people|official|officials|user|aide|aides|source|sources|developer|investor|businessman|businesswoman|entrepreneur|fundraiser|banker|lobbyist|spokesman|spokeswoman|spokesperson|adviser|advisor|strategist|staffer|member|friend|ally|supporter|voter|resident|critic|analyst|expert|lawmaker|senator|congressman|congresswoman|representative|governor|mayor|diplomat|officer|agent|lawyer|attorney|economist|professor|researcher|scientist|doctor|witness|neighbor|neighbour|worker|employee|executive|director|manager|owner|leader|activist|organizer|volunteer|delegate|donor|operative|consultant|pollster|historian|author|journalist|reporter|editor|host|anchor|moderator|candidate|woman|man|student|teacher|father|mother|son|daughter|wife|husband|brother|sister|commenter|narrator|designer|protester|demonstrator|caller|viewer|reader|listener|blogger|writer|columnist|commentator|contestant|participant|attendee|customer|parent|veteran|soldier|nurse|farmer|pastor|priest|child|boy|girl|kid|teenager|confidant|confidante|insider|loyalist|backer|associate|staffer|operative|fundraiser|bundler";
const PERSON_ROLES = fast(new RegExp(String.raw`\b(?:${PERSON_ROLE_WORDS})s?\b`, "iu"));
const ROLE_THEN_VERB = fast(new RegExp(String.raw`^(.*?\b(?:${PERSON_ROLE_WORDS})s?)\s+(?:can|could|would|will|may|might|is|was|are|were|has|had|have|involved|\p{Ll}+ed)\b.*$`, "iu"));
/** "Baker spokesman Tom Fuller", "Weiss consultant Cornell Blake": after a name (an employer, a
 * party, a place), one to three lower-case words ending in a role, then the person. */
const ROLE_WORDS = String.raw`(?:\p{Ll}[\p{Ll}-]*\s+){0,2}(?:${PERSON_ROLE_WORDS}|chairman|chairwoman|chair|president|secretary|founder|chief|counsel|coach|correspondent|surrogate|nominee|hopeful|rival|challenger|partner|colleague|publisher|producer|contributor|fellow|minister|ambassador|general|judge|sheriff|chancellor|premier|speaker|whip|front-runner|frontrunner)`;
const ROLE_THEN_NAME = fast(new RegExp(String.raw`^[’']?s?\s+${ROLE_WORDS}\s+(${NAME})`, "u"));
/** The same, up to the person: what a sentence opens with before its subject. */
const NAME_AND_ROLE = fast(new RegExp(String.raw`^${NAME}[’']?s?\s+${ROLE_WORDS}\s+$`, "u"));
const NAME_PARTICLE_WORDS = new Set(["of", ...NAME_PARTICLES, "y"]);
/** The capitalised name that ends a subject ("veteran analyst Charlie Crane", "his wife, Gabriela Lane"). */
const NAME_AT_END = fast(new RegExp(String.raw`(\p{Lu}[\p{L}’'.-]*(?:\s+(?:${NAME_JOINERS}\s+)*\p{Lu}[\p{L}’'.-]*)*)$`, "u"));

/** Things that carry words but say nothing themselves: "Trump posted a message", "issued a statement". */
// (The carrier in lower case: "The Washington Post" is a publication, not a post.)
const CARRIERS = fast(/^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\p{L}-]+\s+){0,2}(?:statement|message|release|letter|tweet|post|video|ad|advert|email|e-mail|memo|book|article|column|piece|headline|sign|document|report|interview|speech|remarks|comments?|note|op-ed|editorial|conference|call)s?(?:$|\s+(?:on|in|from|by|to|that|which|describing|saying|reading|calling|announcing)\b)/u);

const CLAUSE_AFTER_VERB = new Set("after before while when as since until of about in on at to for with the a an his her their its this that".split(" "));

/** Subjects, cleaned once each: the same attributions ("said Ilse Kaur", "he added") recur across an archive. */
const cleanSubject = remembered(cleanSubjectOnce, 50_000);

const PARTY_MEMBER = /^(?:Democrat|Republican|Independent|Libertarian|Conservative|Liberal|Progressive|Tory|Socialist)s?$/u;

function cleanSubjectOnce(given: string): Subject | null {
  // "Trump assured Jones": a subject that swallowed a speech verb is what follows it.
  const words = given.trim().split(/\s+/);
  // "Said Comey, “…”": the verb that opens the sentence is no part of the name.
  if (words.length > 1 && /^(?:Said|Says|Added|Adds|Wrote|Writes|Asked|Asks|Explained|Explains|Told|Tells)$/u.test(words[0] ?? "")) words.shift();
  const verbAt = words.findLastIndex((w) => SPEECH_VERBS.has(w));
  // …but "Hooton said after Rubio", "Ash Carter said the U.S.": a verb then a clause word or a determiner, so the
  // subject came before the verb.
  const before = verbAt > 0 && CLAUSE_AFTER_VERB.has((words[verbAt + 1] ?? "").toLowerCase());
  // "called the Republican nominee": a speech verb and its object, with no subject at all.
  if (verbAt === 0 && CLAUSE_AFTER_VERB.has((words[1] ?? "").toLowerCase())) return null;
  const raw = verbAt >= 0 ? (before ? words.slice(0, verbAt) : words.slice(verbAt + 1)).join(" ") : words.join(" ");
  if (raw === "") return null;
  // "wagging her finger at an activist as she angrily said": the pronoun of the clause before the verb speaks.
  const clausePronoun = /\s(?:as|when|while|because|after|before|since|until|if|and|but|so)\s+(he|she|they)$/iu.exec(raw.trim())?.[1];
  if (clausePronoun !== undefined) return { kind: "pronoun", name: clausePronoun.toLowerCase() };
  // "Here in Dayton, Garvey stepped up …": a place after "Here in" is where, not who.
  const lead = /^(\S+)\s+(?:in|at|on|from|to|near)\s/u.exec(raw.trim())?.[1];
  if (lead !== undefined && opensNoName(lead)) return null;
  // "Baker's remarks, Marsh wrote": a possessive is no subject.
  if (/\p{L}[’']s$/u.test(raw.trim())) return null;
  if (CARRIERS.test(raw.trim())) return null;
  // "Rep. Bobby Scott (D-Va.)": the party and state after a name are no part of it; nor is the day after it
  // ("Donald Trump on Saturday", "a statement Thursday night"), or what follows a line break.
  let s = raw.trim().split("\n")[0]?.trim().replace(/\s*\([^()]{1,30}\)$/u, "").replace(DAY_AFTER, "") ?? "";
  // ("a statement Thursday night" is a document too, once its day is gone.)
  if (s === "" || CARRIERS.test(s)) return null;
  if (PRONOUNS.has(s.toLowerCase())) return { kind: "pronoun", name: s.toLowerCase() };
  // "the Liberty Foundation website", "a Club for Growth ad": the words are the body's that put them out.
  s = s.replace(/^(.*\p{Lu}[\p{L}’'.-]*)\s+(?:website|web\s+site|ad|advert|statement|release|memo|letter|email|e-mail|tweet|video|blog)$/u, "$1");
  const body = organisation(s);
  if (body !== null) return { kind: "organisation", name: body };
  // "Jeffrey Lewis of the James Monroe Center": the person, not the place or body after "of".
  const affiliated = /^(.*?\p{Lu}[\p{L}’'.-]*)\s+of\s+(?:the\s+)?\p{Lu}/u.exec(s);
  if (affiliated?.[1] !== undefined && /\p{Lu}[\p{L}’'.-]*\s+\p{Lu}/u.test(affiliated[1]) && !affiliated[1].split(/\s+/).some((t) => isTitleWord(t))) s = affiliated[1];
  // A capitalised name inside ("veteran analyst Charlie Crane", "his wife, Gabriela Lane") wins.
  const named = NAME_AT_END.exec(s);
  const described = /^(?:the|an?|one|some|many|several|another)\s+\p{Ll}/iu.test(s) && !/^(?:the|an?|one|some|many|several|another)\s+\p{Lu}/u.test(s);
  // "one senior Democrat": a party member described, not a person called Democrat.
  const lastWord = s.split(/\s+/).slice(-1)[0] ?? "";
  if (described && (!/^\p{Lu}/u.test(lastWord) || PARTY_MEMBER.test(lastWord) || /\s(?:to|of|from|with|for|at|in|on|close|near|who|that)\s/u.test(s))) {
    // "the businessman", "a person close to the Bakers": a description.
  } else if (named?.[1] !== undefined) {
    let tokens = named[1].split(/\s+/);
    // "Patricia Moreno of Laramie": a person from a place, not a title ("Secretary of State Rubio").
    const of = tokens.indexOf("of");
    if (of >= 2 && tokens.slice(0, of).every((t) => !isTitleWord(t))) tokens = tokens.slice(0, of);
    // "Media Research Center’s Bozell", "Boston’s Walsh": the person after the possessive.
    tokens = afterOwner(afterOpeners(tokens));
    const dated = tokens.findIndex((t) => NOT_SUBJECTS.has(t.toLowerCase()));
    if (dated >= 0) tokens = tokens.slice(0, dated);
    const name = stripTitles(tokens.join(" "));
    if (name !== "" && !OPENERS_NOT_NAMES.has(name.toLowerCase()) && name !== "I") return { kind: "name", name };
  }
  // "a White House official who …", "a friend without …": the description ends where its clause begins.
  const determined = /^(?:the|an?|one|his|her|their|some|many|several|another)\s/i.test(s);
  s = s.replace(/^(?:the|an?|one|his|her|their|some|many|several|another)\s+/i, "").replace(/\s+(?:who|whom|whose|that|which|and|or|but|with|without)(?:\s.*)?$/u, "").replace(/(?:\s+(?:an?|the|of|his|her|their|its|to|in|on|at))+$/iu, "");
  // "a source involved", "a reporter can be heard": the description ends with its role, before a verb.
  s = s.replace(ROLE_THEN_VERB, "$1");
  // "the BLM group is calling on …": the description ends before its auxiliary.
  s = s.replace(/\s+(?:is|was|are|were|has|had|have|will|would|can|could)$/u, "");
  if (s === "" || s === "I" || OPENERS_NOT_NAMES.has(s.toLowerCase()) || !/\p{L}{2}/u.test(s)) return null;
  // "endorsed Baker in early July": a verb and its object, no one described.
  if (!determined && /^\p{Ll}+ed\s/u.test(s)) return null;
  return { kind: "description", name: s.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) };
}

/**
 * The full name a name run gives, if any (2–4 words, once what opens no name, an owner's possessive and titles are
 * off), with its first word and its surname key. The same runs come back in article after article: remembered.
 */
const fullNameOf = remembered((run: string): { cleaned: string; first: string; key: string } | null => {
  // One word is no full name (most runs: "The", "Ostrava").
  if (!run.includes(" ") && !/\s/u.test(run)) return null;
  // "Some Cruz aides", "Despite Rubio’s", "Following Sanders": the name is what follows; "Media Research
  // Center’s Brent Bozell": the person is who follows the possessive.
  const words = afterOwner(afterOpeners(run.split(/\s+/)));
  const cleaned = stripTitles(words.join(" "));
  const tokens = cleaned.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 4) return null;
  const first = tokens[0] ?? "";
  // "Le Pen", "Van Dyke": a surname with its particle, no one's full name.
  if (NAME_PARTICLE_WORDS.has(first.toLowerCase())) return null;
  return { cleaned, first, key: surname(cleaned) };
}, 50_000);

/** Per-article facts about names, computed once per article text (the last one is kept). */
interface NameFacts {
  /** surname (folded) → the longest 2–4 word name ending with it. */
  fullest: Map<string, string>;
  /** first name (folded) → the fullest names that open with it ("Sir Digby" → "Digby Jones"). */
  byFirst: Map<string, Set<string>>;
  /** Words after "Sir" or "Dame": first names, in British usage. */
  knighted: Set<string>;
  /** The article's lines (its paragraphs) and each one's name runs: its mentions read them again (see namedIn). */
  lines: string[];
  runs: Array<ReadonlyArray<{ text: string; index: number }>>;
}
let factsFor = "";
let facts: NameFacts = { fullest: new Map(), byFirst: new Map(), knighted: new Set(), lines: [], runs: [] };

function nameFacts(articleText: string): NameFacts {
  if (articleText === factsFor) return facts;
  const fullest = new Map<string, string>();
  /** Per surname, per first name in the order the article names them: the longest form of that person's name. */
  const people = new Map<string, Map<string, string>>();
  // Paragraph by paragraph: a name does not run on into the next paragraph.
  const lines = articleText.split("\n");
  const runs = lines.map(capitalisedRuns);
  // (Line by line: `runs.flat()` made an array of them all, and cost about 1% of a file's analysis.)
  for (const line of runs) {
    for (const run of line) {
      const named = fullNameOf(run.text);
      if (named === null) continue;
      const { cleaned, first, key } = named;
      let byFirst = people.get(key);
      if (byFirst === undefined) people.set(key, (byFirst = new Map<string, string>()));
      const seen = byFirst.get(first);
      if (seen === undefined || cleaned.length > seen.length) byFirst.set(first, cleaned);
    }
  }
  // Two people with one surname (Liz and Dick Cheney): a bare "Cheney" is the one the article named in full first,
  // its own subject usually (the other is named in full again and again, to tell them apart).
  const firstNames = new Map<string, Set<string>>();
  for (const [key, byFirst] of people) {
    const first = byFirst.values().next().value;
    if (first !== undefined) fullest.set(key, first);
    for (const [given, name] of byFirst) {
      const k = fold(given);
      const set = firstNames.get(k) ?? new Set<string>();
      set.add(name);
      firstNames.set(k, set);
    }
  }
  factsFor = articleText;
  // (Looked for only where the words are: a scan of every article for them cost more than its answer.)
  const knighted = new Set(articleText.includes("Sir") || articleText.includes("Dame") ? Array.from(articleText.matchAll(/\b(?:Sir|Dame)\s+(\p{Lu}[\p{L}’'-]*)/gu), (m) => m[1] as string) : []);
  facts = { fullest, byFirst: firstNames, knighted, lines, runs };
  return facts;
}

/** The fullest form of a name this article gives: "Trump" → "Donald Trump". */
export function fullestName(name: string, articleText: string): string {
  const tokens = name.split(/\s+/);
  // "De Blasio" is a surname with its particle: "Bill de Blasio" where the article names him so.
  if (tokens.length > 1 && !(tokens.length === 2 && NAME_PARTICLE_WORDS.has((tokens[0] as string).toLowerCase()))) return name;
  const known = nameFacts(articleText);
  const best = known.fullest.get(surname(name));
  if (best !== undefined) return best.length > name.length ? best : name;
  // "Sir Digby added", "Hillary said": a first name alone, of the one person the article names in full with it.
  if (tokens.length === 1 && (isFirstName(name) || known.knighted.has(name))) {
    const named = known.byFirst.get(fold(name));
    if (named?.size === 1) return named.values().next().value as string;
  }
  return name;
}

let startsFor = "";
let starts: number[] = [0];

/** Where each sentence of a paragraph after the first starts (before checks for titles and initials). */
const SENTENCE_STARTS = fast(/[.!?]["”’]?\s+(?=[“"‘]?\p{Lu})/gu);
/** Where the sentence holding `pos` starts: after the last ". " (or "? ", "! ") before it that a capital
 * follows, or that ends right at `pos`. Boundaries are found once per paragraph. */
function sentenceStartBefore(p: string, pos: number): number {
  if (p !== startsFor) {
    starts = [0];
    // "BOSTON, June 12 (UPI) — The committee …": the sentence starts after the dateline.
    const place = /^\p{Lu}[\p{Lu} .'-]+/u.exec(p)?.[0].trimEnd() ?? "";
    const dateline = place.length >= 3 ? datelineAfter(p, 0, place) : null;
    for (const m of execAll(SENTENCE_STARTS, p)) {
      // "New Jersey Gov. Chris Carver", "Donald J. Trump": a title's or an initial's period ends no sentence.
      const at = m.index ?? 0;
      // ("in the U.S. He said" still ends one: an acronym's last letter is no initial.)
      if (p[at] === "." && TITLE_PERIOD.test(p.slice(Math.max(0, at - 12), at + 1)) && !/\p{Lu}\.\p{Lu}\.$/u.test(p.slice(Math.max(0, at - 3), at + 1))) continue;
      starts.push(at + m[0].length);
    }
    if (dateline !== null) starts = [...starts.filter((x) => x < place.length), place.length + dateline[0].length, ...starts.filter((x) => x > place.length + dateline[0].length)];
    startsFor = p;
  }
  const tail = /[.!?]["”’]?\s+$/u.exec(p.slice(Math.max(0, pos - 8), pos));
  if (tail) return pos;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo] ?? 0;
}

const NOT_SUBJECTS = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(" "),
);
const DAY_AFTER = /\s+(?:(?:later|earlier)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?)?|(?:(?:on|last|this|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?)$/u;

const ADVERB_WORD = fast(new RegExp(String.raw`^${ADVERB}$`, "u"));
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);
/** Where the white space that ends at `j` starts (`j` itself when there is none). */
function spaceBefore(p: string, j: number): number {
  while (j > 0 && isSpace(p[j - 1])) j--;
  return j;
}

/** Whether what ends at `j` can end SUBJECT_ANYWHERE's subject or inset: an abbreviation's or initial's period,
 * a comma or dash, or a word with a capital in it ("Hansen", "McAdams", "al-Assad"). */
function subjectEndsAt(p: string, j: number): boolean {
  const c = p[j - 1];
  if (c === undefined) return false;
  if (c === "." || c === "," || c === "—" || c === "–" || c === "-") return true;
  if (!/[\p{L}’'-]/u.test(c)) return /[\uD800-\uDFFF]/.test(c); // a surrogate: let the pattern decide
  for (let k = j - 1; k >= 0; k--) {
    const d = p[k] as string;
    if (/\p{Lu}/u.test(d) || /[\uD800-\uDFFF]/.test(d)) return true;
    if (!/[\p{L}’'-]/u.test(d)) return false;
  }
  return false;
}

/** Longer than any subject, appositive and adverb SUBJECT_ANYWHERE takes before its verb (at most 195 characters
 * over PolNeAR's 840 articles). */
const SUBJECT_REACH = 400;

/** A speech verb that is a whole run of ASCII letters (as the words of SPEECH_VERBS all are): not SPEECH_VERB_WORD,
 * whose bounds are any letter ("saidé" is no verb there, and is one here, as word by word before). */
const SPEECH_VERB_RUN = new RegExp(String.raw`(?<![A-Za-z])(?:${VERB_ALT})(?![A-Za-z])`, "g");
/**
 * The stretches of a paragraph SUBJECT_ANYWHERE can match in: up to each speech verb (an ASCII word after white
 * space) that the end of a name or an appositive precedes, past an optional adverb, from SUBJECT_REACH before it;
 * overlapping stretches merged. Each starts at white space (or the paragraph's start), so that the pattern's
 * `(?:^|[^\p{L}])` behaves there as in the whole paragraph.
 */
function subjectStretches(p: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const verbs = SPEECH_VERB_RUN;
  verbs.lastIndex = 0;
  for (let m = verbs.exec(p); m !== null; m = verbs.exec(p)) {
    const j = spaceBefore(p, m.index);
    if (j === m.index) continue;
    let named = subjectEndsAt(p, j);
    if (!named) {
      // "Hansen flatly said": an adverb between.
      let k = j;
      while (k > 0 && /\p{Ll}/u.test(p[k - 1] as string)) k--;
      if (k === j || !ADVERB_WORD.test(p.slice(k, j))) continue;
      const i = spaceBefore(p, k);
      named = i < k && subjectEndsAt(p, i);
    }
    if (!named) continue;
    // One character past the verb, for the pattern's closing \b.
    const end = Math.min(p.length, m.index + m[0].length + 1);
    let start = Math.max(0, m.index - SUBJECT_REACH);
    while (start > 0 && !isSpace(p[start])) start--;
    const last = out.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = end;
    else out.push([start, end]);
  }
  return out;
}

const BEFORE_INSET_VERB_FIRST = fast(new RegExp(String.raw`,\s+(?:${ADVERB}\s+)?(?:says|said|writes|wrote|argues|argued|notes|noted|explains|explained|adds|added)\s+(${NAME}),`, "u"));
/** "… said (that) " right before a name: the name opens a reported clause. */
const REPORTED_CLAUSE_BEFORE = fast(new RegExp(String.raw`\b(?:said|says|told\s+\p{Ll}+|argued|argues|claimed|claims|insisted|insists|noted|notes|added|adds|believes|believed|thinks|thought)\s+(?:that\s+)?$`, "u"));
const APPOSITIVE_SPEAKER_HINT = fast(/\p{Ll},\s+\p{Lu}[^,]{1,40},\s+(?:\p{Ll}+ly\s+)?\p{Ll}/u);
const APPOSITIVE_SPEAKER = fast(new RegExp(String.raw`(?:^|[.!?]["”’]?\s+)(?:(?:But|And|Yet|So)\s+(?=\p{Ll})|(?:On|In|At|During|After|Before|Later|Earlier|Meanwhile|Last|This|Speaking|Asked|Writing)\b[^,.!?“”"]{0,60},\s+(?=\p{Ll}))?(?:One|Some|Several|Two|Three|An?|The|His|Her|Their|an?|the|his|her|their)\s+[^,.!?“”"]{2,80}\p{Ll},\s+(${NAME}),\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\b`, "gu"));
const WHO_SAID_HINT = fast(/,\s+who\s+(?:\p{Ll}+ly\s+)?\p{Ll}+\s/u);
const WHO_SAID = fast(new RegExp(String.raw`(?:^|[^\p{L}])((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,3})(?:\s+of\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?(?:,\s+(?:the|an?)\s+[^,“”"]{1,120})?,\s+who\s+(?:${ADVERB}\s+)?(?:said|says|told|tells|wrote|writes|argued|argues|added|adds|noted|notes|warned|warns|explained|explains)\b`, "gu"));
const GOING = /\b(?:go|goes|went|going|gone)$/u;
const MOTION_AFTER = /^\s+(?:to|on|into|back|through|after|ahead|out|up|down|home|in|over|away|off|from|for|with|by|at|around)\b/u;
const VERB_FIRST_HINT = fast(new RegExp(String.raw`,\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})\s+\p{Lu}`, "u"));
const VERB_FIRST_ANYWHERE = fast(new RegExp(String.raw`,\s+(?:${ADVERB}\s+)?(?!\p{L}+ing\b)(?:${VERB_ALT})\s+(${NAME})(?=[,.;:!?]|\s+(?:who|in|on|at|of)\b|$)`, "gu"));

/** "Becerra said", "Cuban told reporters" outside quotation marks: people who spoke, for a later "he". */
function speechSubjects(p: string, spans: readonly Span[], articleText: string): Array<{ at: number; name: string }> {
  const out: Array<{ at: number; name: string }> = [];
  // The pattern ends in a name (or an appositive) and a speech verb: only the stretches before such verbs are
  // scanned, and a paragraph without one not at all.
  const matches: Array<{ m: RegExpExecArray; offset: number }> = [];
  for (const [from, to] of subjectStretches(p)) {
    for (const m of execAll(SUBJECT_ANYWHERE, p.slice(from, to))) matches.push({ m, offset: from });
  }
  /** A name that speaks at `at`, outside quotation marks. */
  const addName = (raw: string, at: number): void => {
    if (spans.some((sp) => at > sp.open && at < sp.close)) return;
    const subject = cleanSubject(raw);
    if (subject?.kind === "name") out.push({ at, name: fullestName(subject.name, articleText) });
  };
  // "One of the authors of that report, Ari Fleischer, said …": a description, then the name as its appositive.
  if (APPOSITIVE_SPEAKER_HINT.test(p)) {
    for (const m of execAll(APPOSITIVE_SPEAKER, p)) addName(m[1] ?? "", (m.index ?? 0) + m[0].lastIndexOf(`${m[1] ?? ""},`));
  }
  // "… by Sen. Diane Ferris of Oregon, the ranking Democrat on the committee, who said …": a relative clause's
  // speaker.
  if (WHO_SAID_HINT.test(p)) {
    for (const m of execAll(WHO_SAID, p)) addName(m[1] ?? "", (m.index ?? 0) + m[0].indexOf(m[1] ?? ""));
  }
  // ", said Robert Lang, director of …": an inverted attribution names its speaker after the verb.
  if (VERB_FIRST_HINT.test(p)) {
    for (const m of execAll(VERB_FIRST_ANYWHERE, p)) addName(m[1] ?? "", (m.index ?? 0) + m[0].length - (m[1] ?? "").length);
  }
  for (const { m, offset } of matches) {
    let raw = m[1] ?? "";
    // "Trump assured Jones": the subject is what follows the last speech verb inside it.
    const words = raw.split(/\s+/);
    const verbAt = words.findLastIndex((w) => SPEECH_VERBS.has(w));
    if (verbAt >= 0) raw = words.slice(verbAt + 1).join(" ");
    else {
      // "Mr Harlow then e-mailed Mr McFarlane pointing out the slip": a name, a past verb, a name: the first one
      // is the subject, and what follows is the sentence subject's doing.
      const past = words.findIndex((w, i) => i > 0 && /^\p{Ll}[\p{Ll}-]{2,}ed$/u.test(w) && /^\p{Lu}/u.test(words[i + 1] ?? ""));
      if (past > 0) {
        let end = past;
        while (end > 0 && /^\p{Ll}/u.test(words[end - 1] as string)) end--;
        if (end > 0) raw = words.slice(0, end).join(" ");
      }
    }
    if (raw === "") continue;
    const at = offset + (m.index ?? 0) + m[0].lastIndexOf(raw, m[0].indexOf(m[1] ?? "") + (m[1] ?? "").length);
    const end = offset + (m.index ?? 0) + m[0].length;
    // "Ohioans went to the polls": going somewhere is no speaking.
    if (GOING.test(m[0]) && MOTION_AFTER.test(p.slice(end, end + 12))) continue;
    // Only attributions outside quotation marks: neither the name nor the verb inside one.
    if (spans.some((sp) => (at > sp.open && at < sp.close) || (end > sp.open && end <= sp.close))) continue;
    // "Like Corker, Menendez … arguing": a comparison's name is not who speaks.
    // Nor is a place after a preposition: "In Washington, President Weiss released a statement …, condemning".
    if (/\b(?:[Ll]ike|[Uu]nlike|In|At|From|Near|Across)\s+$/u.test(p.slice(Math.max(0, at - 8), at)) || /^(?:Like|Unlike|In|At|From|Near|Across)\s/u.test(raw)) continue;
    // A dateline's place ("PHILADELPHIA, July 25 (UPI) — … , offering") is nobody.
    if (datelineAfter(p, at, raw) !== null) continue;
    // "Murphy said Trump continued to hurt his cause": the subject of what someone said is no one who spoke.
    if (REPORTED_CLAUSE_BEFORE.test(p.slice(Math.max(0, at - 40), at))) continue;
    // "… had Hillary Clinton congratulated him": a condition, not a speaker; nor "should X say", "were X to say".
    if (/^(?:had|should|were)\s/u.test(raw) || /\b(?:had|should|were)\s+$/u.test(p.slice(Math.max(0, at - 8), at))) continue;
    // "Jennifer Moss, 34, of Mobile, Ala., says": not Mobile (the sentence's opener is its subject).
    const lead = LOWER_LEAD.exec(raw)?.[0].length ?? 0;
    if (placeAt(p, at + lead, raw.length - lead)) continue;
    // "Geoff Gardner, a pollster who is working with Forward Together, a pro-Marsh super PAC, said": a name after a
    // preposition, with an appositive of its own, sits inside the appositive of the name the sentence opens with.
    const nameAt = at + (/^(?:\p{Ll}[\p{Ll}-]*\s+)*/u.exec(raw)?.[0].length ?? 0);
    if (insideAppositive(p, nameAt, at + raw.length)) {
      const from = sentenceStartBefore(p, at);
      const opener = OPENER_WITH_APPOSITIVE.exec(p.slice(from, nameAt));
      const named = opener?.[1] === undefined ? null : cleanSubject(opener[1]);
      if (named?.kind === "name") out.push({ at: from + (opener?.index ?? 0), name: fullestName(named.name, articleText) });
      continue;
    }
    // "The Bafta-winning actor, whose roles include Sea Wall, …, said": a name in the opener's relative
    // clause is not who speaks; the opener is, if it is a name.
    const sentenceFrom = sentenceStartBefore(p, at);
    const relative = OPENER_WITH_RELATIVE.exec(p.slice(sentenceFrom, nameAt));
    if (relative?.[1] !== undefined) {
      const named = cleanSubject(relative[1]);
      if (named?.kind === "name") out.push({ at: sentenceFrom + relative.index, name: fullestName(named.name, articleText) });
      continue;
    }
    const subject = cleanSubject(raw);
    if (subject?.kind !== "name") continue;
    out.push({ at, name: fullestName(subject.name, articleText) });
  }
  return out;
}
/**
 * The sentence's opener whose appositive, description or relative clause holds the subject found at `rawAt` of
 * `before` (after its `lead` of lower-case words), when that opener is who speaks; undefined when none does.
 */
function openerOwning(before: string, raw: string, rawAt: number, lead: number, usable: (x: string | undefined) => string | undefined): string | undefined {
  // "Geoff Gardner, a pollster working with Forward Together, a pro-Marsh super PAC, said": a preposition's object
  // with an appositive of its own.
  if (insideAppositive(before, rawAt, rawAt + raw.length - lead)) return usable(OPENER_WITH_APPOSITIVE.exec(before.slice(0, rawAt))?.[1]);
  // "Nick Dawes, spokesman for cycling's ruling body the UCI, which handed out the bans, said": inside the
  // description that follows the opening name.
  const opener = OPENER_WITH_DESCRIPTION.exec(before.slice(0, rawAt - lead))?.[1];
  if (opener !== undefined && opener.includes(" ") && usable(opener) !== undefined) return opener;
  // "The Bafta-winning actor, whose roles include Sea Wall, Michael Dwyer and …, said": inside the
  // opener's relative clause.
  const relative = usable(OPENER_WITH_RELATIVE.exec(before.slice(0, rawAt))?.[1]);
  if (relative !== undefined) return relative;
  // "Colin Aspel, Brighton Hotel Association said": a person's name, then the body they speak for.
  const person = OPENER_THEN_BODY.exec(before.slice(0, rawAt))?.[1];
  return person !== undefined && NOT_PEOPLE.test(raw) && isFirstName(person.split(/\s+/)[0] ?? "") ? usable(person) : undefined;
}
const OBJECT_BEFORE = /\b(?:with|for|by|from|about|against|to|at|on|in)\s+(?:the\s+)?$/u;
/** Whether the name from `at` to `end` is a preposition's object with an appositive of its own ("… working with
 * Forward Together, a pro-Marsh super PAC, said"): inside another name's appositive, so not the one who speaks. */
function insideAppositive(text: string, at: number, end: number): boolean {
  return text.charAt(end) === "," && OBJECT_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}
/** "Colin Asplin, " right before the subject: a name set off by a comma opening the sentence. */
const OPENER_THEN_BODY = fast(new RegExp(String.raw`^\s*(${NAME}),\s+$`, "u"));
/** "The Bafta-winning actor, whose roles include …" (up to a name inside the clause): the opener of a relative clause. */
const OPENER_WITH_RELATIVE = fast(new RegExp(String.raw`^\s*((?:The|A|An)\s+[^,.;:“”"]{1,60}|${NAME}),\s+(?:who|whose)\s[^“”"]*\s$`, "u"));
/** "Nick Davies, spokesman for …" (up to a name inside the description): the opening name and its description. */
const OPENER_WITH_DESCRIPTION = fast(new RegExp(String.raw`^\s*(${NAME}),\s+(?:(?:a|an|the)\s+)?\p{Ll}[^,.;“”"]*\s$`, "u"));
const OPENER_WITH_APPOSITIVE = fast(new RegExp(String.raw`^\s*(${NAME}),\s+(?:a|an|the)\s+[^,.;“”"]*$`, "u"));

const DESCRIBED_NAME = String.raw`((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]*\p{L})`;
const NAME_AFTER_DESCRIPTION = fast(new RegExp(String.raw`^\s+${DESCRIBED_NAME}`, "u"));
const NAME_BEFORE_DESCRIPTION = fast(new RegExp(String.raw`(?<![\p{L}.'’-])${DESCRIBED_NAME},\s+(?:the|a|an)\s+$`, "u"));
/**
 * "the Republican presidential candidate said": the person the article introduced with those words before,
 * "Republican presidential candidate Tom Baker" or "Tom Baker, the Republican presidential candidate". Each
 * part of "the Vermont senator and Democratic candidate", and its last two or more words, are tried, longest
 * first; the last such introduction before the quotation wins.
 */
function describedAs(description: string, earlier: string, articleText: string): string | null {
  const words = description.replace(/^the\s+/i, "").split(/\s+/);
  if (words.length === 0 || words.length > 10 || earlier === "") return null;
  const phrases: string[][] = [];
  for (const part of words.join(" ").split(/\s+and\s+/)) {
    const w = part.split(" ");
    for (let i = 0; i < w.length - 1 || (w.length === 1 && i === 0); i++) phrases.push(w.slice(i));
  }
  for (const phrase of phrases) {
    // One plain word ("the senator") is too weak to name anyone.
    if (phrase.length < 2) continue;
    // The words must be there at all (a plain search, before any pattern).
    const tail = phrase.slice(1).join(" ");
    if (!earlier.includes(tail)) continue;
    const escaped = phrase.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(String.raw`\s+`);
    // Its first letter in either case ("Republican presidential candidate …", "… the former governor"), the rest as written.
    const first = escaped.slice(0, 1);
    const body = new RegExp(String.raw`(?<![\p{L}])[${first.toUpperCase()}${first.toLowerCase()}]${escaped.slice(1)}(?![\p{L}])`, "gu");
    let last: string | undefined;
    for (const m of earlier.matchAll(body)) {
      // "… candidate Donald Trump" after the words, or "Donald Trump, the … candidate" before them.
      const after = NAME_AFTER_DESCRIPTION.exec(earlier.slice(m.index + m[0].length, m.index + m[0].length + 80))?.[1];
      const before = NAME_BEFORE_DESCRIPTION.exec(earlier.slice(Math.max(0, m.index - 80), m.index))?.[1];
      last = after ?? before ?? last;
    }
    if (last === undefined) continue;
    const stripped = stripTitles(last);
    if (stripped === "" || NOT_PEOPLE.test(stripped)) continue;
    return fullestName(stripped, articleText);
  }
  return null;
}

/** An acronym, "ISIL", "FBI", "CNN": a body, no "he" or "she". */
const ACRONYM = fast(/^\p{Lu}{3,}$/u);
/** Roles whose holders news leaves unnamed: "the aide said" is seldom the person named last. */
const UNNAMED_ROLES = new Set(
  "person man woman narrator announcer caller commenter viewer listener member aide official source spokesman spokeswoman spokesperson adviser advisor strategist staffer donor voter supporter operative insider confidant confidante loyalist backer associate resident protester demonstrator".split(" "),
);
const introducedPatterns = new Map<string, RegExp>();

/** "Steven Chung, a campaign spokesman": the person last introduced by that role, before the quotation. */
function introducedAs(head: string, earlier: string, articleText: string): string | null {
  let re = introducedPatterns.get(head);
  if (re === undefined) introducedPatterns.set(head, (re = new RegExp(String.raw`(?<![\p{L}.'’-])${DESCRIBED_NAME},\s+(?:the|a|an|his|her|their)\s+(?:[\p{L}’'-]+\s+){0,3}${head}\b`, "gu")));
  let last: string | undefined;
  for (const m of earlier.slice(-6000).matchAll(re)) last = m[1];
  if (last === undefined) return null;
  const stripped = stripTitles(last);
  return stripped === "" || NOT_PEOPLE.test(stripped) ? null : fullestName(stripped, articleText);
}

/** The titles a role word stands for: "the senator" is someone the article called "Sen." or "Senator". */
const ROLE_TITLE: Readonly<Record<string, string>> = {
  president: String.raw`President|Pres\.`,
  senator: String.raw`Sen\.|Senator`,
  governor: String.raw`Gov\.|Governor`,
  congressman: String.raw`Rep\.|Congressman|Representative`,
  congresswoman: String.raw`Rep\.|Congresswoman|Representative`,
  mayor: "Mayor",
  judge: "Judge",
  pope: "Pope",
  chancellor: "Chancellor",
  ambassador: "Ambassador",
  general: String.raw`Gen\.|General`,
};
const TITLED_NAME = String.raw`\s+((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*\p{L})`;
const titledPatterns = new Map<string, RegExp>();

/**
 * "the Vermont senator", "the president": the one person the article gave that title ("Sen. Bernie Sanders",
 * "Pres. Obama") — of those, one whose mentions the description's other capitalised words ("Vermont") are near.
 */
function titled(words: readonly string[], earlier: string, articleText: string): string | null {
  const head = words.at(-1)?.toLowerCase() ?? "";
  // Any other role the article put right before a name: "the columnist" → "columnist Ai Jun".
  const titles = ROLE_TITLE[head] ?? (/^\p{Ll}{4,}$/u.test(head) && PERSON_ROLES.test(head) ? `[${head.slice(0, 1).toUpperCase()}${head.slice(0, 1)}]${head.slice(1)}` : undefined);
  if (titles === undefined || words.length > 5) return null;
  let re = titledPatterns.get(head);
  if (re === undefined) titledPatterns.set(head, (re = new RegExp(String.raw`(?<![\p{L}])(?:${titles})${TITLED_NAME}`, "gu")));
  const names: string[] = [];
  for (const m of earlier.matchAll(re)) {
    const name = stripTitles(m[1] ?? "");
    if (name !== "" && !NOT_PEOPLE.test(name)) names.push(fullestName(name, articleText));
  }
  if (names.length === 0) return null;
  const qualifiers = words.slice(0, -1).filter((w) => /^\p{Lu}/u.test(w) && !isTitleWord(w));
  let near = [...new Set(names)];
  if (qualifiers.length > 0) {
    // How far each one's mentions are from the qualifying words ("Sen. Peter Dunn of Vermont"): the nearest.
    const distance = (n: string): number => {
      let worst = 0;
      for (const q of qualifiers) {
        let best = Infinity;
        for (const at of wordsAt(earlier, n)) for (const qa of wordsAt(earlier, q)) best = Math.min(best, qa < at ? at - qa - q.length : qa - at - n.length);
        worst = Math.max(worst, best);
      }
      return worst;
    };
    const d = near.map(distance);
    const closest = Math.min(...d);
    near = closest > 60 ? [] : near.filter((_, i) => d[i] === closest);
  }
  // Only when one person fits: with two senators, "the senator" is the one the story is about, which the
  // speaker model judges better.
  return near.length === 1 ? (near[0] ?? null) : null;
}

/** The last full name (two to four words, titles stripped) before a point, for a pronoun with no subject yet. */
function lastMention(before: string, articleText: string): string | null {
  const runs = capitalisedRuns(before.slice(-3000))
    // "Following Wednesday’s debate": a participle opens no name.
    .map((r) => stripTitles(afterOpeners(r.text.split(/\s+/)).join(" ")))
    .filter((n) => n.split(/\s+/).length >= 2 && n.split(/\s+/).length <= 4 && !/\b(?:The|Of|For|And)\b/.test(n) && !NOT_PEOPLE.test(n));
  const last = runs[runs.length - 1];
  return last === undefined ? null : fullestName(last, articleText);
}

const SENTENCE_SUBJECT = fast(new RegExp(String.raw`(?:^|[.!?]["”’]?\s+|[,;]\s+(?:but|and|while|yet|whereas)\s+(?=\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*\s+(?!(?:and|or|of|to|in|on|at|for|with|from|by|as|is|was)\b)\p{Ll}))(?:(?:As|When|After|Before|While|Since|If|Though|Although|On|In|At|Asked|Later|Earlier|Still|But|And|Yet|So|Like|Unlike|Despite|Besides|Amid|During|Following|Just|Only|Even|Now|Then|Today|Yesterday|Last|Next|Within|Over|Throughout|Once|Recently|Previously|Separately|Meanwhile|Instead|However|Reached|Contacted|Pressed|Interviewed|Questioned|Confronted|Speaking|Appearing|Writing|Responding|Addressing|Campaigning|Testifying|Visiting|Talking)\b[^,.!?“”"]{0,130},\s+(?:\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?,\s+(?=(?:on|in|at|this|last|early|late)\s))?(?:(?:after|before|while|when|despite|following|amid|as|since|until|in|on|at|with)\b[^,.!?“”"]{0,100},\s+)?)?(?:(?:And|But|Yet|So)\s+(?:even|also|then|now|still|finally)\s+)?(${NAME})`, "gu"));
/** A title's or an initial's period, where a stretch of text ends: no sentence ends there. */
const TITLE_PERIOD = fast(new RegExp(String.raw`(?:^|[^\p{L}])(?:${TITLE_ABBREVIATIONS}|Adm|Cmdr|Maj|Supt|Insp|\p{Lu})\.$`, "u"));
/** Organisations and places are no "he" or "she". */
const BODY_WORDS = /\b(?:Council|Committee|Street|House|Department|Party|News|University|Agency|Association|Institute|Foundation|Campaign|Center|Centre|Times|Post|Journal|Press|Office|Court|Senate|Congress|Assembly|Union|Federation|Republicans|Democrats|America|States|Nations|Network|Company|Corporation|Group|Club|Church|School|College|County|City|State|Administration|Bureau|Service|Board|Commission|Organization|Fund|Bank|Tribune|Magazine|Review|Channel|Radio|TV|Convention|Conference|Museum|Hospital|Airport|Festival|Olympics|Tower|Hall|Park|Square|Avenue|Island|River|Republic|Kingdom|Ministry|Forum|Summit|Program|Programme|Act|Prize|Award|League|Caucus|Movement|Initiative|Coalition|Alliance|Authority|Police|Army|Forces|Guard|Daily|Herald|Gazette|Globe|Today|Inc|Corp|Media|Airlines|Reuters|Twitter|Facebook|Google|Instagram|YouTube|Fox|CNN|MSNBC|NBC|CBS|ABC|BBC|NPR|AP|AFP|Politico|Breitbart|PAC)\b/u;
/** Body words that are also surnames: after a first name and nothing else, a person ("Liam Fox", "Arsenio Hall"). */
const SURNAME_BODY_WORDS = new Set(["Fox", "Hall", "Park", "Church", "Post", "Court", "Street", "House", "Guard", "Bank"]);
const NOT_PEOPLE = {
  test(name: string): boolean {
    if (!BODY_WORDS.test(name)) return false;
    const tokens = name.split(/\s+/);
    return !(tokens.length === 2 && isFirstName(tokens[0] as string) && SURNAME_BODY_WORDS.has(tokens[1] as string));
  },
};

/** What follows a dateline's place: ", July 25 (UPI) — ", ", Alaska — ", " (Reuters) - ". */
const DATELINE_TAIL = /^(?:,[^—–“”"]{1,40}?)?\s*(?:\([^()]{1,30}\)\s*)?(?:[—–]|--?)\s/u;
/** The dateline after `place` at `at` when it is one ("BOSTON, June 12 (UPI) — "): a place in capitals, then
 * a date, an agency or a dash. */
function datelineAfter(p: string, at: number, place: string): RegExpExecArray | null {
  return /^\p{Lu}[\p{Lu} .'-]+$/u.test(place) ? DATELINE_TAIL.exec(p.slice(at + place.length, at + place.length + 60)) : null;
}
/** People who open a sentence ("President Trump said …", "Clinton, 68, …"): the likely "he" or "she" after. */
function sentenceSubjects(p: string, articleText: string, spans: readonly Span[]): Array<{ at: number; name: string }> {
  const out: Array<{ at: number; name: string }> = [];
  for (const m of execAll(SENTENCE_SUBJECT, p)) {
    let run = m[1] ?? "";
    let at = (m.index ?? 0) + m[0].length - run.length;
    // A sentence inside a quotation is the speaker's: "“… Hillary Clinton represents …,” she said" names no "she".
    if (spans.some((s) => s.open < at && at < s.close)) continue;
    // "BOSTON, June 12 (UPI) — The Democratic National Committee …": a dateline's place is nobody.
    if (datelineAfter(p, at, run) !== null) continue;
    // "… vote for Hollis or Maine Sen. Peter Dunn": a title's or an initial's period ends no sentence.
    if ((m.index ?? 0) > 0 && TITLE_PERIOD.test(p.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + 1))) continue;
    // "Baker spokesman Tom Fuller wouldn’t say": the person after the role is the subject.
    const role = ROLE_THEN_NAME.exec(p.slice(at + run.length, at + run.length + 120));
    if (role?.[1] !== undefined) {
      at = at + run.length + (role.index ?? 0) + role[0].length - role[1].length;
      run = role[1];
    }
    const tokens = run.split(/\s+/);
    // "In …", "Despite …", and before more words a participle ("Following Wednesday’s debate").
    while (tokens.length > 0 && (tokens.length > 1 ? leadsNoName(tokens[0] ?? "") : opensNoName(tokens[0] ?? ""))) tokens.shift();
    // "The Vermont senator said": a description, not a person called Vermont.
    if (/^(?:The|A|An)$/.test(tokens[0] ?? "")) continue;
    const stripped = stripTitles(tokens.join(" ").replace(/[’']s$/u, ""));
    if (stripped === "" || NOT_SUBJECTS.has(stripped.toLowerCase()) || OPENERS_NOT_NAMES.has(stripped.toLowerCase())) continue;
    if (/^(?:The|This|That|These|Those|It|Its|There|Here|What|Who|How|Why|Some|Many|Most|All|Both|Each|Every|No|One|A|An|I|We|You|They|He|She|His|Her|Their|Our|My)$/.test(stripped.split(" ")[0] ?? "")) continue;
    const name = fullestName(stripped, articleText);
    if (NOT_PEOPLE.test(name)) continue;
    // A single word counts only when the article also uses it as a name mid-sentence ("… said Cruz").
    const titled = tokens.length > stripped.split(" ").length;
    // A single word must be someone the article names in full ("Trump" → "Donald Trump") or titles
    // ("Mr. Trump"); "China" or "Maine" opening a sentence is no "he" or "she".
    // (Or one the article gives a title somewhere: "President Obama" makes "And even Obama tried …" a subject.)
    if (!name.includes(" ") && !titled && !titledIn(name, articleText)) continue;
    if (/[’']s$/u.test(tokens[0] ?? "") && tokens.length > 1) continue;
    out.push({ at, name });
  }
  return out;
}

/**
 * A quotation that is a phrase inside its sentence, not a statement: something of its sentence stands before it
 * (no colon or comma introducing it), it ends no sentence of its own, it is short, and no speech verb is in its
 * sentence outside it.
 */
function unattributedPhrase(p: string, q: Quote): boolean {
  if (q.parts !== undefined || wordsIn(q.text) > 12 || /[.!?]["”’]?\s*$/u.test(q.text)) return false;
  const open = q.start - 1;
  const from = sentenceStartBefore(p, open);
  const lead = p.slice(from, open);
  if (!/\p{L}/u.test(lead) || /[:,]\s*$/u.test(lead)) return false;
  const to = sentenceEndAfter(p, q.end);
  return !speaks(`${lead} ${p.slice(q.end + 1, to)}`);
}
const wordsIn = (text: string): number => text.split(/\s+/).filter((w) => w !== "").length;

/**
 * The speaker a paragraph names after the closing mark of a quotation opened in the paragraph before: the first
 * mark in it closes ("…achieved that,” said his wife, Sheila."), and a name follows with a speech verb.
 */
function closingAttribution(p: string, articleText: string): string | null {
  const close = p.search(/[”"]/u);
  if (close < 0 || p[close] === "“" || quoteSpans(p).some((sp) => sp.open < close)) return null;
  const after = p.slice(close + 1);
  if (!speaks(after.slice(0, 120))) return null;
  const raw = AFTER_VERB_ROLE_NAME.exec(after)?.[1] ?? AFTER_VERB_FIRST.exec(after)?.[1] ?? AFTER_SUBJECT_FIRST.exec(after)?.[1];
  const subject = raw === undefined ? null : cleanSubject(raw);
  return subject?.kind === "name" ? fullestName(subject.name, articleText) : null;
}

/** A quotation of three words or more: a statement, not a scare quote. */
function statementSpan(p: string, sp: Span): boolean {
  return hasWords(p.slice(sp.open + 1, sp.close), 3);
}

/** `p` from `from` to `to`, the marks of the scare quotes `inside` it blanked. */
function unmarked(p: string, from: number, to: number, inside: readonly Span[]): string {
  if (inside.length === 0) return p.slice(from, to);
  const chars = p.slice(from, to).split("");
  for (const sp of inside) {
    for (const at of [sp.open, sp.close]) if (at >= from && at < to) chars[at - from] = " ";
  }
  return chars.join("");
}

/**
 * Whether the article puts a person's title before `name` somewhere, with up to `between` capitalised words in
 * between ("President Obama"; with 2, also "President Barack Obama"). Looked up once per article and name.
 */
const titledNames = new Map<string, boolean>();
let titledNamesFor = "";
/** Where the article's person titles end ("President ", "Sen. "): found once per article. */
let titleEnds: number[] = [];
const TITLE_HEAD = fast(new RegExp(String.raw`\b(?:${PERSON_TITLES})\.?\s+`, "gu"));
const CAPITALISED_WORD = fast(/\p{Lu}[\p{L}.'’-]*\s+/uy);
const ASCII_WORD_CHAR = /[A-Za-z0-9_]/; // what \b tells apart
function titledIn(name: string, articleText: string, between = 0): boolean {
  if (articleText !== titledNamesFor) {
    titledNames.clear();
    titledNamesFor = articleText;
    titleEnds = execAll(TITLE_HEAD, articleText).map((m) => m.index + m[0].length);
  }
  const key = `${between}:${name}`;
  let known = titledNames.get(key);
  if (known === undefined) {
    known = titleEnds.some((end) => namedAfterTitle(articleText, end, name, between));
    titledNames.set(key, known);
  }
  return known;
}

/** Whether `name` (then a word boundary) follows a title ending at `end`, past up to `between` capitalised words. */
function namedAfterTitle(text: string, end: number, name: string, between: number): boolean {
  let at = end;
  for (let k = 0; ; k++) {
    if (text.startsWith(name, at)) {
      const last = at + name.length;
      const wordBefore = ASCII_WORD_CHAR.test(text.charAt(last - 1));
      const wordAfter = ASCII_WORD_CHAR.test(text.charAt(last));
      if (wordBefore !== wordAfter) return true;
    }
    if (k === between) return false;
    CAPITALISED_WORD.lastIndex = at;
    if (!CAPITALISED_WORD.test(text)) return false;
    at = CAPITALISED_WORD.lastIndex;
  }
}

/** Direct quotations only (what `analyze` and the evaluation measure). */
export function extractQuotes(paragraphs: readonly string[]): Quote[] {
  return extractStatements(paragraphs).quotes;
}

/** What stands between the halves of a split quotation: ", he said, " / " Rubio added, ". */
const SPLIT_ATTRIBUTION = fast(new RegExp(String.raw`^[\s,]*(?:(?:${SUBJECT})\s+(?:${ADVERB}\s+)?(?:${VERB_ALT})|(?:${VERB_ALT})\s+(?:${SUBJECT}))(?:\s+${ADVERB})?\s*,\s*$`, "u"));

/** Verbs that report speech outside quotation marks: "Peskov said no documents …". */
const REPORT_VERBS = new Set(
  (
    "said says told tells added adds noted notes argued argues warned warns claimed claims insisted insists explained explains " +
    "stressed stresses acknowledged acknowledges admitted admits announced announces predicted predicts promised promises " +
    "suggested suggests contended contends maintained maintains asserted asserts declared declares emphasized emphasizes " +
    "emphasised emphasises conceded concedes complained complains denied denies vowed vows pledged pledges confirmed confirms " +
    "reiterated reiterates estimated estimates testified testifies alleged alleges tweeted tweets wrote writes"
  ).split(" "),
);
const REPORT_ALT = [...REPORT_VERBS].join("|");
/** "X said (on Tuesday) (that) …", "X told reporters …", "X, a spokesman, said …". */
const REPORT_LEAD = fast(new RegExp(
  String.raw`^(?:[^,“”"]{1,80},\s+)?(${SUBJECT})(?:,[^,“”"]{1,120},)?\s+(?:${ADVERB}\s+)?(?:has\s+|had\s+)?(?:${REPORT_ALT})(?:\s+(?:reporters|journalists|me|us|him|her|them|the\s+\p{Ll}+|an?\s+\p{Ll}+|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*))?(?:\s+(?:on|in|at|during)\s+[^,]{1,40}?)?(?:\s+that)?\s+(\p{L}[^]*)$`,
  "u",
));
/** "…, X said." / "…, said X." / "…, according to X." at the end of a sentence. */
const REPORT_TAIL = fast(new RegExp(
  String.raw`^(.+?),\s+(?:(${SUBJECT})\s+(?:${ADVERB}\s+)?(?:said|says|added|adds|noted|notes|argued|argues|wrote|writes|told\s+[^.,]{1,40})|(?:said|says|added|adds)\s+(${SUBJECT})|according\s+to\s+(${SUBJECT}))(?:\s+(?:on|in|at)\s+[^,.]{1,40})?\.?$`,
  "u",
));
/** "…, noting that …": what the sentence's subject reported. */
const REPORT_PARTICIPLE = /,\s+(?:noting|saying|adding|arguing|warning|claiming|insisting|explaining|stressing|acknowledging|admitting|suggesting)\s+(?:that\s+)?\S/u;

export interface Statements {
  quotes: Quote[];
  /** Reported speech, in the article's own words: the whole sentence that reports it. */
  paraphrases: Quote[];
}

export function extractStatements(paragraphs: readonly string[]): Statements {
  const { quotes, paraphrases } = extract(paragraphs, true);
  return { quotes, paraphrases };
}

/** The attribution rules' quotations and, for each, the candidates the speaker model chooses among (for training). */
export function speakerCandidates(paragraphs: readonly string[]): Array<{ quote: Quote; candidates: Candidate[]; locked: boolean; attributed: boolean }> {
  const { quotes, candidates, locked, attributed } = extract(paragraphs, false);
  return quotes.map((quote, i) => ({ quote, candidates: candidates[i] ?? [], locked: locked[i] ?? false, attributed: attributed[i] ?? true }));
}

/** How the attribution rules found a quotation's speaker. */
type Via = "direct" | "pronoun" | "carry" | "other" | "none";

const ORGANISATION = FEATURE.organisation;

/** `candidates` are made only without the model (for training): with it, each is made only if the model weighs it. */
type Extracted = Statements & { candidates: Candidate[][]; locked: boolean[]; attributed: boolean[] };

function extract(paragraphs: readonly string[], useModel: boolean): Extracted {
  const articleText = paragraphs.join("\n");
  // Every text the analysis matches is a part of the article's (or the patterns' own words): when the article is
  // plain, so is each of them.
  return whilePlain(plainText(articleText), () => extractFrom(paragraphs, articleText, useModel));
}

function extractFrom(paragraphs: readonly string[], articleText: string, useModel: boolean): Extracted {
  const out: Quote[] = [];
  /** How each quotation's speaker was found; a locked one (named right at it, or described, not quoted) the model leaves alone. */
  const meta: Array<{ via: Via; pronoun: string | null; locked: boolean }> = [];
  const spansOf: Span[][] = [];
  const reported: Quote[] = [];
  /** The last named speaker, and where (paragraph, offset). */
  let lastNamed: { name: string; pi: number; at: number; spoke?: boolean } | null = null;
  let lastSubject: { name: string; pi: number; at: number; spoke?: boolean } | null = null;
  /** Everyone who opened a sentence or spoke, in order, for pronouns. */
  const history: Array<{ name: string; pi: number; at: number; spoke?: boolean }> = [];
  const genders = new Map<string, Gender>();
  const genderFor = (name: string): Gender => {
    let g = genders.get(name);
    if (g === undefined) {
      // "George Washington University" is no man.
      g = NOT_PEOPLE.test(name) ? null : genderOf(name, articleText);
      genders.set(name, g);
    }
    return g;
  };
  /** Who can be "he", "she" or "the senator": a name of two or more words that is no organisation, or a
   * single word the article genders ("Mr. Cruz"). "Ohio", "Friends" or "Statement" are no one's antecedent. */
  const people = new Map<string, boolean>();
  const personLike = (name: string): boolean => {
    let known = people.get(name);
    if (known === undefined) {
      if (genderFor(name) !== null) known = true;
      else if (NOT_PEOPLE.test(name) || /^\p{Lu}{2,}$/u.test(name) || FUNCTION_WORDS.has(name.split(" ")[0]?.toLowerCase() ?? "")) known = false;
      else if (name.includes(" ")) known = true;
      // One word is a person when the article gives it a title: "President Obama", "Sen. Cruz".
      else known = titledIn(name, articleText, 2);
      people.set(name, known);
    }
    return known;
  };
  /** "Friends offered to vote for me": a plural the article uses once, with no first name, is no "he" or "she". */
  const pluralOnce = (name: string): boolean => !name.includes(" ") && /[^su]s$/u.test(name) && genderFor(name) === null && wordsAt(articleText, name).length === 1;
  /** Names the article writes as places ("in Iran"), each looked up once. */
  const places = new Map<string, boolean>();
  const isPlace = (name: string): boolean => {
    let place = places.get(name);
    if (place === undefined) places.set(name, (place = placeIn(name, articleText)));
    return place;
  };
  /** Whether a subject or speaker recorded earlier can be the "he" or "she" (or other pronoun) of a later attribution:
   * one who spoke ("Rubio said") is no body and no plural used once; a mere sentence subject must look like a person;
   * never a place or acronym with no gender ("The Tories dismissed …", "ISIL"). */
  const fitsPronoun = (c: { name: string; spoke?: boolean }, pronoun: string): boolean =>
    (c.spoke === true ? !NOT_PEOPLE.test(c.name) && !pluralOnce(c.name) : personLike(c.name)) &&
    compatible(pronoun, genderFor(c.name)) &&
    !(genderFor(c.name) === null && (isPlace(c.name) || ACRONYM.test(c.name)));
  /** A speaker named right at the quotation that is surely someone: a clean name, a body, or a person described
   * ("a person close to the Bakers"); not a phrase the rules caught by mistake ("Town hall meeting in Dayton"). */
  const trustworthy = (subject: Subject | null, speaker: string | null): boolean => {
    if (speaker === null) return false;
    if (subject?.kind === "organisation") return true;
    // A described person, or the body "the ministry" was found to be.
    if (subject?.kind === "description")
      return PERSON_ROLES.test(speaker) || PARTY_MEMBER.test(speaker.split(/\s+/).at(-1) ?? "") || NOT_PEOPLE.test(speaker) || INSTITUTIONS.has(speaker.split(/\s+/).at(-1)?.toLowerCase() ?? "");
    const tokens = speaker.split(/\s+/);
    if (tokens.some((t) => /^\p{Ll}/u.test(t) && !NAME_PARTICLE_WORDS.has(t))) return false;
    if (FUNCTION_WORDS.has((tokens[0] ?? "").toLowerCase())) return false;
    return tokens.length > 1 || !NOT_PEOPLE.test(speaker) || BODIES.test(speaker);
  };
  /** The speaker of the quotation that ended the previous paragraph, for a paragraph that opens with one. */
  let carried: string | null = null;
  /** Index in `out` of an unattributed quotation left open at the end of the previous paragraph. */
  let openEnded: number | null = null;
  const openIndexes = new Set<number>();
  /** Quotations still open at the end of their paragraph (a quotation running over several paragraphs). */
  const runsOn = new Set<number>();
  /** Quotations that share the attribution of the one after them ("“A” and “B,” X said"). */
  const sharesNext = new Set<number>();
  const newer = (a: { pi: number; at: number } | null, b: { pi: number; at: number } | null) =>
    a !== null && (b === null || a.pi > b.pi || (a.pi === b.pi && a.at > b.at));

  paragraphs.forEach((p, pi) => {
    const spans = quoteSpans(p);
    spansOf.push(spans);
    // A headline in title case ("Trump Supporter Screams …") names nobody who speaks.
    const titleCase = isTitleCase(p);
    const spoken = titleCase ? [] : speechSubjects(p, spans, articleText);
    const subjects: Array<{ at: number; name: string; spoke?: boolean }> = titleCase ? [] : sentenceSubjects(p, articleText, spans);
    for (const x of spoken) subjects.push({ at: x.at, name: x.name, spoke: true });
    subjects.sort((a, b) => a.at - b.at);
    let previousSpeaker: string | null = null;
    let nextSubject = 0;
    /** Record the sentence subjects that come before `upTo` in this paragraph. */
    const takeSubjects = (upTo: number): void => {
      while (nextSubject < subjects.length && (subjects[nextSubject]?.at ?? Infinity) < upTo) {
        const sub = subjects[nextSubject] as { at: number; name: string; spoke?: boolean };
        lastSubject = { name: sub.name, pi, at: sub.at, spoke: sub.spoke === true };
        history.push(lastSubject);
        nextSubject++;
      }
    };
    const carry = carried;
    carried = null;
    spans.forEach((span, si) => {
      const start = span.open + 1;
      const end = span.close;
      const text = p.slice(start, end);
      // Scare quotes ("the “grass-roots firepower”") are words of the sentence, not quotations: the attribution after
      // a quotation reads through them, up to the next quotation of three words or more.
      let nextStatement = si + 1;
      while (nextStatement < spans.length && !statementSpan(p, spans[nextStatement] as Span)) nextStatement++;
      const prevEnd = si > 0 ? (spans[si - 1] as Span).close + 1 : 0;
      const after = unmarked(p, Math.min(p.length, span.close + 1), spans[nextStatement]?.open ?? p.length, spans.slice(si + 1, nextStatement));
      const before = p.slice(Math.max(prevEnd, sentenceStartBefore(p, span.open)), span.open);
      takeSubjects(span.open);
      // "“… to be citizens.” Former governor Mike Huckabee called …": a quotation ending its sentence takes no
      // attribution from the next one; nor does "“…” and Donald Trump says", a clause of its own.
      const endsSentence = /\.\s*$/u.test(text) && /^\s*\p{Lu}/u.test(after);
      const beforeSpeaks = speaks(before);
      // "Like Corker, Menendez … arguing": a comparison's name is nobody who speaks.
      // ("Good reporting can still beat rumours, but only when “…”": a word the article uses once, to open a sentence,
      // before an "-ing" form is an adjective and its noun, not someone reporting.)
      const gerundOpener = (x: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(x) && gerundOpenersOf(p).has(x) && openerOnly(x, articleText);
      const usable = (x: string | undefined): string | undefined =>
        x !== undefined && !/^(?:Like|Unlike)\s/u.test(x) && cleanSubject(x) !== null && !gerundOpener(x) ? x : undefined;
      // "After Scalia said that … “less advanced schools,” Trump said: “…”", "Clinton responds to Mills with, “Why
      // now?” Mills then writes back, “…”": an attribution that introduces the next quotation is not this one's,
      // when this one has its own before it.
      const introducesNext =
        beforeSpeaks &&
        si + 1 < spans.length &&
        (/^[^“”".!?]{1,80}:\s*$/u.test(after) || (/[.?!]\s*$/u.test(text) && /^\s+\p{Lu}[^“”".!?]{0,80}(?:,|\bthat\b[^“”".!?]{0,40})\s*$/u.test(after))) &&
        // (Someone must say this one: "Conceding that there would be a deal “down the line” he warned: “…”" is his;
        // "…, telling her, “…!” She replied to him that it was an “…”" is the sentence's subject's.)
        (PARTICIPLE.test(before) || (subjectOf(BEFORE_TIGHT.exec(before), usable) ?? subjectOf(lastBefore(before), usable)) !== undefined);
      const afterSpeaks = !endsSentence && !introducesNext && speaks(after.slice(0, 300));
      const subjectFirstMatch = afterSpeaks ? AFTER_SUBJECT_FIRST.exec(after) : null;
      const subjectFirst = subjectFirstMatch !== null && !NEW_CLAUSE.test(subjectFirstMatch[1] ?? "") ? subjectFirstMatch : null;
      // "his wife, Gabriela Lane, wrote": a description whose appositive names the person.
      const appositiveName = subjectFirst?.[2] !== undefined ? APPOSITIVE_NAME.exec(subjectFirst[2].trim())?.[1] : undefined;
      // … and "Rep. Dan Hunt’s chief of staff, Joe Kasprzak, told": a possessive's appositive too.
      const fromAppositive =
        subjectFirst?.[1] !== undefined && (/^(?:the|an?|his|her|their)\s/i.test(subjectFirst[1]) || /[’']s\s+\p{Ll}/u.test(subjectFirst[1]) || /\p{L}[’']s$/u.test(subjectFirst[1])) ? appositiveName : undefined;
      let raw: string | undefined =
        (afterSpeaks ? (usable(AFTER_VERB_ROLE_NAME.exec(after)?.[1]) ?? usable(AFTER_VERB_FIRST.exec(after)?.[1]) ?? usable(AFTER_ROLE_NAME.exec(after)?.[1]) ?? usable(AFTER_OWNER_ROLE_NAME.exec(after)?.[1])) : undefined) ??
        // "“Boeing and GE … pay zero taxes.” - Sanders.": a name after a dash signs the quotation.
        usable(AFTER_DASH_NAME.exec(after)?.[1]) ??
        // "“…” That quote from Kansas Insurance Commissioner Thomas Kemp appeared …": the next sentence says whose.
        usable(QUOTE_FROM_AFTER.exec(after)?.[1]) ??
        // … also on a line of its own after the quotation's paragraph.
        (after.trim() === "" && /^\s*[-—–]\s*[^.!?]{1,60}\.?\s*$/u.test(paragraphs[pi + 1] ?? "") ? usable(AFTER_DASH_NAME.exec(paragraphs[pi + 1] ?? "")?.[1]) : undefined) ??
        usable(fromAppositive) ??
        usable(subjectFirst?.[1]) ??
        // A quotation ending in a comma goes on to its attribution, however loosely written: "“…,” Nate Fowler, the
        // polling guru who founded pollwatch.com tweeted" (no comma closes the appositive), "“…,” Fair Pay Now
        // organizing director Kendall Price told Channel 4 News".
        (afterSpeaks && !beforeSpeaks && /,\s*$/u.test(text) ? usable(looseAttribution(after)) : undefined) ??
        // "Analysts agree - Carl Brandt: “": a name and a colon right before the mark.
        usable(BEFORE_COLON.exec(before)?.[1]) ??
        // "Said Comey, “…”": the verb first, opening the sentence.
        usable(SAID_NAME_BEFORE.exec(before)?.[1]) ??
        (beforeSpeaks
          ? (usable(PASSIVE_BY.exec(before)?.[1]) ??
            subjectOf(BEFORE_TIGHT.exec(before), usable) ??
            subjectOf(lastBefore(before), usable) ??
            (ROLE_NAME_HINT.test(before) ? usable(ROLE_NAME_BEFORE.exec(before.slice(-300))?.[1]) : undefined))
          : undefined);
      if (afterSpeaks) {
        const late = AFTER_LATE.exec(after)?.[1];
        raw ??= usable(late !== undefined && !JOINED_CLAUSE.test(late) ? late : undefined) ?? usable(AFTER_LATE_VERB_FIRST.exec(after)?.[1]);
      }
      if (raw === undefined) {
        const sentence = p.slice(sentenceStartBefore(p, span.open), p.length);
        // "“…,” according to a court document filed by state attorney Dave Arnold": also after a long quotation, and
        // through a document to whoever filed it.
        raw = usable(ACCORDING_DOCUMENT.exec(after.slice(0, 200))?.[1]) ?? ACCORDING.exec(sentence.slice(0, 200))?.[1] ?? ACCORDING.exec(after.slice(0, 200))?.[1];
      }
      raw ??= BEFORE_COLON.exec(before)?.[1];
      // "The puzzle of Nancy, says Carl Avery, historian at …, is that she was “…”": an inverted attribution set
      // off by commas inside the sentence.
      if (raw === undefined && beforeSpeaks) raw = usable(BEFORE_INSET_VERB_FIRST.exec(before)?.[1]);
      if (raw === undefined && before.length > 0) {
        // The last "subject + speech verb" of the sentence before the quotation.
        let lastMatch: string | undefined;
        if (beforeSpeaks) for (const m of execAll(SUBJECT_VERB, before)) lastMatch = subjectOf(m, usable) ?? lastMatch;
        raw = lastMatch;
      }
      // "Geoff Gardner, a pollster working with Forward Together, a pro-Marsh super PAC, said …": the sentence's opener.
      if (raw !== undefined && beforeSpeaks) {
        // (The name itself: the words the subject's pattern took before it, "is working with", are not.)
        const lead = /^(?:\p{Ll}[\p{Ll}-]*\s+)*/u.exec(raw)?.[0].length ?? 0;
        const rawAt = before.lastIndexOf(raw) + lead;
        if (rawAt > lead) raw = openerOwning(before, raw, rawAt, lead, usable) ?? raw;
      }
      // "Dunn delivered a snappy retort: “…”": "a snappy" is the object of a verb, no one who speaks; the sentence
      // introduces its quotation with a colon, and its subject says it.
      const rawAt = raw !== undefined && /^an?\s/u.test(raw) ? before.lastIndexOf(raw) : -1;
      if (raw !== undefined && rawAt >= 0) {
        const verb = /^\s+([a-z]+)/.exec(before.slice(rawAt + raw.length))?.[1] ?? "";
        const object = /\p{Ll}\s+$/u.test(before.slice(0, rawAt));
        // "with a voice over saying:" still speaks; "a candidate who promised" is someone the sentence mentions.
        if ((object && !verb.endsWith("ing")) || (!/(?:s|ed|ing)$/.test(verb) && !IRREGULAR_PAST.has(verb))) raw = undefined;
      }
      const introduced = raw === undefined && /[\p{Ll}\p{N}]:\s*$/u.test(before);
      if (raw === undefined && (introduced || PARTICIPLE.test(before))) {
        // The subject of this sentence says it.
        const sentenceStart = sentenceStartBefore(p, span.open);
        const own = subjects.find((x) => x.at >= sentenceStart && x.at < span.open);
        if (own) raw = own.name;
        // "She escalated her criticism, telling CNN that Trump is a “faker”": a pronoun opening the sentence.
        // … also after an opening phrase: "On Wednesday, he seemed to suggest …, warning that …".
        else {
          const head = p.slice(sentenceStart, span.open);
          raw = /^\s*[“"‘]?(?:(?:And|But|Yet|So)\s+|\p{Lu}[^,“”"]{0,40},\s+)?([Hh]e|[Ss]he)\s/u.exec(head)?.[1];
          // "As if addressing the tycoon directly, the Ohio Board of Elections was clear in its findings:
          // “…”": a body opening the sentence (bodies are no "he" or "she", so no sentence subject above).
          const body = raw === undefined ? BODY_OPENING.exec(head)?.[1] : undefined;
          const named = body === undefined ? null : cleanSubject(body);
          if (body !== undefined && named !== null && named.kind !== "pronoun" && (named.kind === "organisation" || NOT_PEOPLE.test(named.name) || BODIES.test(named.name))) raw = body;
        }
      } else if (raw === undefined && before.trim() === "" && si === 0) {
        // A quotation standing as its own sentence after "X … by saying he would …": X's words.
        const prior = subjects.filter((x) => x.at < span.open).at(-1);
        if (prior && speaks(p.slice(prior.at, span.open), true)) raw = prior.name;
      }
      // A quotation opening a paragraph after "… said:" belongs to that attribution.
      if (raw === undefined && span.open === 0 && pi > 0) {
        const prev = paragraphs[pi - 1] ?? "";
        if (/:\s*$/.test(prev)) raw = BEFORE.exec(prev.slice(sentenceStartBefore(prev, prev.length)))?.[1];
      }
      // "Hollis, during a town hall meeting in Dayton, Ohio, said she was “…”": the place is nobody; the name
      // that opens the sentence is the speaker.
      if (raw !== undefined) {
        const inBefore = before.lastIndexOf(raw);
        const lead = LOWER_LEAD.exec(raw)?.[0].length ?? 0;
        if (inBefore >= 0 && placeAt(before, inBefore + lead, raw.length - lead)) {
          raw = usable(OPENING_NAME.exec(p.slice(sentenceStartBefore(p, span.open), span.open))?.[1]);
        }
      }
      // "… called “distasteful,” Santilli expressed a desire to “…”": a new clause's subject after the quotation before.
      if (raw === undefined && si > 0) raw = usable(NEW_SUBJECT_AFTER_QUOTE.exec(before)?.[1]);
      let described = false;
      /** Named by a title the description stands for ("the president" → "Pres. Obama"). */
      let byTitle = false;
      if (raw === undefined && before.trim() !== "" && (si === 0 || previousSpeaker === null || (/:\s*$/.test(before) && sentenceStartBefore(p, span.open) >= prevEnd))) {
        // No speech verb, but the sentence's subject uses the words: "Clinton blamed the “fog of war”",
        // "Speaking to MSNBC, Bush referred to Rubio as “…”".
        const head = p.slice(sentenceStartBefore(p, span.open), span.open);
        // "Marsh is the only contender …, and he has long used that fact to beat his rivals for not campaigning
        // “the Iowa way”": the last clause's subject acts on the words, whatever the first clause says of its own.
        const lastClause = LAST_CLAUSE_SUBJECT.exec(head)?.[1];
        if (lastClause !== undefined) raw = usable(lastClause);
        for (const re of raw === undefined ? OPENING_SUBJECTS : []) {
          const m = re.exec(head);
          if (m?.[1] === undefined) break;
          // "Cruz is praising Bush as “…”" acts; "Trump is the “…”" and "Trump of …" do not.
          const verb = /^(?:is|was|are|were)$/.test(m[2] ?? "") && (m[3] ?? "").endsWith("ing") ? m[3] : m[2];
          if (NOT_VERBS.has(verb ?? "")) {
            // "Trump is the “kind-hearted” man": a description, nobody's statement.
            if (/^(?:is|was|are|were)$/.test(verb ?? "")) {
              // "To Crane, Baker is the “warm-hearted and generous” man": the words are the view of the one it is so to.
              const viewer = VIEW_OF.exec(head)?.[1];
              if (viewer !== undefined && usable(viewer) !== undefined) {
                raw = viewer;
                break;
              }
              described = true;
            }
            continue;
          }
          const tokens = m[1].split(/\s+/);
          while (tokens.length > 0 && FUNCTION_WORDS.has((tokens[0] ?? "").toLowerCase())) tokens.shift();
          // "Good information can still push out rumours, but only when “…”": an adjective, not someone.
          if (openerOnly(tokens.join(" "), articleText)) break;
          raw = usable(tokens.join(" "));
          // "Dunn credited Marsh's victory to “…”": the greedy reading took "Dunn credited Marsh's" for a
          // name; the lazy one after it reads "Sanders" and "credited".
          if (raw !== undefined) break;
        }
      }
      let speaker: string | null = null;
      const subject = raw !== undefined ? cleanSubject(raw) : null;
      // "“Q,” the editorial read" / "the letter says": the publication or body named last.
      /** The article up to this quotation, for what was named before it. */
      const textBefore = (): string => [...paragraphs.slice(0, pi), p.slice(0, span.open)].join("\n");
      const documentSubject = subject === null && afterSpeaks ? (AFTER_VERB_FIRST.exec(after)?.[1] ?? subjectFirst?.[1]) : undefined;
      const issuer =
        documentSubject !== undefined && DOCUMENTS.test(documentSubject.trim())
          ? documentIssuer(documentSubject.trim(), textBefore(), articleText)
          : null;
      const fromDocument = issuer?.name ?? null;
      const resolve = (pronoun = ""): string | null => {
        // The most recent subject or speaker whose gender fits the pronoun.
        for (let h = history.length - 1; h >= 0; h--) {
          const c = history[h];
          if (c && fitsPronoun(c, pronoun)) return c.name;
        }
        // Nobody named so far fits "he" or "she": better no speaker than a wrong one.
        if (history.length > 0) return null;
        const pick = newer(lastSubject, lastNamed) ? lastSubject : lastNamed;
        return pick?.name ?? lastMention(textBefore(), articleText);
      };
      let via: Via = "none";
      // "… the newspaper's editorial telling him to leave his “…”": the newspaper named last says it.
      const paper = PAPER_DOCUMENT.test(before) ? lastPublisher(textBefore()) : null;
      if (paper !== null) {
        speaker = paper;
        via = "direct";
      } else if (subject?.kind === "pronoun") {
        speaker = subject.name === "they" ? null : resolve(subject.name);
        via = "pronoun";
      } else if (subject?.kind === "organisation") {
        speaker = subject.name;
        via = "direct";
      } else if (subject?.kind === "description") {
        via = /^(?:the|his|her|their|its)\s/i.test(raw ?? "") ? "pronoun" : "direct";
        const head = subject.name.split(/\s+/).at(-1)?.toLowerCase() ?? "";
        if (/^(?:the|its)\s+(?:[\p{L}-]+\s+)?(?:editorial\s+board|editors|newspaper|paper)$/iu.test(raw ?? "")) {
          // "the editorial board wrote", "the newspaper admitted": the publication named last.
          speaker = lastPublisher(textBefore()) ?? subject.name;
          via = "direct";
        } else if (/^(?:the|its)\s/i.test(raw ?? "") && INSTITUTIONS.has(head)) {
          // "the ministry said": the body of that kind named last ("China's Foreign Ministry").
          const earlier = textBefore();
          const ownHead = `[${head.slice(0, 1).toUpperCase()}${head.slice(0, 1)}]${head.slice(1)}`;
          // "The Trayvon Martin Foundation … the group said": a group or organisation is any body named so.
          const headPattern = /^(?:group|organi[sz]ation)$/.test(head) ? `${ownHead}|${GROUP_HEADS}` : ownHead;
          const named =
            [...earlier.matchAll(new RegExp(String.raw`((?:\p{Lu}[\p{L}.’'&-]*[ \t]+){1,4})(${headPattern})\b`, "gu"))].at(-1) ??
            // "China’s foreign ministry", "the city's police department": a place's or body's, in lower case.
            [...earlier.matchAll(new RegExp(String.raw`((?:\p{Lu}[\p{L}.&-]*[ \t]+){0,3}\p{Lu}[\p{L}.&-]*[’']s[ \t]+(?:\p{Ll}+[ \t]+){0,2})(${headPattern})\b`, "gu"))].at(-1);
          // Otherwise the subject named last, person or not ("Black Lives Matter … the group said").
          speaker = named ? `${(named[1] ?? "").trim()} ${named[2] ?? ""}`.replace(/^The\s+/u, "").replace(/([’']s\s)(.*)$/u, (_, a: string, b: string) => a + b.replace(/(^|\s)(\p{Ll})/gu, (__, c: string, d: string) => c + d.toUpperCase())) : (history.at(-1)?.name ?? null);
          if (named) via = "direct";
        } else {
          // "the businessman replied" refers back to someone named; "a person close to X" stays anonymous.
          // Introduced before this sentence: "Appearing on Meet the Nation, the party front-runner said" names no Nation.
          const earlier = /^the\s/i.test(raw ?? "") ? [...paragraphs.slice(0, pi), p.slice(0, sentenceStartBefore(p, span.open))].join("\n") : "";
          if (/^(?:the|his|her|their)\s/i.test(raw ?? "")) {
            speaker = describedAs(raw ?? "", earlier, articleText);
            if (speaker === null && earlier !== "") {
              // "the president": the one person the article titled so, as sure as a name.
              // ("the independent Maine senator and Democratic presidential candidate": each part in turn.)
              for (const part of (raw ?? "").replace(/^the\s+/i, "").split(/\s+and\s+/)) {
                speaker ??= titled(part.split(/\s+/), earlier, articleText);
              }
              if (speaker !== null) {
                via = "direct";
                byTitle = true;
              }
            }
            // "the RNC member said", "the aide said": someone the article did not name stays so, unless it
            // introduced a person by that role ("Steven Chung, a campaign spokesman"); never the last person named.
            if (speaker === null && /^the\s/i.test(raw ?? "") && UNNAMED_ROLES.has(head)) {
              const introduced = introducedAs(head, earlier, articleText);
              speaker = introduced ?? subject.name;
              via = "direct";
              byTitle = introduced !== null;
            }
            speaker ??= resolve();
          } else speaker = subject.name;
        }
      } else if (subject) {
        speaker = fullestName(subject.name, articleText);
        // (A scare quote's sentence names no one who spoke unless it names a person: "Plans include … “taster courses”".)
        if (hasWords(text, 3) || personLike(speaker)) {
          lastNamed = { name: speaker, pi, at: span.open, spoke: true };
          history.push(lastNamed);
        }
        via = "direct";
      } else if (fromDocument !== null) {
        speaker = fromDocument;
        via = "other";
      } else if (si > 0 && previousSpeaker !== null) {
        // "“Q1,” Limbaugh said. “Q2.”": a quotation after an attributed one, with none of its own, continues it.
        speaker = previousSpeaker;
        via = "carry";
      } else if (si === 0 && span.open <= 1 && carry !== null) {
        // A paragraph that opens with a quotation continues the speaker of the one before.
        speaker = carry;
        via = "carry";
      }
      if (speaker === null) via = "none";
      previousSpeaker = speaker;
      if (!hasWords(text, 3)) return;
      const trimmed = text.replace(/[\s,]+$/u, "");
      const prior = out.at(-1);
      const between = si > 0 ? p.slice((spans[si - 1] as Span).close + 1, span.open) : "";
      if (
        prior !== undefined &&
        prior.paragraph === pi &&
        prior.speaker === speaker &&
        speaker !== null &&
        /,\s*$/u.test(p.slice(prior.start, (spans[si - 1] as Span).close)) &&
        SPLIT_ATTRIBUTION.test(between)
      ) {
        // "“Q1,” he said, “Q2.”": one quotation around its attribution.
        const parts: Array<[number, number]> = [...(prior.parts ?? [[prior.start, prior.end]]), [start, start + trimmed.length]];
        out[out.length - 1] = { ...prior, text: `${prior.text} … ${trimmed}`, end: start + trimmed.length, parts };
        return;
      }
      out.push({ text: trimmed, speaker, paragraph: pi, start, end: start + trimmed.length });
      meta.push({ via, pronoun: subject?.kind === "pronoun" ? subject.name : null, locked: byTitle || (via === "direct" && trustworthy(subject, speaker)) || (via === "none" && described) || (via === "other" && issuer?.issued === true && speaker === issuer.name) });
    });
    // "Sweets are “the worst crisis” and “stunt children’s growth,” Howard Dale said": quotations joined by "and"
    // or a comma share the attribution of the last of them.
    for (let k = out.length - 2; k >= 0; k--) {
      const q = out[k] as Quote;
      const next = out[k + 1] as Quote;
      if (q.paragraph !== pi) break;
      const via = meta[k + 1]?.via;
      if (next.paragraph !== pi || q.speaker !== null) continue;
      // "Fundraising was “stagnant …” as donors waited to see how a “turbulent election cycle” played out, he said":
      // also two quotations in one sentence whose attribution ends it.
      const between = p.slice(q.end, next.start);
      const joined = /^[”"’]?\s*(?:,|,?\s*(?:and|or))\s*[“"‘]?$/u.test(between);
      const rest = p.slice(next.end + 1, sentenceEndAfter(p, next.end));
      const oneSentence = between.length < 150 && !SENTENCE_END.test(between) && /^[^“”"]*$/u.test(rest) && ATTRIBUTION_ENDS.test(rest);
      if (!joined && !oneSentence) continue;
      // (The speaker model may name the later one's speaker: the earlier one then takes it too.)
      sharesNext.add(k);
      if (next.speaker === null || (via !== "direct" && via !== "pronoun")) continue;
      out[k] = { ...q, speaker: next.speaker };
      meta[k] = { via: via ?? "direct", pronoun: meta[k + 1]?.pronoun ?? null, locked: meta[k + 1]?.locked === true };
    }
    // A quotation left open at the end of the previous paragraph, with no speaker of its own, is the same
    // quotation as the one this paragraph opens with: it takes that one's speaker.
    const opening = out.find((x) => x.paragraph === pi);
    // "“He had a wonderful life." then "His greatest ambition … achieved that,” said his wife, Sheila.": the
    // quotation left open closes in this paragraph, whose attribution after the close names its speaker.
    const opensWithIt = opening !== undefined && opening.start <= 2;
    const closing = openEnded !== null && !opensWithIt ? closingAttribution(p, articleText) : null;
    const runOn: { speaker: string; via: Via; locked: boolean } | null =
      closing !== null ? { speaker: closing, via: "direct", locked: true } : opensWithIt && opening.speaker !== null ? { speaker: opening.speaker, via: "carry", locked: false } : null;
    if (openEnded !== null && runOn !== null) {
      for (let k = openEnded; k >= 0; k--) {
        const earlier = out[k];
        if (!earlier || earlier.speaker !== null || !openIndexes.has(k)) break;
        out[k] = { ...earlier, speaker: runOn.speaker };
        meta[k] = { via: runOn.via, pronoun: null, locked: runOn.locked };
      }
    }
    openEnded = null;
    const last = spans.at(-1);
    if (last !== undefined && last.close >= p.length && out.at(-1)?.paragraph === pi) runsOn.add(out.length - 1);
    if (last !== undefined && last.close >= p.length && out.at(-1)?.paragraph === pi && out.at(-1)?.speaker === null) {
      openEnded = out.length - 1;
      openIndexes.add(openEnded);
    }
    if (spans.length > 0) carried = previousSpeaker;
    else {
      // "Ghazala Khan says she got a call from her niece." then a paragraph of quotation: hers.
      const lastSentence = sentenceStartBefore(p, p.length);
      const spoke = spoken.filter((x) => x.at >= lastSentence).at(-1);
      if (spoke) carried = spoke.name;
    }
    takeSubjects(Infinity);
    // Reported speech: sentences with no quotation mark that say who said what.
    for (const sentence of splitSentences(p)) {
      if (spans.some((sp) => sp.open < sentence.end && sp.close >= sentence.start)) continue;
      const text = p.slice(sentence.start, sentence.end).trim();
      if (/["“”]/u.test(text) || !hasWords(text, 6)) continue;
      let raw: string | undefined;
      let clause: string | undefined;
      if (!speaks(text) && !/\baccording to\b/iu.test(text)) continue;
      const lead = REPORT_LEAD.exec(text);
      const tail = lead ? null : REPORT_TAIL.exec(text);
      if (lead) {
        raw = lead[1];
        clause = lead[2];
      } else if (tail) {
        raw = tail[2] ?? tail[3] ?? tail[4];
        clause = tail[1];
      } else if (REPORT_PARTICIPLE.test(text)) {
        raw = OPENING_SUBJECTS[0]?.exec(text)?.[1];
        clause = text.slice(REPORT_PARTICIPLE.exec(text)?.index ?? 0);
      }
      if (raw === undefined || clause === undefined || !hasWords(clause, 4)) continue;
      const subject = cleanSubject(raw);
      let speaker: string | null = null;
      if (subject?.kind === "name") speaker = fullestName(subject.name, articleText);
      else if (subject?.kind === "organisation") speaker = subject.name;
      else if (subject?.kind === "pronoun" && subject.name !== "they") {
        const at = sentence.start;
        for (let h = history.length - 1; h >= 0; h--) {
          const c = history[h];
          if (!c || c.pi > pi || (c.pi === pi && c.at > at)) continue;
          if (fitsPronoun(c, subject.name)) {
            speaker = c.name;
            break;
          }
        }
      }
      if (speaker === null || noName(speaker, articleText)) continue;
      const start = p.indexOf(text, sentence.start);
      reported.push({ text, speaker, paragraph: pi, start, end: start + text.length });
      // "She said new fathers were already entitled to two weeks leave …" then a paragraph of quotation: hers.
      if (spans.length === 0 && carried === null && sentence.end >= p.trimEnd().length) carried = speaker;
    }
  });
  // The speaker model chooses among the people and bodies named around each quotation, as the rules left them: made
  // only for the quotations it weighs (a locked one it leaves alone), or for all when training asks for them.
  const ruled = out.slice();
  const made: Array<Candidate[] | undefined> = [];
  const candidatesAt = (k: number): Candidate[] => (made[k] ??= candidatesFor(ruled[k] as Quote, k, ruled, meta, paragraphs, spansOf, articleText));
  /** Whether the rules found no speaker for each quotation (none, or an ordinary word), and whether they found any
   * attribution at all, a name or a pronoun (see pickStands). */
  const ruleless = out.map((q, k) => (q.speaker === null ? meta[k]?.via === "none" : noName(q.speaker, articleText)));
  const attributed = out.map((_, k) => !ruleless[k] || (meta[k]?.pronoun ?? null) !== null);
  if (useModel) {
    out.forEach((q, k) => {
      if (meta[k]?.locked === true && (q.speaker === null || !noName(q.speaker, articleText))) return;
      // "He said" is a person's: no body or organisation ("Priorities USA") is "he" or "she".
      const pronoun = meta[k]?.pronoun;
      // A phrase in quotation marks inside a sentence that says nothing of anyone speaking ("The prize is billed as
      // “the UK's biggest children's book award”") is nobody's words to list.
      if (ruleless[k] === true && unattributedPhrase(paragraphs[q.paragraph] ?? "", q)) {
        out[k] = { ...q, speaker: null };
        return;
      }
      // Nor is a place the article is in ("in Orlando", "in Mexico City") that no title or first name makes a person.
      const usable = candidatesAt(k).filter((c) => !openerOnly(c.name, articleText));
      const best = pickSpeaker(
        pronoun === "he" || pronoun === "she" ? usable.filter((c) => c.x[ORGANISATION] !== 1 && !(cachedGender(c.name, articleText) === null && (isPlace(c.name) || ACRONYM.test(c.name))) && !pluralOnce(c.name)) : usable,
      );
      // With no attribution of its own (not even "he said"), a quotation whose likeliest speaker is still unlikely gets
      // none, unless that is who spoke the quotation before (also as the model ends up naming it).
      const unattributed = attributed[k] === false;
      if (best !== undefined && (pickStands(best, unattributed) || best.name === out[k - 1]?.speaker)) out[k] = { ...q, speaker: best.name };
      else if (unattributed) out[k] = { ...q, speaker: null };
    });
    // The voice of the quotation before goes on into the next paragraph:
    // - one that opens with a quotation after one left open is the same quotation, run on ("He then listed the
    //   qualities: “In the piece I wrote … Here they are:" / "“Has the candidate …?" / …), unless named at it;
    // - one that is a quotation and nothing else, with no attribution at all, after a paragraph that ended on a
    //   quotation, when the model names nobody: news marks a change of speaker (BBC style gives each sentence of a
    //   statement its own paragraph: “We have had an excellent response.” / “But we have also had a great feedback …”).
    out.forEach((q, k) => {
      const prior = out[k - 1];
      if (prior === undefined || prior.speaker === null || q.paragraph !== prior.paragraph + 1 || q.start > 2) return;
      const namedAtIt = q.speaker !== null && (meta[k]?.via === "direct" || meta[k]?.via === "pronoun" || meta[k]?.locked === true);
      const runOn = runsOn.has(k - 1) && !namedAtIt;
      const p = paragraphs[q.paragraph] ?? "";
      const goesOn =
        q.speaker === null &&
        attributed[k] === false &&
        q.end >= p.trimEnd().length - 2 &&
        /^[\s.,!?"”’]*$/u.test((paragraphs[prior.paragraph] ?? "").slice(prior.end));
      if (runOn || goesOn) out[k] = { ...q, speaker: prior.speaker };
    });
    for (const k of [...sharesNext].sort((a, b) => b - a)) {
      const next = out[k + 1];
      // (Also one the rules took for a description, "Fundraising was “stagnant …”": the attribution says otherwise.)
      if ((meta[k]?.locked !== true || meta[k]?.via === "none") && next !== undefined && next.speaker !== null) out[k] = { ...(out[k] as Quote), speaker: next.speaker };
    }
  }
  // A transcript inside quotation marks names its speakers: "“LOPEZ: Secretary Marsh, did you mislead them?" is
  // Ramos's, whatever the attribution around it.
  out.forEach((q, k) => {
    const label = TRANSCRIPT_LABEL.exec(q.text)?.[1];
    if (label === undefined || NOT_SPEAKER_LABELS.has(label)) return;
    const name = label.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    out[k] = { ...q, speaker: fullestName(name, articleText) };
  });
  // Nor do the rules name anyone by an ordinary word.
  out.forEach((q, k) => {
    if (q.speaker !== null && noName(q.speaker, articleText)) out[k] = { ...q, speaker: null };
  });
  return { quotes: out, paraphrases: reported, candidates: useModel ? [] : ruled.map((_, k) => candidatesAt(k)), locked: meta.map((m) => m.locked), attributed };
}

/** "RAMOS: …", "CLINTON: …", "MR. TRUMP: …": a speaker's label opening a quoted transcript. */
const TRANSCRIPT_LABEL = fast(/^(?:(?:MR|MRS|MS|DR|SEN|REP|GOV)\.\s)?(\p{Lu}[\p{Lu}'’-]+(?:\s\p{Lu}[\p{Lu}'’-]+)?):\s/u);
const NOT_SPEAKER_LABELS = new Set(
  "VIDEO AUDIO UPDATE UPDATED NOTE EDITOR QUESTION ANSWER TRANSCRIPT BREAKING WATCH READ MORE PHOTO CORRECTION SOURCE WARNING ALERT EXCLUSIVE REPORT NEWS LIVE PS P.S SUBJECT RE FW FWD TO FROM CC DATE TITLE QUOTE LISTEN AND BUT THE".split(" "),
);

interface Mention {
  key: string;
  name: string;
  pi: number;
  start: number;
  end: number;
  inQuote: boolean;
  subject: boolean;
  verbAfter: boolean;
  verbBefore: boolean;
  possessive: boolean;
}

const VERB_AFTER = fast(new RegExp(String.raw`^(?:,[^,“”"]{0,80},|${DASH_INSET})?\s+(?:${ADVERB}\s+)?(?:(?:has|had)\s+(?!\p{L}+ing\b)|was\s+)?(?:${VERB_ALT})\b`, "u"));
const VERB_BEFORE = fast(new RegExp(String.raw`\b(?:${VERB_ALT})\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,3}$`, "u"));

/** What is known of the article last analysed (made anew for each article, see mentionsIn). */
interface ArticleNames {
  text: string;
  /** The names each paragraph mentions, and how often the article names each person or body (by key). */
  named: Named[][];
  counts: Map<string, number>;
  /** The mentions by paragraph, made when a quotation near the paragraph first asks. */
  mentions: Array<Mention[] | undefined>;
  genders: Map<string, Gender>;
}
let articleNames: ArticleNames = { text: "", named: [], counts: new Map(), mentions: [], genders: new Map() };

/** Whether the article writes "in X" (or near, across, throughout X), X then being a place. */
/**
 * Places and peoples no "he" or "she" can be: states, countries, their peoples. (Not those that are also names
 * or surnames: Washington, Georgia, Virginia, Jordan, Israel, Chad, Cuban.)
 */
const PLACES_AND_PEOPLES = new Set(
  (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa Kansas " +
    "Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio " +
    "Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Wisconsin Wyoming America Mexico Canada Russia China Iran Iraq " +
    "Syria Libya Egypt Afghanistan Pakistan India Japan Korea Germany France Britain England Scotland Ireland Italy Spain " +
    "Greece Turkey Ukraine Poland Europe Africa Asia Cuba Venezuela Brazil Argentina Colombia Nigeria Yemen Lebanon Qatar " +
    "American Americans Mexicans Canadians Russians Chinese Iranians Iraqis Syrians Syrian Libyans Egyptians Afghans Pakistanis " +
    "Indians Japanese Koreans Germans French British European Europeans Arab Arabs Africans Latinos Latinas Latino Hispanics Hispanic " +
    "Ukrainians Palestinians Palestinian Israelis Israeli Iranian Russian Mexican Iraqi Afghan Muslims Christians Jews " +
    "Democrats Republicans Floridians Texans Californians Iowans Ohioans Virginians"
  ).split(" "),
);

function placeIn(name: string, articleText: string): boolean {
  if (PLACES_AND_PEOPLES.has(name)) return true;
  for (const at of wordsAt(articleText, name)) {
    if (/\b(?:in|near|across|throughout|around|outside|along|down)\s+(?:the\s+)?$/u.test(articleText.slice(Math.max(0, at - 16), at)) && !/^[’']s\b/u.test(articleText.slice(at + name.length, at + name.length + 3))) return true;
  }
  return false;
}

function cachedGender(name: string, articleText: string): Gender {
  const genders = articleNames.genders;
  let g = genders.get(name);
  if (g === undefined && !genders.has(name)) {
    g = NOT_PEOPLE.test(name) ? null : genderOf(name, articleText);
    genders.set(name, g);
  }
  return g ?? null;
}

type Named = Pick<Mention, "key" | "name" | "start" | "end" | "possessive">;

/** The people and bodies paragraph `pi` (`p`) names: its runs of capitalised words, each as its fullest name. */
function namedIn(p: string, pi: number, articleText: string): Named[] {
  const out: Named[] = [];
  const known = nameFacts(articleText);
  for (const run of known.lines[pi] === p ? (known.runs[pi] ?? []) : capitalisedRuns(p)) {
    let tokens = run.text.split(/\s+/);
    let skipped = 0;
    // "In …", "Despite …", and before more words a participle ("Following Wednesday’s debate") open no name.
    while (
      tokens.length > 0 &&
      (FUNCTION_WORDS.has((tokens[0] ?? "").toLowerCase()) ||
        OPENERS_NOT_NAMES.has((tokens[0] ?? "").toLowerCase()) ||
        NOT_NAME_OPENERS.has((tokens[0] ?? "").toLowerCase()) ||
        (tokens.length > 1 && /^\p{Lu}\p{Ll}+ing$/u.test(tokens[0] ?? "")))
    ) {
      skipped += (tokens[0] ?? "").length + 1;
      tokens = tokens.slice(1);
    }
    if (tokens.length === 0) continue;
    const owner = tokens.findLastIndex((t) => /\p{L}[’']s$/u.test(t));
    let possessive = false;
    if (owner >= 0 && owner < tokens.length - 1) tokens = tokens.slice(owner + 1);
    else if (owner === tokens.length - 1) possessive = true;
    const cleaned = stripTitles(tokens.join(" ").replace(/[’']s$/u, ""));
    if (cleaned.length < 2 || NOT_SUBJECTS.has(cleaned.toLowerCase()) || FUNCTION_WORDS.has(cleaned.toLowerCase())) continue;
    const name = fullestName(cleaned, articleText);
    out.push({ key: personKey(name), name, start: run.index + skipped, end: run.index + run.text.length, possessive });
  }
  return out;
}

/**
 * Every person or body named in paragraph `pi`, with where and how. The names of the whole article are found once
 * (their counts are a feature); where each stands (subject, speech verb near) only for the paragraphs a
 * quotation's speaker is looked for in.
 */
function mentionsIn(pi: number, paragraphs: readonly string[], spansOf: readonly Span[][], articleText: string): Mention[] {
  if (articleText !== articleNames.text) {
    const named = paragraphs.map((p, pi) => namedIn(p, pi, articleText));
    const counts = new Map<string, number>();
    for (const list of named) for (const m of list) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    articleNames = { text: articleText, named, counts, mentions: [], genders: new Map() };
  }
  const made = articleNames.mentions[pi];
  if (made !== undefined) return made;
  const p = paragraphs[pi] ?? "";
  const spans = spansOf[pi] ?? [];
  const out = (articleNames.named[pi] ?? []).map(({ key, name, start, end, possessive }): Mention => {
    const sentenceStart = sentenceStartBefore(p, start);
    return {
      key,
      name,
      pi,
      start,
      end,
      inQuote: spans.some((sp) => start > sp.open && start < sp.close),
      subject: start - sentenceStart <= 1 || NAME_AND_ROLE.test(p.slice(sentenceStart, start)),
      verbAfter: VERB_AFTER.test(p.slice(end, end + 120)),
      verbBefore: VERB_BEFORE.test(p.slice(Math.max(0, start - 40), start)),
      possessive,
    };
  });
  articleNames.mentions[pi] = out;
  return out;
}

const SENTENCE_END = fast(/[.!?]["”’]?\s+["“‘]?\p{Lu}/u);
const SENTENCE_ENDS = fast(new RegExp(SENTENCE_END.source, "gu"));
/** "… played out, he said." / ", said Smith." — a sentence that ends with its attribution. */
const ATTRIBUTION_ENDS = fast(new RegExp(String.raw`,\s+(?:(?:${SUBJECT})\s+(?:${VERB_ALT})|(?:${VERB_ALT})\s+(?:${SUBJECT}))[^,“”"]{0,40}[.!?]?\s*$`, "u"));
/** Where the sentence holding `pos` ends (its closing punctuation included), or the paragraph's end. */
function sentenceEndAfter(p: string, pos: number): number {
  const m = /[.!?]["”’]?(?=\s+["“‘]?\p{Lu}|\s*$)/u.exec(p.slice(pos));
  return m === null ? p.length : pos + m.index + m[0].length;
}

function candidatesFor(
  q: Quote,
  k: number,
  quotes: readonly Quote[],
  meta: ReadonlyArray<{ via: Via; pronoun: string | null; locked: boolean }>,
  paragraphs: readonly string[],
  spansOf: readonly Span[][],
  articleText: string,
): Candidate[] {
  const qi = q.paragraph;
  const mentionsAt = (pi: number): Mention[] => mentionsIn(pi, paragraphs, spansOf, articleText);
  // (Made before anything else here: the first call for an article also clears the genders of the last one.)
  mentionsAt(qi);
  const p = paragraphs[qi] ?? "";
  const open = Math.max(0, (q.parts?.[0]?.[0] ?? q.start) - 1);
  const close = q.end;
  const byKey = new Map<string, { name: string; x: number[]; before: number; inQuote: number; count: number; possessive: boolean; sentencesBefore: number; subjectOfPrevious: boolean }>();
  const dims = SPEAKER_FEATURES.length;
  const f = (name: (typeof SPEAKER_FEATURES)[number]): number => FEATURE[name];
  // The people and bodies named in the quotation's paragraph and the two before it.
  const nearby: Mention[] = [];
  for (let pi = Math.max(0, qi - 2); pi <= qi; pi++) nearby.push(...mentionsAt(pi));
  for (const m of nearby) {
    if (m.pi === qi && m.start >= open && m.start <= close) continue;
    const after = m.pi === qi && m.start > close;
    let d: number;
    if (m.pi === qi) d = after ? m.start - close : open - m.end;
    else {
      d = (paragraphs[m.pi] ?? "").length - m.end + open + 1;
      for (let j = m.pi + 1; j < qi; j++) d += (paragraphs[j] ?? "").length + 1;
    }
    d = Math.max(0, d);
    let c = byKey.get(m.key);
    if (!c) {
      c = { name: m.name, x: new Array<number>(dims).fill(0), before: Infinity, inQuote: 0, count: 0, possessive: false, sentencesBefore: -1, subjectOfPrevious: false };
      byKey.set(m.key, c);
    }
    const x = c.x;
    c.count++;
    if (!after && d < c.before) {
      // Sentence boundaries between this mention and the quotation.
      const gap = m.pi === qi ? p.slice(m.end, open) : `${(paragraphs[m.pi] ?? "").slice(m.end)} . X ${p.slice(0, open)}`;
      c.sentencesBefore = execAll(SENTENCE_ENDS, gap).length;
      c.subjectOfPrevious = m.subject && c.sentencesBefore === 1;
    }
    if (m.pi === qi && m.verbAfter && !SENTENCE_END.test(after ? p.slice(close + 1, m.start) : p.slice(m.end, open))) x[f("sameSentenceVerb")] = 1;
    if (m.inQuote) c.inQuote++;
    if (after) x[f("nearAfter")] = Math.max(x[f("nearAfter")] ?? 0, Math.exp(-d / 80));
    else {
      x[f("nearBefore")] = Math.max(x[f("nearBefore")] ?? 0, Math.exp(-d / 300));
      if (d < c.before) {
        c.before = d;
        c.possessive = m.possessive;
      }
    }
    if (m.pi === qi) {
      x[f("sameParagraph")] = 1;
      const between = after ? p.slice(close + 1, m.start) : p.slice(m.end, open);
      if (!SENTENCE_END.test(between)) x[f("sameSentence")] = 1;
    } else if (m.pi === qi - 1) x[f("previousParagraph")] = 1;
    const near = Math.exp(-d / 500);
    if (m.verbAfter) x[f("speechVerbAfter")] = Math.max(x[f("speechVerbAfter")] ?? 0, near);
    if (m.verbBefore) x[f("speechVerbBefore")] = Math.max(x[f("speechVerbBefore")] ?? 0, near);
    if (m.subject) x[f("sentenceSubject")] = Math.max(x[f("sentenceSubject")] ?? 0, near);
  }
  const rule = q.speaker;
  const ruleKey = rule !== null ? personKey(rule) : null;
  const via = meta[k]?.via ?? "none";
  if (rule !== null && ruleKey !== null && !byKey.has(ruleKey)) {
    byKey.set(ruleKey, { name: rule, x: new Array<number>(dims).fill(0), before: Infinity, inQuote: 0, count: 0, possessive: false, sentencesBefore: -1, subjectOfPrevious: false });
  }
  const earlier = new Set(quotes.slice(0, k).flatMap((x) => (x.speaker !== null ? [personKey(x.speaker)] : [])));
  const last = k > 0 ? quotes[k - 1]?.speaker : null;
  const lastKey = last !== null && last !== undefined ? personKey(last) : null;
  // Who spoke last is a candidate even when not named nearby: a quotation running on over paragraphs goes on.
  if (last !== null && last !== undefined && lastKey !== null && !byKey.has(lastKey)) {
    byKey.set(lastKey, { name: last, x: new Array<number>(dims).fill(0), before: Infinity, inQuote: 0, count: 0, possessive: false, sentencesBefore: -1, subjectOfPrevious: false });
  }
  const pronoun = meta[k]?.pronoun ?? null;
  const ranked = [...byKey.entries()].filter(([, c]) => Number.isFinite(c.before)).sort((a, b) => a[1].before - b[1].before);
  // Who was last named as saying something before this quotation (a speech verb next to the name).
  const sources: string[] = [];
  for (let pi = qi; pi >= Math.max(0, qi - 3) && sources.length < 2; pi--) {
    const mentions = mentionsAt(pi);
    for (let j = mentions.length - 1; j >= 0 && sources.length < 2; j--) {
      const m = mentions[j] as Mention;
      if (m.pi === qi && m.start >= open) continue;
      if ((m.verbAfter || m.verbBefore) && !m.inQuote && !sources.includes(m.key)) sources.push(m.key);
    }
  }
  const nearestPerson = ranked.find(([, c]) => cachedGender(c.name, articleText) !== null || (c.name.includes(" ") && !NOT_PEOPLE.test(c.name)))?.[0];
  const out: Candidate[] = [];
  for (const [key, c] of byKey) {
    // "He said" shapes the others' features (nearest source, recency) but is nobody to name; nor is "Wait" or "It".
    if (PRONOUN_WORDS.has(c.name.toLowerCase()) || noName(c.name, articleText)) continue;
    const x = c.x;
    if (key === ruleKey && via !== "none") {
      x[f(via === "direct" ? "ruleDirect" : via === "pronoun" ? "rulePronoun" : via === "carry" ? "ruleCarry" : "ruleOther")] = 1;
    }
    x[f("insideQuotes")] = c.count > 0 ? c.inQuote / c.count : 0;
    x[f("articleMentions")] = Math.log1p(articleNames.counts.get(key) ?? 0);
    x[f("spokeBefore")] = earlier.has(key) ? 1 : 0;
    x[f("lastSpeaker")] = key === lastKey ? 1 : 0;
    const gender = cachedGender(c.name, articleText);
    if (pronoun === "he" || pronoun === "she") x[f("genderAgrees")] = gender === null ? 0 : compatible(pronoun, gender) ? 1 : -1;
    const org = NOT_PEOPLE.test(c.name) || BODIES.test(c.name);
    x[f("organisation")] = org ? 1 : 0;
    x[f("person")] = gender !== null || (!org && c.name.includes(" ")) ? 1 : 0;
    const rank = ranked.findIndex(([k2]) => k2 === key);
    x[f("recencyRank")] = rank >= 0 ? 1 / (1 + rank) : 0;
    x[f("possessive")] = c.possessive ? 1 : 0;
    x[f("previousSentenceSubject")] = c.subjectOfPrevious ? 1 : 0;
    x[f("nearestSource")] = sources[0] === key ? 1 : 0;
    x[f("secondNearestSource")] = sources[1] === key ? 1 : 0;
    x[f("nearestPersonBefore")] = key === nearestPerson ? 1 : 0;
    x[f("lastSpeakerAtParagraphStart")] = key === lastKey && q.start <= 2 ? 1 : 0;
    x[f("windowMentions")] = Math.log1p(c.count);
    if (c.sentencesBefore === 0) x[f("sentencesBetween0")] = 1;
    else if (c.sentencesBefore === 1) x[f("sentencesBetween1")] = 1;
    else if (c.sentencesBefore >= 2) x[f("sentencesBetween2")] = 1;
    // The rules' own spelling of their speaker ("White House", "Clinton campaign") is kept.
    out.push({ name: key === ruleKey && rule !== null ? rule : c.name, x });
  }
  return out;
}

