import * as z from 'zod/mini';
import { formatError } from './messages';
import { boundedText, ClockTime, DistrictDoctorKind, EntityId, isClockTime } from './identifiers';

const Name = boundedText(500);
/** A phone of an organisation as the MIS gives it, for display: it may hold extensions or several numbers. */
const DisplayPhone = z.string().check(z.trim(), z.maxLength(200));

export const District = z.object({
  id: EntityId,
  name: Name,
  okato: z.optional(z.string().check(z.regex(/^\d{1,11}$/))),
});
export type District = z.infer<typeof District>;

export const MedicalOrganisation = z.object({
  id: EntityId,
  shortName: Name,
  fullName: Name,
  districtId: EntityId,
  address: Name,
  phone: z.optional(DisplayPhone),
  /** Where home-visit and appeal notices are mailed. */
  email: z.optional(z.email(formatError('email.format'))),
  hasHomeVisits: z.boolean(),
});
export type MedicalOrganisation = z.infer<typeof MedicalOrganisation>;

export const Department = z.object({
  id: EntityId,
  moId: EntityId,
  name: Name,
  address: z.optional(Name),
});
export type Department = z.infer<typeof Department>;

export const Locality = z.object({
  id: EntityId,
  name: Name,
  districtId: z.optional(EntityId),
});
export type Locality = z.infer<typeof Locality>;

/** `from` before `to`, both `HH:MM` (compared as text, which orders zero-padded times). */
export const TimeRange = z
  .object({ from: ClockTime, to: ClockTime })
  .check(
    z.refine((r) => !isClockTime(r.from) || !isClockTime(r.to) || r.from < r.to, {
      message: 'time.order',
      path: ['to'],
    }),
  );
export type TimeRange = z.infer<typeof TimeRange>;

const DayHours = z.array(TimeRange);

/** Hours per ISO weekday, `'1'` Monday … `'7'` Sunday; a closed day is an empty list. */
export const WeeklyHours = z.object({
  1: DayHours,
  2: DayHours,
  3: DayHours,
  4: DayHours,
  5: DayHours,
  6: DayHours,
  7: DayHours,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const OpeningHours = z.object({
  moId: EntityId,
  moName: Name,
  address: Name,
  phone: DisplayPhone,
  hours: WeeklyHours,
  homeVisitHours: WeeklyHours,
});
export type OpeningHours = z.infer<typeof OpeningHours>;

/** N3 `SpecialistType`: 1 district (broad), 2 narrow. */
export const SpecialtyKind = z.enum(['district', 'narrow']);
export type SpecialtyKind = z.infer<typeof SpecialtyKind>;

export const Specialty = z.object({
  /** Our key; adapters map it to the MIS code (N3 `IdSpesiality`, FHIR specialty). */
  code: boundedText(64),
  /** Russian name, as shown to operators. */
  name: Name,
  kind: SpecialtyKind,
});
export type Specialty = z.infer<typeof Specialty>;

/** District specialties, keyed by the doctor kind `districtDoctorKind` chooses. */
export const DISTRICT_SPECIALTIES = [
  { code: 'therapist', name: 'терапевт участковый', kind: 'district' },
  { code: 'pediatrician', name: 'педиатр участковый', kind: 'district' },
  { code: 'general_practitioner', name: 'врач общей практики', kind: 'district' },
] as const satisfies readonly (Specialty & { code: DistrictDoctorKind })[];

/** The narrow specialties of the operator manual §4; the list is configurable, this is its default. */
export const DEFAULT_NARROW_SPECIALTIES = [
  { code: 'dentist', name: 'стоматолог', kind: 'narrow' },
  { code: 'surgeon', name: 'хирург', kind: 'narrow' },
  { code: 'neurologist', name: 'невролог', kind: 'narrow' },
  { code: 'ophthalmologist', name: 'офтальмолог', kind: 'narrow' },
  { code: 'otolaryngologist', name: 'оториноларинголог', kind: 'narrow' },
  { code: 'gynecologist', name: 'гинеколог', kind: 'narrow' },
  { code: 'dermatovenereologist', name: 'дерматовенеролог', kind: 'narrow' },
] as const satisfies readonly Specialty[];

/** Query of `organisations`, `departments`, `localities`, `doctors`: all filters optional. */
export const ReferenceQuery = z.object({
  districtId: z.optional(EntityId),
  moId: z.optional(EntityId),
});
export type ReferenceQuery = z.infer<typeof ReferenceQuery>;

export const SpecialtiesQuery = z.object({
  moId: z.optional(EntityId),
  /** The MIS may narrow specialties by the patient's age and attachment. */
  patientId: z.optional(EntityId),
  kind: z.optional(SpecialtyKind),
});
export type SpecialtiesQuery = z.infer<typeof SpecialtiesQuery>;
