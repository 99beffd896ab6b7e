/**
 * A loopback Discord: API v10 REST and gateway on 127.0.0.1 with a random port, speaking the wire
 * protocol that the unmodified discord.js client speaks. It validates as Discord does (limits,
 * command definitions, interaction timing and acknowledgement, channel access, token), records
 * every request and frame, and lets tests inject faults (429, 5xx, slow responses, dropped or
 * closed gateway connections). For tests and for `npm run emulator`; never part of the bot.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIChatInputApplicationCommandGuildInteraction, type APIChatInputApplicationCommandInteractionData, ApplicationCommandType, ChannelType, GuildMemberFlags, InteractionContextType, InteractionType, Locale } from "discord-api-types/v10";
import { WebSocket, WebSocketServer } from "ws";
import { type ApiError, validateChoices, validateCommand, validateMessage } from "./validate.js";

const EPOCH = 1420070400000n;
let increment = 0n;
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(at) - EPOCH) << 22n) | increment).toString();
}

export interface EmuChannel {
  id: string;
  name: string;
  guildId: string;
}
export interface EmuGuild {
  id: string;
  name: string;
  channels: EmuChannel[];
}
export interface EmuMessage {
  id: string;
  channel_id: string;
  content: string;
  embeds: unknown[];
  allowed_mentions?: unknown;
  nonce?: string | number;
  flags: number;
  timestamp: string;
  author: { id: string; username: string; bot: boolean };
  /** Action rows with buttons, as sent. */
  components: unknown[];
}
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
  at: number;
}
export interface RecordedFrame {
  direction: "in" | "out";
  shard: number | null;
  op: number;
  t?: string | null;
  d?: unknown;
  at: number;
}
export interface Fault {
  method?: string;
  path: RegExp;
  /** 429, 500, 502…; or 0 with delayMs for a slow but successful response. */
  status: number;
  times: number;
  retryAfter?: number;
  global?: boolean;
  delayMs?: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  name: string;
  createdAt: number;
  callbacks: Array<{ type: number; data: Record<string, unknown> | undefined; status: number; at: number }>;
  /** The original response message (type 4) or its edit after a deferral (type 5 + PATCH). */
  original: EmuMessage | null;
  followups: EmuMessage[];
  choices: Array<{ name: string; value: unknown }> | null;
  deleted: boolean;
  /** Every message body sent for this interaction (response data, edits, follow-ups). */
  payloads: Array<Record<string, unknown>>;
  /** For a button press (type 3): the message whose button was pressed; updates edit it. */
  source?: EmuMessage;
}

export interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  log: Array<{ s: number; frame: string }>;
  ws: WebSocket | null;
}

export interface EmulatorOptions {
  token?: string;
  shards?: number;
  requiredShards?: number;
  guilds?: EmuGuild[];
  /** Discord allows 3 s for the first response to an interaction. */
  interactionDeadlineMs?: number;
  heartbeatIntervalMs?: number;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

function error(status: number, code: number, message: string): ApiError {
  return { status, body: { code, message } };
}

export class DiscordEmulator {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser = { id: this.applicationId, username: "newsdesk", discriminator: "0", global_name: "newsdesk", avatar: null, bot: true, flags: 0 };
  /** Shard count advertised by GET /gateway/bot. */
  readonly shards: number;
  /** Fewer shards than this are refused with 4011, as Discord does past 2,500 guilds a shard. */
  readonly requiredShards: number;
  readonly guilds: EmuGuild[];
  readonly requests: RecordedRequest[] = [];
  readonly frames: RecordedFrame[] = [];
  readonly commands = new Map<string, Array<Record<string, unknown> & { id: string }>>();
  readonly messages = new Map<string, EmuMessage[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly channelFlags = new Map<string, "missing-access" | "missing-permissions" | "unknown">();
  /** Called when a channel message has been created, before the response is sent (tests kill the bot here). */
  onMessageCreated: ((m: EmuMessage) => Promise<void> | void) | null = null;
  /** Called after every interaction callback (benchmarks time interactions here). */
  onInteractionCallback: ((rec: InteractionRecord, status: number) => void) | null = null;
  private readonly faults: Fault[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  private readonly deadline: number;
  private readonly heartbeat: number;
  private readonly wantedPort: number;
  private server: Server | null = null;
  private createdCount = 0;
  private lastCreated: EmuMessage | null = null;
  private wss: WebSocketServer | null = null;
  port = 0;

  constructor(opts: EmulatorOptions = {}) {
    this.token = opts.token ?? `${Buffer.from(this.applicationId).toString("base64url")}.emulator.${"x".repeat(27)}`;
    this.shards = opts.shards ?? 1;
    this.requiredShards = opts.requiredShards ?? 1;
    this.deadline = opts.interactionDeadlineMs ?? 3000;
    this.heartbeat = opts.heartbeatIntervalMs ?? 41250;
    this.wantedPort = opts.port ?? 0;
    this.guilds = opts.guilds ?? [this.makeGuild("Newsroom", ["news", "general"])];
  }

  makeGuild(name: string, channels: string[]): EmuGuild {
    const id = snowflake();
    return { id, name, channels: channels.map((c) => ({ id: snowflake(), name: c, guildId: id })) };
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }
  get channels(): EmuChannel[] {
    return this.guilds.flatMap((g) => g.channels);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on("upgrade", (req, socket, head) => {
      this.wss?.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server?.listen(this.wantedPort, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---- test controls -------------------------------------------------------------------------

  /** The next `times` requests matching `path` (and `method`) fail with `status` (or are slowed). */
  inject(f: Omit<Fault, "times"> & { times?: number }): void {
    this.faults.push({ times: 1, ...f });
  }

  markChannel(channelId: string, flag: "missing-access" | "missing-permissions" | "unknown"): void {
    this.channelFlags.set(channelId, flag);
  }

  /** Drop every gateway connection without a close frame (the client sees 1006). */
  dropGateway(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Close every gateway connection with a code (4000: unknown error, to be resumed). */
  closeGateway(code: number, reason = "closed by emulator"): void {
    for (const ws of this.sockets) ws.close(code, reason);
  }

  channelMessages(channelId: string): EmuMessage[] {
    return this.messages.get(channelId) ?? [];
  }

  /** Registered commands: global, or of a guild. */
  registered(guildId?: string): Array<Record<string, unknown> & { id: string }> {
    return this.commands.get(guildId ?? "global") ?? [];
  }

  /** Resolves when no request has arrived for `quietMs`. */
  async settle(quietMs = 150, maxMs = 10_000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const last = Math.max(this.requests.at(-1)?.at ?? 0, this.frames.at(-1)?.at ?? 0);
      if (Date.now() - last >= quietMs || Date.now() - start > maxMs) return;
      await new Promise((r) => setTimeout(r, quietMs / 3));
    }
  }

  async waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 10_000, what = "condition"): Promise<T> {
    const start = Date.now();
    for (;;) {
      const v = check();
      if (v !== undefined && v !== null && v !== false) return v;
      if (Date.now() - start > timeoutMs) throw new Error(`emulator: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Whether a live gateway session holds the shard of `guildId`. */
  connected(guildId = this.guilds[0]?.id ?? "0"): boolean {
    return this.sessionOf(guildId)?.ws?.readyState === WebSocket.OPEN;
  }

  /** Discord's rule: guild g lives on shard (g >> 22) % shardCount. */
  shardOf(guildId: string, shardCount = this.shards): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  /** The newest session whose shard holds the guild. */
  sessionOf(guildId: string): Session | undefined {
    return [...this.sessions.values()].reverse().find((s) => this.shardOf(guildId, s.shard[1]) === s.shard[0]);
  }

  /** A member uses a slash command (type 2) or types into an autocompleted option (type 4). */
  interact(o: {
    name: string;
    subcommand?: string;
    options?: Record<string, string | number | boolean>;
    focused?: string;
    guildId?: string;
    channelId?: string;
    permissions?: bigint;
    userId?: string;
  }): InteractionRecord {
    const guild = this.guilds.find((g) => g.id === (o.guildId ?? this.guilds[0]?.id)) ?? this.guilds[0];
    if (!guild) throw new Error("emulator: no guild");
    const channel = guild.channels.find((c) => c.id === o.channelId) ?? guild.channels[0];
    if (!channel) throw new Error("emulator: no channel");
    const command = [...this.registered(guild.id), ...this.registered()].find((c) => c.name === o.name);
    if (!command) throw new Error(`emulator: /${o.name} is not registered, Discord would not offer it`);
    const top = (command.options ?? []) as Array<{ name: string; type: number; options?: Array<{ name: string; type: number }> }>;
    const sub = o.subcommand !== undefined ? top.find((d) => d.type === 1 && d.name === o.subcommand) : undefined;
    if (o.subcommand !== undefined && !sub) throw new Error(`emulator: /${o.name} has no subcommand ${o.subcommand}`);
    if (o.subcommand === undefined && top.some((d) => d.type === 1)) throw new Error(`emulator: /${o.name} needs a subcommand`);
    const defs = sub ? (sub.options ?? []) : top;
    const leaf = Object.entries(o.options ?? {}).map(([name, value]) => {
      const def = defs.find((d) => d.name === name);
      if (!def) throw new Error(`emulator: /${o.name} has no option ${name}`);
      return { name, type: def.type, value, ...(o.focused === name ? { focused: true } : {}) };
    });
    const options = sub ? [{ name: sub.name, type: 1, options: leaf }] : leaf;
    const type = o.focused !== undefined ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand;
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}${Buffer.from(snowflake()).toString("base64url")}`;
    const perms = (o.permissions ?? 0x400n | 0x800n | 0x4000n).toString();
    const userId = o.userId ?? snowflake();
    const record: InteractionRecord = { id, token, type, name: o.name, createdAt: Date.now(), callbacks: [], original: null, followups: [], choices: null, deleted: false, payloads: [] };
    this.interactions.set(id, record);
    const user = { id: userId, username: "member", discriminator: "0", global_name: "Member", avatar: null };
    // Discord adds the invoking member's permissions to the partial channel.
    const channelData = { id: channel.id, type: ChannelType.GuildText as const, name: channel.name, guild_id: guild.id, permissions: perms };
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data: { id: command.id, name: o.name, type: ApplicationCommandType.ChatInput, options, ...(typeof command.guild_id === "string" ? { guild_id: command.guild_id } : {}) },
      ...this.envelope(guild.id, channelData, perms, user),
    } satisfies Omit<APIChatInputApplicationCommandGuildInteraction, "type" | "data"> & { type: InteractionType; data: APIChatInputApplicationCommandInteractionData };
    this.dispatch(guild.id, "INTERACTION_CREATE", payload);
    return record;
  }

  /** What every guild interaction carries besides its own data: guild, channel, member and context. */
  private envelope(
    guildId: string,
    channel: { id: string; type: ChannelType.GuildText; name: string; guild_id: string; permissions: string },
    perms: string,
    user: { id: string; username: string; discriminator: string; global_name: string; avatar: null },
  ) {
    return {
      guild_id: guildId,
      guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
      channel_id: channel.id,
      channel,
      member: { user, roles: [], permissions: perms, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: GuildMemberFlags.CompletedOnboarding, pending: false, nick: null, avatar: null, premium_since: null, communication_disabled_until: null },
      app_permissions: (0x400n | 0x800n | 0x4000n).toString(),
      locale: Locale.EnglishUS,
      guild_locale: Locale.EnglishUS,
      entitlements: [],
      authorizing_integration_owners: { "0": guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10485760,
    };
  }

  /** A member presses a button on a message (interaction type 3). The message must carry that custom id. */
  press(message: EmuMessage, customId: string, o: { guildId?: string; userId?: string; permissions?: bigint } = {}): InteractionRecord {
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === message.channel_id)) ?? this.guilds.find((g) => g.id === o.guildId) ?? this.guilds[0];
    if (!guild) throw new Error("emulator: no guild");
    const channel = guild.channels.find((c) => c.id === message.channel_id) ?? guild.channels[0];
    if (!channel) throw new Error("emulator: no channel");
    const buttons = (message.components as Array<{ components?: Array<{ custom_id?: string; disabled?: boolean }> }>).flatMap((r) => r.components ?? []);
    const button = buttons.find((b) => b.custom_id === customId);
    if (!button) throw new Error(`emulator: the message has no button ${customId}`);
    if (button.disabled === true) throw new Error(`emulator: button ${customId} is disabled, Discord would not send it`);
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}${Buffer.from(snowflake()).toString("base64url")}`;
    const perms = (o.permissions ?? 0x400n | 0x800n | 0x4000n).toString();
    const user = { id: o.userId ?? snowflake(), username: "member", discriminator: "0", global_name: "Member", avatar: null };
    const record: InteractionRecord = { id, token, type: InteractionType.MessageComponent, name: customId, createdAt: Date.now(), callbacks: [], original: null, followups: [], choices: null, deleted: false, payloads: [], source: message };
    this.interactions.set(id, record);
    this.dispatch(guild.id, "INTERACTION_CREATE", {
      id,
      application_id: this.applicationId,
      type: InteractionType.MessageComponent,
      token,
      version: 1,
      data: { custom_id: customId, component_type: 2 },
      message: this.wire(message),
      ...this.envelope(guild.id, { id: channel.id, type: ChannelType.GuildText as const, name: channel.name, guild_id: guild.id, permissions: perms }, perms, user),
    });
    return record;
  }

  /** The first visible answer to an interaction: a type-4 response or the edit after a deferral. */
  async answer(record: InteractionRecord, timeoutMs = 5000): Promise<EmuMessage> {
    return this.waitFor(() => record.original ?? (record.followups[0] && record.deleted ? record.followups[0] : null), timeoutMs, `an answer to /${record.name}`);
  }

  // ---- gateway -------------------------------------------------------------------------------

  private send(ws: WebSocket, shard: number | null, payload: { op: number; d?: unknown; s?: number | null; t?: string | null }): void {
    this.frames.push({ direction: "out", shard, op: payload.op, t: payload.t ?? null, d: payload.d, at: Date.now() });
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  /** Send a dispatch to the session of the guild's shard; kept for replay on RESUME. */
  dispatch(guildId: string, t: string, d: unknown): void {
    const session = this.sessionOf(guildId);
    if (!session) throw new Error(`emulator: no gateway session holds guild ${guildId}`);
    this.dispatchTo(session, t, d);
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: 0, s: session.seq, t, d });
    session.log.push({ s: session.seq, frame });
    this.frames.push({ direction: "out", shard: session.shard[0], op: 0, t, d, at: Date.now() });
    if (session.ws?.readyState === WebSocket.OPEN) session.ws.send(frame);
  }

  private guildCreate(g: EmuGuild): Record<string, unknown> {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      owner_id: snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: g.id, name: "@everyone", permissions: "3072", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      voice_states: [],
      presences: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      channels: g.channels.map((c, i) => ({ id: c.id, type: 0, name: c.name, position: i, permission_overwrites: [], nsfw: false, topic: null, parent_id: null, rate_limit_per_user: 0, last_message_id: null, flags: 0 })),
    };
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    let session: Session | null = null;
    ws.on("close", () => {
      this.sockets.delete(ws);
      if (session?.ws === ws) session.ws = null;
    });
    ws.on("message", (raw) => {
      let msg: { op: number; d: Record<string, unknown> | null };
      try {
        msg = JSON.parse((raw as Buffer).toString("utf8")) as typeof msg;
      } catch {
        ws.close(4002, "Error while decoding payload.");
        return;
      }
      this.frames.push({ direction: "in", shard: session?.shard[0] ?? null, op: msg.op, d: msg.d, at: Date.now() });
      const d = msg.d ?? {};
      switch (msg.op) {
        case 1:
          this.send(ws, session?.shard[0] ?? null, { op: 11 });
          break;
        case 2: {
          if (d.token !== this.token && d.token !== `Bot ${this.token}`) {
            ws.close(4004, "Authentication failed.");
            return;
          }
          const shard = (d.shard as [number, number] | undefined) ?? [0, 1];
          if (!Number.isInteger(shard[0]) || !Number.isInteger(shard[1]) || shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]) {
            ws.close(4010, "Invalid shard.");
            return;
          }
          if (shard[1] < this.requiredShards) {
            ws.close(4011, "Sharding required.");
            return;
          }
          session = { id: snowflake().slice(-16), shard, seq: 0, log: [], ws };
          this.sessions.set(session.id, session);
          const guilds = this.guilds.filter((g) => this.shardOf(g.id, shard[1]) === shard[0]);
          this.dispatchTo(session, "READY", {
            v: 10,
            user: this.botUser,
            guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
            session_id: session.id,
            resume_gateway_url: this.gatewayUrl,
            shard,
            application: { id: this.applicationId, flags: 0 },
            user_settings: {},
            private_channels: [],
            relationships: [],
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
          });
          for (const g of guilds) this.dispatchTo(session, "GUILD_CREATE", this.guildCreate(g));
          break;
        }
        case 6: {
          const found = this.sessions.get(String(d.session_id));
          if (!found || (d.token !== this.token && d.token !== `Bot ${this.token}`)) {
            this.send(ws, null, { op: 9, d: false });
            return;
          }
          session = found;
          found.ws = ws;
          const from = Number(d.seq ?? 0);
          for (const e of found.log) if (e.s > from) ws.send(e.frame);
          this.dispatchTo(found, "RESUMED", {});
          break;
        }
        default:
          break;
      }
    });
    this.send(ws, null, { op: 10, d: { heartbeat_interval: this.heartbeat } });
  }

  // ---- REST ----------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = undefined;
    if (text !== "") {
      try {
        body = (req.headers["content-type"] ?? "").includes("multipart") ? parseMultipartJson(text) : JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const path = decodeURIComponent(url.pathname.replace(/^\/api(?:\/v\d+)?/, ""));
    const method = req.method ?? "GET";
    const record: RecordedRequest = { method, path, query: url.searchParams, body, status: 0, at: Date.now() };
    this.requests.push(record);
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      const bucket = Buffer.from(path.replace(/\d{16,20}/g, ":id")).toString("hex").slice(0, 16);
      res.writeHead(status, {
        ...(payload === undefined ? {} : { "content-type": "application/json" }),
        "x-ratelimit-limit": "50",
        "x-ratelimit-remaining": "49",
        "x-ratelimit-reset": String(Date.now() / 1000 + 1),
        "x-ratelimit-reset-after": "1",
        "x-ratelimit-bucket": bucket,
        ...headers,
      });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };

    const fault = this.faults.find((f) => f.times > 0 && f.path.test(path) && (f.method === undefined || f.method === method));
    if (fault) {
      fault.times -= 1;
      if (fault.delayMs !== undefined) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status === 429) {
        const after = fault.retryAfter ?? 0.2;
        reply(
          429,
          { message: "You are being rate limited.", retry_after: after, global: fault.global ?? false, code: 0 },
          {
            "retry-after": String(Math.ceil(after)),
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset-after": String(after),
            "x-ratelimit-scope": fault.global ? "global" : "user",
            ...(fault.global ? { "x-ratelimit-global": "true" } : {}),
          },
        );
        return;
      }
      if (fault.status >= 500) {
        reply(fault.status, { message: fault.status === 502 ? "Bad Gateway" : "Internal Server Error", code: 0 });
        return;
      }
    }

    const isWebhook = path.startsWith("/webhooks/") || /^\/interactions\//.test(path);
    if (!isWebhook && req.headers.authorization !== `Bot ${this.token}`) {
      reply(401, { message: "401: Unauthorized", code: 0 });
      return;
    }
    try {
      const created = this.createdCount;
      const r = this.route(method, path, url.searchParams, (body ?? {}) as Record<string, unknown>);
      if (this.createdCount > created && this.onMessageCreated && "body" in r) {
        await this.onMessageCreated(this.lastCreated as EmuMessage);
      }
      if ("error" in r) reply(r.error.status, r.error.body);
      else reply(r.status, r.body);
    } catch (e) {
      reply(500, { message: (e as Error).message, code: 0 });
    }
  }

  private message(channelId: string, body: Record<string, unknown>, flags = 0): EmuMessage {
    return {
      id: snowflake(),
      channel_id: channelId,
      content: typeof body.content === "string" ? body.content : "",
      embeds: (body.embeds as unknown[] | undefined) ?? [],
      allowed_mentions: body.allowed_mentions,
      ...(body.nonce !== undefined ? { nonce: body.nonce as string } : {}),
      flags: ((body.flags as number | undefined) ?? 0) | flags,
      timestamp: new Date().toISOString(),
      author: { id: this.botUser.id, username: this.botUser.username, bot: true },
      components: (body.components as unknown[] | undefined) ?? [],
    };
  }

  /** Replace the parts of a message that an edit sends. */
  private edit(m: EmuMessage, body: Record<string, unknown>): void {
    if (body.embeds !== undefined) m.embeds = body.embeds as unknown[];
    if (body.components !== undefined) m.components = body.components as unknown[];
    if (typeof body.content === "string") m.content = body.content;
  }

  private wire(m: EmuMessage): Record<string, unknown> {
    return { ...m, type: 0, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, edited_timestamp: null };
  }

  private route(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): { status: number; body?: unknown } | { error: ApiError } {
    const seg = path.split("/").filter((s) => s !== "");
    const ok = (b?: unknown, status = 200) => ({ status, body: b });
    // GET /gateway/bot
    if (method === "GET" && path === "/gateway/bot") {
      return ok({ url: this.gatewayUrl, shards: this.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === "GET" && path === "/gateway") return ok({ url: this.gatewayUrl });
    if (method === "GET" && path === "/users/@me") return ok(this.botUser);
    if (method === "GET" && path === "/applications/@me") return ok({ id: this.applicationId, name: "newsdesk", description: "", flags: 0, bot: this.botUser, bot_public: true });
    // Application commands
    if (seg[0] === "applications" && seg[1] === this.applicationId) {
      const scope = seg[2] === "guilds" ? (seg[3] ?? "") : "global";
      if (scope !== "global" && !this.guilds.some((g) => g.id === scope)) return { error: error(403, 50001, "Missing Access") };
      const list = this.commands.get(scope) ?? [];
      const isList = seg[seg.length - 1] === "commands";
      if (isList && method === "GET") return ok(list);
      if (isList && (method === "PUT" || method === "POST")) {
        const defs = method === "PUT" ? (Array.isArray(body) ? (body as Array<Record<string, unknown>>) : []) : [body];
        for (const [i, d] of defs.entries()) {
          const e = validateCommand(d, i);
          if (e) return { error: e };
        }
        const names = defs.map((d) => d.name);
        if (new Set(names).size !== names.length) return { error: error(400, 50035, "Invalid Form Body: duplicate command names") };
        const stored: Array<Record<string, unknown> & { id: string }> = defs.map((d) => ({ ...d, id: list.find((c) => c.name === d.name)?.id ?? snowflake(), application_id: this.applicationId, version: snowflake(), ...(scope !== "global" ? { guild_id: scope } : {}) }));
        if (method === "PUT") this.commands.set(scope, stored);
        else this.commands.set(scope, [...list.filter((c) => c.name !== stored[0]?.name), ...stored]);
        return ok(method === "PUT" ? stored : stored[0], method === "POST" ? 201 : 200);
      }
    }
    // Interaction callback
    if (method === "POST" && seg[0] === "interactions" && seg[3] === "callback") {
      const rec = this.interactions.get(seg[1] ?? "");
      if (!rec || rec.token !== seg[2]) return { error: error(404, 10062, "Unknown interaction") };
      const type = Number(body.type);
      const data = body.data as Record<string, unknown> | undefined;
      const result = (status: number) => {
        rec.callbacks.push({ type, data, status, at: Date.now() });
        this.onInteractionCallback?.(rec, status);
      };
      if (Date.now() - rec.createdAt > this.deadline) {
        result(404);
        return { error: error(404, 10062, "Unknown interaction") };
      }
      if (rec.callbacks.some((c) => c.status < 300)) {
        result(400);
        return { error: error(400, 40060, "Interaction has already been acknowledged.") };
      }
      if (type === 8) {
        if (rec.type !== 4) return { error: error(400, 50035, "Invalid Form Body: not an autocomplete interaction") };
        const e = validateChoices(data ?? {});
        if (e) {
          result(400);
          return { error: e };
        }
        rec.choices = (data?.choices as InteractionRecord["choices"]) ?? [];
      } else if (type === 4) {
        const e = validateMessage(data ?? {});
        if (e) {
          result(400);
          return { error: e };
        }
        rec.payloads.push(data ?? {});
        rec.original = this.message(this.channelOf(rec), data ?? {});
      } else if (type === 5) {
        // deferred: the answer comes as an edit of @original
      } else if (type === 6 || type === 7) {
        // Only a component interaction can update the message it came from.
        if (rec.source === undefined) {
          result(400);
          return { error: error(400, 50035, "Invalid Form Body: interaction response type is only valid for message components") };
        }
        if (type === 7) {
          const e = validateMessage(data ?? {}, { requireContent: false });
          if (e) {
            result(400);
            return { error: e };
          }
          rec.payloads.push(data ?? {});
          this.edit(rec.source, data ?? {});
        }
      } else {
        result(400);
        return { error: error(400, 50035, `Invalid Form Body: unsupported callback type ${type}`) };
      }
      result(query.get("with_response") === "true" ? 200 : 204);
      if (query.get("with_response") === "true") {
        return ok({ interaction: { id: rec.id, type: rec.type, activity_instance_id: null, response_message_id: rec.original?.id ?? null, response_message_loading: type === 5, response_message_ephemeral: ((Number(data?.flags ?? 0)) & 64) === 64 }, resource: { type, ...(rec.original ? { message: this.wire(rec.original) } : {}) } });
      }
      return ok(undefined, 204);
    }
    // Webhook (interaction) messages
    if (seg[0] === "webhooks" && seg[1] === this.applicationId) {
      const rec = [...this.interactions.values()].find((r) => r.token === seg[2]);
      if (!rec || Date.now() - rec.createdAt > 15 * 60_000) return { error: error(404, 10015, "Unknown Webhook") };
      if (!rec.callbacks.some((c) => c.status < 300 && c.type >= 4 && c.type <= 7)) return { error: error(404, 10008, "Unknown Message") };
      const target = seg[4];
      if (seg[3] === "messages" && target === "@original") {
        if (method === "GET") return rec.original && !rec.deleted ? ok(this.wire(rec.original)) : { error: error(404, 10008, "Unknown Message") };
        if (method === "DELETE") {
          rec.deleted = true;
          return ok(undefined, 204);
        }
        if (method === "PATCH") {
          const e = validateMessage(body, { requireContent: false });
          if (e) return { error: e };
          rec.payloads.push(body);
          if (rec.source) {
            // After a deferred update, @original is the message whose button was pressed.
            this.edit(rec.source, body);
            return ok(this.wire(rec.source));
          }
          const next = this.message(this.channelOf(rec), body);
          rec.original = rec.original ? { ...rec.original, ...next, id: rec.original.id } : next;
          return ok(this.wire(rec.original));
        }
      }
      if (seg.length === 3 && method === "POST") {
        const e = validateMessage(body);
        if (e) return { error: e };
        rec.payloads.push(body);
        const m = this.message(this.channelOf(rec), body);
        rec.followups.push(m);
        return ok(this.wire(m));
      }
    }
    // Channels
    if (seg[0] === "channels") {
      const channel = this.channels.find((c) => c.id === seg[1]);
      const flag = this.channelFlags.get(seg[1] ?? "");
      if (!channel || flag === "unknown") return { error: error(404, 10003, "Unknown Channel") };
      if (flag === "missing-access") return { error: error(403, 50001, "Missing Access") };
      if (method === "GET" && seg.length === 2) return ok({ id: channel.id, type: 0, name: channel.name, guild_id: channel.guildId, position: 0, permission_overwrites: [], flags: 0 });
      if (seg[2] === "messages" && seg.length === 3) {
        const list = this.messages.get(channel.id) ?? [];
        if (method === "GET") {
          const limit = Math.min(100, Number(query.get("limit") ?? 50));
          // Message history does not carry nonces: a bot must recognise its messages otherwise.
          return ok([...list].reverse().slice(0, limit).map((m) => {
            const { nonce: _nonce, ...rest } = this.wire(m);
            return rest;
          }));
        }
        if (method === "POST") {
          if (flag === "missing-permissions") return { error: error(403, 50013, "Missing Permissions") };
          const e = validateMessage(body);
          if (e) return { error: e };
          if (body.enforce_nonce === true && body.nonce !== undefined) {
            const same = list.find((m) => m.nonce === body.nonce && Date.now() - Date.parse(m.timestamp) < 5 * 60_000);
            if (same) return ok(this.wire(same));
          }
          const m = this.message(channel.id, body);
          list.push(m);
          this.messages.set(channel.id, list);
          this.createdCount++;
          this.lastCreated = m;
          return ok(this.wire(m));
        }
      }
    }
    return { error: error(404, 0, "404: Not Found") };
  }

  private channelOf(rec: InteractionRecord): string {
    const frame = this.frames.find((f) => f.t === "INTERACTION_CREATE" && (f.d as { id?: string } | undefined)?.id === rec.id);
    return (frame?.d as { channel_id?: string } | undefined)?.channel_id ?? "";
  }
}

/** discord.js sends JSON in a multipart form when files are attached; we only need `payload_json`. */
function parseMultipartJson(text: string): unknown {
  const m = /name="payload_json"[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/.exec(text);
  return m ? JSON.parse(m[1] ?? "{}") : {};
}
