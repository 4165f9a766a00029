import {
  currentPeriod,
  InvalidPeriodError,
  isPeriodRunning,
  measuredInstants,
  parsePeriod,
  periodInstants,
} from "../period";

describe("parsePeriod", () => {
  it.each([
    ["2026-11", { label: "2026-11", kind: "MONTH", from: "2026-11-01", to: "2026-11-30" }],
    ["2024-02", { label: "2024-02", kind: "MONTH", from: "2024-02-01", to: "2024-02-29" }],
    ["2026-Q4", { label: "2026-Q4", kind: "QUARTER", from: "2026-10-01", to: "2026-12-31" }],
    ["2026-Q1", { label: "2026-Q1", kind: "QUARTER", from: "2026-01-01", to: "2026-03-31" }],
    ["2026", { label: "2026", kind: "YEAR", from: "2026-01-01", to: "2026-12-31" }],
  ])("reads %s", (label, expected) => {
    expect(parsePeriod(label)).toEqual(expected);
  });

  it.each([
    "2026-13",
    "2026-00",
    "2026-Q5",
    "2026-Q0",
    "2026-q4",
    "26-11",
    "2026-1",
    "",
    " 2026",
    "2026-11-01",
    "0999",
  ])("rejects %j with a typed error", (label) => {
    expect(() => parsePeriod(label)).toThrow(InvalidPeriodError);
    expect(() => parsePeriod(label)).toThrow(`"${label}" is not a period`);
  });
});

describe("period instants", () => {
  it("run from local midnight to local midnight after the last day", () => {
    // Q4 2026 in Berlin: 1 Oct 00:00 CEST = 30 Sep 22:00Z; 1 Jan 2027 00:00 CET = 31 Dec 23:00Z
    const q4 = periodInstants(parsePeriod("2026-Q4"), "Europe/Berlin");
    expect([q4.start.toISOString(), q4.end.toISOString()]).toEqual([
      "2026-09-30T22:00:00.000Z",
      "2026-12-31T23:00:00.000Z",
    ]);
    // November 2026 in New York: 1 Nov 00:00 EDT = 04:00Z (summer time ends at 02:00 that day); 1 Dec 00:00 EST = 05:00Z
    const november = periodInstants(parsePeriod("2026-11"), "America/New_York");
    expect([november.start.toISOString(), november.end.toISOString()]).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-12-01T05:00:00.000Z",
    ]);
  });

  it("the current period depends on the zone's wall calendar", () => {
    // 31 March 22:30Z is 1 April 00:30 CEST in Berlin, still 31 March in UTC
    const now = new Date("2026-03-31T22:30Z");
    expect(currentPeriod("MONTH", now, "Europe/Berlin").label).toBe("2026-04");
    expect(currentPeriod("QUARTER", now, "Europe/Berlin").label).toBe("2026-Q2");
    expect(currentPeriod("MONTH", now, "UTC").label).toBe("2026-03");
    expect(currentPeriod("YEAR", new Date("2026-12-31T23:30Z"), "Europe/Berlin")).toEqual(parsePeriod("2027"));
  });

  it("a period runs from its first instant up to, not including, its end", () => {
    const march = parsePeriod("2026-03");
    expect(isPeriodRunning(march, new Date("2026-02-28T23:00Z"), "Europe/Berlin")).toBe(true);
    expect(isPeriodRunning(march, new Date("2026-03-31T21:59:59.999Z"), "Europe/Berlin")).toBe(true);
    expect(isPeriodRunning(march, new Date("2026-03-31T22:00Z"), "Europe/Berlin")).toBe(false);
    expect(isPeriodRunning(march, new Date("2026-02-28T22:59Z"), "Europe/Berlin")).toBe(false);
  });

  it("what can be measured stops at now, and is empty before the period starts", () => {
    const march = parsePeriod("2026-03");
    const running = measuredInstants(march, new Date("2026-03-10T12:00Z"), "Europe/Berlin");
    expect(running.end.toISOString()).toBe("2026-03-10T12:00:00.000Z");
    const over = measuredInstants(march, new Date("2026-06-01T00:00Z"), "Europe/Berlin");
    expect(over.end.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    const ahead = measuredInstants(march, new Date("2026-01-01T00:00Z"), "Europe/Berlin");
    expect(ahead.end.getTime()).toBe(ahead.start.getTime());
  });
});
