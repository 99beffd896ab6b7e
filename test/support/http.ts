import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** An HTTP server on a free loopback port, for tests that fetch: its base URL and a way to close it. */
export async function serveOnLoopback(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
