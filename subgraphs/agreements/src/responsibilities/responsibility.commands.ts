import type { Identity, Transactor } from "@itsm/kit";
import { newId, NotFoundError } from "@itsm/kit";
import type { AgainstRevision, PartRef } from "../agreements/agreement.changes";
import { loadDraft, touch } from "../agreements/agreement.changes";
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
      return touch(manager, agreement, "responsibility added", actor, [
        { field: "responsibilities", from: null, to: JSON.stringify(`${input.party}: ${input.description}`) },
      ]);
    });
  }

  remove(part: PartRef, actor: Identity): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const responsibility = await manager.findOneBy(Responsibility, { id: part.id });
      if (!responsibility) throw new NotFoundError("Responsibility", part.id);
      const agreement = await loadDraft(manager, responsibility.agreementId, part.expectedRevision);
      await manager.delete(Responsibility, { id: responsibility.id });
      return touch(manager, agreement, "responsibility removed", actor, [
        {
          field: "responsibilities",
          from: JSON.stringify(`${responsibility.party}: ${responsibility.description}`),
          to: null,
        },
      ]);
    });
  }
}
