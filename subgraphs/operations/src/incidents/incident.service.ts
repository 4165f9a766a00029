import type { Page, PageRequest } from "@itsm/kit";
import { alignByKey, findGrouped, paginate, whereIn, whereNull } from "@itsm/kit";
import type { DataSource } from "typeorm";
import type { CustomerScope } from "../scope/record.scope";
import { whereCustomerInScope } from "../scope/record.scope";
import { sqlDateTime } from "../records/sql-time";
import { IncidentPause } from "./incident-pause.entity";
import { Incident } from "./incident.entity";
import type { IncidentFilter } from "./incident.inputs";

/** Reads incidents, always within the caller's customer scope. */
export class IncidentService {
  constructor(private readonly dataSource: DataSource) {}

  private get incidents() {
    return this.dataSource.getRepository(Incident);
  }

  /** The incidents with these ids, aligned with them; null where there is none in scope. */
  async byIds(ids: readonly string[], scope: CustomerScope): Promise<(Incident | null)[]> {
    const query = this.incidents.createQueryBuilder("incident").where("incident.id IN (:...ids)", { ids: [...ids] });
    whereCustomerInScope(query, "incident.customerId", scope);
    return alignByKey(ids, await query.getMany(), (i) => i.id);
  }

  /** The pauses of each incident (ids that came from a scoped read), in chronological order. */
  async pausesOf(incidentIds: readonly string[]): Promise<IncidentPause[][]> {
    const groups = await findGrouped(this.dataSource.getRepository(IncidentPause), "incidentId", incidentIds);
    return groups.map((pauses) => pauses.sort((a, b) => a.position - b.position));
  }

  /** A page of the incidents in scope, oldest first. */
  list(filter: IncidentFilter | null | undefined, page: PageRequest, scope: CustomerScope): Promise<Page<Incident>> {
    const query = this.incidents.createQueryBuilder("incident");
    whereCustomerInScope(query, "incident.customerId", scope);
    whereIn(query, "incident.serviceId", filter?.serviceIds);
    whereIn(query, "incident.customerId", filter?.customerIds);
    whereIn(query, "incident.priority", filter?.priorities);
    if (filter?.openedFrom)
      query.andWhere("incident.openedAt >= :openedFrom", { openedFrom: sqlDateTime(filter.openedFrom) });
    if (filter?.openedTo) query.andWhere("incident.openedAt < :openedTo", { openedTo: sqlDateTime(filter.openedTo) });
    whereNull(query, "incident.resolvedAt", filter?.open);
    return paginate(query, page, {
      sortColumn: "incident.openedAt",
      idColumn: "incident.id",
      position: (i) => [sqlDateTime(i.openedAt), i.id],
    });
  }
}
