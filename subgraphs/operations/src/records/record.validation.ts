import type { InvalidField } from "@itsm/kit";
import { BadUserInputError } from "@itsm/kit";

/**
 * Collects what is wrong with the records of one call, by path (`input.incidents.3.resolvedAt`),
 * in the shape of the kit's input validation (`extensions.fields`).
 */
export class Problems {
  private readonly fields: InvalidField[] = [];

  add(path: string, message: string): void {
    const known = this.fields.find((f) => f.path === path);
    if (known) known.messages.push(message);
    else this.fields.push({ path, messages: [message] });
  }

  /** BAD_USER_INPUT naming every problem, if there is any. */
  throwIfAny(): void {
    if (this.fields.length === 0) return;
    const summary = this.fields.flatMap((f) => f.messages.map((m) => `${f.path}: ${m}`)).join("; ");
    throw new BadUserInputError(`Invalid input: ${summary}`, { fields: this.fields });
  }
}

/** Runs `check` over the records of one call and throws BAD_USER_INPUT naming every problem it found, if any. */
export function rejectInvalid<T>(
  records: readonly T[],
  check: (records: readonly T[], problems: Problems) => void,
): void {
  const problems = new Problems();
  check(records, problems);
  problems.throwIfAny();
}

/** Flags every `externalId` sent more than once in one call (which of the two would win is undefined). */
export function checkUniqueExternalIds(list: string, records: readonly { externalId: string }[], problems: Problems) {
  const first = new Map<string, number>();
  records.forEach(({ externalId }, i) => {
    const earlier = first.get(externalId);
    if (earlier === undefined) first.set(externalId, i);
    else
      problems.add(
        `input.${list}.${i}.externalId`,
        `externalId "${externalId}" is also record ${earlier} of this call`,
      );
  });
}

/** `later` must be strictly after `earlier`, when both are set. */
export function isAfter(later: Date | null | undefined, earlier: Date | null | undefined): boolean {
  return !later || !earlier || later.getTime() > earlier.getTime();
}

/** `later` must be at or after `earlier`, when both are set. */
export function isAtOrAfter(later: Date | null | undefined, earlier: Date | null | undefined): boolean {
  return !later || !earlier || later.getTime() >= earlier.getTime();
}
