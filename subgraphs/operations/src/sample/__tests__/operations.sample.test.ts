import { sampleId } from "@itsm/kit";
import { Problems } from "../../records/record.validation";
import { checkIncidents } from "../../incidents/incident.rules";
import { checkOutages } from "../../outages/outage.rules";
import { Priority } from "../../references/agreements.enums";
import { HISTORY_DAYS } from "../operations.sample-builders";
import { buildSample } from "../operations.seed";
import { impactedServiceCodes, mostSharedDataCentre } from "../sample-topology";

const NOW = new Date("2026-11-18T10:30:00.000Z");
const sample = buildSample(NOW);

describe("the operations sample", () => {
  it("is the same for the same seed day, and moves with it", () => {
    expect(buildSample(NOW)).toEqual(sample);
    const later = buildSample(new Date(NOW.getTime() + 7 * 86_400_000));
    expect(later.incidents[0].openedAt.getTime()).toBeGreaterThan(sample.incidents[0].openedAt.getTime());
  });

  it("covers six months before the seed day and nothing after it", () => {
    const opened = sample.incidents.map((i) => i.openedAt.getTime());
    expect(Math.min(...opened)).toBeGreaterThanOrEqual(NOW.getTime() - (HISTORY_DAYS + 1) * 86_400_000);
    expect(Math.max(...opened, ...sample.outages.map((o) => (o.endedAt as Date).getTime()))).toBeLessThanOrEqual(
      NOW.getTime(),
    );
  });

  it("has hundreds of incidents on busy services, rare P1s and a few still open", () => {
    const onDesk = sample.incidents.filter((i) => i.serviceId === sampleId.service("SERVICE_DESK")).length;
    expect(onDesk).toBeGreaterThan(300);
    const p1 = sample.incidents.filter((i) => i.priority === Priority.P1).length / sample.incidents.length;
    expect(p1).toBeGreaterThan(0.005);
    expect(p1).toBeLessThan(0.03);
    const open = sample.incidents.filter((i) => i.resolvedAt === null).length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(100);
  });

  it("obeys the rules recorded incidents and outages obey", () => {
    const pauses = new Map<string, { from: Date; to: Date | null }[]>();
    for (const p of sample.pauses) pauses.set(p.incidentId, [{ from: p.pausedAt, to: p.resumedAt }]);
    const problems = new Problems();
    checkIncidents(
      sample.incidents.map((i) => ({ ...i, pauses: pauses.get(i.id) ?? [] })),
      problems,
    );
    checkOutages(sample.outages, problems);
    expect(() => problems.throwIfAny()).not.toThrow();
    expect(sample.pauses.length).toBeGreaterThan(50);
  });

  it("puts the data-centre power event on the data centre the most services rely on, reaching each of them", () => {
    expect(mostSharedDataCentre()).toBe("dc-amsterdam");
    const power = sample.outages.find((o) => o.componentId === sampleId.component("dc-amsterdam"));
    expect(power?.kind).toBe("UNPLANNED");
    const reached = sample.impact.filter((i) => i.outageId === power?.id).map((i) => i.serviceId);
    expect(reached.sort()).toEqual(impactedServiceCodes("dc-amsterdam").map(sampleId.service).sort());
    expect(reached.length).toBeGreaterThanOrEqual(5);
  });

  it("schedules planned maintenance on Sunday early mornings, Berlin time", () => {
    const planned = sample.outages.filter((o) => o.kind === "PLANNED");
    expect(planned.length).toBeGreaterThan(10);
    for (const o of planned) {
      const local = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Berlin",
        weekday: "short",
        hour: "2-digit",
        hourCycle: "h23",
      }).formatToParts(o.startedAt);
      expect(local.find((p) => p.type === "weekday")?.value).toBe("Sun");
      expect(Number(local.find((p) => p.type === "hour")?.value)).toBeLessThan(6);
    }
  });

  it("measures first days of months, below target in the short-staffed month and close to it this month", () => {
    expect(sample.measurements.every((m) => m.month.endsWith("-01"))).toBe(true);
    const deskFcr = (month: string) =>
      sample.measurements.find(
        (m) =>
          m.serviceId === sampleId.service("SERVICE_DESK") &&
          m.customerId === sampleId.customer("FINANCE") &&
          m.metric === "FIRST_CONTACT_RESOLUTION" &&
          m.month === month,
      )?.value as number;
    expect(deskFcr("2026-09-01")).toBeLessThan(70);
    expect(deskFcr("2026-08-01")).toBeGreaterThan(70);
    expect(deskFcr("2026-11-01")).toBeGreaterThan(69);
    expect(deskFcr("2026-11-01")).toBeLessThan(deskFcr("2026-08-01"));
  });
});
