/**
 * How newsdesk's processes start node.
 *
 * V8 normally runs a regular expression in its interpreter first and compiles it to machine code once it is used
 * again. The quote patterns are large (names, a thousand speech verbs), so compiling each of them twice cost about
 * 2 s at start-up; compiling them to machine code at once starts the bot in a fraction of that and analyses articles
 * about a third faster (measured in this repository, Node 20). That is V8's --no-regexp-tier-up.
 *
 * The flag is given to node on its command line (NODE_FLAGS: package.json's scripts, and every test and benchmark that
 * starts a process), never set from here: set after start with v8.setFlagsFromString, as this module once did, it
 * crashed the process now and then inside a compiled pattern (a segmentation fault in 8 of about 150 runs of the
 * headline evaluation, 2026-11-30; none in 180 with the flag on the command line). Node's documentation warns that
 * flags changed after the VM has started may crash it. Worker threads share their process's flags.
 */

/** The flags newsdesk's processes start node with. */
export const NODE_FLAGS: readonly string[] = ["--no-regexp-tier-up"];

/** Whether this process was started with NODE_FLAGS (as `npm start` does); without them it is only slower. */
export const startedWithNodeFlags: boolean = NODE_FLAGS.every((f) => process.execArgv.includes(f));
