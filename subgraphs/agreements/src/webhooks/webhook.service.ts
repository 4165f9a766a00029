import type { Page, PageRequest } from "@itsm/kit";
import { groupByKey, keysetOrder, paginate } from "@itsm/kit";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { WebhookAttempt } from "./webhook-attempt.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { Webhook } from "./webhook.entity";
import { WebhookDeliveryStatus } from "./webhook.enums";

/** Reads webhooks and their delivery attempts (admin only: the resolver checks). */
export class WebhookService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the webhooks, ordered by URL. */
  list(page: PageRequest): Promise<Page<Webhook>> {
    const query = this.dataSource.getRepository(Webhook).createQueryBuilder("webhook");
    return paginate(query, page, keysetOrder<Webhook>("webhook", "url"));
  }

  /**
   * The latest `first` attempts of each webhook, newest first, in two queries whatever the number
   * of webhooks: their ids ranked per webhook (a window function, on SQLite and MariaDB), then the rows.
   */
  async latestAttempts(webhookIds: readonly string[], first: number): Promise<WebhookAttempt[][]> {
    if (webhookIds.length === 0 || first === 0) return webhookIds.map(() => []);
    const marks = webhookIds.map(() => "?").join(", ");
    const ranked: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY webhookId ORDER BY at DESC, attempt DESC, id) AS n
         FROM webhook_attempts WHERE webhookId IN (${marks})) ranked WHERE n <= ?`,
      [...webhookIds, first],
    );
    const rows = ranked.length
      ? await this.dataSource.getRepository(WebhookAttempt).find({
          where: { id: In(ranked.map((r) => r.id)) },
          order: { at: "DESC", attempt: "DESC", id: "ASC" },
        })
      : [];
    return groupByKey(webhookIds, rows, (a) => a.webhookId);
  }

  /** How many events each webhook still has to receive (PENDING deliveries). */
  async backlogs(webhookIds: readonly string[]): Promise<number[]> {
    const rows: { webhookId: string; pending: string | number }[] = await this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder("delivery")
      .select("delivery.webhookId", "webhookId")
      .addSelect("COUNT(*)", "pending")
      .where("delivery.webhookId IN (:...ids)", { ids: [...webhookIds] })
      .andWhere("delivery.status = :pending", { pending: WebhookDeliveryStatus.PENDING })
      .groupBy("delivery.webhookId")
      .getRawMany();
    const counts = new Map(rows.map((r) => [r.webhookId, Number(r.pending)]));
    return webhookIds.map((id) => counts.get(id) ?? 0);
  }
}
