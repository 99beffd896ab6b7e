/**
 * Work done in steps: a generator that yields to pause (so that a caller can let other work run between steps) and
 * returns its result. This runs one to its end at once, for callers that need the result now.
 */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  let r = steps.next();
  while (r.done !== true) r = steps.next();
  return r.value;
}
