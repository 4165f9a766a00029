import type { Identity, SubgraphClient } from "@itsm/kit";
import { DomainError, ErrorCode } from "@itsm/kit";
import { calendarProblems, compileCalendar } from "@itsm/service-hours";
import type { CatalogueAnswer } from "./catalogue.model";
import { Catalogue } from "./catalogue.model";

/** Who operations is when it reads the catalogue: a staff reader of agreements, acting for no customer. */
export const OPERATIONS_IDENTITY: Identity = Object.freeze({
  subject: "system:operations",
  role: "analyst",
  customerCodes: [],
});

const REVISION = "{ serviceLevelCatalogueRevision }";

const CATALOGUE = `{ serviceLevelCatalogue {
  revision
  calendars { id code timeZone windows { days from to } holidays version }
  targets { targetId agreementId agreementNumber agreementType agreementStatus effectiveFrom effectiveTo
    providerId customerIds serviceId calendarId metric comparator value unit priority compliancePercent period }
} }`;

/**
 * The agreements' service level catalogue (targets and calendars), kept per process: each caller
 * asks the cheap revision first and the whole catalogue is fetched again only when it changed.
 * What is cached is derived from agreements alone; a caller's view is filtered from it afterwards.
 */
export class CatalogueClient {
  private cached: Catalogue | null = null;
  private refreshing: Promise<Catalogue> | null = null;

  constructor(private readonly agreements: SubgraphClient) {}

  /** The current catalogue; SERVICE_UNAVAILABLE when agreements cannot be consulted. */
  async current(): Promise<Catalogue> {
    return this.at(await this.revision());
  }

  /** The catalogue's current revision (cheap: nothing else is fetched); SERVICE_UNAVAILABLE as `current`. */
  async revision(): Promise<string> {
    const answer = await this.ask<{ serviceLevelCatalogueRevision: string }>(REVISION);
    return answer.serviceLevelCatalogueRevision;
  }

  /** The catalogue, fetched again only when `revision` (just asked) differs from the one held. */
  async at(revision: string): Promise<Catalogue> {
    if (this.cached?.revision === revision) return this.cached;
    // Concurrent requests that saw the same change share one fetch.
    this.refreshing ??= this.fetch().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async fetch(): Promise<Catalogue> {
    const { serviceLevelCatalogue: answer } = await this.ask<{ serviceLevelCatalogue: CatalogueAnswer }>(CATALOGUE);
    const calendars = new Map(
      answer.calendars
        // A calendar agreements accepted is valid; one that is not is left out rather than breaking every report.
        .filter((calendar) => calendarProblems(calendar).length === 0)
        .map((calendar) => [calendar.id, { calendar, compiled: compileCalendar(calendar) }] as const),
    );
    this.cached = new Catalogue(answer.revision, calendars, answer.targets);
    return this.cached;
  }

  private async ask<T>(query: string): Promise<T> {
    try {
      return await this.agreements.execute<T>(query, {}, OPERATIONS_IDENTITY);
    } catch {
      // Once more after the event loop turned: a long synchronous stretch (SQLite computing figures)
      // can hand fetch a keep-alive socket the peer closed meanwhile; these reads are safe to repeat.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    try {
      return await this.agreements.execute<T>(query, {}, OPERATIONS_IDENTITY);
    } catch (error) {
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `Service level performance needs the agreements subgraph's targets and calendars, which could not be read (${(error as Error).message}); the records themselves can still be read and written — retry shortly`,
        { serviceName: "agreements" },
      );
    }
  }
}
