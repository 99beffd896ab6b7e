/** The feed fetcher against a loopback HTTP server: conditional GET, compression, redirects, limits, refusals. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOnLoopback } from "./support/http.js";
import { fetchFeed, isBlockedAddress, type Resolver, urlProblem } from "../src/feeds/fetch.js";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><guid>a</guid></item></channel></rss>`;
let port: number;
let base: string;
const seen: Array<{ url: string; headers: IncomingMessage["headers"] }> = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push({ url: req.url ?? "", headers: req.headers });
  const url = new URL(req.url ?? "/", "http://x");
  switch (url.pathname) {
    case "/feed":
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"', "last-modified": "Sat, 28 Nov 2026 10:00:00 GMT" }).end(RSS);
      return;
    case "/gzip":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" }).end(gzipSync(RSS));
      return;
    case "/br":
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "br" }).end(brotliCompressSync(RSS));
      return;
    case "/hop": {
      const n = Number(url.searchParams.get("n") ?? "0");
      res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : "/feed" }).end();
      return;
    }
    case "/to-metadata":
      res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      return;
    case "/to-evil":
      res.writeHead(302, { location: `http://evil.test:${port}/feed` }).end();
      return;
    case "/to-file":
      res.writeHead(302, { location: "file:///etc/passwd" }).end();
      return;
    case "/big":
      res.writeHead(200, { "content-type": "application/rss+xml" }).end("x".repeat(2048));
      return;
    case "/slow":
      setTimeout(() => res.writeHead(200).end(RSS), 2000);
      return;
    case "/busy":
      res.writeHead(503, { "retry-after": "120" }).end();
      return;
    default:
      res.writeHead(404).end();
  }
}

/** Names as a test network sees them: good.test is this machine, evil.test a private address. */
const resolve: Resolver = (hostname, _options, callback) => {
  if (hostname === "good.test") callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else if (hostname === "evil.test") callback(null, [{ address: "10.1.2.3", family: 4 }]);
  else callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
};

let close: () => Promise<void>;
beforeAll(async () => {
  ({ base, port, close } = await serveOnLoopback(handle));
});
afterAll(async () => {
  await close();
});

const local = { allowPrivate: true, resolve };

describe("fetching a feed", () => {
  it("fetches, then asks again with its validators and gets 304", async () => {
    const first = await fetchFeed(`${base}/feed`, local);
    expect(first.status).toBe("ok");
    if (first.status !== "ok") return;
    expect(new TextDecoder().decode(first.bytes)).toBe(RSS);
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: "Sat, 28 Nov 2026 10:00:00 GMT" });
    const second = await fetchFeed(`${base}/feed`, { ...local, validators: first.validators });
    expect(second.status).toBe("not-modified");
    const last = seen.filter((s) => s.url === "/feed").at(-1);
    expect(last?.headers["if-none-match"]).toBe('"v1"');
    expect(last?.headers["if-modified-since"]).toBe("Sat, 28 Nov 2026 10:00:00 GMT");
    expect(last?.headers["accept-encoding"]).toMatch(/gzip.*br/);
  });

  it("decompresses gzip and brotli", async () => {
    for (const path of ["/gzip", "/br"]) {
      const r = await fetchFeed(`${base}${path}`, local);
      expect(r.status, path).toBe("ok");
      if (r.status === "ok") expect(new TextDecoder().decode(r.bytes)).toBe(RSS);
    }
  });

  it("follows up to five redirects, and no more", async () => {
    const five = await fetchFeed(`${base}/hop?n=4`, local);
    expect(five.status).toBe("ok");
    if (five.status === "ok") expect(five.url).toBe(`${base}/feed`);
    const six = await fetchFeed(`${base}/hop?n=5`, local);
    expect(six).toEqual({ status: "error", reason: "more than 5 redirects" });
  });

  it("refuses a redirect to the metadata address, to a name that resolves privately, or to another scheme", async () => {
    const meta = await fetchFeed(`${base}/to-metadata`, local);
    expect(meta.status).toBe("error");
    if (meta.status === "error") expect(meta.reason).toMatch(/169\.254\.169\.254, a private or reserved address/);
    const evil = await fetchFeed(`${base}/to-evil`, local);
    expect(evil.status).toBe("error");
    if (evil.status === "error") expect(evil.reason).toBe("refused: evil.test resolves to 10.1.2.3, a private or reserved address");
    const file = await fetchFeed(`${base}/to-file`, local);
    if (file.status === "error") expect(file.reason).toMatch(/only http and https/);
    expect(file.status).toBe("error");
  });

  it("checks the address when connecting, not only the URL: a name that resolves to loopback is refused without FEEDS_ALLOW_PRIVATE", async () => {
    const refused = await fetchFeed(`http://good.test:${port}/feed`, { resolve });
    expect(refused.status).toBe("error");
    if (refused.status === "error") expect(refused.reason).toBe("refused: good.test resolves to 127.0.0.1, a private or reserved address");
    expect((await fetchFeed(`http://good.test:${port}/feed`, local)).status).toBe("ok");
    const literal = await fetchFeed(`${base}/feed`);
    expect(literal).toEqual({ status: "error", reason: "the URL points at 127.0.0.1, a private or reserved address" });
  });

  it("stops at the size cap and the timeout, and reports HTTP errors with Retry-After", async () => {
    expect(await fetchFeed(`${base}/big`, { ...local, maxBytes: 1024 })).toEqual({ status: "error", reason: "larger than 1 KB" });
    expect(await fetchFeed(`${base}/slow`, { ...local, timeoutMs: 300 })).toEqual({ status: "error", reason: "timed out" });
    expect(await fetchFeed(`${base}/busy`, local)).toEqual({ status: "error", reason: "HTTP 503", httpStatus: 503, retryAfterMs: 120_000 });
    expect(await fetchFeed(`${base}/missing`, local)).toMatchObject({ status: "error", reason: "HTTP 404" });
    expect(await fetchFeed("http://nowhere.test/feed", local)).toEqual({ status: "error", reason: "host not found" });
  });
});

describe("addresses and URLs a feed may not use", () => {
  it("blocks loopback, private, link-local, metadata and reserved ranges, IPv4 and IPv6", () => {
    for (const a of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1"]) {
      expect(isBlockedAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"]) expect(isBlockedAddress(a), a).toBe(false);
    // FEEDS_ALLOW_PRIVATE lets loopback alone through.
    expect(isBlockedAddress("127.0.0.1", true)).toBe(false);
    expect(isBlockedAddress("::1", true)).toBe(false);
    expect(isBlockedAddress("10.0.0.1", true)).toBe(true);
    expect(isBlockedAddress("169.254.169.254", true)).toBe(true);
  });
  it("refuses other schemes, credentials, local names and literal private addresses before connecting", () => {
    expect(urlProblem("ftp://example.com/feed")).toMatch(/only http and https/);
    expect(urlProblem("file:///etc/passwd")).toMatch(/only http and https/);
    expect(urlProblem("https://user:pw@example.com/")).toMatch(/user name or password/);
    expect(urlProblem("http://localhost:8080/rss")).toMatch(/a local name/);
    expect(urlProblem("http://[::1]/rss")).toMatch(/private or reserved/);
    expect(urlProblem("not a url")).toBe("is not a URL");
    expect(urlProblem("https://example.com/feed.xml")).toBeNull();
  });
});
