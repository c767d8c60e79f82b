import * as z from 'zod/mini';
import { Address } from './address';
import {
  BirthDate,
  boundedText,
  ClientKey,
  EntityId,
  FullNameQuery,
  IsoDate,
  OmsPolicy,
  Passport,
  Phone,
  Snils,
  StoredPolicy,
  StoredSnils,
} from './identifiers';

const Limit = z._default(z.int().check(z.gte(1), z.lte(50)), 10);

/**
 * Patient search by any of the manual's criteria (§3). Controls omit empty fields rather than send `''`.
 * The MIS returns its own top-N; `limit` caps it.
 */
export const PatientSearchQuery = z
  .object({
    /** Full name or its beginning, «Иванов Иван» or «Иванов». */
    fullName: z.optional(FullNameQuery),
    birthDate: z.optional(BirthDate),
    policy: z.optional(OmsPolicy),
    snils: z.optional(Snils),
    passport: z.optional(Passport),
    limit: Limit,
  })
  .check(
    z.refine(
      (q) => [q.fullName, q.birthDate, q.policy, q.snils, q.passport].some((v) => v !== undefined),
      'search.noCriteria',
    ),
  );
export type PatientSearchQuery = z.infer<typeof PatientSearchQuery>;

/** Pre-identification of a caller by the number they call from. */
export const PatientByPhoneQuery = z.object({ phone: Phone, limit: Limit });
export type PatientByPhoneQuery = z.infer<typeof PatientByPhoneQuery>;

/** Which identifier matched exactly, when one did: an exact match can be opened without asking more questions. */
export const MatchedBy = z.enum(['snils', 'policy', 'passport', 'phone']);
export type MatchedBy = z.infer<typeof MatchedBy>;

/** A row of the candidate list. Identifiers as the MIS holds them (format checked, not checksums). */
export const PatientSummary = z.object({
  misId: EntityId,
  fullName: boundedText(200),
  birthDate: IsoDate,
  age: z.int().check(z.gte(0)),
  snils: z.optional(StoredSnils),
  policy: z.optional(StoredPolicy),
  /** Short name of the MO the patient is attached to. */
  attachmentMoName: z.optional(boundedText(500)),
  matchedBy: z.optional(MatchedBy),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientSearchResult = z.object({
  candidates: z.array(PatientSummary),
  /** The MIS had more matches than returned: ask for one more criterion. */
  truncated: z.boolean(),
});
export type PatientSearchResult = z.infer<typeof PatientSearchResult>;

/** N3 `AreaType` of a service zone (участок). */
export const AreaType = z.enum([
  'feldsher',
  'therapeutic',
  'general_practice',
  'complex',
  'obstetric',
  'assigned',
  'pediatric',
  'phthisiatric',
]);
export type AreaType = z.infer<typeof AreaType>;

export const AREA_TYPE_CODES = {
  feldsher: 1,
  therapeutic: 2,
  general_practice: 3,
  complex: 4,
  obstetric: 5,
  assigned: 6,
  pediatric: 7,
  phthisiatric: 8,
} as const satisfies Record<AreaType, number>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

export const Attachment = z.object({
  moId: EntityId,
  moName: boundedText(500),
  zoneId: z.optional(EntityId),
  zoneName: z.optional(boundedText(200)),
  areaType: z.optional(AreaType),
});
export type Attachment = z.infer<typeof Attachment>;

/** The patient card of manual §3 (fig. 5). `attachment` is null when the patient is attached nowhere. */
export const PatientCard = z.object({
  misId: EntityId,
  lastName: boundedText(100),
  firstName: boundedText(100),
  middleName: z.optional(boundedText(100)),
  fullName: boundedText(300),
  birthDate: IsoDate,
  age: z.int().check(z.gte(0)),
  sex: z.optional(Sex),
  phone: z.optional(Phone),
  smsConsent: z.boolean(),
  attachment: z.nullable(Attachment),
  policy: z.optional(StoredPolicy),
  snils: z.optional(StoredSnils),
  passport: z.optional(Passport),
  address: z.optional(Address),
});
export type PatientCard = z.infer<typeof PatientCard>;

/** New contact phone and SMS consent (manual §3, fig. 6). Consent needs a mobile number. */
export const PhoneUpdate = z
  .object({
    patientId: EntityId,
    phone: Phone,
    smsConsent: z.boolean(),
    clientKey: ClientKey,
  })
  .check(
    z.refine((u) => !u.smsConsent || /^\+79\d{9}$/.test(u.phone), { message: 'phone.notMobile', path: ['phone'] }),
  );
export type PhoneUpdate = z.infer<typeof PhoneUpdate>;

export const PhoneUpdateResult = z.object({
  patientId: EntityId,
  phone: Phone,
  smsConsent: z.boolean(),
});
export type PhoneUpdateResult = z.infer<typeof PhoneUpdateResult>;
