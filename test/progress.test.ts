import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "../src/console/progress.js";

describe("console progress bar", () => {
  it("draws the share done in place and erases itself", async () => {
    expect(ProgressBar.line("Loading articles", 27_000, 100_000, 10)).toBe("Loading articles [###-------] 27% 27,000/100,000");
    expect(ProgressBar.line("Loading articles", 5, 0, 4)).toBe("Loading articles [----] 0% 5/0");
    const out = new PassThrough();
    let text = "";
    out.on("data", (d: Buffer) => (text += d.toString()));
    const bar = new ProgressBar(out, "Loading", 10, 0);
    bar.update(50, 100);
    bar.update(60, 100); // within 100 ms of the last draw: skipped
    bar.update(100, 100); // the end is always drawn
    bar.done();
    expect(text).toBe("\rLoading [#####-----] 50% 50/100\x1b[K\rLoading [##########] 100% 100/100\x1b[K\r\x1b[K");
  });
  it("never shows for a load shorter than its delay", () => {
    const out = new PassThrough();
    let text = "";
    out.on("data", (d: Buffer) => (text += d.toString()));
    const bar = new ProgressBar(out, "Loading", 10, 60_000);
    bar.update(100, 100);
    bar.done();
    expect(text).toBe("");
  });
});
