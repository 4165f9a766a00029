import type { ServiceCalendar } from "../calendar.model";
import { alwaysOn } from "../calendar.model";
import { clipIntervals, mergeIntervals, subtractIntervals } from "../interval";
import { parsePeriod, periodInstants } from "../period";
import {
  clockDeadline,
  compileCalendar,
  elapsedServiceMinutes,
  serviceIntervals,
  serviceMinutes,
  serviceMinutesWithin,
} from "../service-hours";

const BERLIN = "Europe/Berlin";
const at = (iso: string) => new Date(iso);
const span = (start: string, end: string) => ({ start: at(start), end: at(end) });
const iso = (intervals: { start: Date; end: Date }[]) =>
  intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

const businessHours: ServiceCalendar = {
  timeZone: BERLIN,
  windows: [{ days: ["MON", "TUE", "WED", "THU", "FRI"], from: "08:00", to: "18:00" }],
  holidays: ["2026-12-24", "2026-12-25", "2026-12-26"],
};

function minutesOfPeriod(calendar: ServiceCalendar, label: string): number {
  const { start, end } = periodInstants(parsePeriod(label), calendar.timeZone);
  return serviceMinutes(calendar, start, end);
}

describe("service hours in a month", () => {
  it("a 24×7 March 2026 in Berlin has 743 hours: summer time starts on the 29th", () => {
    // 31 days × 24 h − 1 h (02:00 → 03:00 on 29 March) = 743 h = 44,580 min
    expect(minutesOfPeriod(alwaysOn(BERLIN), "2026-03")).toBe(44_580);
  });

  it("a 24×7 October 2026 in Berlin has 745 hours: summer time ends on the 25th", () => {
    // 31 × 24 + 1 (03:00 → 02:00 on 25 October) = 745 h = 44,700 min
    expect(minutesOfPeriod(alwaysOn(BERLIN), "2026-10")).toBe(44_700);
  });

  it("a 24×7 month is one interval from local midnight to local midnight", () => {
    // 1 March 00:00 CET = 28 Feb 23:00Z; 1 April 00:00 CEST = 31 March 22:00Z
    const { start, end } = periodInstants(parsePeriod("2026-03"), BERLIN);
    expect(iso(serviceIntervals(alwaysOn(BERLIN), start, end))).toEqual([
      ["2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z"],
    ]);
  });

  it("business hours in December 2026 skip weekends and the 24th–26th", () => {
    // 1 Dec 2026 is a Tuesday: 4 full weeks = 20 weekdays, plus Tue 29–Thu 31 = 23 weekdays;
    // holidays Thu 24 and Fri 25 (Sat 26 is no weekday anyway) → 21 days × 10 h = 210 h = 12,600 min
    expect(minutesOfPeriod(businessHours, "2026-12")).toBe(12_600);
  });

  it("business hours in March 2026 are 10 hours each weekday whatever the offset", () => {
    // 22 weekdays (Sun 1 March; Mon 2 – Tue 31) × 600 min = 13,200 min; the change on Sunday 29th costs nothing
    expect(minutesOfPeriod(businessHours, "2026-03")).toBe(13_200);
  });

  it("a 24×7 day is 23 hours when summer time starts and 25 when it ends", () => {
    expect(serviceMinutes(alwaysOn(BERLIN), at("2026-03-28T23:00Z"), at("2026-03-29T22:00Z"))).toBe(23 * 60);
    expect(serviceMinutes(alwaysOn(BERLIN), at("2026-10-24T22:00Z"), at("2026-10-25T23:00Z"))).toBe(25 * 60);
  });
});

describe("windows at wall-clock time", () => {
  const evenings: ServiceCalendar = {
    timeZone: BERLIN,
    windows: [{ days: ["SAT", "SUN"], from: "18:00", to: "24:00" }],
    holidays: [],
  };

  it("a window ending at 24:00 ends at the next local midnight, in winter and in summer time", () => {
    // Sat 28 March 18:00–24:00 CET = 17:00Z–23:00Z; Sun 29 March 18:00–24:00 CEST = 16:00Z–22:00Z
    expect(iso(serviceIntervals(evenings, at("2026-03-28T00:00Z"), at("2026-03-30T00:00Z")))).toEqual([
      ["2026-03-28T17:00:00.000Z", "2026-03-28T23:00:00.000Z"],
      ["2026-03-29T16:00:00.000Z", "2026-03-29T22:00:00.000Z"],
    ]);
  });

  const night = (from: string, to: string): ServiceCalendar => ({
    timeZone: BERLIN,
    windows: [{ days: ["SUN"], from, to }],
    holidays: [],
  });

  it("02:00–03:00 on the day summer time starts has no instants: that hour is skipped", () => {
    expect(serviceMinutes(night("02:00", "03:00"), at("2026-03-28T00:00Z"), at("2026-03-30T00:00Z"))).toBe(0);
  });

  it("01:00–04:00 on that day is two hours: 01:00–02:00 CET then 03:00–04:00 CEST, back to back", () => {
    // 01:00 CET = 00:00Z … 02:00 CET = 01:00Z = 03:00 CEST … 04:00 CEST = 02:00Z
    expect(iso(serviceIntervals(night("01:00", "04:00"), at("2026-03-28T00:00Z"), at("2026-03-30T00:00Z")))).toEqual([
      ["2026-03-29T00:00:00.000Z", "2026-03-29T02:00:00.000Z"],
    ]);
  });

  it("02:00–03:00 on the day summer time ends is two hours: the clock shows those times twice", () => {
    // 02:00 CEST = 00:00Z … 03:00 CEST = 01:00Z = 02:00 CET … 03:00 CET = 02:00Z
    expect(iso(serviceIntervals(night("02:00", "03:00"), at("2026-10-24T00:00Z"), at("2026-10-26T00:00Z")))).toEqual([
      ["2026-10-25T00:00:00.000Z", "2026-10-25T02:00:00.000Z"],
    ]);
  });

  it("overlapping and touching windows merge", () => {
    const overlapping: ServiceCalendar = {
      timeZone: "UTC",
      windows: [
        { days: ["MON"], from: "08:00", to: "12:00" },
        { days: ["MON", "TUE"], from: "10:00", to: "14:00" },
        { days: ["MON"], from: "14:00", to: "15:00" },
      ],
      holidays: [],
    };
    // Mon 2 Nov 2026: 08:00–15:00 (7 h) as one interval; Tue 3 Nov: 10:00–14:00 (4 h)
    expect(iso(serviceIntervals(overlapping, at("2026-11-02T00:00Z"), at("2026-11-04T00:00Z")))).toEqual([
      ["2026-11-02T08:00:00.000Z", "2026-11-02T15:00:00.000Z"],
      ["2026-11-03T10:00:00.000Z", "2026-11-03T14:00:00.000Z"],
    ]);
  });

  it("a range starting and ending inside windows is clipped to it", () => {
    // Tue 10 Nov 2026 (CET): 09:15 local = 08:15Z to 17:00 local = 16:00Z → 7 h 45 min = 465 min
    expect(serviceMinutes(businessHours, at("2026-11-10T08:15Z"), at("2026-11-10T16:00Z"))).toBe(465);
    expect(serviceMinutes(businessHours, at("2026-11-10T16:00Z"), at("2026-11-10T08:15Z"))).toBe(0);
  });

  it("holidays are local dates: the 24th in Berlin starts at 23:00Z on the 23rd", () => {
    const allDays: ServiceCalendar = { ...alwaysOn(BERLIN), holidays: ["2026-12-24"] };
    // 23 Dec 23:00Z – 24 Dec 23:00Z is the holiday; the rest of 23 Dec 12:00Z–26 Dec 00:00Z counts:
    // 23 Dec 12:00Z–23:00Z = 11 h, 24 Dec 23:00Z – 26 Dec 00:00Z = 25 h → 36 h = 2,160 min
    expect(serviceMinutes(allDays, at("2026-12-23T12:00Z"), at("2026-12-26T00:00Z"))).toBe(2_160);
  });
});

describe("outages in service hours", () => {
  const always = alwaysOn(BERLIN);

  it("an outage spanning two months counts in each only for its part", () => {
    // 31 March 20:00Z – 1 April 02:00Z; March ends at 31 March 22:00Z (midnight CEST)
    const outage = [span("2026-03-31T20:00Z", "2026-04-01T02:00Z")];
    const march = periodInstants(parsePeriod("2026-03"), BERLIN);
    const april = periodInstants(parsePeriod("2026-04"), BERLIN);
    expect(serviceMinutesWithin(always, clipIntervals(outage, march.start, march.end))).toBe(120); // 20:00Z–22:00Z
    expect(serviceMinutesWithin(always, clipIntervals(outage, april.start, april.end))).toBe(240); // 22:00Z–02:00Z
  });

  it("overlapping outages are counted once", () => {
    // 10:00–11:00, 10:30–12:00 and 11:30–11:45 UTC on Tue 10 Nov: union 10:00–12:00 = 120 min (inside 07:00Z–17:00Z)
    const outages = [
      span("2026-11-10T10:00Z", "2026-11-10T11:00Z"),
      span("2026-11-10T10:30Z", "2026-11-10T12:00Z"),
      span("2026-11-10T11:30Z", "2026-11-10T11:45Z"),
    ];
    expect(serviceMinutesWithin(businessHours, outages)).toBe(120);
    expect(iso(mergeIntervals(outages))).toEqual([["2026-11-10T10:00:00.000Z", "2026-11-10T12:00:00.000Z"]]);
  });

  it("an ongoing outage counts up to now", () => {
    // started Tue 10 Nov 09:00 CET = 08:00Z; now 10:30 CET = 09:30Z → 90 min
    const now = at("2026-11-10T09:30Z");
    expect(serviceMinutesWithin(businessHours, [{ start: at("2026-11-10T08:00Z"), end: now }])).toBe(90);
  });

  it("an outage partly outside service hours counts only its service hours", () => {
    // Fri 13 Nov 17:00 CET – Mon 16 Nov 09:00 CET: Fri 17:00–18:00 (60) + Mon 08:00–09:00 (60) = 120 min
    expect(serviceMinutesWithin(businessHours, [span("2026-11-13T16:00Z", "2026-11-16T08:00Z")])).toBe(120);
  });

  it("unplanned downtime inside a planned outage is not counted twice", () => {
    // planned 08:00Z–09:00Z, unplanned 08:30Z–10:00Z → only 09:00Z–10:00Z is downtime
    const downtime = subtractIntervals(
      [span("2026-11-10T08:30Z", "2026-11-10T10:00Z")],
      [span("2026-11-10T08:00Z", "2026-11-10T09:00Z")],
    );
    expect(serviceMinutesWithin(businessHours, downtime)).toBe(60);
  });
});

describe("incident clocks", () => {
  // Tue 10 Nov 2026 16:00 CET = 15:00Z
  const opened = at("2026-11-10T15:00Z");

  it("counts service minutes only", () => {
    // Tue 16:00–18:00 (120) + Wed 08:00–11:00 (180) = 300 min
    expect(elapsedServiceMinutes(businessHours, opened, at("2026-11-11T10:00Z"))).toBe(300);
  });

  it("excludes pauses, and a pause outside service hours costs nothing twice", () => {
    // 300 min as above minus the pause Wed 08:30–09:30 CET (60) = 240
    const pause = [span("2026-11-11T07:30Z", "2026-11-11T08:30Z")];
    expect(elapsedServiceMinutes(businessHours, opened, at("2026-11-11T10:00Z"), pause)).toBe(240);
    // pause Tue 17:30 – Wed 08:30 CET: removes Tue 17:30–18:00 (30) and Wed 08:00–08:30 (30) → 240
    const overnight = [span("2026-11-10T16:30Z", "2026-11-11T07:30Z")];
    expect(elapsedServiceMinutes(businessHours, opened, at("2026-11-11T10:00Z"), overnight)).toBe(240);
  });

  it("finds the instant a clock passes its target", () => {
    // 240 min from Tue 16:00: Tue 16–18 (120), Wed 08:00 + 120 → Wed 10:00 CET = 09:00Z
    expect(clockDeadline(businessHours, opened, 240)?.toISOString()).toBe("2026-11-11T09:00:00.000Z");
    // paused Wed 08:30–09:30: 120 + 30 by 08:30, 90 more from 09:30 → 11:00 CET = 10:00Z
    const pause = [span("2026-11-11T07:30Z", "2026-11-11T08:30Z")];
    expect(clockDeadline(businessHours, opened, 240, pause)?.toISOString()).toBe("2026-11-11T10:00:00.000Z");
  });

  it("a deadline skips weekends and holidays", () => {
    // Wed 23 Dec 2026 17:00 CET = 16:00Z, 120 min: Wed 17–18 (60); Thu 24, Fri 25 holidays, weekend;
    // Mon 28 08:00 + 60 → 09:00 CET = 08:00Z
    expect(clockDeadline(businessHours, at("2026-12-23T16:00Z"), 120)?.toISOString()).toBe("2026-12-28T08:00:00.000Z");
  });

  it("a deadline agrees with the elapsed clock, and is null when service hours never reach it", () => {
    const calendar = compileCalendar(businessHours);
    const deadline = clockDeadline(calendar, opened, 1_000);
    expect(deadline && elapsedServiceMinutes(calendar, opened, deadline)).toBe(1_000);
    const tiny: ServiceCalendar = {
      timeZone: "UTC",
      windows: [{ days: ["MON"], from: "00:00", to: "00:01" }],
      holidays: [],
    };
    // one minute a week: 1,000 minutes need ~19 years, beyond the three-year horizon
    expect(clockDeadline(tiny, opened, 1_000)).toBeNull();
  });
});
