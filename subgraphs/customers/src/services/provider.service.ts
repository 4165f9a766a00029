import type { Page, PageRequest } from "@itsm/kit";
import { findAligned, paginate, whereContains, whereIn } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { Provider } from "../entities";
import type { ProviderFilter } from "../resolvers/provider.inputs";
import type { ProviderScope } from "./customers.scope";

/** Reads service providers. */
export class ProviderService {
  constructor(private readonly dataSource: DataSource) {}

  private get providers() {
    return this.dataSource.getRepository(Provider);
  }

  /** Providers by id; none for a caller the scope lets read none (`_entities` of an anonymous caller). */
  async byIds(ids: readonly string[], scope: ProviderScope): Promise<(Provider | null)[]> {
    if (!scope.all) return ids.map(() => null);
    return findAligned(this.providers, "id", ids);
  }

  byCodes(codes: readonly string[]): Promise<(Provider | null)[]> {
    return findAligned(this.providers, "code", codes);
  }

  /** A page of providers ordered by code. */
  list(filter: ProviderFilter | null | undefined, page: PageRequest): Promise<Page<Provider>> {
    const query = this.providers.createQueryBuilder("provider");
    whereContains(query, ["provider.code", "provider.name"], filter?.search);
    whereIn(query, "provider.kind", filter?.kind);
    return paginate(query, page, {
      sortColumn: "provider.code",
      idColumn: "provider.id",
      position: (p) => [p.code, p.id],
    });
  }
}
