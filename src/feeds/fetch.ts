/**
 * Fetching a feed URL that a server admin typed, safely:
 * - only http and https; at most MAX_REDIRECTS redirects, each one checked like the first URL;
 * - every connection's address is checked when it is made (the DNS answer the socket really uses, so a name that
 *   resolves to a public address at `add` and to 127.0.0.1 later is refused too): loopback, private, link-local,
 *   carrier-grade NAT, multicast, reserved and cloud-metadata ranges are refused (`allowPrivate` lets loopback alone
 *   through, for tests and feeds served on this machine);
 * - conditional GET (If-None-Match / If-Modified-Since), gzip/deflate/brotli, a timeout, a size cap.
 * The result is a value, never an exception.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent, type Dispatcher, fetch } from "undici";

export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const USER_AGENT = "newsdesk/0.1 (Discord news bot; feed reader)";

/** Addresses a feed may not be fetched from. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, and the cloud metadata service at 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local, AWS's metadata fd00:ec2::254 among them
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["2001:db8::", 32],
] as const) {
  BLOCKED.addSubnet(net, prefix, "ipv6");
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * Whether an IP address is one a feed may not be fetched from. `allowLoopback` (FEEDS_ALLOW_PRIVATE=true, for tests
 * and feeds served on this machine) lets 127.0.0.0/8 and ::1 through; every other private range stays refused.
 */
export function isBlockedAddress(address: string, allowLoopback = false): boolean {
  const family = isIP(address);
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined;
  const [ip, type] = mapped !== undefined ? [mapped, "ipv4" as const] : family === 4 ? [address, "ipv4" as const] : family === 6 ? [address, "ipv6" as const] : [null, null];
  if (ip === null || type === null) return true;
  if (allowLoopback && LOOPBACK.check(ip, type)) return false;
  return BLOCKED.check(ip, type);
}

export class RefusedAddress extends Error {
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private or reserved address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** dns.lookup that refuses blocked addresses: used for every connection the agent opens. */
function guardedLookup(allowPrivate: boolean, resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        callback(err, options.all === true ? [] : "", 0);
        return;
      }
      const list = addresses;
      const bad = list.find((a) => isBlockedAddress(a.address, allowPrivate));
      if (bad !== undefined) {
        callback(Object.assign(new RefusedAddress(hostname, bad.address), { code: "EREFUSED_PRIVATE" }), options.all === true ? [] : "", 0);
        return;
      }
      if (options.all === true) callback(null, list);
      else callback(null, list[0]?.address ?? "", list[0]?.family ?? 4);
    });
  };
}

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, options, callback);
const agents = new Map<string, { resolve: Resolver; agent: Dispatcher }>();
function agentFor(allowPrivate: boolean, resolve: Resolver): Dispatcher {
  const key = String(allowPrivate);
  let a = agents.get(key);
  if (!a || a.resolve !== resolve) {
    a = { resolve, agent: new Agent({ connect: { lookup: guardedLookup(allowPrivate, resolve), timeout: 10_000 }, connections: 4 }) };
    agents.set(key, a);
  }
  return a.agent;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { status: "ok"; bytes: Uint8Array; contentType?: string; validators: Validators; url: string; httpStatus: number }
  | { status: "not-modified"; url: string }
  | { status: "error"; reason: string; httpStatus?: number; retryAfterMs?: number };

export interface FetchOptions {
  validators?: Validators;
  timeoutMs?: number;
  maxBytes?: number;
  /** FEEDS_ALLOW_PRIVATE: loopback addresses allowed (tests, feeds served on this machine). */
  allowPrivate?: boolean;
  /** The DNS resolver (tests give their own); the system's by default. */
  resolve?: Resolver;
}

/** Check a URL before connecting: scheme, credentials, a literal address. Null when fine, else why not. */
export function urlProblem(raw: string, allowPrivate = false): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "is not a URL";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return `uses ${u.protocol.replace(/:$/, "")}: only http and https feeds can be followed`;
  if (u.username !== "" || u.password !== "") return "carries a user name or password: not allowed";
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && isBlockedAddress(host, allowPrivate)) return `points at ${host}, a private or reserved address`;
  if (!allowPrivate && /^(?:localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)) return `points at ${host}, a local name`;
  return null;
}

function retryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; code?: string; cause?: unknown };
  const cause = e.cause as { code?: string; message?: string } | undefined;
  if (e instanceof RefusedAddress || cause instanceof RefusedAddress) return `refused: ${(cause instanceof RefusedAddress ? cause : (e as RefusedAddress)).message}`;
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  const code = cause?.code ?? e.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET") return "connection reset";
  if (code === "CERT_HAS_EXPIRED" || code?.startsWith("ERR_TLS") === true || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE") return "TLS certificate not valid";
  return (cause?.message ?? e.message ?? String(err)).slice(0, 160);
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Read a body up to `max` bytes; null when it is larger. */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Fetch a feed. Never throws. */
export async function fetchFeed(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const allowPrivate = opts.allowPrivate ?? false;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const problem = urlProblem(current, allowPrivate);
    if (problem !== null) return { status: "error", reason: hop === 0 ? `the URL ${problem}` : `a redirect to ${current} ${problem}` };
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      accept: "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
      "accept-encoding": "gzip, deflate, br",
    };
    if (hop === 0 && opts.validators?.etag !== undefined) headers["if-none-match"] = opts.validators.etag;
    if (hop === 0 && opts.validators?.lastModified !== undefined) headers["if-modified-since"] = opts.validators.lastModified;
    let res: Awaited<ReturnType<typeof fetch>>;
    try {
      res = await fetch(current, { headers, redirect: "manual", signal, dispatcher: agentFor(allowPrivate, opts.resolve ?? systemResolver) });
    } catch (err) {
      return { status: "error", reason: describe(err) };
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get("location");
      await res.body?.cancel();
      if (location === null) return { status: "error", reason: `redirect (${res.status}) without a Location`, httpStatus: res.status };
      try {
        current = new URL(location, current).toString();
      } catch {
        return { status: "error", reason: `redirect to an invalid URL`, httpStatus: res.status };
      }
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: "not-modified", url: current };
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      const after = retryAfter(res.headers.get("retry-after"));
      return { status: "error", reason: `HTTP ${res.status}`, httpStatus: res.status, ...(after !== undefined ? { retryAfterMs: after } : {}) };
    }
    const declared = Number(res.headers.get("content-length") ?? "0");
    if (declared > maxBytes) {
      await res.body?.cancel();
      return { status: "error", reason: `larger than ${size(maxBytes)}` };
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await readCapped(res.body as ReadableStream<Uint8Array> | null, maxBytes);
    } catch (err) {
      return { status: "error", reason: describe(err) };
    }
    if (bytes === null) return { status: "error", reason: `larger than ${size(maxBytes)}` };
    const validators: Validators = {};
    const etag = res.headers.get("etag");
    const lastModified = res.headers.get("last-modified");
    if (etag !== null) validators.etag = etag;
    if (lastModified !== null) validators.lastModified = lastModified;
    const contentType = res.headers.get("content-type");
    return { status: "ok", bytes, validators, url: current, httpStatus: res.status, ...(contentType !== null ? { contentType } : {}) };
  }
  return { status: "error", reason: `more than ${MAX_REDIRECTS} redirects` };
}
