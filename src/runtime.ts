/**
 * How newsdesk's processes start node.
 *
 * V8 normally runs a regular expression in its interpreter first and compiles it to machine code once it is used
 * again. The quote patterns are large (names, a thousand speech verbs), so compiling each of them twice cost about
 * 2 s at start-up; compiling them to machine code at once starts the bot in a fraction of that and analyses articles
 * about a third faster (measured in this repository, Node 20). That is V8's --no-regexp-tier-up.
 *
 * The flags are given to node on its command line (NODE_FLAGS: package.json's scripts, and every test and benchmark that
 * starts a process), never set from here: set after start with v8.setFlagsFromString, as this module once did, it
 * crashed the process now and then inside a compiled pattern (a segmentation fault in 8 of about 150 runs of the
 * headline evaluation, 2026-11-30; none in 180 with the flag on the command line). Node's documentation warns that
 * flags changed after the VM has started may crash it. Worker threads share their process's flags.
 */

/**
 * The flags newsdesk's processes start node with, each with what goes slower without it.
 *
 * --no-parallel-scavenge: V8 collects each thread's young objects with helper threads by default. While a large
 * archive loads, the loading workers keep every core busy, so the helpers only take turns with them and the
 * threads wait for each other; collected by the thread itself, the first load at 100,000 articles took 0.27–0.4 s
 * less on average over three sets of alternating runs on two cores (2026-11-30), and a little less processor time.
 */
const FLAGS: ReadonlyArray<{ flag: string; without: string }> = [
  { flag: "--no-regexp-tier-up", without: "articles are analysed about a third slower" },
  { flag: "--no-parallel-scavenge", without: "a large archive loads a little slower" },
];
export const NODE_FLAGS: readonly string[] = FLAGS.map((f) => f.flag);

/** The flags of NODE_FLAGS this process was started without, each with what goes slower (none with `npm start`). */
export const missingNodeFlags: ReadonlyArray<{ flag: string; without: string }> = FLAGS.filter((f) => !process.execArgv.includes(f.flag));

/** Whether this process was started with NODE_FLAGS (as `npm start` does); without them it is only slower. */
export const startedWithNodeFlags: boolean = missingNodeFlags.length === 0;
