import * as z from 'zod/mini';
import { Address } from './address';
import { boundedText, ClientKey, EntityId, IsoDateTime, Phone } from './identifiers';
import { WeeklyHours } from './reference';

/** How a request forwarded to an organisation fared: taken by the MIS, then mailed, or failed. */
export const DeliveryStatus = z.enum(['accepted', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const AddressResolveRequest = z.object({
  address: Address,
  patientId: z.optional(EntityId),
});
export type AddressResolveRequest = z.infer<typeof AddressResolveRequest>;

/** The MO and zone serving an address, and whether it takes home visits right now (manual §5). */
export const AddressResolution = z.object({
  moId: EntityId,
  moName: boundedText(500),
  zoneId: EntityId,
  zoneName: boundedText(200),
  acceptingNow: z.boolean(),
  homeVisitHours: WeeklyHours,
  /** When closed: the next moment requests are taken. */
  nextOpensAt: z.optional(IsoDateTime),
});
export type AddressResolution = z.infer<typeof AddressResolution>;

/** A body temperature in °C, 34.0–43.0, at most one decimal. */
export const Temperature = z.number().check(
  z.gte(34, 'temperature.range'),
  z.lte(43, 'temperature.range'),
  z.refine((t) => Math.abs(t * 10 - Math.round(t * 10)) < 1e-9, 'temperature.precision'),
);
export type Temperature = z.infer<typeof Temperature>;

/** The home-visit form (manual §5, fig. 14). The serving MO is resolved again from the address on the server. */
export const HomeVisitRequest = z.object({
  patientId: EntityId,
  address: Address,
  intercomCode: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  phone: Phone,
  temperature: z.optional(Temperature),
  complaints: boundedText(2000, 3),
  callId: z.optional(EntityId),
  clientKey: ClientKey,
});
export type HomeVisitRequest = z.infer<typeof HomeVisitRequest>;

export const HomeVisitAccepted = z.object({
  requestId: EntityId,
  moId: EntityId,
  moName: boundedText(500),
  status: DeliveryStatus,
  /** Why delivery failed, operator-safe text. */
  reason: z.optional(z.string().check(z.maxLength(500))),
  /** The notice to the MO's mailbox went out. */
  emailSent: z.boolean(),
  /**
   * The MIS could not take it now: the line queued it (HTTP 202) and delivers it when the MIS is back. `requestId` is
   * then the client key; `GET outbox/{clientKey}` reports the MIS's number and whether it was delivered or failed.
   */
  queued: z.optional(z.boolean()),
});
export type HomeVisitAccepted = z.infer<typeof HomeVisitAccepted>;
