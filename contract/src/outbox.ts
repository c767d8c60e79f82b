import * as z from 'zod/mini';
import { ErrorCode } from './errors';
import { DeliveryStatus } from './homeVisit';
import { ClientKey, EntityId, IsoDateTime } from './identifiers';

/**
 * What the line keeps in its durable outbox until the receiver has it: a home-visit request or an appeal for the MIS,
 * an SMS for the gateway, the notice mailed to a medical organisation. Bookings and vaccination registrations are
 * never queued: they take a place that may be gone later, so they are answered now (503 when the MIS is down).
 * `crm` is the line's own follow-up of a settled home visit or appeal: its CRM row (eer_homevisit / eer_appeal) gets
 * the final delivery status and the MIS id; `GET outbox/{clientKey}` does not report it.
 */
export const OutboxKind = z.enum(['home_visit', 'appeal', 'sms', 'mail', 'crm']);
export type OutboxKind = z.infer<typeof OutboxKind>;

/**
 * One queued item as the operator sees it: `accepted` (waiting for its receiver), `delivered` (the MIS, the SMS
 * gateway or the mail server took it), `failed` (given up, with the reason). No content: ids, times and codes only.
 */
export const OutboxEntry = z.object({
  kind: OutboxKind,
  status: DeliveryStatus,
  /** Delivery attempts so far (the first one is made while the operator waits). */
  attempts: z.int().check(z.gte(0)),
  acceptedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** While `accepted`: when the next attempt is due. */
  nextAttemptAt: z.optional(IsoDateTime),
  deliveredAt: z.optional(IsoDateTime),
  /** The receiver's id once delivered: the MIS request or appeal number. */
  resultId: z.optional(EntityId),
  /** Why it failed (or why the last attempt did), as an error code and operator-safe text. */
  reasonCode: z.optional(ErrorCode),
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Everything queued under one client key (a home visit and its notice to the MO; a booking's SMS). */
export const OutboxStatus = z.object({
  clientKey: ClientKey,
  entries: z.array(OutboxEntry),
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** `{clientKey}` in a route. */
export const ClientKeyParams = z.object({ clientKey: ClientKey });
export type ClientKeyParams = z.infer<typeof ClientKeyParams>;
