import { budgetStatus, errorBudget, exceeds } from "./budget.rules";
import type { DurationUnit, Performance } from "./performance.model";

const MINUTES_PER: Record<DurationUnit, number> = { SECONDS: 1 / 60, MINUTES: 1, HOURS: 60, DAYS: 1440 };

/** A duration target's value in the clocks' unit, minutes (a DAY is 1,440 service minutes, as the agreements compare targets). */
export function targetMinutes(value: number, unit: DurationUnit): number {
  return value * MINUTES_PER[unit];
}

/** Where one ticket stands against an AT_MOST time target. */
export type TicketOutcome = "MET" | "BREACHED" | "PENDING";

/**
 * Classifies a ticket by its clock (service minutes, pauses excluded): a stopped clock meets the
 * target when at most the limit; a running one (ticket still open) is BREACHED once past it and
 * PENDING until then.
 */
export function classifyTicket(clockMinutes: number, open: boolean, limitMinutes: number): TicketOutcome {
  if (exceeds(clockMinutes, limitMinutes)) return "BREACHED";
  return open ? "PENDING" : "MET";
}

/**
 * Aggregated inputs of a RESPONSE_TIME / RESOLUTION_TIME target: tickets measured in the period
 * (met, breached, and pending — open, clock not yet past the target) and those breached, open ones
 * past their target included.
 */
export interface TimeTargetInput {
  sampleSize: number;
  breaches: number;
  /** Share of tickets that must meet the target; null means 100. */
  compliancePercent: number | null;
  running: boolean;
}

/** Tickets allowed to breach: floor(sample × (100 − compliance) / 100), noise-proof (1000 × 0.1 % is 1). */
export function allowedBreaches(sampleSize: number, compliancePercent: number | null): number {
  return Math.floor((sampleSize * (100 - (compliancePercent ?? 100))) / 100 + 1e-9);
}

/**
 * A time target's performance: achieved = percent of tickets not breached (a pending ticket counts
 * as meeting until its clock passes), met when ≥ compliance, which is exactly breaches ≤ allowed;
 * the error budget is in tickets. A running period's allowance is of the tickets so far, so it is
 * BREACHED while its breaches exceed that (more tickets could still bring it back under).
 */
export function timeTargetPerformance(input: TimeTargetInput): Performance {
  const { sampleSize, breaches } = input;
  if (!(sampleSize > 0)) return { achieved: null, status: "NO_DATA", sampleSize: 0, breaches: 0, errorBudget: null };
  const budget = errorBudget(allowedBreaches(sampleSize, input.compliancePercent), breaches, "TICKETS");
  return {
    achieved: (100 * (sampleSize - breaches)) / sampleSize,
    status: budgetStatus(budget, input.running),
    sampleSize,
    breaches,
    errorBudget: budget,
  };
}
