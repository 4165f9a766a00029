import { groupByKey } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { documentSha256Of } from "./document-terms.service";
import { AgreementSignature } from "./signature.entity";

/** Reads signatures and the hash of the terms, batched per request. */
export class SignatureService {
  constructor(private readonly dataSource: DataSource) {}

  /** The signatures of each agreement version, oldest first. */
  async signaturesOf(agreementIds: readonly string[]): Promise<AgreementSignature[][]> {
    const rows = await this.dataSource.manager.find(AgreementSignature, {
      where: { agreementId: In([...agreementIds]) },
      order: { signedAt: "ASC", id: "ASC" },
    });
    return groupByKey(agreementIds, rows, (r) => r.agreementId);
  }

  /** `documentSha256` of each agreement version. */
  documentSha256Of(agreementIds: readonly string[]): Promise<(string | null)[]> {
    return documentSha256Of(this.dataSource.manager, agreementIds);
  }
}
