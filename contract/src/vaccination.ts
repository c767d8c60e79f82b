import * as z from 'zod/mini';
import { DeliveryStatus } from './homeVisit';
import {
  BirthDate,
  boundedText,
  ClientKey,
  dateRangeChecks,
  EntityId,
  IsoDate,
  IsoDateTime,
  MobilePhone,
  NamePart,
  Snils,
} from './identifiers';
import { WeeklyHours } from './reference';

export const VaccinationPoint = z.object({
  id: EntityId,
  name: boundedText(500),
  moId: EntityId,
  address: boundedText(500),
  hours: z.optional(WeeklyHours),
});
export type VaccinationPoint = z.infer<typeof VaccinationPoint>;

export const VaccinationSlot = z.object({
  id: EntityId,
  pointId: EntityId,
  start: IsoDateTime,
  end: IsoDateTime,
  /** People per slot (SMART Scheduling Links `slot-capacity`). */
  capacity: z.optional(z.int().check(z.gte(1))),
  free: z.int().check(z.gte(0)),
});
export type VaccinationSlot = z.infer<typeof VaccinationSlot>;

export const VaccinationPointsQuery = z.object({
  districtId: z.optional(EntityId),
  moId: z.optional(EntityId),
});
export type VaccinationPointsQuery = z.infer<typeof VaccinationPointsQuery>;

export const VaccinationSlotsQuery = z
  .object({
    pointId: EntityId,
    from: IsoDate,
    to: IsoDate,
  })
  .check(...dateRangeChecks());
export type VaccinationSlotsQuery = z.infer<typeof VaccinationSlotsQuery>;

export const Vaccine = z.enum(['sputnik_v', 'sputnik_light', 'epivaccorona', 'kovivac', 'influenza']);
export type Vaccine = z.infer<typeof Vaccine>;

export const Dose = z.union([z.literal(1), z.literal(2), z.literal('booster')]);
export type Dose = z.infer<typeof Dose>;

/** Vaccination of a medical worker (manual §7): the worker is identified by name, birth date and SNILS. */
export const VaccinationRegistration = z.object({
  lastName: NamePart,
  firstName: NamePart,
  middleName: z.optional(NamePart),
  birthDate: BirthDate,
  snils: Snils,
  phone: MobilePhone,
  employerMoId: EntityId,
  /** Job title. */
  position: boundedText(200, 2),
  vaccine: z.optional(Vaccine),
  dose: Dose,
  pointId: EntityId,
  slotId: EntityId,
  callId: z.optional(EntityId),
  clientKey: ClientKey,
});
export type VaccinationRegistration = z.infer<typeof VaccinationRegistration>;

export const VaccinationAccepted = z.object({
  registrationId: EntityId,
  status: DeliveryStatus,
  reason: z.optional(z.string().check(z.maxLength(500))),
  smsSent: z.boolean(),
});
export type VaccinationAccepted = z.infer<typeof VaccinationAccepted>;
