/** Names of people: titles stripped, keys for matching, full names found in an article. */
import { fast } from "./ascii.js";
import { execAll, fold, remembered } from "./text.js";
import { isFirstName } from "./gender.js";

/** Words that are titles or roles, not part of a person's name (folded, without dots). */
const TITLES = new Set(
  (
    "president pres vice prime minister secretary state chancellor governor gov senator sen rep representative " +
    "congressman congresswoman mr mrs ms miss dr prof professor mayor judge justice general gen pope king queen " +
    "prince princess sir dame lord lady foreign defense defence interior finance home chief spokesperson " +
    "spokesman spokeswoman ambassador leader former deputy acting speaker attorney ceo chairman chairwoman " +
    "chair director commissioner regional us uk eu un nato white house of the republican democrat democratic " +
    "gop candidate nominee sheriff officer detective lieutenant lt colonel col captain capt sergeant sgt " +
    "admiral adm commander rev reverend father rabbi imam bishop cardinal archbishop emir sheikh crown " +
    "premier first lady mp mep minority majority whip supreme court labor labour party opposition presidential " +
    "hopeful rival incumbent top longtime senior veteran staff anchor co-anchor economy trade health education justice energy treasury army navy air force alderman councilman councilwoman " +
    // Occupations that stand before a name like a title: "Novelist Arthur Hailey", "Broadcaster Anne Robinson".
    "novelist author writer poet playwright actor actress comedian broadcaster presenter journalist photographer artist " +
    "designer producer composer musician rapper striker midfielder defender goalkeeper economist analyst lecturer scientist " +
    "researcher lawyer barrister solicitor entrepreneur businessman businesswoman tycoon billionaire"
  ).split(" "),
);

/** Titles that are also surnames ("Pete King", "Tim Bishop", "Carole Lord"). */
const SURNAME_TITLES = new Set(["king", "bishop", "prince", "lord", "judge"]);

/** Lower-case words that join the parts of a name ("Ursula von der Leyen", "Nick Van den Brul", "Osama bin Laden"). */
const JOINING_PARTICLES = "von van der den ter de da del di dos du la le bin al ibn".split(" ");
/** The words a run of capitalised words goes on over, as a pattern: the particles and "of" ("Bank of America"). */
export const NAME_JOINERS = `(?:${[...JOINING_PARTICLES, "of"].join("|")})`;
/** Lower-case words allowed inside a name. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([...JOINING_PARTICLES, "della", "st"]);

const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/** Folded tokens, remembered: names repeat throughout an archive, and folding is most of a name's cost. */
const bare = remembered((token) => fold(token).replace(/\./g, "").replace(/'s$/, ""), 100_000);

export function isTitleWord(token: string): boolean {
  return TITLES.has(bare(token));
}

/** Nationality or demonym adjectives before a title: "Russian", "Ukrainian", "German", "Israeli". */
function isDemonym(token: string): boolean {
  // ("Billie Jean King", "Brian King": a first name, not a people.)
  return !isFirstName(token) && /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ch|i|ic)$/u.test(token);
}

/**
 * "U.S. President Donald Trump" → "Donald Trump"; "Mr. Trump" → "Trump"; "Trump’s" → "Trump".
 * Returns "" when nothing name-like remains. Remembered: an archive names the same people again and again.
 */
export const stripTitles: (run: string) => string = remembered(stripTitlesOnce, 50_000);

function stripTitlesOnce(run: string): string {
  const tokens = run
    .replace(/[’']s$/u, "")
    .split(/\s+/)
    .filter((t) => t !== "");
  /** One word only: "King" is then a surname, not a title ("Saudi King" stays a title). */
  const alone = tokens.length === 1;
  // Drop leading titles, demonyms before titles, and particles left at the front.
  while (tokens.length > 0) {
    const t = tokens[0] as string;
    const next = tokens[1];
    // (A surname that is also a title, alone, stays: "King says Ali …" after "Billie Jean King".)
    if ((isTitleWord(t) && !(alone && SURNAME_TITLES.has(bare(t)))) || /^\p{Ll}/u.test(t)) {
      tokens.shift();
      continue;
    }
    // ("Russian Dmitriy Bogdanov": also before a first name that opens a full name.)
    if (next !== undefined && isDemonym(t) && (isTitleWord(next) || (isFirstName(next) && tokens.length >= 3))) {
      tokens.shift();
      continue;
    }
    break;
  }
  // "South Korean-born Monte Haines", "Liberal Oscar-winner Sarandon", "Post Editor-in-Chief Martin Baron": a
  // description joined by a hyphen to a lower-case word ends before the name.
  const described = tokens.findLastIndex((t, i) => i < tokens.length - 1 && /\p{L}-\p{Ll}/u.test(t));
  if (described >= 0) tokens.splice(0, described + 1);
  // "Tom Cole of Oklahoma", "Patricia Moran of Cheyenne": a name then "of" and a place or body ends at "of".
  const of = tokens.findIndex((t, i) => t === "of" && i > 1 && !isTitleWord(tokens[i - 1] as string));
  if (of > 0) tokens.length = of;
  // Within the rest, a title word splits: keep what follows the last title ("Secretary of State Marco Rubio").
  let lastTitle = -1;
  tokens.forEach((t, i) => {
    // "Pete King", "Tim Bishop": a title that is also a surname, last after a first name, is the surname.
    const surnameTitle =
      i === tokens.length - 1 && SURNAME_TITLES.has(bare(t)) && (i === 0 ? alone : !isTitleWord(tokens[i - 1] as string) && !isDemonym(tokens[i - 1] as string));
    if (isTitleWord(t) && !NAME_PARTICLES.has(bare(t)) && !surnameTitle) lastTitle = i;
  });
  const rest = tokens.slice(lastTitle + 1);
  // (Not "al-Assad" or "el-Sisi", a surname with its particle.)
  while (rest.length > 0 && /^\p{Ll}/u.test(rest[rest.length - 1] as string) && !/^\p{Ll}+-\p{Lu}/u.test(rest[rest.length - 1] as string)) rest.pop();
  return rest.join(" ").replace(/[,.;:]+$/, "");
}

/** The matching key of a name: folded tokens without middle initials or suffixes. */
export function nameTokens(name: string): string[] {
  // (In loops: the chain of map and filters it was made as cost about half a percent of a file's analysis.)
  const kept: string[] = [];
  for (const token of name.split(/\s+/)) {
    const t = bare(token);
    if (t !== "" && !SUFFIXES.has(t)) kept.push(t);
  }
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i] as string;
    if (!(t.length === 1 && i > 0 && i < kept.length - 1)) out.push(t);
  }
  return out;
}

/** "Donald J. Trump" and "Donald Trump" share a key: first and last name, folded (remembered: names recur). */
export const personKey: (name: string) => string = remembered((name) => {
  const t = nameTokens(name);
  if (t.length <= 1) return t[0] ?? "";
  return `${t[0]} ${t[t.length - 1]}`;
}, 100_000);

export function surname(name: string): string {
  const t = nameTokens(name);
  return t[t.length - 1] ?? "";
}

/** Capitalised runs in a text: "U.S. President Donald Trump", "Keir Starmer", "White House". */
const RUN_WORD = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Prof|Pres)\.|\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}’'-]*[\p{L}]|\p{Lu})`;
const RUN = fast(new RegExp(String.raw`${RUN_WORD}(?:\s+(?:${NAME_JOINERS}\s+)*${RUN_WORD})*`, "gu"));

/** A capitalised pronoun inside a run opens a new sentence: "in Washington D.C. He recalled", "U.S. It". Not "I",
 * which ends names ("World War I"). */
const PRONOUN_IN_RUN = /\s(?:He|She|It|They|We|His|Her|Its|Their|Our)(?=\s|$)/u;

/** A run without the period, apostrophe or possessive it ends on ("U.S." → "U.S", "Trump’s" → "Trump"). */
const tidyRun = (run: string): string => run.replace(/[.’']+$/u, "").replace(/[’']s$/u, "");

export function capitalisedRuns(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  for (const m of execAll(RUN, text)) {
    const index = m.index ?? 0;
    const pronoun = PRONOUN_IN_RUN.exec(m[0]);
    out.push({ text: tidyRun(pronoun === null ? m[0] : m[0].slice(0, pronoun.index)), index });
    if (pronoun === null) continue;
    // What follows the pronoun is a run of its own ("… D.C. He Jones" is rare; keep it all the same).
    const after = m[0].slice(pronoun.index + pronoun[0].length).replace(/^\s+/u, "");
    const at = index + m[0].length - after.length;
    if (after !== "") out.push(...capitalisedRuns(after).map((r) => ({ text: r.text, index: at + r.index })));
  }
  return out;
}

const TITLED_NAME = fast(
  /(?:^|[^\p{L}])((?:(?:\p{Lu}[\p{L}.]*|of)\s+)*(?:[Pp]resident|[Mm]inister|[Cc]hancellor|[Ss]ecretary|[Ss]pokes(?:person|man|woman)|[Gg]overnor|[Ss]enator|Sen\.|Rep\.|Gov\.|Mr\.|Mrs\.|Ms\.|Dr\.|[Mm]ayor|[Jj]udge|[Aa]mbassador|[Ll]eader|[Cc]hief|[Dd]irector|[Cc]ommissioner|Pope|King|Queen|Prince|Princess|Sir)\s+((?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'-]*))/gu,
);

/**
 * People named in a text with a title or honorific ("President Vladimir Putin", "governor Sergey
 * Nosov", "Mr. Trump") or as a two-to-four-word name run ("Keir Starmer"). Returns cleaned names.
 */
export function peopleMentioned(text: string): string[] {
  const out: string[] = [];
  for (const m of execAll(TITLED_NAME, text)) {
    const name = stripTitles(m[2] ?? "");
    if (name !== "") out.push(name);
  }
  return out;
}
