import type { OperationSelection, Page, PageRequest, Projected, Projection } from "@itsm/kit";
import { findAligned, paginate, projectedColumns } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { Provider } from "./provider.entity";
import type { ProviderCriteria } from "./provider.filters";
import { filterProviders, PROVIDER_ORDER } from "./provider.filters";
import type { ProviderScope } from "./provider.scope";

/** How provider rows answer the Provider type. */
const PROVIDER_FIELDS: Projection = { typeName: "Provider", always: ["code"] };

/** A provider as `selectedByIds` reads it: id and code, the other columns only if the operation selects them. */
export type SelectedProvider = Projected<Provider, "id" | "code">;

/** Reads service providers. */
export class ProviderService {
  constructor(private readonly dataSource: DataSource) {}

  private get providers() {
    return this.dataSource.getRepository(Provider);
  }

  /**
   * Providers by id; none for a caller the scope lets read none (`_entities` of an anonymous caller).
   * With the request's `selection`, only the columns its Provider fields need (the rows then serve those fields only).
   */
  async selectedByIds(
    ids: readonly string[],
    scope: ProviderScope,
    selection: OperationSelection,
  ): Promise<(SelectedProvider | null)[]> {
    if (!scope.all) return ids.map(() => null);
    return findAligned(
      this.providers,
      "id",
      ids,
      {},
      projectedColumns(this.providers.metadata, selection, PROVIDER_FIELDS),
    );
  }

  byCodes(codes: readonly string[]): Promise<(Provider | null)[]> {
    return findAligned(this.providers, "code", codes);
  }

  /** A page of providers ordered by code. */
  list(criteria: ProviderCriteria | null | undefined, page: PageRequest): Promise<Page<Provider>> {
    const query = this.providers.createQueryBuilder("provider");
    filterProviders(query, criteria);
    return paginate(query, page, PROVIDER_ORDER);
  }
}
