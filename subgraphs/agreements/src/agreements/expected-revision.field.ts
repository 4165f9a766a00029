import { ExpectedVersionField } from "@itsm/kit";

const CHECKED_WHEN_GIVEN = "The revision you last read; checked when given.";

/**
 * The `expectedRevision` field of an input that changes an agreement. The rule across the graph:
 * every mutable record has a change counter, and an input names the counter it compares as
 * `expected<Counter>`. An Agreement's counter is `revision` (its `version` numbers the terms), so
 * agreement inputs take `expectedRevision`; the catalog's and customers' records count in
 * `version`, so theirs take `expectedVersion`. The same field as the kit's ExpectedVersionField,
 * but optional (checked when given) unless `required`, and described as a revision.
 */
export function ExpectedRevision(options: { required?: boolean; description?: string } = {}): PropertyDecorator {
  return ExpectedVersionField({
    optional: !options.required,
    description: options.description ?? CHECKED_WHEN_GIVEN,
  });
}
