import { defineEnum, type EnumValue } from "@itsm/kit";

/** Every status change of an agreement, and every alert raised. */
export const WebhookEventType = defineEnum("WebhookEventType", "What a webhook is told about.", {
  AGREEMENT_ACTIVATED: "An agreement became ACTIVE (activated, or a SCHEDULED version came into force).",
  AGREEMENT_SCHEDULED: "A revision was activated with a future effectiveFrom and is SCHEDULED until then.",
  AGREEMENT_SUPERSEDED: "An ACTIVE version was TERMINATED because a newer version came into force.",
  AGREEMENT_EXPIRED: "An ACTIVE agreement passed its effectiveTo and is EXPIRED.",
  AGREEMENT_TERMINATED: "An ACTIVE agreement was ended early (terminateAgreement).",
  AGREEMENT_RENEWED: "A TACIT agreement renewed itself: its effectiveTo moved by the renewal term.",
  ALERT_RAISED: "The lifecycle scheduler saw an alert (kind, agreement and due date) for the first time.",
});
export type WebhookEventType = EnumValue<typeof WebhookEventType>;

/** Where one event's delivery to one webhook stands (a column only, not in the schema: no defineEnum). */
export enum WebhookDeliveryStatus {
  /** Not yet answered with 2xx; the next attempt is due at `nextAttemptAt`. */
  PENDING = "PENDING",
  /** The receiver answered 2xx: never sent again. */
  DELIVERED = "DELIVERED",
  /** Retried for the whole retry window without a 2xx: given up. */
  FAILED = "FAILED",
}

export const WebhookAttemptOutcome = defineEnum("WebhookAttemptOutcome", "What one delivery attempt came to.", {
  DELIVERED: "The receiver answered 2xx: the event is never sent to it again.",
  RETRYING: "No 2xx (an error status, a timeout or no connection): another attempt is scheduled (nextRetryAt).",
  FAILED: "No 2xx, and the retry window (at least 24 hours) is over: the event is given up for this webhook.",
});
export type WebhookAttemptOutcome = EnumValue<typeof WebhookAttemptOutcome>;
