import { RenewalKind } from "../agreements/agreement.enums";

/** Renewal terms and review dates of sample agreements; `reviewDueDays` is an offset from the day the sample is loaded. */
export interface SampleRenewal {
  renewal?: RenewalKind;
  renewalTermMonths?: number;
  noticePeriodDays?: number;
  reviewDueDays?: number;
}

/**
 * By agreement number (every other one: NONE, no review planned). Chosen so the alerts show
 * something: SLA-2024-007 ends in 45 days with notice due in 15, UC-2026-001 ends in 72 and is
 * renewed only expressly, SLA-2025-012's review is due in 20 days.
 */
export const sampleRenewals: Record<string, SampleRenewal> = {
  "SLA-2024-007": { renewal: RenewalKind.TACIT, renewalTermMonths: 12, noticePeriodDays: 30, reviewDueDays: 10 },
  "SLA-2026-001": { renewal: RenewalKind.TACIT, renewalTermMonths: 12, noticePeriodDays: 90, reviewDueDays: 200 },
  "SLA-2025-006": { renewal: RenewalKind.TACIT, renewalTermMonths: 24, noticePeriodDays: 180, reviewDueDays: 120 },
  "UC-2026-001": { renewal: RenewalKind.EXPRESS, renewalTermMonths: 12, noticePeriodDays: 60 },
  "SLA-2025-012": { reviewDueDays: 20 },
  "SLA-2024-009": { reviewDueDays: 75 },
  "OLA-2025-003": { reviewDueDays: 200 },
};
