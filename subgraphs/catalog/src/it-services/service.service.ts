import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, loadExisting, paginate, sortByText } from "@itsm/kit";
import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { Service } from "./service.entity";
import type { ServiceCriteria } from "./service.filters";
import { filterServices, SERVICE_ORDER } from "./service.filters";
import type { ServiceScope } from "./service.scope";
import { inScope, whereInScope } from "./service.scope";

/** Reads the service catalogue: services by id, by code, and as a filtered list. */
export class ServiceService {
  constructor(private readonly dataSource: DataSource) {}

  private get services() {
    return this.dataSource.getRepository(Service);
  }

  /** The services with these ids, aligned with them; null for those that do not exist or are out of scope. */
  byIds(ids: readonly string[], scope: ServiceScope): Promise<(Service | null)[]> {
    return findAligned(this.services, "id", ids, inScope(scope));
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
  serviceById: DataLoader<string, Service | null>,
  ids: readonly string[],
): Promise<Service[]> {
  return sortByText(await loadExisting(serviceById, ids), (s) => s.code);
}
