import type { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import type { Party, ResponsibilityCategory } from "../responsibilities/responsibility.enums";
import type { Comparator, MeasurementPeriod, Priority, TargetMetric, TargetUnit } from "../targets/target.enums";

/** Dates are offsets in days from the day the sample is loaded, so the sample never goes stale. */
export interface SampleAgreement {
  number: string;
  title: string;
  description: string;
  type: AgreementType;
  status: AgreementStatus;
  version: number;
  effectiveFromDays: number;
  effectiveToDays: number | null;
  providerCode: string;
  customerCodes: string[];
  coverage: {
    serviceCode: string;
    description: string;
    serviceHours: string;
    monthlyCharge: { amount: string; currency: string } | null;
  }[];
  targets: {
    serviceCode: string;
    metric: TargetMetric;
    comparator: Comparator;
    value: number;
    unit: TargetUnit;
    priority: Priority | null;
    period: MeasurementPeriod;
    description: string;
    /** For time targets: the share of tickets that must meet them; null means 100. */
    compliancePercent: number | null;
  }[];
  responsibilities: { party: Party; category: ResponsibilityCategory; description: string }[];
  /** Numbers of the SLAs this OLA or underpinning contract underpins. */
  underpins: string[];
}
