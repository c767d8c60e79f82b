import * as z from 'zod/mini';
import { boundedText, CallerNumber, EntityId, IsoDateTime } from './identifiers';
import { IvrDigit } from './ivr';

export const CallStatus = z.enum(['offered', 'in_progress', 'wrap_up', 'completed', 'abandoned', 'declined']);
export type CallStatus = z.infer<typeof CallStatus>;

/** Key of a call type from the reference list kept in Dataverse (business analysts edit it). */
export const CallTypeKey = boundedText(100);
export type CallTypeKey = z.infer<typeof CallTypeKey>;

export const CallType = z.object({
  key: CallTypeKey,
  name: boundedText(200),
});
export type CallType = z.infer<typeof CallType>;

const Comment = z.string().check(z.trim(), z.maxLength(2000));

export const CreatedIds = z.object({
  appointmentIds: z.array(EntityId),
  homeVisitIds: z.array(EntityId),
  appealIds: z.array(EntityId),
  vaccinationIds: z.array(EntityId),
});
export type CreatedIds = z.infer<typeof CreatedIds>;

/** One handled call, as the form's record keeps it. */
export const CallRecord = z.object({
  telephonyCallId: EntityId,
  topic: IvrDigit,
  callerNumber: CallerNumber,
  operatorId: z.optional(EntityId),
  offeredAt: z.optional(IsoDateTime),
  answeredAt: z.optional(IsoDateTime),
  endedAt: z.optional(IsoDateTime),
  patientMisId: z.optional(EntityId),
  patientName: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  callType: z.optional(CallTypeKey),
  comment: z.optional(Comment),
  status: CallStatus,
  createdIds: z.optional(CreatedIds),
});
export type CallRecord = z.infer<typeof CallRecord>;

/** Wrap-up (manual §8): the call type is required, the comment is not. */
export const CallCompletion = z.object({
  callType: CallTypeKey,
  comment: z.optional(Comment),
});
export type CallCompletion = z.infer<typeof CallCompletion>;
