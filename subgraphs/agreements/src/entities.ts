import { Lease, writePathEntities } from "@itsm/kit";
import { Agreement } from "./agreements/agreement.entity";
import { RaisedAlertRecord } from "./alerts/raised-alert.entity";
import { ServiceCalendar } from "./calendars/calendar.entity";
import { CatalogueRevisionSlot } from "./catalogue/catalogue-revision.entity";
import { ReferenceClaim } from "./claims/reference-claim.entity";
import { ServiceCoverage } from "./coverage/service-coverage.entity";
import { AgreementCustomer } from "./parties/agreement-customer.entity";
import { Responsibility } from "./responsibilities/responsibility.entity";
import { ServiceLevelTarget } from "./targets/target.entity";
import { AgreementUnderpinning } from "./underpinning/underpinning.entity";
import { WebhookAttempt } from "./webhooks/webhook-attempt.entity";
import { WebhookDelivery } from "./webhooks/webhook-delivery.entity";
import { WebhookEvent } from "./webhooks/webhook-event.entity";
import { Webhook } from "./webhooks/webhook.entity";
import { AgreementSignature } from "./signatures/signature.entity";

/** Every table of the agreements database (the write path's history and locks, the scheduler's lease, and the webhooks' outbox). */
export const agreementEntities = [
  Agreement,
  AgreementCustomer,
  AgreementUnderpinning,
  ServiceCoverage,
  ServiceLevelTarget,
  Responsibility,
  ReferenceClaim,
  ServiceCalendar,
  Webhook,
  WebhookEvent,
  WebhookDelivery,
  WebhookAttempt,
  RaisedAlertRecord,
  AgreementSignature,
  CatalogueRevisionSlot,
  ...writePathEntities,
  Lease,
];
