import * as z from 'zod/mini';
import { boundedText, CallerNumber, EntityId, IsoDateTime } from './identifiers';
import { IvrDigit } from './ivr';
import { PatientSummary } from './patient';

/** Fields every event of the telephony webhook carries. `eventId` makes a redelivered event a no-op. */
const EventBase = {
  eventId: EntityId,
  telephonyCallId: EntityId,
  occurredAt: IsoDateTime,
  callerNumber: CallerNumber,
  line: z.literal('122'),
  ivrDigit: IvrDigit,
};

/** A call waits for an operator: one (`operatorId`) or the whole group (no `operatorId`). */
export const CallOffered = z.object({
  type: z.literal('offered'),
  ...EventBase,
  operatorId: z.optional(EntityId),
});
export type CallOffered = z.infer<typeof CallOffered>;

export const CallAnswered = z.object({
  type: z.literal('answered'),
  ...EventBase,
  operatorId: EntityId,
});
export type CallAnswered = z.infer<typeof CallAnswered>;

export const CallEndReason = z.enum(['caller_hung_up', 'operator_hung_up', 'transferred', 'failed', 'other']);
export type CallEndReason = z.infer<typeof CallEndReason>;

export const CallEnded = z.object({
  type: z.literal('ended'),
  ...EventBase,
  operatorId: z.optional(EntityId),
  reason: z.optional(CallEndReason),
});
export type CallEnded = z.infer<typeof CallEnded>;

/** The caller hung up before anyone answered. */
export const CallAbandoned = z.object({
  type: z.literal('abandoned'),
  ...EventBase,
  waitedSeconds: z.optional(z.number().check(z.gte(0))),
});
export type CallAbandoned = z.infer<typeof CallAbandoned>;

export const CallEvent = z.discriminatedUnion('type', [CallOffered, CallAnswered, CallEnded, CallAbandoned]);
export type CallEvent = z.infer<typeof CallEvent>;

/** Reply to the telephony platform; `duplicate` when the `eventId` was seen before. */
export const WebhookAck = z.object({ accepted: z.boolean(), duplicate: z.optional(z.boolean()) });
export type WebhookAck = z.infer<typeof WebhookAck>;

/**
 * An offered call pushed to operators, with the patients its number pre-identified. `claimable` is true when it went
 * to the group: the first operator to claim it takes it.
 */
export const CallNotification = z.extend(CallOffered, {
  candidates: z.array(PatientSummary),
  claimable: z.boolean(),
});
export type CallNotification = z.infer<typeof CallNotification>;

/** Pushed to the group when someone took a call: the others drop its toast. */
export const CallTaken = z.object({ telephonyCallId: EntityId, operatorId: EntityId });
export type CallTaken = z.infer<typeof CallTaken>;

export const AnnouncementSeverity = z.enum(['info', 'warning', 'urgent']);
export type AnnouncementSeverity = z.infer<typeof AnnouncementSeverity>;

/** News on the operator's start window (manual §2). */
export const Announcement = z.object({
  id: EntityId,
  title: boundedText(200),
  text: boundedText(4000),
  severity: AnnouncementSeverity,
  publishedAt: IsoDateTime,
  /** Shown until then; without it an announcement stays current for a day. */
  expiresAt: z.optional(IsoDateTime),
});
export type Announcement = z.infer<typeof Announcement>;

/** What a supervisor publishes; the function app adds `id` and `publishedAt`. */
export const AnnouncementDraft = z.object({
  title: boundedText(200),
  text: boundedText(4000),
  severity: AnnouncementSeverity,
  expiresAt: z.optional(IsoDateTime),
});
export type AnnouncementDraft = z.infer<typeof AnnouncementDraft>;

export const ClaimCallRequest = z.object({ telephonyCallId: EntityId });
export type ClaimCallRequest = z.infer<typeof ClaimCallRequest>;

/** `operatorId` is whoever holds the call now: the caller when `claimed`, the winner otherwise. */
export const ClaimCallResult = z.object({ claimed: z.boolean(), operatorId: EntityId });
export type ClaimCallResult = z.infer<typeof ClaimCallResult>;

/** Azure SignalR redirect answer of the negotiate function. */
export const NegotiateResponse = z.object({
  url: z.url(),
  accessToken: z.string().check(z.minLength(1)),
});
export type NegotiateResponse = z.infer<typeof NegotiateResponse>;

/**
 * Client methods the relay invokes over SignalR, each with the schema of its single argument. Clients only listen
 * (serverless mode): every operator action is an HTTP call.
 */
export const PUSH_TARGETS = {
  callOffered: CallNotification,
  callTaken: CallTaken,
  callEnded: CallEnded,
  callAbandoned: CallAbandoned,
  announcement: Announcement,
} as const;
export type PushTarget = keyof typeof PUSH_TARGETS;
