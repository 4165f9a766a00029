import type { PageRequest, Transactor } from "@itsm/kit";
import { chunksOf, insertInChunks } from "@itsm/kit";
import type { Period } from "@itsm/service-hours";
import { createHash } from "node:crypto";
import type { DataSource, EntityManager, SelectQueryBuilder } from "typeorm";
import { In } from "typeorm";
import type { Catalogue, CatalogueTarget } from "../catalogue/catalogue.model";
import { consumedShare } from "./budget.rules";
import type { BudgetForecast } from "./budget.rules";
import type { Performance } from "./performance.model";
import { PerformanceSnapshot } from "./performance-snapshot.entity";
import { decodeKey } from "./performance.report";
import type { PerformanceService, TargetResult } from "./performance.service";
import { inForceDuring } from "./performance.service";
import { TargetFigure } from "./target-figure.entity";
import { CHUNK, CountDeltas, countedRows, countStored, recountStored } from "./target-figure-count.store";

const RANK = { BREACHED: 0, AT_RISK: 1, MET: 2, NO_DATA: 3 } as const;

/** How often a report's asking for a period is noted (a write per read would be too many). */
const REQUEST_NOTE_MS = 60 * 60 * 1000;

/** The report's filters the stored figures answer (a customer's figures are computed per request). */
export interface StoredReportFilter {
  status?: Performance["status"] | null;
  agreementType?: string | null;
  providerId?: string | null;
}

/** A page of the report read from the stored figures, in report order. */
export interface StoredReport {
  results: TargetResult[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

/** How long a period found not ready is taken as such before the database is asked again. */
const NOT_READY_RECHECK_MS = 10_000;

const NO_FIGURES = JSON.stringify({
  performance: { achieved: null, status: "NO_DATA", sampleSize: 0, breaches: 0, errorBudget: null },
  forecast: null,
});

/** Staff's view: every customer of the agreement counts (what the stored figures are). */
const STAFF = { kind: "staff" } as const;

/** Hex of a text's UTF-8 bytes: sorts in code-point order under any collation (MariaDB's are case-insensitive). */
export function orderKey(text: string): string {
  return Buffer.from(text, "utf8").toString("hex");
}

/** The share consumed as the report sorts it (an infinite share last among finite ones reversed: first). */
export function sortShare(performance: Performance): number {
  const share = consumedShare(performance.errorBudget);
  return Number.isFinite(share) ? share : Number.MAX_VALUE;
}

/** What of a target its figures depend on (calendar version included): a different hash means compute again. */
export function targetHash(target: CatalogueTarget, catalogue: Catalogue): string {
  const version = catalogue.calendars.get(target.calendarId)?.calendar.version ?? -1;
  return createHash("sha1")
    .update(JSON.stringify([target, version]))
    .digest("hex");
}

/** A stored row read back as the result the in-request computation gives. */
export function resultOf(row: TargetFigure, period: Period): TargetResult {
  const { performance, forecast } = JSON.parse(row.figures) as {
    performance: Performance;
    forecast: BudgetForecast | null;
  };
  return {
    target: {
      targetId: row.targetId,
      agreementId: row.agreementId,
      agreementNumber: row.agreementNumber,
      serviceId: row.serviceId,
    } as CatalogueTarget,
    period,
    customerId: null,
    performance,
    forecast,
    live: row.live === 1,
  };
}

/**
 * The stored figures of the service level report (see `TargetFigure`): rows follow the catalogue,
 * records written mark their services' rows stale in the write transaction, and stale rows are
 * computed by the same `PerformanceService` a request uses — so what is read equals what a request
 * would compute, for the staff view (a partner's or one customer's figures are computed per request).
 */
export class PerformanceStore {
  /** Periods found not ready, until when not to ask again: reports computed in-request cost no extra statement. */
  private readonly notReadyUntil = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactor: Transactor,
    private readonly performance: PerformanceService,
    private readonly now: () => Date,
  ) {}

  /** In a record write's transaction: every stored figure of these services must be computed again. */
  async markStale(manager: EntityManager, serviceIds: readonly string[]): Promise<void> {
    const ids = [...new Set(serviceIds)];
    for (const chunk of chunksOf(ids, CHUNK)) {
      await manager
        .createQueryBuilder()
        .update(TargetFigure)
        .set({ stale: 1, staleMark: () => "staleMark + 1" })
        .where({ serviceId: In(chunk) })
        .execute();
    }
  }

  async snapshot(period: Period): Promise<PerformanceSnapshot | null> {
    return this.dataSource.getRepository(PerformanceSnapshot).findOneBy({ period: period.label });
  }

  /** Notes that a report asked for the period: the job keeps (or starts keeping) its figures. */
  async request(period: Period): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PerformanceSnapshot)
      .values({ period: period.label, revision: "", ready: 0, requestedAt: this.now() })
      .orIgnore()
      .execute();
    await this.dataSource
      .getRepository(PerformanceSnapshot)
      .update({ period: period.label }, { requestedAt: this.now() });
  }

  /** The periods asked for since `since`. */
  async requestedSince(since: Date): Promise<PerformanceSnapshot[]> {
    return this.dataSource
      .getRepository(PerformanceSnapshot)
      .createQueryBuilder("s")
      .where("s.requestedAt >= :since", { since })
      .getMany();
  }

  /**
   * Makes the period's rows follow the catalogue: targets now in force get a (stale) row, changed
   * targets (or calendars) are marked stale, targets gone lose theirs; then the snapshot records the revision.
   */
  async reconcile(period: Period, catalogue: Catalogue): Promise<void> {
    const wanted = new Map(
      catalogue.allTargets
        .filter((t) => inForceDuring(t, period))
        .map((t) => [t.targetId, { target: t, hash: targetHash(t, catalogue) }]),
    );
    const existing: { targetId: string; targetHash: string }[] = await this.dataSource
      .getRepository(TargetFigure)
      .find({ select: { targetId: true, targetHash: true }, where: { period: period.label } });
    const have = new Map(existing.map((row) => [row.targetId, row.targetHash]));
    const added = [...wanted.values()].filter((w) => !have.has(w.target.targetId));
    const changed = [...wanted.values()].filter(
      (w) => have.has(w.target.targetId) && have.get(w.target.targetId) !== w.hash,
    );
    const gone = existing.filter((row) => !wanted.has(row.targetId)).map((row) => row.targetId);
    const computedAt = this.now();
    await this.transactor.run(async (manager) => {
      // The rows as they are now (a concurrent run may have reconciled some), locked: the counts move with them.
      const before = await countedRows(manager, period.label, [
        ...added.map((w) => w.target.targetId),
        ...changed.map((w) => w.target.targetId),
        ...gone,
      ]);
      const counts = new CountDeltas();
      const inserted = added.filter((w) => !before.has(w.target.targetId));
      const rows = inserted.map((w) => this.newRow(period, w.target, w.hash, computedAt));
      await insertInChunks(manager, TargetFigure, rows);
      for (const row of rows) counts.move(undefined, row);
      for (const { target, hash } of changed) {
        const old = before.get(target.targetId);
        if (!old) continue;
        await manager
          .createQueryBuilder()
          .update(TargetFigure)
          .set({ ...catalogueColumns(target, hash), stale: 1, staleMark: () => "staleMark + 1" })
          .where({ period: period.label, targetId: target.targetId })
          .execute();
        counts.move(old, { ...old, agreementType: target.agreementType, providerId: target.providerId });
      }
      const removed = gone.filter((id) => before.has(id));
      for (const chunk of chunksOf(removed, CHUNK)) {
        await manager.delete(TargetFigure, { period: period.label, targetId: In(chunk) });
      }
      for (const id of removed) counts.move(before.get(id), undefined);
      await counts.apply(manager, period.label);
      await manager.update(PerformanceSnapshot, { period: period.label }, { revision: catalogue.revision });
    });
  }

  /** Up to `limit` targets of the period whose rows are stale (or, with `liveBefore`, live and computed before it). */
  async due(period: Period, limit: number, liveBefore?: Date): Promise<string[]> {
    const query = this.dataSource
      .getRepository(TargetFigure)
      .createQueryBuilder("f")
      .select("f.targetId", "targetId")
      .where("f.period = :period", { period: period.label });
    if (liveBefore) query.andWhere("f.live = 1 AND f.stale = 0 AND f.computedAt < :before", { before: liveBefore });
    else query.andWhere("f.stale = 1");
    const rows: { targetId: string }[] = await query.limit(limit).getRawMany();
    return rows.map((r) => r.targetId);
  }

  /**
   * Computes these targets' figures and stores them; a row a write marked stale meanwhile (its
   * `staleMark` moved) stays stale. Targets the catalogue no longer has are left to `reconcile`.
   */
  async compute(period: Period, catalogue: Catalogue, targetIds: readonly string[]): Promise<number> {
    const marks = new Map<string, number>();
    for (const chunk of chunksOf(targetIds, CHUNK)) {
      const rows = await this.dataSource.getRepository(TargetFigure).find({
        select: { targetId: true, staleMark: true },
        where: { period: period.label, targetId: In(chunk) },
      });
      for (const row of rows) marks.set(row.targetId, row.staleMark);
    }
    const targets = [...marks.keys()].flatMap((id) => catalogue.targets.get(id) ?? []);
    if (targets.length === 0) return 0;
    const results = await this.performance.compute(catalogue, targets, period, STAFF, null);
    const computedAt = this.now();
    await this.transactor.run(async (manager) => {
      const before = await countedRows(
        manager,
        period.label,
        results.map((r) => r.target.targetId),
      );
      const counts = new CountDeltas();
      for (const result of results) {
        const old = before.get(result.target.targetId);
        // Gone meanwhile (a reconcile removed it): nothing to update or count.
        if (!old) continue;
        counts.move(old, { ...old, statusRank: RANK[result.performance.status] });
        await manager
          .createQueryBuilder()
          .update(TargetFigure)
          .set({
            ...this.figureColumns(result),
            computedAt,
            stale: () => `CASE WHEN staleMark = ${Number(marks.get(result.target.targetId))} THEN 0 ELSE stale END`,
          })
          .where({ period: period.label, targetId: result.target.targetId })
          .execute();
      }
      await counts.apply(manager, period.label);
    });
    return results.length;
  }

  /**
   * The report read from the stored figures, or null when the period's are not ready (the caller
   * computes in-request, and the job starts keeping the period). Before reading: the rows follow
   * the current catalogue revision, and stale rows are computed — a write then a read shows it.
   */
  async read(
    period: Period,
    filter: StoredReportFilter,
    page: PageRequest,
    revision: () => Promise<string>,
    catalogue: () => Promise<Catalogue>,
  ): Promise<StoredReport | null> {
    if ((this.notReadyUntil.get(period.label) ?? 0) > Date.now()) return null;
    const snapshot = await this.snapshot(period);
    if (!snapshot || snapshot.ready !== 1) {
      if (!snapshot || this.askedLongAgo(snapshot)) await this.request(period);
      this.notReadyUntil.set(period.label, Date.now() + NOT_READY_RECHECK_MS);
      return null;
    }
    if (this.askedLongAgo(snapshot)) await this.request(period);
    if (snapshot.revision !== (await revision())) await this.reconcile(period, await catalogue());
    const stale = await this.due(period, Number.MAX_SAFE_INTEGER);
    if (stale.length > 0) await this.compute(period, await catalogue(), stale);
    if (snapshot.counted !== 1) await this.recount(period);
    return this.page(period, filter, page);
  }

  private askedLongAgo(snapshot: PerformanceSnapshot): boolean {
    return this.now().getTime() - new Date(snapshot.requestedAt).getTime() > REQUEST_NOTE_MS;
  }

  private async page(period: Period, filter: StoredReportFilter, page: PageRequest): Promise<StoredReport> {
    const where = (query: SelectQueryBuilder<TargetFigure>) => {
      query.where("f.period = :period", { period: period.label });
      if (filter.status) query.andWhere("f.statusRank = :rank", { rank: RANK[filter.status] });
      if (filter.agreementType) query.andWhere("f.agreementType = :type", { type: filter.agreementType });
      if (filter.providerId) query.andWhere("f.providerId = :provider", { provider: filter.providerId });
      return query;
    };
    const rows = where(this.dataSource.getRepository(TargetFigure).createQueryBuilder("f"));
    if (page.after) {
      const [rank, share, agreementNumber] = decodeKey(page.after[0]);
      // The report's order (status, most budget consumed, agreement number, target id) as one keyset predicate.
      rows.andWhere(
        `(f.statusRank > :rank OR (f.statusRank = :rank AND (f.budgetOrder > :order OR (f.budgetOrder = :order AND
          (f.numberKey > :numberKey OR (f.numberKey = :numberKey AND f.targetKey > :targetKey))))))`,
        { rank, order: -share, numberKey: orderKey(agreementNumber), targetKey: orderKey(page.after[1]) },
      );
    }
    const found = await rows
      .orderBy("f.statusRank", "ASC")
      .addOrderBy("f.budgetOrder", "ASC")
      .addOrderBy("f.numberKey", "ASC")
      .addOrderBy("f.targetKey", "ASC")
      .limit(page.first + 1)
      .getMany();
    return {
      results: found.slice(0, page.first).map((row) => resultOf(row, period)),
      hasNextPage: found.length > page.first,
      totalCount: () => this.count(period, filter),
    };
  }

  /** How many of the period's stored rows pass the filter: a sum over a few rows of `target_figure_counts`. */
  private count(period: Period, filter: StoredReportFilter): Promise<number> {
    const rank = filter.status ? RANK[filter.status] : undefined;
    return countStored(this.dataSource, period.label, { ...filter, statusRank: rank });
  }

  /**
   * Counts the period's rows afresh into `target_figure_counts` (once per period — its first
   * readiness, or rows stored before the counts existed): every change keeps them from then on.
   */
  async recount(period: Period): Promise<void> {
    await this.transactor.run(async (manager) => {
      await recountStored(manager, period.label);
      await manager.update(PerformanceSnapshot, { period: period.label }, { counted: 1 });
    });
  }

  /** Marks the snapshot ready once no row of the period is stale (its counts counted, the first time). */
  async markReadyIfComplete(period: Period): Promise<boolean> {
    const stale = await this.due(period, 1);
    if (stale.length > 0) return false;
    if ((await this.snapshot(period))?.counted !== 1) await this.recount(period);
    await this.dataSource.getRepository(PerformanceSnapshot).update({ period: period.label }, { ready: 1 });
    this.notReadyUntil.delete(period.label);
    return true;
  }

  private figureColumns(result: TargetResult) {
    return {
      figures: JSON.stringify({ performance: result.performance, forecast: result.forecast }),
      statusRank: RANK[result.performance.status],
      budgetOrder: -sortShare(result.performance),
      live: result.live ? 1 : 0,
    };
  }

  private newRow(period: Period, target: CatalogueTarget, hash: string, computedAt: Date): TargetFigure {
    return {
      period: period.label,
      targetId: target.targetId,
      ...catalogueColumns(target, hash),
      statusRank: RANK.NO_DATA,
      budgetOrder: 0,
      targetKey: orderKey(target.targetId),
      figures: NO_FIGURES,
      stale: 1,
      staleMark: 0,
      live: 0,
      computedAt,
    };
  }
}

/** What a row copies from the catalogue. */
function catalogueColumns(target: CatalogueTarget, hash: string) {
  return {
    agreementId: target.agreementId,
    agreementNumber: target.agreementNumber,
    numberKey: orderKey(target.agreementNumber),
    agreementType: target.agreementType,
    providerId: target.providerId,
    serviceId: target.serviceId,
    targetHash: hash,
  };
}
