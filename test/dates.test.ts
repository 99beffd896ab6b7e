import { describe, expect, it } from "vitest";
import { shortDate } from "../src/news/reply.js";

describe("shortDate", () => {
  it("gives what a fresh formatter gives, in any zone and at every minute around midnight (it remembers dates)", () => {
    const zones = ["UTC", "Etc/UTC", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "Australia/Eucla"];
    for (const timeZone of zones) {
      const fresh = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });
      // Every 7 minutes over three days, twice: the second pass is answered from memory.
      for (let pass = 0; pass < 2; pass++) {
        for (let t = Date.UTC(2025, 2, 29); t < Date.UTC(2025, 3, 1); t += 7 * 60 * 1000) {
          const d = new Date(t);
          expect(shortDate(d, timeZone)).toBe(fresh.format(d));
        }
      }
    }
    // Before 1970 too (UTC's dates are remembered by day).
    const utc = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    for (let pass = 0; pass < 2; pass++) {
      for (let t = Date.UTC(1969, 11, 30); t < Date.UTC(1970, 0, 2); t += 7 * 60 * 1000) expect(shortDate(new Date(t))).toBe(utc.format(new Date(t)));
    }
    expect(shortDate(new Date("2025-08-15T23:59:59Z"))).toBe("15 Aug 2025");
    expect(shortDate(new Date("2025-08-15T23:59:59Z"), "Asia/Kolkata")).toBe("16 Aug 2025");
  });
});
