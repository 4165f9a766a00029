import { IsISO4217CurrencyCode, Matches } from "class-validator";
import { Directive, Field, InputType, ObjectType } from "type-graphql";
import { AMOUNT_MESSAGE, AMOUNT_PATTERN } from "../write/validation";
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
    return twoDecimals(value);
  },
};

/** An amount of money as a client sends it: the same input in every subgraph. */
@InputType({ description: "An exact amount of money." })
export class MoneyInput {
  @Field({ description: 'Decimal string with at most 2 decimals, e.g. "1250.00".' })
  @Matches(AMOUNT_PATTERN, { message: AMOUNT_MESSAGE })
  amount: string;

  @Field({ description: "ISO 4217 currency code, e.g. EUR." })
  @Matches(/^[A-Z]{3}$/, { message: "$property must be an ISO 4217 currency code in upper case, e.g. EUR" })
  @IsISO4217CurrencyCode({ message: "$property must be an ISO 4217 currency code, e.g. EUR" })
  currency: string;
}

/** "12.5" → "12.50": amounts are stored and compared with two decimals. */
export function twoDecimals(amount: string): string {
  const [whole, fraction = ""] = amount.split(".");
  return `${whole}.${(fraction + "00").slice(0, 2)}`;
}
