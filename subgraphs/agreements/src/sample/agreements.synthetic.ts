import { insertGenerated, sampleId, stableId, syntheticCounts, syntheticKey } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { bumpCatalogueRevision } from "../catalogue/catalogue.service";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { Responsibility } from "../responsibilities/responsibility.entity";
import { Party, ResponsibilityCategory } from "../responsibilities/responsibility.enums";
import { ServiceLevelTarget } from "../targets/target.entity";
import { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "../targets/target.enums";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import { daysFrom } from "./agreements.seed";
import { calendarCodeOf, calendarId } from "./calendars.sample";

/** The service hours of synthetic agreement i's coverage: a third 24x7, the rest business hours. */
const hoursOf = (i: number) => (i % 3 === 0 ? "24x7" : "Mon–Fri 08:00–18:00 CET");

/** Which services agreement `i` covers: two distinct ones spread over the catalogue. */
function coveredServices(i: number, services: number): number[] {
  const first = (i * 11) % services;
  return [...new Set([first, (first + 1 + ((i * 17) % Math.max(1, services - 1))) % services])];
}

/**
 * Synthetic agreements for a dataset of `scale` services: 2 per service, 70 % SLAs with one or two
 * customers, each covering two services with availability, P1 response and resolution targets and
 * four responsibilities; every OLA and contract underpins the SLA before it.
 */
export async function seedSyntheticAgreements(
  manager: EntityManager,
  scale: number,
  progress: (message: string) => void,
  today: Date = new Date(),
): Promise<void> {
  await bumpCatalogueRevision(manager, "synthetic");
  const counts = syntheticCounts(scale);
  const agreementId = (i: number) => sampleId.agreement(syntheticKey.agreement(i));
  const typeOf = (i: number) =>
    i % 10 < 7 ? AgreementType.SLA : i % 10 < 9 ? AgreementType.OLA : AgreementType.UNDERPINNING_CONTRACT;
  const statusOf = (i: number) =>
    i % 20 === 17 ? AgreementStatus.DRAFT : i % 20 === 18 ? AgreementStatus.EXPIRED : AgreementStatus.ACTIVE;
  const serviceId = (s: number) => sampleId.service(syntheticKey.service(s));

  await insertGenerated(
    manager,
    Agreement,
    counts.agreements,
    (i) => ({
      id: agreementId(i),
      number: syntheticKey.agreement(i),
      title: `Synthetic ${typeOf(i)} ${i}`,
      description: `Generated agreement ${i} for load tests.`,
      type: typeOf(i),
      status: statusOf(i),
      version: 1,
      effectiveFrom: daysFrom(today, -((i % 700) + 30)),
      effectiveTo: i % 5 === 0 ? null : daysFrom(today, statusOf(i) === AgreementStatus.EXPIRED ? -10 : (i % 900) + 1),
      providerId: sampleId.provider(syntheticKey.provider(i % counts.providers)),
    }),
    "agreements",
    progress,
  );
  await insertGenerated(
    manager,
    AgreementCustomer,
    counts.agreements,
    (i) =>
      typeOf(i) !== AgreementType.SLA
        ? []
        : [...new Set([(i * 7) % counts.customers, (i * 13 + 5) % counts.customers])]
            .slice(0, 1 + (i % 2))
            .map((c) => ({ agreementId: agreementId(i), customerId: sampleId.customer(syntheticKey.customer(c)) })),
    "agreement customers",
    progress,
  );
  await insertGenerated(
    manager,
    ServiceCoverage,
    counts.agreements,
    (i) =>
      coveredServices(i, counts.services).map((s) => ({
        id: stableId("ServiceCoverage", `${syntheticKey.agreement(i)}:${s}`),
        agreementId: agreementId(i),
        serviceId: serviceId(s),
        description: `Service ${s} as agreed in agreement ${i}.`,
        serviceHours: hoursOf(i),
        calendarId: calendarId(calendarCodeOf(hoursOf(i))),
        monthlyChargeAmount: typeOf(i) === AgreementType.SLA ? ((i * 53) % 9_000).toFixed(2) : null,
        monthlyChargeCurrency: typeOf(i) === AgreementType.SLA ? "EUR" : null,
      })),
    "agreement coverage",
    progress,
  );
  await insertGenerated(
    manager,
    ServiceLevelTarget,
    counts.agreements,
    (i) =>
      coveredServices(i, counts.services).flatMap((s) => {
        const base = { agreementId: agreementId(i), serviceId: serviceId(s), period: MeasurementPeriod.MONTH };
        const id = (metric: string) => stableId("ServiceLevelTarget", `${syntheticKey.agreement(i)}:${s}:${metric}`);
        return [
          {
            ...base,
            id: id("A"),
            metric: TargetMetric.AVAILABILITY,
            comparator: Comparator.AT_LEAST,
            value: 99.5,
            unit: TargetUnit.PERCENT,
            priority: null,
            description: "Monthly availability.",
          },
          {
            ...base,
            id: id("R"),
            metric: TargetMetric.RESPONSE_TIME,
            comparator: Comparator.AT_MOST,
            value: 15,
            unit: TargetUnit.MINUTES,
            priority: Priority.P1,
            description: "P1 response.",
          },
          {
            ...base,
            id: id("X"),
            metric: TargetMetric.RESOLUTION_TIME,
            comparator: Comparator.AT_MOST,
            value: 4,
            unit: TargetUnit.HOURS,
            priority: Priority.P1,
            description: "P1 resolution.",
          },
        ];
      }),
    "service level targets",
    progress,
  );
  const duties = [
    [Party.PROVIDER, ResponsibilityCategory.MONITORING, "Monitor the service around the clock."],
    [Party.PROVIDER, ResponsibilityCategory.REPORTING, "Report service levels monthly."],
    [Party.CUSTOMER, ResponsibilityCategory.SUPPORT, "Report incidents through the service desk."],
    [Party.CUSTOMER, ResponsibilityCategory.COMMUNICATION, "Keep contact details current."],
  ] as const;
  await insertGenerated(
    manager,
    Responsibility,
    counts.agreements,
    (i) =>
      duties.map(([party, category, description], n) => ({
        id: stableId("Responsibility", `${syntheticKey.agreement(i)}:${n}`),
        agreementId: agreementId(i),
        party,
        category,
        description,
      })),
    "responsibilities",
    progress,
  );
  await insertGenerated(
    manager,
    AgreementUnderpinning,
    counts.agreements,
    (i) => {
      if (typeOf(i) === AgreementType.SLA) return [];
      let sla = i - 1;
      while (sla >= 0 && typeOf(sla) !== AgreementType.SLA) sla--;
      return sla < 0 ? [] : [{ agreementId: agreementId(sla), underpinningId: agreementId(i) }];
    },
    "underpinnings",
    progress,
  );
}
