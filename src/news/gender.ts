/**
 * Which people "he" and "she" can refer to: from honorifics in the article ("Mr. Trump", "Mrs.
 * Clinton") and from common first names. Unknown stays unknown (compatible with either).
 */
import { fold } from "./text.js";

export type Gender = "m" | "f" | null;

const FEMALE = new Set(
  (
    "hillary sarah nancy elizabeth kellyanne carly megyn nikki michelle melania ivanka huma debbie donna jill maggie kelly susan " +
    "mary patricia jennifer linda barbara jessica karen lisa betty margaret sandra ashley kimberly emily carol amanda melissa " +
    "deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha " +
    "katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly " +
    "lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn " +
    "janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany " +
    "charlotte marie kayla alexis lori hope condoleezza madeleine dianne kirsten tammy claire kamala tulsi marsha kristi jeanne " +
    "chelsea caroline katie gabriela jane irene ruth hope loretta sally valerie dana mika rosie ellen oprah barbra ayotte hassan " +
    "eva betsy roberta gwen wendy heidi tina nina lucy ella ava mia zoe chloe lily leah rose ruby joanna kate kathy cathy sue " +
    "peggy holly jenny meg molly paula rita vicky yvonne sylvia carmen rosa ana lucia sofia elena irina nadia fatima aisha priya " +
    "anita sonia nora leila mariana daniela alejandra veronica monica erica erin tara tanya tracy stacy colleen maureen eileen " +
    "bridget bonnie connie dolores edith elaine esther florence gail geraldine gladys harriet hazel ingrid joy kristen kristin " +
    "kara krista lillian lois lorraine lynn marcia marjorie maxine mildred miriam naomi norma olga pearl phyllis rachael renee " +
    "rhonda roxanne sheila stella tamara vera vivian wanda yolanda melinda melanie lydia kristina katrina katharine allison alison " +
    "courtney crystal dawn felicia gina jasmine jillian jocelyn mandy marisa marissa meredith michele natasha patti sabrina " +
    "tiffany vanessa whitney deja ilhan alexandria elise susanna suzanne haley hailey serena simone billie bette dina dena hilary " +
    "jeanine joni shelley kellie callista cindy patty louise marla ivana lara neera liz beth anne annie lucille greta ursula " +
    "giorgia jacinda sanna alyona yamiche maxine katy " +
    "olivia emma ava charlotte sophia amelia isabella mia evelyn abigail ella chloe zoe nora scarlett aria ellie aurora stella natalie leah hannah lucy audrey naomi eleanor alice sadie sophie jasmine katie lauren rachel rebecca samantha stephanie victoria gemma kirsty fiona siobhan niamh aoife mairead morag shona ailsa isla freya poppy imogen harriet jemima beatrice eugenie camilla diana meghan kate joanna theresa teresa yvette priti nadine nicola jacqui jacqueline anne annie bridget carole cherie clare gillian gwyneth hattie ingrid irene janet jeanette joan judith julie kathleen katherine kathryn laura lorraine louise lynne maureen mhairi miriam moira monica natasha ruth sheila shirley sian sonia tessa ursula valerie vanessa wendy yvonne zara angela christine segolene ilhan rashida alexandria ayanna kamala elise tulsi kirsten amy tammy heidi marsha marcia greta svetlana olga yulia tatiana irina natalia maria sofia anastasia ekaterina angelina agnieszka magdalena beata ewa katarzyna simone sylvie brigitte isabelle catherine nathalie martine christiane ursula annalena renate claudia sabine petra giulia francesca chiara alessandra elena carmen lucia pilar dolores isabel ana beatriz fernanda gabriela daniela valentina camila yoko akiko sakura priyanka sonia indira benazir malala aung"
  ).split(" "),
);
const MALE = new Set(
  (
    "donald bernie ted marco jeb ben john chris mike barack bill paul rand mitt scott rick lindsey martin joe tim gary james robert " +
    "michael william david richard joseph thomas charles christopher daniel matthew anthony mark steven andrew kenneth joshua kevin " +
    "brian george edward ronald timothy jason jeffrey ryan jacob frank eric stephen larry justin brandon raymond gregory samuel " +
    "benjamin patrick jack dennis jerry tyler aaron henry adam douglas nathan peter zachary kyle walter harold jeremy ethan carl " +
    "keith roger gerald christian terry sean arthur austin noah lawrence jesse dylan bryan jordan billy bruce albert willie gabriel " +
    "logan alan juan wayne roy ralph randy eugene vincent russell louis philip bobby johnny bradley newt reince corey kellan jared " +
    "eric steve sean rudy rush glenn sheldon harry mitch jim bob tom dick dan al hugh howard reid lindsey orrin jeff pete cory " +
    "marty lincoln jon nate karl roger vladimir volodymyr keir friedrich sergey dmitry emmanuel boris xi recep benjamin bibi " +
    "harvey chuck mel ed eddie ron don ken greg doug rob matt nick nicholas alexander tony jimmy danny tommy andy ricky mario carlos " +
    "jose luis jorge miguel pedro rafael manuel francisco antonio alejandro fernando ricardo roberto eduardo javier sergio diego " +
    "pablo raul oscar ivan igor viktor alexei nikolai mikhail yuri hans klaus wolfgang pierre jacques francois luc marcel " +
    "giuseppe giovanni luigi matteo mohammed muhammad ahmed omar khalid abdullah mahmoud hussein bashar hamid rahm trey thad " +
    "lamar todd troy brent brett chad conor connor curtis darren derek devin dwight earl elliot ernest evan floyd fred " +
    "frederick gene herbert herman irving isaac jerome joel jonah jonathan julian lance leo leon leonard lester lloyd luke " +
    "marvin max maurice melvin milton nathaniel neal norman otis owen phil preston quentin ray rodney seth sidney spencer stanley " +
    "stuart theodore toby travis trevor vernon victor wade wesley zach ezra elijah caleb isaiah josiah levi micah abe abraham " +
    "moses reuben rudolph ruben cesar hector hugo jaime julio ramon salvador xavier barry bernard clarence claude cliff clifford " +
    "dave emil felix gil gilbert hubert jake kurt mickey miles ned nolan oliver reggie richie rod roland russ sammy stan sonny " +
    "tucker wally woody tad khizr reince beau hunter " +
    "liam noah oliver elijah lucas mason logan ethan aiden jacob jackson sebastian mateo owen wyatt caleb isaac luke nathan julian levi hunter aaron eli landon adrian jonathan nolan jeremiah easton ezra colton dominic xavier jose harry oscar archie alfie freddie theo leo arthur reggie albert rory callum connor declan fergus hamish angus alistair alastair euan ewan gordon graham gareth gavin nigel clive colin dennis derek desmond duncan eamonn edwin fraser geoff geoffrey giles godfrey gregor greg hugh iain ian jeremy keith kenny kieran malcolm neil nick niall norman ollie owain piers quentin ralph rhodri rishi rupert seamus sean shaun simon stuart toby tommy trevor vince ahmed mohammed muhammad mohamed mohammad hassan hussein omar khalid tariq yusuf ibrahim mustafa recep emmanuel francois francesco giuseppe giovanni luigi matteo alessandro pierre jacques nicolas olivier sergei sergey dmitry dmitri dmitriy vladimir igor ivan alexei alexey mikhail boris yuri viktor volodymyr petro oleg andrei andriy wolfgang helmut gerhard jurgen klaus horst olaf friedrich hans heinz dieter lars sven erik anders bjorn carlos juan luis miguel javier pedro pablo diego fernando rafael ricardo alejandro enrique felipe mauricio jorge sergio narendra rahul amit arvind shinzo fumio hiroshi takeshi benjamin binyamin yair naftali ehud moshe avigdor bashar hafez hosni anwar nawaz imran tobias maurice digby arsenio kofi nelson desmond jacob cyril thabo robert gerry"
  ).split(" "),
);

/** Per article (the last one asked about is kept): every capitalised word after "Mrs."/"Ms."/"Miss" or "Mr.". */
let honorificsFor: string | null = null;
let honorifics = { f: new Set<string>(), m: new Set<string>() };

function honorificsOf(articleText: string): { f: Set<string>; m: Set<string> } {
  if (articleText === honorificsFor) return honorifics;
  const f = new Set<string>();
  const m = new Set<string>();
  for (const hit of articleText.matchAll(/\b(Mrs|Ms|Miss|Mr)\.?((?:\s+\p{Lu}[\p{L}.'’-]*)+)/gu)) {
    const into = hit[1] === "Mr" ? m : f;
    for (const word of (hit[2] ?? "").trim().split(/\s+/)) into.add(word.replace(/[.'’]+$/u, ""));
  }
  honorificsFor = articleText;
  honorifics = { f, m };
  return honorifics;
}

/** A common first name ("Jean", "Brian"): no demonym, whatever its ending. */
export function isFirstName(token: string): boolean {
  const t = fold(token);
  return FEMALE.has(t) || MALE.has(t);
}

export function genderOf(name: string, articleText: string): Gender {
  const tokens = name.split(/\s+/);
  const first = fold(tokens[0] ?? "");
  const last = (tokens[tokens.length - 1] ?? "").replace(/[.'’]+$/u, "");
  // A known first name tells first: "Mrs. Clinton" in the article makes no woman of Bill Clinton.
  if (tokens.length > 1 && FEMALE.has(first) !== MALE.has(first)) return FEMALE.has(first) ? "f" : "m";
  if (last !== "") {
    const h = honorificsOf(articleText);
    if (h.f.has(last)) return "f";
    if (h.m.has(last)) return "m";
  }
  if (tokens.length > 1 || FEMALE.has(first) || MALE.has(first)) {
    if (FEMALE.has(first) && !MALE.has(first)) return "f";
    if (MALE.has(first) && !FEMALE.has(first)) return "m";
  }
  return null;
}

export function compatible(pronoun: string, gender: Gender): boolean {
  if (gender === null) return true;
  if (pronoun === "he") return gender === "m";
  if (pronoun === "she") return gender === "f";
  return true;
}
