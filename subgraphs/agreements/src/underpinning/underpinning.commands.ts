import type { Identity, Transactor } from "@itsm/kit";
import { addedTo, ConflictError, NotFoundError, removedFrom } from "@itsm/kit";
import type { AgainstRevision } from "../agreements/agreement.changes";
import { loadForUpdate, touch } from "../agreements/agreement.changes";
import { Agreement } from "../agreements/agreement.entity";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { AgreementUnderpinning } from "./underpinning.entity";

/**
 * Why one agreement may not underpin another, by type: OLAs and contracts underpin SLAs, and
 * contracts underpin OLAs (a supplier behind an internal team: underpinnings chain); null when it may.
 */
export function underpinningTypeProblem(
  above: Pick<Agreement, "number" | "type">,
  behind: Pick<Agreement, "number" | "type">,
): string | null {
  if (above.type === AgreementType.UNDERPINNING_CONTRACT)
    return `${above.number} is an UNDERPINNING_CONTRACT: only SLAs and OLAs are underpinned`;
  if (behind.type === AgreementType.SLA)
    return `${behind.number} is an SLA: only OLAs and underpinning contracts underpin other agreements`;
  if (above.type === AgreementType.OLA && behind.type !== AgreementType.UNDERPINNING_CONTRACT)
    return `${behind.number} is an OLA: only underpinning contracts underpin OLAs`;
  return null;
}

/** An OLA or underpinning contract (`underpinningId`) and the SLA or OLA it underpins (`agreementId`). */
export interface UnderpinningLink extends AgainstRevision {
  /** The SLA (or the OLA a contract is behind); `expectedRevision` is its revision. */
  agreementId: string;
  underpinningId: string;
}

/** Links and unlinks underpinnings; one side must be a DRAFT. Both sides' revisions move and are audited. */
export class UnderpinningCommands {
  constructor(private readonly transactor: Transactor) {}

  link(link: UnderpinningLink, actor: Identity): Promise<Agreement> {
    return this.change(link, actor, true);
  }

  unlink(link: UnderpinningLink, actor: Identity): Promise<Agreement> {
    return this.change(link, actor, false);
  }

  private change(input: UnderpinningLink, actor: Identity, link: boolean): Promise<Agreement> {
    return this.transactor.run(async (manager) => {
      const sla = await loadForUpdate(manager, input.agreementId, input.expectedRevision);
      const underpinning = await manager.findOneBy(Agreement, { id: input.underpinningId });
      if (!underpinning) throw new NotFoundError("Agreement", input.underpinningId);
      const problem = underpinningTypeProblem(sla, underpinning);
      if (problem) throw new ConflictError(problem);
      const ended = [sla, underpinning].find(
        (a) => a.status === AgreementStatus.EXPIRED || a.status === AgreementStatus.TERMINATED,
      );
      if (ended) throw new ConflictError(`${ended.number} is ${ended.status}: its links are kept as they were`);
      if (sla.status !== AgreementStatus.DRAFT && underpinning.status !== AgreementStatus.DRAFT) {
        throw new ConflictError(
          `${sla.number} and ${underpinning.number} are both ACTIVE: link a new version (reviseAgreement) instead`,
        );
      }
      const key = { agreementId: sla.id, underpinningId: underpinning.id };
      const exists = await manager.exists(AgreementUnderpinning, { where: key });
      if (link && exists) throw new ConflictError(`${underpinning.number} already underpins ${sla.number}`);
      if (!link && !exists) throw new NotFoundError(`Underpinning of ${sla.number}`, underpinning.id);
      if (link) await manager.insert(AgreementUnderpinning, key);
      else await manager.delete(AgreementUnderpinning, key);
      const listChange = link ? addedTo : removedFrom;
      await touch(manager, underpinning, link ? "now underpins" : "no longer underpins", actor, [
        listChange("underpins", sla.number),
      ]);
      return touch(manager, sla, link ? "underpinning linked" : "underpinning unlinked", actor, [
        listChange("underpinnedBy", underpinning.number),
      ]);
    });
  }
}
