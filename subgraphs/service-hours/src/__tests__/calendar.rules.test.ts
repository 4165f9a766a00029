import type { ServiceCalendar, Weekday } from "../calendar.model";
import { alwaysOn } from "../calendar.model";
import { calendarProblems } from "../calendar.rules";

const valid: ServiceCalendar = {
  timeZone: "Europe/Berlin",
  windows: [
    { days: ["MON", "TUE", "WED", "THU", "FRI"], from: "08:00", to: "18:00" },
    { days: ["SAT"], from: "18:00", to: "24:00" },
  ],
  holidays: ["2026-12-24", "2024-02-29"],
};

describe("calendar rules", () => {
  it("accept a well-formed calendar and the 24×7 one", () => {
    expect(calendarProblems(valid)).toEqual([]);
    expect(calendarProblems(alwaysOn("America/New_York"))).toEqual([]);
  });

  it("reject an unknown time zone", () => {
    expect(calendarProblems({ ...valid, timeZone: "Europe/Atlantis" })).toEqual([
      { path: "timeZone", message: '"Europe/Atlantis" is not a known IANA time zone' },
    ]);
  });

  it("reject a calendar without windows and a window without days", () => {
    expect(calendarProblems({ ...valid, windows: [] }).map((p) => p.path)).toEqual(["windows"]);
    const noDays = { ...valid, windows: [{ days: [], from: "08:00", to: "18:00" }] };
    expect(calendarProblems(noDays).map((p) => p.path)).toEqual(["windows.0.days"]);
  });

  it("reject unknown and repeated days, by position", () => {
    const days = ["MON", "FUN", "MON"] as unknown as Weekday[]; // as a client could send them
    const problems = calendarProblems({ ...valid, windows: [{ days, from: "08:00", to: "18:00" }] });
    expect(problems.map((p) => p.path)).toEqual(["windows.0.days.1", "windows.0.days.2"]);
  });

  it.each([
    ["8:00", "18:00", ["windows.0.from"]],
    ["08:00", "18:60", ["windows.0.to"]],
    ["24:00", "24:00", ["windows.0.from"]],
    ["08:00", "24:01", ["windows.0.to"]],
    ["18:00", "08:00", ["windows.0.to"]],
    ["08:00", "08:00", ["windows.0.to"]],
  ])("reject the window %s–%s", (from, to, paths) => {
    const problems = calendarProblems({ ...valid, windows: [{ days: ["MON"], from, to }] });
    expect(problems.map((p) => p.path)).toEqual(paths);
  });

  it("accept 00:00–24:00 and 23:59–24:00", () => {
    const windows = [
      { days: ["MON"] as Weekday[], from: "00:00", to: "24:00" },
      { days: ["TUE"] as Weekday[], from: "23:59", to: "24:00" },
    ];
    expect(calendarProblems({ ...valid, windows })).toEqual([]);
  });

  it("reject holidays that are not real dates", () => {
    const holidays = ["2026-12-24", "2026-02-29", "24.12.2026", "2026-13-01"];
    expect(calendarProblems({ ...valid, holidays }).map((p) => p.path)).toEqual([
      "holidays.1",
      "holidays.2",
      "holidays.3",
    ]);
  });
});
