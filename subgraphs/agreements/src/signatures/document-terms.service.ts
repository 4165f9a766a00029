import { groupByKey } from "@itsm/kit";
import type { EntityManager } from "typeorm";
import { In } from "typeorm";
import { Agreement } from "../agreements/agreement.entity";
import { ServiceCalendar } from "../calendars/calendar.entity";
import { ServiceCoverage } from "../coverage/service-coverage.entity";
import { AgreementCustomer } from "../parties/agreement-customer.entity";
import { Responsibility } from "../responsibilities/responsibility.entity";
import { ServiceLevelTarget } from "../targets/target.entity";
import { AgreementUnderpinning } from "../underpinning/underpinning.entity";
import type { DocumentTermsRows } from "./document-terms.rules";
import { documentSha256 } from "./document-terms.rules";

/**
 * The terms rows of these agreement versions (null for an unknown id), read with `manager` — the
 * request's reads or a signing or activating transaction: seven statements for any number of ids.
 */
export async function documentTermsOf(
  manager: EntityManager,
  ids: readonly string[],
): Promise<(DocumentTermsRows | null)[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const [agreements, customers, coverage, targets, responsibilities, links] = await Promise.all([
    manager.findBy(Agreement, { id: In(unique) }),
    manager.findBy(AgreementCustomer, { agreementId: In(unique) }),
    manager.findBy(ServiceCoverage, { agreementId: In(unique) }),
    manager.findBy(ServiceLevelTarget, { agreementId: In(unique) }),
    manager.findBy(Responsibility, { agreementId: In(unique) }),
    manager.findBy(AgreementUnderpinning, { agreementId: In(unique) }),
  ]);
  const calendarIds = [...new Set(coverage.map((c) => c.calendarId))];
  const underpinningIds = [...new Set(links.map((l) => l.underpinningId))];
  const [calendars, underpinnings] = await Promise.all([
    calendarIds.length ? manager.findBy(ServiceCalendar, { id: In(calendarIds) }) : [],
    underpinningIds.length ? manager.findBy(Agreement, { id: In(underpinningIds) }) : [],
  ]);
  const calendar = new Map(calendars.map((c) => [c.id, c]));
  const underpinning = new Map(underpinnings.map((u) => [u.id, u]));
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const ofAgreement = (row: { agreementId: string }) => row.agreementId;
  const [customersOf, coverageOf, targetsOf, responsibilitiesOf, linksOf] = [
    groupByKey(ids, customers, ofAgreement, (c) => c.customerId),
    groupByKey(ids, coverage, ofAgreement),
    groupByKey(ids, targets, ofAgreement),
    groupByKey(ids, responsibilities, ofAgreement),
    groupByKey(ids, links, ofAgreement),
  ];
  return ids.map((id, i) => {
    const agreement = byId.get(id);
    if (!agreement) return null;
    return {
      agreement,
      customerIds: customersOf[i],
      coverage: coverageOf[i].map((c) => {
        const { code, name, timeZone } = calendar.get(c.calendarId) ?? { code: "", name: "", timeZone: "" };
        return { ...c, calendar: { code, name, timeZone } };
      }),
      targets: targetsOf[i],
      responsibilities: responsibilitiesOf[i],
      underpinnedBy: linksOf[i]
        .map((l) => underpinning.get(l.underpinningId))
        .filter((u): u is Agreement => u !== undefined),
    };
  });
}

/** `Agreement.documentSha256` of these versions (null for an unknown id). */
export async function documentSha256Of(manager: EntityManager, ids: readonly string[]): Promise<(string | null)[]> {
  return (await documentTermsOf(manager, ids)).map((rows) => (rows ? documentSha256(rows) : null));
}
