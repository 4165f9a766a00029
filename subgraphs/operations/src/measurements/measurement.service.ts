import type { Page, PageRequest } from "@itsm/kit";
import { alignByKey, keysetOrder, paginate, whereIn } from "@itsm/kit";
import type { DataSource } from "typeorm";
import type { CustomerScope } from "../scope/record.scope";
import { whereCustomerInScope } from "../scope/record.scope";
import { Measurement } from "./measurement.entity";
import type { MeasurementFilter } from "./measurement.inputs";

/** Reads measurements, always within the caller's customer scope. */
export class MeasurementService {
  constructor(private readonly dataSource: DataSource) {}

  private get measurements() {
    return this.dataSource.getRepository(Measurement);
  }

  /** The measurements with these ids, aligned with them; null where there is none in scope. */
  async byIds(ids: readonly string[], scope: CustomerScope): Promise<(Measurement | null)[]> {
    const query = this.measurements
      .createQueryBuilder("measurement")
      .where("measurement.id IN (:...ids)", { ids: [...ids] });
    whereCustomerInScope(query, "measurement.customerId", scope);
    return alignByKey(ids, await query.getMany(), (m) => m.id);
  }

  /** A page of the measurements in scope, oldest month first. */
  list(
    filter: MeasurementFilter | null | undefined,
    page: PageRequest,
    scope: CustomerScope,
  ): Promise<Page<Measurement>> {
    const query = this.measurements.createQueryBuilder("measurement");
    whereCustomerInScope(query, "measurement.customerId", scope);
    whereIn(query, "measurement.serviceId", filter?.serviceIds);
    whereIn(query, "measurement.customerId", filter?.customerIds);
    whereIn(query, "measurement.metric", filter?.metrics);
    if (filter?.monthFrom) query.andWhere("measurement.month >= :monthFrom", { monthFrom: filter.monthFrom });
    if (filter?.monthTo) query.andWhere("measurement.month <= :monthTo", { monthTo: filter.monthTo });
    return paginate(query, page, keysetOrder<Measurement>("measurement", "month"));
  }
}
