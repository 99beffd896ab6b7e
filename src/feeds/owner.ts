/** FEEDS_FILE: feeds the instance's owner has every server follow. A bad file stops start-up with its reason. */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { normaliseFeedUrl } from "./service.js";

const Entry = z.union([z.url({ protocol: /^https?$/ }), z.object({ url: z.url({ protocol: /^https?$/ }), name: z.string().max(100).optional() })]);
const FeedsFile = z.array(Entry).max(1000);

export async function readFeedsFile(file: string): Promise<string[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new Error(`FEEDS_FILE ${file} cannot be read as JSON: ${(err as Error).message.split("\n")[0] ?? ""}`);
  }
  const r = FeedsFile.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`FEEDS_FILE ${file}: ${issue?.path.length ? `entry ${String(issue.path[0])}: ` : ""}must be a list of http(s) URLs or {"url": …, "name": …} objects`);
  }
  return [...new Set(r.data.map((e) => normaliseFeedUrl(typeof e === "string" ? e : e.url)))];
}
