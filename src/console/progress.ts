/**
 * A one-line progress bar for the console mode while a large archive loads: redrawn in place at most ten
 * times a second, shown only once loading has taken a moment, and erased when done.
 */
export class ProgressBar {
  private shownAt = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly label: string,
    private readonly width = 30,
    /** Small loads finish before this and never show a bar. */
    private readonly delayMs = 300,
  ) {}

  /** The line for `done` of `total`: "Loading articles [########--------------] 27% 27,000/100,000". */
  static line(label: string, done: number, total: number, width = 30): string {
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(share * width);
    return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(share * 100)}% ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
  }

  update(done: number, total: number): void {
    const now = Date.now();
    if (now - this.started < this.delayMs || (now - this.shownAt < 100 && done < total)) return;
    this.shownAt = now;
    this.drawn = true;
    this.out.write(`\r${ProgressBar.line(this.label, done, total, this.width)}\x1b[K`);
  }

  done(): void {
    if (this.drawn) this.out.write("\r\x1b[K");
    this.drawn = false;
  }
}
