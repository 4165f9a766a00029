import { sampleId, stableId } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { RenewalKind } from "../agreements/agreement.enums";
import { ServiceCalendar } from "../calendars/calendar.entity";
import type { Weekday } from "../calendars/calendar.enums";
import { DEFAULT_CALENDAR } from "../calendars/calendar.rules";
import { bumpCatalogueRevision } from "../catalogue/catalogue.service";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { Responsibility } from "../responsibilities/responsibility.entity";
import { ServiceLevelTarget } from "../targets/target.entity";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import { sampleAgreements } from "./agreements.sample";
import { publicHolidays } from "./calendars.builders";
import { calendarCodeOf, calendarId, sampleCalendars } from "./calendars.sample";
import { sampleRenewals } from "./renewals.sample";

/** The calendar date `days` from `today` (UTC), as YYYY-MM-DD. */
export function daysFrom(today: Date, days: number): string {
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes the sample agreements through the given transaction's manager. Dates are relative to
 * `today`, so the sample always has agreements about to expire and none that are stale.
 */
export async function seedAgreements(manager: EntityManager, today: Date = new Date()): Promise<void> {
  await bumpCatalogueRevision(manager, "sample");
  await seedCalendars(manager, today);
  await manager.insert(
    Agreement,
    sampleAgreements.map((a) => ({
      id: sampleId.agreement(a.number),
      number: a.number,
      title: a.title,
      description: a.description,
      type: a.type,
      status: a.status,
      version: a.version,
      effectiveFrom: daysFrom(today, a.effectiveFromDays),
      effectiveTo: a.effectiveToDays === null ? null : daysFrom(today, a.effectiveToDays),
      providerId: sampleId.provider(a.providerCode),
      ...renewalOf(a.number, today),
    })),
  );
  await manager.insert(
    AgreementCustomer,
    sampleAgreements.flatMap((a) =>
      a.customerCodes.map((code) => ({
        agreementId: sampleId.agreement(a.number),
        customerId: sampleId.customer(code),
      })),
    ),
  );
  await manager.insert(
    ServiceCoverage,
    sampleAgreements.flatMap((a) =>
      a.coverage.map((c) => ({
        id: stableId("ServiceCoverage", `${a.number}:${c.serviceCode}`),
        agreementId: sampleId.agreement(a.number),
        serviceId: sampleId.service(c.serviceCode),
        description: c.description,
        serviceHours: c.serviceHours,
        calendarId: calendarId(calendarCodeOf(c.serviceHours)),
        monthlyChargeAmount: c.monthlyCharge?.amount ?? null,
        monthlyChargeCurrency: c.monthlyCharge?.currency ?? null,
      })),
    ),
  );
  await manager.insert(
    ServiceLevelTarget,
    sampleAgreements.flatMap((a) =>
      a.targets.map((t, index) => ({
        id: stableId("ServiceLevelTarget", `${a.number}:${index}`),
        agreementId: sampleId.agreement(a.number),
        serviceId: sampleId.service(t.serviceCode),
        metric: t.metric,
        comparator: t.comparator,
        value: t.value,
        unit: t.unit,
        priority: t.priority,
        period: t.period,
        description: t.description,
        compliancePercent: t.compliancePercent,
      })),
    ),
  );
  await manager.insert(
    Responsibility,
    sampleAgreements.flatMap((a) =>
      a.responsibilities.map((r, index) => ({
        id: stableId("Responsibility", `${a.number}:${index}`),
        agreementId: sampleId.agreement(a.number),
        party: r.party,
        category: r.category,
        description: r.description,
      })),
    ),
  );
  await manager.insert(
    AgreementUnderpinning,
    sampleAgreements.flatMap((a) =>
      a.underpins.map((number) => ({
        agreementId: sampleId.agreement(number),
        underpinningId: sampleId.agreement(a.number),
      })),
    ),
  );
}

/**
 * The default 24×7 calendar (unless the MySQL migration made it already) and the sample's
 * calendars, with the public holidays of the years the sample's agreements span around `today`.
 */
export async function seedCalendars(manager: EntityManager, today: Date = new Date()): Promise<void> {
  if (!(await manager.existsBy(ServiceCalendar, { id: DEFAULT_CALENDAR.id }))) {
    await manager.insert(ServiceCalendar, {
      id: DEFAULT_CALENDAR.id,
      code: DEFAULT_CALENDAR.code,
      name: DEFAULT_CALENDAR.name,
      timeZone: DEFAULT_CALENDAR.timeZone,
      // The library's day names are the GraphQL enum's values.
      windows: DEFAULT_CALENDAR.windows.map((w) => ({ ...w, days: w.days as Weekday[] })),
      holidays: DEFAULT_CALENDAR.holidays,
    });
  }
  const year = today.getUTCFullYear();
  await manager.insert(
    ServiceCalendar,
    sampleCalendars.map((c) => ({
      id: calendarId(c.code),
      code: c.code,
      name: c.name,
      timeZone: c.timeZone,
      windows: c.windows,
      holidays: c.holidays ? publicHolidays(c.holidays, year - 3, year + 2) : [],
    })),
  );
}

/** The renewal columns of a sample agreement (NONE and no review unless sampleRenewals says otherwise). */
function renewalOf(number: string, today: Date) {
  const terms = sampleRenewals[number] ?? {};
  return {
    renewal: terms.renewal ?? RenewalKind.NONE,
    renewalTermMonths: terms.renewalTermMonths ?? null,
    noticePeriodDays: terms.noticePeriodDays ?? null,
    reviewDue: terms.reviewDueDays === undefined ? null : daysFrom(today, terms.reviewDueDays),
  };
}
