import type { ValidationArguments, ValidationError, ValidationOptions } from "class-validator";
import { registerDecorator } from "class-validator";

/** One invalid field of an input: where it is (e.g. `input.contacts.0.email`) and what is wrong. */
export interface InvalidField {
  path: string;
  messages: string[];
}

/** Flattens class-validator's error tree into the path of every offending field. */
export function invalidFields(errors: ValidationError[], prefix = "input"): InvalidField[] {
  return errors.flatMap((error) => {
    const path = `${prefix}.${error.property}`;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...invalidFields(error.children ?? [], path)];
  });
}

/** Pattern of codes: upper-case letters, digits and underscores, starting with a letter. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,31}$/;
export const CODE_MESSAGE =
  "$property must be 2 to 32 characters: upper-case letters, digits or _, starting with a letter";

/** A decimal amount with at most 12 integer digits and 2 decimals, as a string ("1250.00"). */
export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
export const AMOUNT_MESSAGE = '$property must be a non-negative decimal string with at most 2 decimals, e.g. "1250.00"';

/** The decorated date (YYYY-MM-DD) must be after the date in `otherField`, when both are set. */
export function IsAfterField(otherField: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: "isAfterField",
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherField],
      options: { message: `$property must be after ${otherField}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[otherField];
          return (
            value === null ||
            value === undefined ||
            other === null ||
            other === undefined ||
            String(value) > String(other)
          );
        },
      },
    });
}
