import { IsOptional, Min } from "class-validator";
import { Field, Int } from "type-graphql";

const CHECKED_WHEN_GIVEN = "The revision you last read; checked when given.";

/**
 * The `expectedRevision` field of an input that changes an agreement. The rule across the graph:
 * every mutable record has a change counter, and an input names the counter it compares as
 * `expected<Counter>`. An Agreement's counter is `revision` (its `version` numbers the terms), so
 * agreement inputs take `expectedRevision`; the catalog's and customers' records count in
 * `version`, so theirs take `expectedVersion`. Optional (checked when given) unless `required`.
 * A decorator rather than a mixin class: a mixin would move the field first and change the SDL.
 */
export function ExpectedRevision(options: { required?: boolean; description?: string } = {}): PropertyDecorator {
  const description = options.description ?? CHECKED_WHEN_GIVEN;
  const field = options.required
    ? Field(() => Int, { description })
    : Field(() => Int, { nullable: true, description });
  return (prototype, property) => {
    field(prototype, property);
    if (!options.required) IsOptional()(prototype, property as string);
    Min(1)(prototype, property as string);
  };
}
