/**
 * Validation as Discord does it, answering with Discord's error JSON (code 50035 "Invalid Form
 * Body" with an `errors` tree). Limits from discord/discord-api-docs (Message, Embed limits,
 * Application Commands, Autocomplete).
 */

export interface ApiError {
  status: number;
  body: { code: number; message: string; errors?: unknown };
}

type Problems = Array<{ path: string; code: string; message: string }>;

function formError(problems: Problems): ApiError {
  const errors: Record<string, unknown> = {};
  for (const p of problems) {
    let node = errors;
    const parts = p.path.split(".");
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = { _errors: [{ code: p.code, message: p.message }] };
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return { status: 400, body: { code: 50035, message: "Invalid Form Body", errors } };
}

/** Counted in UTF-16 units, which is never less than Discord's count: stricter, never laxer. */
const len = (v: unknown): number => (typeof v === "string" ? v.length : 0);

function maxLen(problems: Problems, path: string, value: unknown, max: number): void {
  if (value !== undefined && len(value) > max) {
    problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` });
  }
}

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  footer?: { text?: string };
  author?: { name?: string };
  fields?: Array<{ name?: string; value?: string }>;
}

interface ComponentLike {
  type?: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  components?: ComponentLike[];
}

/** Action rows (type 1) of buttons (type 2): at most 5 rows of 1–5 buttons; custom ids 1–100 characters and unique. */
function validateComponents(problems: Problems, components: unknown): void {
  if (components === undefined) return;
  if (!Array.isArray(components)) {
    problems.push({ path: "components", code: "BASE_TYPE_ARRAY", message: "Must be an array." });
    return;
  }
  if (components.length > 5) problems.push({ path: "components", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 5 or fewer in length." });
  const ids = new Set<string>();
  (components as ComponentLike[]).forEach((row, i) => {
    const p = `components.${i}`;
    if (row.type !== 1) problems.push({ path: `${p}.type`, code: "COMPONENT_LAYOUT_INVALID", message: "Top-level components must be action rows." });
    const buttons = row.components ?? [];
    if (buttons.length < 1 || buttons.length > 5) problems.push({ path: `${p}.components`, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 5 in length." });
    buttons.forEach((b, j) => {
      const bp = `${p}.components.${j}`;
      if (b.type !== 2) problems.push({ path: `${bp}.type`, code: "COMPONENT_TYPE_INVALID", message: "Only buttons are supported here." });
      maxLen(problems, `${bp}.label`, b.label, 80);
      if (b.style === 5) {
        if (typeof b.url !== "string") problems.push({ path: `${bp}.url`, code: "BASE_TYPE_REQUIRED", message: "This field is required" });
      } else if (typeof b.custom_id !== "string" || len(b.custom_id) < 1 || len(b.custom_id) > 100) {
        problems.push({ path: `${bp}.custom_id`, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
      } else if (ids.has(b.custom_id)) {
        problems.push({ path: `${bp}.custom_id`, code: "COMPONENT_CUSTOM_ID_DUPLICATED", message: "Component custom id cannot be duplicated" });
      } else ids.add(b.custom_id);
    });
  });
}

/** A message body (channel message, interaction response data, webhook message). Null when valid. */
export function validateMessage(body: Record<string, unknown>, opts: { requireContent?: boolean } = {}): ApiError | null {
  const problems: Problems = [];
  maxLen(problems, "content", body.content, 2000);
  const embeds = (body.embeds ?? []) as EmbedLike[];
  if (!Array.isArray(embeds)) problems.push({ path: "embeds", code: "BASE_TYPE_ARRAY", message: "Must be an array." });
  else {
    if (embeds.length > 10) problems.push({ path: "embeds", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 10 or fewer in length." });
    let total = 0;
    embeds.forEach((e, i) => {
      const p = `embeds.${i}`;
      maxLen(problems, `${p}.title`, e.title, 256);
      maxLen(problems, `${p}.description`, e.description, 4096);
      maxLen(problems, `${p}.footer.text`, e.footer?.text, 2048);
      maxLen(problems, `${p}.author.name`, e.author?.name, 256);
      if (e.url !== undefined && !/^https?:\/\//.test(e.url)) problems.push({ path: `${p}.url`, code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." });
      const fields = e.fields ?? [];
      if (fields.length > 25) problems.push({ path: `${p}.fields`, code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
      fields.forEach((f, j) => {
        maxLen(problems, `${p}.fields.${j}.name`, f.name, 256);
        maxLen(problems, `${p}.fields.${j}.value`, f.value, 1024);
      });
      total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name) + fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
    });
    if (total > 6000) problems.push({ path: "embeds", code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" });
  }
  validateComponents(problems, body.components);
  if (body.nonce !== undefined && (typeof body.nonce === "string" ? len(body.nonce) > 25 : typeof body.nonce !== "number")) {
    problems.push({ path: "nonce", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
  }
  if (problems.length > 0) return formError(problems);
  const empty = len(body.content) === 0 && (!Array.isArray(embeds) || embeds.length === 0) && body.components === undefined && body.attachments === undefined && body.files === undefined;
  if (empty && (opts.requireContent ?? true)) return { status: 400, body: { code: 50006, message: "Cannot send an empty message" } };
  return null;
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** An application command definition (CHAT_INPUT). Null when valid. */
export function validateCommand(cmd: Record<string, unknown>, index: number): ApiError | null {
  const problems: Problems = [];
  const p = `${index}`;
  const name = cmd.name;
  if (typeof name !== "string" || !NAME.test(name) || name !== name.toLowerCase()) {
    problems.push({ path: `${p}.name`, code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" });
  }
  const type = (cmd.type as number | undefined) ?? 1;
  const description = cmd.description;
  if (type === 1 && (typeof description !== "string" || len(description) < 1 || len(description) > 100)) {
    problems.push({ path: `${p}.description`, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
  }
  const options = (cmd.options ?? []) as Array<Record<string, unknown>>;
  if (options.length > 25) problems.push({ path: `${p}.options`, code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
  let seenOptional = false;
  const names = new Set<string>();
  options.forEach((o, j) => {
    const op = `${p}.options.${j}`;
    if (typeof o.name !== "string" || !NAME.test(o.name) || o.name !== o.name.toLowerCase()) {
      problems.push({ path: `${op}.name`, code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" });
    } else if (names.has(o.name)) {
      problems.push({ path: `${op}.name`, code: "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", message: "Option name already exists" });
    } else names.add(o.name);
    if (typeof o.description !== "string" || len(o.description) < 1 || len(o.description) > 100) {
      problems.push({ path: `${op}.description`, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
    }
    if (o.required === true && seenOptional) {
      problems.push({ path: `${op}.required`, code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", message: "Required options must be placed before non-required options" });
    }
    if (o.required !== true && o.type !== 1 && o.type !== 2) seenOptional = true;
    const choices = (o.choices ?? []) as unknown[];
    if (choices.length > 25) problems.push({ path: `${op}.choices`, code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
    if (choices.length > 0 && o.autocomplete === true) {
      problems.push({ path: `${op}.autocomplete`, code: "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES", message: "Autocomplete cannot be set with choices" });
    }
  });
  return problems.length > 0 ? formError(problems) : null;
}

/** Autocomplete choices (interaction callback type 8). Null when valid. */
export function validateChoices(data: Record<string, unknown>): ApiError | null {
  const problems: Problems = [];
  const choices = data.choices;
  if (!Array.isArray(choices)) return formError([{ path: "data.choices", code: "BASE_TYPE_REQUIRED", message: "This field is required" }]);
  if (choices.length > 25) problems.push({ path: "data.choices", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
  (choices as Array<{ name?: unknown; value?: unknown }>).forEach((c, i) => {
    if (typeof c.name !== "string" || len(c.name) < 1 || len(c.name) > 100) {
      problems.push({ path: `data.choices.${i}.name`, code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
    }
    if (typeof c.value === "string" && len(c.value) > 100) {
      problems.push({ path: `data.choices.${i}.value`, code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
    }
  });
  return problems.length > 0 ? formError(problems) : null;
}
