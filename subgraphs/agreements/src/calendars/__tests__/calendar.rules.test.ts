import type { ServiceCalendar } from "@itsm/service-hours";
import { calendarInputProblems, DEFAULT_CALENDAR } from "../calendar.rules";

const business = (extra: Partial<ServiceCalendar> = {}): ServiceCalendar => ({
  timeZone: "Europe/Berlin",
  windows: [{ days: ["MON", "TUE", "WED", "THU", "FRI"], from: "08:00", to: "18:00" }],
  holidays: ["2026-12-25"],
  ...extra,
});

const paths = (calendar: ServiceCalendar) => calendarInputProblems(calendar).map((p) => p.path);

describe("calendarInputProblems", () => {
  it("accepts a well-formed calendar, windows ending at 24:00 and the default 24×7 calendar", () => {
    expect(calendarInputProblems(business())).toEqual([]);
    expect(paths(business({ windows: [{ days: ["SAT"], from: "18:00", to: "24:00" }] }))).toEqual([]);
    expect(calendarInputProblems(DEFAULT_CALENDAR)).toEqual([]);
  });

  it("reports the library's problems: zone, empty and malformed windows, dates", () => {
    expect(paths(business({ timeZone: "Europe/Springfield" }))).toEqual(["timeZone"]);
    expect(paths(business({ windows: [] }))).toEqual(["windows"]);
    expect(paths(business({ windows: [{ days: ["MON"], from: "8:00", to: "25:00" }] }))).toEqual([
      "windows.0.from",
      "windows.0.to",
    ]);
    expect(paths(business({ windows: [{ days: ["MON"], from: "18:00", to: "08:00" }] }))).toEqual(["windows.0.to"]);
    expect(paths(business({ holidays: ["2026-02-30"] }))).toEqual(["holidays.0"]);
  });

  it("refuses windows overlapping on a shared day, and accepts windows that only touch", () => {
    const overlapping = business({
      windows: [
        { days: ["MON", "TUE"], from: "08:00", to: "12:00" },
        { days: ["TUE", "WED"], from: "11:00", to: "18:00" },
      ],
    });
    expect(calendarInputProblems(overlapping)).toEqual([{ path: "windows.1", message: "overlaps windows.0 on TUE" }]);
    const touching = business({
      windows: [
        { days: ["SUN"], from: "00:00", to: "02:00" },
        { days: ["SUN"], from: "05:00", to: "24:00" },
        { days: ["MON"], from: "01:00", to: "03:00" },
      ],
    });
    expect(calendarInputProblems(touching)).toEqual([]);
  });

  it("refuses a holiday listed twice", () => {
    expect(paths(business({ holidays: ["2026-12-25", "2026-12-26", "2026-12-25"] }))).toEqual(["holidays.2"]);
  });
});

describe("the default calendar", () => {
  it("has the id the MySQL migration creates it with", () => {
    expect(DEFAULT_CALENDAR.id).toBe("7c96b9ad-1677-5a66-bb0e-f19ddfc164f8");
  });
});
