import { MeasurementPeriod } from "../targets/target.enums";
import { AlertKind } from "./alert.enums";
import type { RaisedAlert } from "./alert.rules";

/** Share of a target's error budget that, used up in the current period, raises BUDGET_75. */
export const BUDGET_ALERT_SHARE = 0.75;

/** One target's figures for a period, as the operations subgraph's `serviceLevelReport` gives them. */
export interface TargetFigures {
  targetId: string;
  agreementId: string;
  period: { label: string; from: string; to: string };
  status: "MET" | "AT_RISK" | "BREACHED" | "NO_DATA";
  achieved: number | null;
  errorBudget: { allowed: number; consumed: number; unit: string } | null;
}

/** What the alert needs of the target itself (from this subgraph). */
export interface TargetFacts {
  id: string;
  agreementId: string;
  agreementNumber: string;
  metric: string;
  comparator: string;
  value: number;
  unit: string;
  priority: string | null;
  period: MeasurementPeriod;
}

/** The label of the period of each kind that contains `today` (YYYY-MM-DD): "2026-12", "2026-Q4", "2026". */
export function currentPeriodLabel(period: MeasurementPeriod, today: string): string {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (period === MeasurementPeriod.MONTH) return today.slice(0, 7);
  if (period === MeasurementPeriod.QUARTER) return `${year}-Q${Math.ceil(month / 3)}`;
  return year;
}

/**
 * BREACHED when the target is breached in its current period; BUDGET_75 when 75 % or more of its
 * error budget is used and it is not breached (yet); nothing otherwise. Due on the period's last day.
 */
export function performanceAlert(target: TargetFacts, figures: TargetFigures): RaisedAlert | null {
  const what = `the ${target.metric} target (${target.comparator} ${target.value} ${target.unit}${target.priority ? `, ${target.priority}` : ""}) of ${target.agreementNumber}`;
  const base = { agreementId: target.agreementId, dueOn: figures.period.to };
  if (figures.status === "BREACHED") {
    const achieved = figures.achieved === null ? "" : ` (achieved ${round(figures.achieved)})`;
    return {
      ...base,
      kind: AlertKind.BREACHED,
      key: `${AlertKind.BREACHED}:${target.id}:${figures.period.label}`,
      message: `${capitalised(what)} is breached in ${figures.period.label}${achieved}`,
    };
  }
  const budget = figures.errorBudget;
  if (!budget || budget.allowed <= 0 || budget.consumed / budget.allowed < BUDGET_ALERT_SHARE) return null;
  const share = Math.floor((budget.consumed / budget.allowed) * 100);
  return {
    ...base,
    kind: AlertKind.BUDGET_75,
    key: `${AlertKind.BUDGET_75}:${target.id}:${figures.period.label}`,
    message: `${share} % of the error budget of ${what} is used in ${figures.period.label} (${round(budget.consumed)} of ${round(budget.allowed)} ${budget.unit.toLowerCase()})`,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
