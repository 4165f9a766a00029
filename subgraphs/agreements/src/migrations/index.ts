import { NamedLockAcquisitions1797000000000 } from "@itsm/kit";
import { Initial1795650720967 } from "./1795650720967-initial.migration";
import { WritePath1795651298771 } from "./1795651298771-write-path.migration";
import { ServiceLevelPerformance1796515316539 } from "./1796515316539-service-level-performance.migration";
import { TimeDrivenLifecycle1796516470983 } from "./1796516470983-time-driven-lifecycle.migration";
import { RenewalTerms1796517411523 } from "./1796517411523-renewal-terms.migration";
import { AgreementSignatures1796524919920 } from "./1796524919920-agreement-signatures.migration";
import { Webhooks1796524962063 } from "./1796524962063-webhooks.migration";
import { RaisedAlerts1796528008959 } from "./1796528008959-raised-alerts.migration";
import { CatalogueRevision1797100000000 } from "./1797100000000-catalogue-revision.migration";
import { WebhookEventIndexes1797200000000 } from "./1797200000000-webhook-event-indexes.migration";
import { AgreementPagesByNumberAndId1797201000000 } from "./1797201000000-agreement-pages-by-number-and-id.migration";
import { TargetsByAgreementCovering1797201000001 } from "./1797201000001-targets-by-agreement-covering.migration";

/** The agreements subgraph's MySQL/MariaDB migrations, oldest first (scripts/db.mjs generate adds new ones last). */
export const agreementsMigrations = [
  Initial1795650720967,
  WritePath1795651298771,
  ServiceLevelPerformance1796515316539,
  TimeDrivenLifecycle1796516470983,
  RenewalTerms1796517411523,
  AgreementSignatures1796524919920,
  Webhooks1796524962063,
  RaisedAlerts1796528008959,
  NamedLockAcquisitions1797000000000,
  CatalogueRevision1797100000000,
  WebhookEventIndexes1797200000000,
  AgreementPagesByNumberAndId1797201000000,
  TargetsByAgreementCovering1797201000001,
];
