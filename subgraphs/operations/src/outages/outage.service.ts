import type { Page, PageRequest } from "@itsm/kit";
import { alignByKey, findGrouped, paginate, whereEquals, whereIn, whereNull } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { sqlDateTime } from "../records/sql-time";
import { OutageImpact } from "./outage-impact.entity";
import { Outage } from "./outage.entity";
import type { OutageFilter } from "./outage.inputs";

/** Reads outages and the services they reached. */
export class OutageService {
  constructor(private readonly dataSource: DataSource) {}

  private get outages() {
    return this.dataSource.getRepository(Outage);
  }

  async byIds(ids: readonly string[]): Promise<(Outage | null)[]> {
    const rows = await this.outages
      .createQueryBuilder("outage")
      .where("outage.id IN (:...ids)", { ids: [...ids] })
      .getMany();
    return alignByKey(ids, rows, (o) => o.id);
  }

  /** The ids of the services each outage reached, by id. */
  impactedServiceIdsOf(outageIds: readonly string[]): Promise<string[][]> {
    return findGrouped(this.dataSource.getRepository(OutageImpact), "outageId", outageIds, (i) => i.serviceId);
  }

  /** A page of outages, oldest start first. */
  list(filter: OutageFilter | null | undefined, page: PageRequest): Promise<Page<Outage>> {
    const query = this.outages.createQueryBuilder("outage");
    if (filter?.serviceIds) {
      const ids = filter.serviceIds.length > 0 ? [...filter.serviceIds] : [null];
      query.andWhere(
        "outage.id IN (SELECT impact.outageId FROM outage_impact impact WHERE impact.serviceId IN (:...impactServiceIds))",
        { impactServiceIds: ids },
      );
    }
    whereIn(query, "outage.componentId", filter?.componentIds);
    whereEquals(query, "outage.kind", filter?.kind);
    if (filter?.from) {
      query.andWhere("(outage.endedAt IS NULL OR outage.endedAt >= :from)", { from: sqlDateTime(filter.from) });
    }
    if (filter?.to) query.andWhere("outage.startedAt < :to", { to: sqlDateTime(filter.to) });
    whereNull(query, "outage.endedAt", filter?.ongoing);
    return paginate(query, page, {
      sortColumn: "outage.startedAt",
      idColumn: "outage.id",
      position: (o) => [sqlDateTime(o.startedAt), o.id],
    });
  }
}
