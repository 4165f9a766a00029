import { IsOptional, Length, Matches, Min } from "class-validator";
import { Field, ID, Int } from "type-graphql";
import { CODE_MESSAGE, CODE_PATTERN } from "../write/validation";

/**
 * The fields many input types share (id, expected version, code, name, description), each one
 * decorator that puts the GraphQL field and its validation together. Decorators rather than a base
 * class or mixin: those move the shared fields first, which changes the SDL and the order in which
 * BAD_USER_INPUT lists invalid fields; a decorator keeps each field where its class declares it.
 */

/** One decorator of several stacked on a field, applied in the order they would stand there (bottom one first). */
export function composed(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (prototype, property) => {
    for (const decorator of [...decorators].reverse()) decorator(prototype, property);
  };
}

/** `optional`: the client may leave the field out (it then keeps its value); absent otherwise. */
interface Optional {
  optional?: boolean;
}

/** Validators of a field that is optional when `optional` is set (`@IsOptional()` goes first). */
function optionally(optional: boolean | undefined, ...validators: PropertyDecorator[]): PropertyDecorator[] {
  return optional ? [IsOptional(), ...validators] : validators;
}

/** The ID of the record an input acts on. */
export function IdField(description: string): PropertyDecorator {
  return Field(() => ID, { description });
}

/**
 * The `expectedVersion` field of an input that changes a versioned record (the expectedVersion
 * rule: an input names the counter it compares as `expected<Counter>`; see docs/architecture.md).
 * Required by default — a newer version makes the change a CONFLICT; `optional`: checked when given.
 */
export function ExpectedVersionField({ optional, description }: Optional & { description?: string } = {}) {
  const text =
    description ??
    (optional
      ? "The version you last read; checked when given."
      : "The version you last read; a newer one makes this a CONFLICT.");
  return composed(
    Field(() => Int, { description: text, ...(optional ? { nullable: true } : {}) }),
    ...optionally(optional, Min(1)),
  );
}

/** A record's unique code, given once at creation (`example` e.g. "EMAIL"). */
export function CodeField(example: string): PropertyDecorator {
  return composed(
    Field(() => String, {
      description: `Unique code, e.g. "${example}": 2–32 upper-case letters, digits or _; cannot change later.`,
    }),
    Matches(CODE_PATTERN, { message: CODE_MESSAGE }),
  );
}

/** A record's display name, 2–200 characters. */
export function NameField({ optional }: Optional = {}): PropertyDecorator {
  return TextField("Display name, 2–200 characters.", 2, 200, { optional });
}

/** A record's description (what it is, in `description`), up to 4000 characters. */
export function DescriptionField(description: string, { optional }: Optional = {}): PropertyDecorator {
  return TextField(`${description}, up to 4000 characters.`, 1, 4000, { optional });
}

/** A text field of `min` to `max` characters. */
export function TextField(description: string, min: number, max: number, { optional }: Optional = {}) {
  return composed(
    Field(() => String, { description, ...(optional ? { nullable: true } : {}) }),
    ...optionally(optional, Length(min, max)),
  );
}
