import type { OperationSelection, Page, PageRequest, Projected, Projection } from "@itsm/kit";
import { findAligned, loadExisting, paginate, projectedColumns, sortByText } from "@itsm/kit";
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Service } from "./service.entity";
import type { ServiceCriteria } from "./service.filters";
import { filterServices, SERVICE_ORDER } from "./service.filters";
import type { ServiceScope } from "./service.scope";
import { inScope, whereInScope } from "./service.scope";

/** How service rows answer the Service type (`servicesByCode` orders them by code). */
const SERVICE_FIELDS: Projection = { typeName: "Service", always: ["code"] };

/** A service as `selectedByIds` reads it: id and code, the other columns only if the operation selects them. */
export type SelectedService = Projected<Service, "id" | "code">;

/** Reads the service catalogue: services by id, by code, and as a filtered list. */
export class ServiceService {
  constructor(private readonly dataSource: DataSource) {}

  private get services() {
    return this.dataSource.getRepository(Service);
  }

  /**
   * The services with these ids, aligned with them; null for those that do not exist or are out of
   * scope. With the request's `selection`, only the columns its Service fields need (the rows then
   * go to those fields only).
   */
  selectedByIds(
    ids: readonly string[],
    scope: ServiceScope,
    selection: OperationSelection,
  ): Promise<(SelectedService | null)[]> {
    const select = projectedColumns(this.services.metadata, selection, SERVICE_FIELDS);
    return findAligned(this.services, "id", ids, inScope(scope), select);
  }

  /** The services with these codes, aligned with them; null for those that do not exist or are out of scope. */
  byCodes(codes: readonly string[], scope: ServiceScope): Promise<(Service | null)[]> {
    return findAligned(this.services, "code", codes, inScope(scope));
  }

  /** A page of the services in scope, ordered by code (`totalCount` counts only those in scope). */
  async list(
    criteria: ServiceCriteria | null | undefined,
    page: PageRequest,
    scope: ServiceScope,
  ): Promise<Page<Service>> {
    const query = this.services.createQueryBuilder("service");
    whereInScope(query, scope);
    filterServices(query, criteria);
    return paginate(query, page, SERVICE_ORDER);
  }
}

/** The services with these ids that the caller may see (through its scoped loader), by code: every related-services list. */
export async function servicesByCode(
  serviceById: DataLoader<string, SelectedService | null>,
  ids: readonly string[],
): Promise<SelectedService[]> {
  return sortByText(await loadExisting(serviceById, ids), (s) => s.code);
}
