import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { NODE_FLAGS } from "../../src/runtime.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The bot (src/main.ts) as a real process with this environment (and PATH): node itself with tsx as a loader,
 * so that a kill reaches the bot, not a wrapper that would leave it running. `stderr` collects its log.
 */
export function spawnBot(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [...NODE_FLAGS, "--import", "tsx", path.join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => err };
}

/** Run one of our entry points (src/main.ts, src/cli.ts) as a real process. */
export function runEntry(
  entry: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string; cwd?: string; timeoutMs?: number; nodeFlags?: readonly string[] } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...opts.env };
    // node itself with tsx as a loader, so that a kill on timeout reaches our process (no wrapper left behind).
    const child = spawn(process.execPath, [...(opts.nodeFlags ?? NODE_FLAGS), "--import", "tsx", path.join(ROOT, entry), ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}
