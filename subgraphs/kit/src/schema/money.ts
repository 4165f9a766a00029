import { Directive, Field, ObjectType } from "type-graphql";
import type { ValueTransformer } from "typeorm";

/** An exact amount of money; the amount is a decimal string, never a float. */
@Directive("@shareable")
@ObjectType({ description: "An exact amount of money in one currency." })
export class Money {
  @Field({ description: 'Decimal amount as a string with two decimals, e.g. "1250.00"; never a float.' })
  amount: string;

  @Field({ description: "ISO 4217 currency code, e.g. EUR." })
  currency: string;
}

/** Builds a Money value from its two columns; null when the amount is absent. */
export function toMoney(amount: string | null, currency: string | null): Money | null {
  if (amount === null || currency === null) return null;
  return { amount, currency };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Column transformer for DECIMAL money columns: MySQL returns DECIMAL as a string, SQLite as a
 * number; either way the entity holds an exact decimal string with two decimals.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | number | null): string | null => {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return value.toFixed(2);
    if (!DECIMAL.test(value)) throw new Error(`not a decimal: ${value}`);
    const [whole, fraction = ""] = value.split(".");
    return `${whole}.${(fraction + "00").slice(0, 2)}`;
  },
};
