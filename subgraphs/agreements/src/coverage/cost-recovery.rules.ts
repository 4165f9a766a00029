import type { Money } from "@itsm/kit";

/** A service's monthly cost against what its ACTIVE SLAs charge for it. */
export interface CostRecoveryFigures {
  cost: Money;
  charged: Money;
  ratio: number | null;
  otherCharges: Money[];
}

const cents = (amount: string): bigint => {
  const [whole, fraction = ""] = amount.split(".");
  const sign = whole.startsWith("-") ? -1n : 1n;
  return sign * (BigInt(whole.replace("-", "")) * 100n + BigInt((fraction + "00").slice(0, 2)));
};

const amountOf = (value: bigint): string => {
  const sign = value < 0n ? "-" : "";
  const absolute = value < 0n ? -value : value;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, "0")}`;
};

/**
 * Compares a cost with charges, exactly (in cents). Only charges in the cost's currency are added
 * up and compared: the graph holds no exchange rates, so charges in other currencies are summed
 * per currency in `otherCharges`, never converted. `ratio` is charged / cost, null for a zero cost.
 */
export function costRecovery(cost: Money, charges: readonly Money[]): CostRecoveryFigures {
  const totals = new Map<string, bigint>();
  for (const charge of charges) totals.set(charge.currency, (totals.get(charge.currency) ?? 0n) + cents(charge.amount));
  const charged = totals.get(cost.currency) ?? 0n;
  const costCents = cents(cost.amount);
  return {
    cost: { amount: amountOf(costCents), currency: cost.currency },
    charged: { amount: amountOf(charged), currency: cost.currency },
    ratio: costCents === 0n ? null : Math.round((Number(charged) / Number(costCents)) * 10_000) / 10_000,
    otherCharges: [...totals.entries()]
      .filter(([currency]) => currency !== cost.currency)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, total]) => ({ amount: amountOf(total), currency })),
  };
}
