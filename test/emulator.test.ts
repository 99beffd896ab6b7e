/** The emulator rejects what Discord rejects, so the end-to-end tests can fail. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { DiscordEmulator, snowflake } from "./support/emulator/index.js";

let emu: DiscordEmulator;
const api = (path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) =>
  fetch(`${emu.apiUrl}/v10${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      ...(init.token === null ? {} : { authorization: `Bot ${init.token ?? emu.token}` }),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
const json = async (r: Response) => (await r.json()) as { code: number; message: string; errors?: unknown };

beforeAll(async () => {
  emu = await new DiscordEmulator({ interactionDeadlineMs: 300 }).start();
});
afterAll(async () => {
  await emu.stop();
});

/** Open a gateway session so that interactions can be dispatched. */
async function identify(token = emu.token): Promise<{ ws: WebSocket; frames: Array<{ op: number; t?: string; d?: unknown; s?: number | null }>; closed: Promise<number> }> {
  const ws = new WebSocket(`${emu.gatewayUrl}?v=10&encoding=json`);
  const frames: Array<{ op: number; t?: string; d?: unknown; s?: number | null }> = [];
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  ws.on("message", (raw) => frames.push(JSON.parse((raw as Buffer).toString("utf8")) as { op: number }));
  await new Promise((r) => ws.on("open", r));
  ws.send(JSON.stringify({ op: 2, d: { token, intents: 1, properties: {}, shard: [0, 1] } }));
  return { ws, frames, closed };
}

async function registerOne(): Promise<void> {
  const r = await api(`/applications/${emu.applicationId}/guilds/${emu.guilds[0]?.id}/commands`, { method: "PUT", body: [{ name: "ping", description: "Ping", type: 1 }] });
  expect(r.status).toBe(200);
}

describe("REST", () => {
  it("answers 401 to a bad token", async () => {
    expect((await api("/users/@me", { token: "wrong" })).status).toBe(401);
    expect((await api("/users/@me", { token: null })).status).toBe(401);
    expect((await api("/users/@me")).status).toBe(200);
  });
  it("advertises its own gateway and shard count", async () => {
    const r = (await (await api("/gateway/bot")).json()) as { url: string; shards: number };
    expect(r.url).toBe(emu.gatewayUrl);
    expect(r.shards).toBe(1);
  });
  it("rejects messages over Discord's limits with 50035", async () => {
    const channel = emu.channels[0]?.id ?? "";
    const post = (body: unknown) => api(`/channels/${channel}/messages`, { method: "POST", body });
    for (const body of [
      { content: "x".repeat(2001) },
      { embeds: Array.from({ length: 11 }, () => ({ description: "x" })) },
      { embeds: [{ title: "x".repeat(257) }] },
      { embeds: [{ description: "x".repeat(4097) }] },
      { embeds: [{ description: "x", footer: { text: "x".repeat(2049) } }] },
      { embeds: [{ description: "x".repeat(4000) }, { description: "x".repeat(2001) }] },
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "a", value: "b" })) }] },
    ]) {
      const r = await post(body);
      expect(r.status).toBe(400);
      expect((await json(r)).code).toBe(50035);
    }
    const empty = await post({ content: "" });
    expect((await json(empty)).code).toBe(50006);
    expect((await post({ content: "x".repeat(2000) })).status).toBe(200);
  });
  it("honours nonce with enforce_nonce: the same message comes back", async () => {
    const channel = emu.channels[0]?.id ?? "";
    const body = { content: "once", nonce: "abc123", enforce_nonce: true };
    const a = (await (await api(`/channels/${channel}/messages`, { method: "POST", body })).json()) as { id: string };
    const b = (await (await api(`/channels/${channel}/messages`, { method: "POST", body })).json()) as { id: string };
    expect(b.id).toBe(a.id);
    expect(emu.channelMessages(channel).filter((m) => m.content === "once")).toHaveLength(1);
  });
  it("answers missing access, missing permissions and unknown channels as Discord does", async () => {
    const [a] = emu.guilds[0]?.channels ?? [];
    const other = emu.makeGuild("Other", ["x", "y", "z"]);
    emu.guilds.push(other);
    const [x, y, z] = other.channels;
    emu.markChannel(x?.id ?? "", "missing-access");
    emu.markChannel(y?.id ?? "", "missing-permissions");
    emu.markChannel(z?.id ?? "", "unknown");
    const send = (id: string | undefined) => api(`/channels/${id ?? ""}/messages`, { method: "POST", body: { content: "hi" } });
    expect(await json(await send(x?.id))).toMatchObject({ code: 50001 });
    expect(await json(await send(y?.id))).toMatchObject({ code: 50013 });
    expect(await json(await send(z?.id))).toMatchObject({ code: 10003 });
    expect((await send(a?.id)).status).toBe(200);
  });
  it("rejects invalid command definitions", async () => {
    const route = `/applications/${emu.applicationId}/commands`;
    for (const body of [
      [{ name: "Bad Name", description: "x" }],
      [{ name: "ok", description: "" }],
      [{ name: "ok", description: "x".repeat(101) }],
      [{ name: "ok", description: "x", options: [{ name: "a", description: "a", type: 3 }, { name: "b", description: "b", type: 3, required: true }] }],
      [{ name: "ok", description: "x", options: [{ name: "a", description: "a", type: 3, autocomplete: true, choices: [{ name: "x", value: "x" }] }] }],
    ]) {
      const r = await api(route, { method: "PUT", body });
      expect(r.status).toBe(400);
      expect((await json(r)).code).toBe(50035);
    }
  });
  it("injects 429 with Retry-After and rate-limit headers, and 5xx", async () => {
    emu.inject({ path: /^\/users\/@me$/, status: 429, retryAfter: 1.5, global: true });
    const r = await api("/users/@me");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("2");
    expect(r.headers.get("x-ratelimit-global")).toBe("true");
    expect(((await r.json()) as { retry_after: number }).retry_after).toBe(1.5);
    emu.inject({ path: /^\/users\/@me$/, status: 502 });
    expect((await api("/users/@me")).status).toBe(502);
    expect((await api("/users/@me")).status).toBe(200);
  });
});

describe("interactions", () => {
  it("dispatches only registered commands, rejects a second response (40060) and a late one (10062)", async () => {
    const { ws } = await identify();
    await emu.waitFor(() => emu.connected(), 5000, "identify");
    await registerOne();
    expect(() => emu.interact({ name: "nope" })).toThrow(/not registered/);
    const rec = emu.interact({ name: "ping" });
    const cb = (body: unknown) => fetch(`${emu.apiUrl}/v10/interactions/${rec.id}/${rec.token}/callback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await cb({ type: 4, data: { embeds: [{ title: "x".repeat(300) }] } })).status).toBe(400);
    expect((await cb({ type: 4, data: { content: "pong" } })).status).toBe(204);
    const second = await cb({ type: 4, data: { content: "again" } });
    expect((await json(second)).code).toBe(40060);
    const late = emu.interact({ name: "ping" });
    await new Promise((r) => setTimeout(r, 350));
    const r = await fetch(`${emu.apiUrl}/v10/interactions/${late.id}/${late.token}/callback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: 4, data: { content: "late" } }) });
    expect((await json(r)).code).toBe(10062);
    ws.close();
  });
  it("answers ?with_response=true with the interaction and the created message", async () => {
    const { ws } = await identify();
    await emu.waitFor(() => emu.connected(), 5000, "identify");
    await registerOne();
    const rec = emu.interact({ name: "ping" });
    const r = await fetch(`${emu.apiUrl}/v10/interactions/${rec.id}/${rec.token}/callback?with_response=true`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 4, data: { content: "pong" } }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { interaction: { id: string }; resource: { type: number; message: { content: string } } };
    expect(body.interaction.id).toBe(rec.id);
    expect(body.resource).toMatchObject({ type: 4, message: { content: "pong" } });
    const deferred = emu.interact({ name: "ping" });
    const d = await fetch(`${emu.apiUrl}/v10/interactions/${deferred.id}/${deferred.token}/callback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: 5 }) });
    expect(d.status).toBe(204);
    const edit = await fetch(`${emu.apiUrl}/v10/webhooks/${emu.applicationId}/${deferred.token}/messages/@original`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ embeds: [{ description: "x".repeat(4097) }] }),
    });
    expect(edit.status).toBe(400);
    ws.close();
  });

  it("rejects autocomplete choices over Discord's limits", async () => {
    const { ws } = await identify();
    await emu.waitFor(() => emu.connected(), 5000, "identify");
    await api(`/applications/${emu.applicationId}/guilds/${emu.guilds[0]?.id}/commands`, { method: "PUT", body: [{ name: "find", description: "Find", options: [{ name: "q", description: "q", type: 3, autocomplete: true }] }] });
    const choice = (n: number, name = "x") => Array.from({ length: n }, (_, i) => ({ name: `${name}${i}`, value: String(i) }));
    for (const choices of [choice(26), [{ name: "", value: "a" }], [{ name: "x".repeat(101), value: "a" }], [{ name: "a", value: "v".repeat(101) }]]) {
      const rec = emu.interact({ name: "find", options: { q: "a" }, focused: "q" });
      const r = await fetch(`${emu.apiUrl}/v10/interactions/${rec.id}/${rec.token}/callback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: 8, data: { choices } }) });
      expect(r.status).toBe(400);
    }
    ws.close();
  });
});

describe("gateway", () => {
  it("closes with 4004 on a bad token", async () => {
    const { closed } = await identify("bad-token");
    expect(await closed).toBe(4004);
  });
  it("sends HELLO, READY with a resume URL and GUILD_CREATE, acknowledges heartbeats and replays on RESUME", async () => {
    const { ws, frames } = await identify();
    await emu.waitFor(() => frames.some((f) => f.t === "GUILD_CREATE"), 5000, "GUILD_CREATE");
    expect(frames[0]?.op).toBe(10);
    const ready = frames.find((f) => f.t === "READY")?.d as { session_id: string; resume_gateway_url: string };
    expect(ready.resume_gateway_url).toBe(emu.gatewayUrl);
    ws.send(JSON.stringify({ op: 1, d: 2 }));
    await emu.waitFor(() => frames.some((f) => f.op === 11), 5000, "heartbeat ACK");
    ws.terminate();
    await emu.waitFor(() => !emu.connected(), 5000, "disconnect");
    await registerOne();
    emu.interact({ name: "ping" }); // dispatched while disconnected: must be replayed
    const again = new WebSocket(emu.gatewayUrl);
    const replay: Array<{ op: number; t?: string }> = [];
    again.on("message", (raw) => replay.push(JSON.parse((raw as Buffer).toString("utf8")) as { op: number; t?: string }));
    await new Promise((r) => again.on("open", r));
    const seq = Math.max(...frames.map((f) => f.s ?? 0));
    again.send(JSON.stringify({ op: 6, d: { token: emu.token, session_id: ready.session_id, seq } }));
    await emu.waitFor(() => replay.some((f) => f.t === "RESUMED"), 5000, "RESUMED");
    expect(replay.map((f) => f.t).filter(Boolean)).toEqual(["INTERACTION_CREATE", "RESUMED"]);
    again.send(JSON.stringify({ op: 6, d: { token: emu.token, session_id: "nope", seq: 0 } }));
    await emu.waitFor(() => replay.some((f) => f.op === 9), 5000, "INVALID_SESSION");
    again.close();
  });
});

describe("sharding", () => {
  it("routes each guild to shard (id >> 22) % count, and refuses too few shards with 4011", async () => {
    const now = Date.now();
    const mk = (at: number, name: string) => {
      const id = snowflake(at);
      return { id, name, channels: [{ id: snowflake(at), name: "news", guildId: id }] };
    };
    const a = mk(now, "A");
    const b = mk(now + 1, "B");
    const sharded = await new DiscordEmulator({ shards: 2, requiredShards: 2, guilds: [a, b] }).start();
    try {
      expect(sharded.shardOf(a.id)).not.toBe(sharded.shardOf(b.id));
      const open = async (shard: [number, number]) => {
        const ws = new WebSocket(sharded.gatewayUrl);
        const frames: Array<{ op: number; t?: string; d?: { id?: string; guild_id?: string } }> = [];
        const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
        ws.on("message", (raw) => frames.push(JSON.parse((raw as Buffer).toString("utf8")) as { op: number }));
        await new Promise((r) => ws.on("open", r));
        ws.send(JSON.stringify({ op: 2, d: { token: sharded.token, intents: 1, properties: {}, shard } }));
        return { ws, frames, closed };
      };
      const tooFew = await open([0, 1]);
      expect(await tooFew.closed).toBe(4011);
      const s0 = await open([0, 2]);
      const s1 = await open([1, 2]);
      await sharded.waitFor(() => sharded.connected(a.id) && sharded.connected(b.id), 5000, "both shards");
      const guildsOf = (f: typeof s0.frames) => f.filter((x) => x.t === "GUILD_CREATE").map((x) => x.d?.id);
      const onZero = sharded.shardOf(a.id) === 0 ? a.id : b.id;
      const onOne = onZero === a.id ? b.id : a.id;
      expect(guildsOf(s0.frames)).toEqual([onZero]);
      expect(guildsOf(s1.frames)).toEqual([onOne]);
      await fetch(`${sharded.apiUrl}/v10/applications/${sharded.applicationId}/commands`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bot ${sharded.token}` },
        body: JSON.stringify([{ name: "ping", description: "Ping" }]),
      });
      sharded.interact({ name: "ping", guildId: onOne });
      await sharded.waitFor(() => s1.frames.some((f) => f.t === "INTERACTION_CREATE"), 5000, "dispatch on shard 1");
      expect(s0.frames.some((f) => f.t === "INTERACTION_CREATE")).toBe(false);
      s0.ws.close();
      s1.ws.close();
    } finally {
      await sharded.stop();
    }
  });
});
