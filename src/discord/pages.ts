/**
 * Page buttons' memory: a paged reply's command and options are kept in the store under a token
 * derived from them, so the same list always gets the same token, any process can serve a button,
 * and buttons keep working after a restart. Entries expire after PAGE_TTL_MS of not being shown.
 */
import type { CommandInput } from "../../commands/index.js";
import { hash64 } from "../news/text.js";
import type { PageState, Store } from "../store/store.js";

/** How long page buttons keep working after the list was last shown. */
export const PAGE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface Pages {
  /** Remember a paged command; returns the token for its buttons. */
  save(command: string, input: CommandInput): Promise<string>;
  /** The command behind a token, or undefined when it expired or never existed. */
  load(token: string): Promise<PageState | undefined>;
}

function withoutPage(input: CommandInput): PageState["input"] {
  const out: PageState["input"] = {};
  for (const key of Object.keys(input).sort()) {
    const v = input[key];
    if (key !== "page" && v !== undefined) out[key] = v;
  }
  return out;
}

export function storePages(store: Pick<Store, "pages">): Pages {
  return {
    async save(command, input) {
      const state: PageState = { command, input: withoutPage(input) };
      const token = hash64(JSON.stringify(state));
      await store.pages.set(token, state, PAGE_TTL_MS);
      return token;
    },
    async load(token) {
      return store.pages.get(token);
    },
  };
}
