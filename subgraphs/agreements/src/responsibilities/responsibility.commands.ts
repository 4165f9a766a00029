import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, newId } from "@itsm/kit";
import type { AgainstRevision, PartRef } from "../agreements/agreement.changes";
import { loadDraft, removePart, touch } from "../agreements/agreement.changes";
import type { Agreement } from "../agreements/agreement.entity";
import { Responsibility } from "./responsibility.entity";
import type { Party, ResponsibilityCategory } from "./responsibility.enums";

/** A responsibility of one party to add to a DRAFT agreement. */
export interface NewResponsibility extends AgainstRevision {
  agreementId: string;
  party: Party;
  category: ResponsibilityCategory;
  description: string;
}

/** How a responsibility reads in its agreement's history. */
const describe = (r: Pick<Responsibility, "party" | "description">) => `${r.party}: ${r.description}`;

/** Changes to the responsibilities of a DRAFT agreement; each one transaction, revision-checked, audited. */
export class ResponsibilityCommands {
  constructor(private readonly transactor: Transactor) {}

  add(input: NewResponsibility, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const agreement = await loadDraft(manager, input.agreementId, input.expectedRevision);
      await manager.insert(Responsibility, {
        id: newId(),
        agreementId: agreement.id,
        party: input.party,
        category: input.category,
        description: input.description,
      });
      return touch(manager, agreement, "responsibility added", actor, [addedTo("responsibilities", describe(input))]);
    });
  }

  remove(part: PartRef, actor: Identity): Promise<Agreement> {
    return this.transactor.run((manager) =>
      removePart(manager, Responsibility, "Responsibility", part, actor, {
        action: "responsibility removed",
        field: "responsibilities",
        describe,
      }),
    );
  }
}
