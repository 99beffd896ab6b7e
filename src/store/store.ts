/**
 * Persistent state through keyv: embedded SQLite by default (`sqlite://data/newsdesk.sqlite`),
 * Redis for several processes (`redis://…`), or memory (`memory://`, tests and throwaway runs).
 * Every namespace validates what it reads with zod: a record that does not parse is treated as
 * absent and reported, never trusted.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import KeyvRedis from "@keyv/redis";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { z } from "zod";

export const DigestRecordSchema = z.object({
  state: z.enum(["claimed", "posted"]),
  /** Which process claimed or posted it. */
  by: z.string(),
  /** When (epoch ms) the claim was taken or the post finished. */
  at: z.number(),
  messageIds: z.array(z.string()).default([]),
  articleIds: z.array(z.string()).default([]),
});
export type DigestRecord = z.infer<typeof DigestRecordSchema>;

export class Namespace<T> {
  constructor(
    private readonly keyv: Keyv,
    private readonly schema: z.ZodType<T>,
    private readonly onInvalid: (key: string, reason: string) => void,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const raw: unknown = await this.keyv.get(key);
    if (raw === undefined) return undefined;
    const r = this.schema.safeParse(raw);
    if (r.success) return r.data;
    this.onInvalid(key, r.error.issues.map((i) => i.message).join("; "));
    return undefined;
  }

  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(key, this.schema.parse(value), ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(key);
  }
}

export interface Store {
  readonly kind: "sqlite" | "redis" | "memory";
  readonly digests: Namespace<DigestRecord>;
  close(): Promise<void>;
}

export interface StoreOptions {
  onError?: (err: unknown) => void;
  onInvalid?: (key: string, reason: string) => void;
}

export async function openStore(url: string, opts: StoreOptions = {}): Promise<Store> {
  const onError = opts.onError ?? (() => {});
  const onInvalid = opts.onInvalid ?? (() => {});
  const keyvs: Keyv[] = [];
  let kind: Store["kind"];
  let make: (namespace: string) => Keyv;
  if (url.startsWith("sqlite://")) {
    kind = "sqlite";
    const file = url.slice("sqlite://".length);
    if (file !== ":memory:") await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const adapter = new KeyvSqlite({ uri: url, busyTimeout: 10_000 });
    make = (namespace) => new Keyv({ store: adapter, namespace });
  } else if (url.startsWith("redis://") || url.startsWith("rediss://")) {
    kind = "redis";
    const adapter = new KeyvRedis(url);
    make = (namespace) => new Keyv({ store: adapter, namespace, useKeyPrefix: false });
  } else {
    kind = "memory";
    const map = new Map();
    make = (namespace) => new Keyv({ store: map, namespace });
  }
  const ns = (name: string): Keyv => {
    const k = make(name);
    k.on("error", onError);
    keyvs.push(k);
    return k;
  };
  const digests = new Namespace(ns("digest"), DigestRecordSchema, onInvalid);
  // Fail now, with a clear message, if the store cannot be reached.
  await digests.get("__probe__");
  return {
    kind,
    digests,
    async close() {
      await Promise.allSettled(keyvs.map((k) => k.disconnect()));
    },
  };
}
