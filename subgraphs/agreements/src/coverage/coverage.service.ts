import type { Money } from "@itsm/kit";
import { groupByKey } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { AgreementStatus, AgreementType } from "../agreements/agreement.enums";
import { ServiceCoverage } from "./service-coverage.entity";

/** Reads about coverage across agreements (a service's charges); not scoped: staff-only fields use it. */
export class CoverageService {
  constructor(private readonly dataSource: DataSource) {}

  /** The monthly charges of each service in the ACTIVE SLAs covering it, in one statement. */
  async activeChargesOf(serviceIds: readonly string[]): Promise<Money[][]> {
    const rows = await this.dataSource
      .getRepository(ServiceCoverage)
      .createQueryBuilder("coverage")
      .innerJoin("agreements", "agreement", "agreement.id = coverage.agreementId")
      .where("coverage.serviceId IN (:...serviceIds)", { serviceIds: [...serviceIds] })
      .andWhere("agreement.type = :sla AND agreement.status = :active", {
        sla: AgreementType.SLA,
        active: AgreementStatus.ACTIVE,
      })
      .andWhere("coverage.monthlyChargeAmount IS NOT NULL")
      .getMany();
    return groupByKey(
      serviceIds,
      rows,
      (c) => c.serviceId,
      (c) => c.monthlyCharge as Money,
    );
  }
}
