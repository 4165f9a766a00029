// Test fixtures that the tests of the gateway and of the subgraphs share: the gateway depends on this
// package only, so they live here and not in @itsm/kit/testing. Never imported by production code.

/**
 * The terms of the graph's most common service level target, as every layer names them: 99.9 %
 * availability, with no ticket priority and no share of tickets (those belong to the ticket clocks).
 */
export const AVAILABILITY_TARGET_TERMS = {
  metric: "AVAILABILITY",
  comparator: "AT_LEAST",
  value: 99.9,
  unit: "PERCENT",
  priority: null,
  compliancePercent: null,
} as const;
