import { PassThrough, Writable } from "node:stream";
import { pino, type Logger } from "pino";

export class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString("utf8");
    done();
  }
}

/** A logger that keeps its lines (JSON) for assertions. */
export function memoryLogger(level = "info"): { log: Logger; lines: () => Array<Record<string, unknown>>; raw: Sink } {
  const raw = new Sink();
  const log = pino({ level, redact: ["token", "*.token"] }, raw);
  return { log, raw, lines: () => raw.text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export function inputOf(lines: string[]): PassThrough {
  const s = new PassThrough();
  s.end(lines.map((l) => `${l}\n`).join(""));
  return s;
}
