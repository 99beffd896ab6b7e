/**
 * A Redis for tests: the server at NEWSDESK_TEST_REDIS_URL when set (`.ci/run` starts redis-server on loopback
 * and sets it), where each test file uses its own numbered database and empties it first, so never point it at
 * a server holding data you keep; else a private redis-server on a free loopback port, without persistence,
 * stopped afterwards. Without either, tests fail with the fix to apply.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { createClient } from "@keyv/redis";

export interface TestRedis {
  url: string;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function flushAt(url: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.quit();
  }
}

/** `database`: this test file's own database number on a shared server (test files run in parallel). */
export async function startRedis(database: number): Promise<TestRedis> {
  const base = process.env.NEWSDESK_TEST_REDIS_URL;
  if (base !== undefined && base !== "") {
    const given = `${base.replace(/\/\d*$/, "")}/${database}`;
    await flushAt(given);
    return { url: given, flush: () => flushAt(given), stop: async () => {} };
  }
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    throw new Error("These tests need Redis: install redis-server (apt-get install redis-server) or set NEWSDESK_TEST_REDIS_URL=redis://127.0.0.1:6379");
  }
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await flushAt(url);
      break;
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`redis-server did not start on port ${port}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    flush: () => flushAt(url),
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
