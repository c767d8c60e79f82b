/**
 * FHIR resources → contract values, and back for the few resources the adapter writes. Every mapped value is parsed
 * with its contract schema: a single read that does not fit is a mis_error; in lists a record that does not fit is
 * left out (one odd record must not hide all the others). Errors never carry the data itself.
 */
import {
  AreaType,
  ageOn,
  appointmentSourceFromCode,
  DISTRICT_SPECIALTIES,
  normalizePhone,
  type Address,
  type Doctor,
  type MedicalOrganisation,
  type PatientCard,
  type PatientSummary,
  type MatchedBy,
  type Specialty,
  type StoredPolicy,
  type Ticket,
  type TicketStatus,
  type WeeklyHours,
} from '@eer/contract';
import type {
  Address as FhirAddress,
  Appointment,
  ContactPoint,
  Extension,
  HealthcareServiceAvailableTime,
  HumanName,
  Identifier,
  LocationHoursOfOperation,
  Organization,
  Patient,
  PractitionerRole,
  Reference,
  Slot,
} from '@medplum/fhirtypes';
import * as z from 'zod/mini';
import { AppError } from '../../http/errors';
import { EXT, FIAS_EXTENSION, IDENTITY_DOCUMENT_SYSTEM, OMS_SYSTEM, SNILS_SYSTEM, SPECIALTY_SYSTEM } from './systems';

/** Maps and parses one value; a record that cannot be read or does not fit is the MIS's fault (mis_error). */
export function parseOne<S extends z.ZodMiniType>(schema: S, build: () => unknown): z.infer<S> {
  let value: unknown;
  try {
    value = build();
  } catch {
    throw new AppError('mis_error');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('mis_error');
  return result.data;
}

/** Maps and parses each item; items that cannot be mapped or parsed are left out. */
export function parseEach<T, S extends z.ZodMiniType>(schema: S, items: T[], map: (item: T) => unknown): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const item of items) {
    try {
      const result = schema.safeParse(map(item));
      if (result.success) out.push(result.data);
    } catch {
      // a record the mapping cannot read is skipped like one the schema refuses
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------ helpers

export function idOf(reference: Reference | undefined, resourceType?: string): string | undefined {
  const ref = reference?.reference;
  if (!ref) return undefined;
  const [type, id] = ref.split('/');
  if (resourceType && type !== resourceType) return undefined;
  return id;
}

export function extension(resource: { extension?: Extension[] } | undefined, url: string): Extension | undefined {
  return resource?.extension?.find((e) => e.url === url);
}

export function extensions(resource: { extension?: Extension[] } | undefined, url: string): Extension[] {
  return resource?.extension?.filter((e) => e.url === url) ?? [];
}

function identifier(identifiers: Identifier[] | undefined, system: string): string | undefined {
  return identifiers?.find((i) => i.system === system)?.value;
}

function officialName(names: HumanName[] | undefined): HumanName | undefined {
  return names?.find((n) => n.use === 'official') ?? names?.[0];
}

function nameText(name: HumanName | undefined): string {
  return (name?.text ?? [name?.family, ...(name?.given ?? [])].filter(Boolean).join(' ')).trim();
}

function policyOf(patient: Patient): StoredPolicy | undefined {
  const value = identifier(patient.identifier, OMS_SYSTEM)?.trim();
  if (!value) return undefined;
  if (/^\d{16}$/.test(value.replace(/\s/g, ''))) return value.replace(/\s/g, '');
  const m = /^(.*\S)\s+(\d{1,16})$/.exec(value);
  return m ? { series: m[1] as string, number: m[2] as string } : undefined;
}

function primaryPhone(patient: Patient): ContactPoint | undefined {
  const phones = (patient.telecom ?? []).filter((t) => t.system === 'phone' && t.value);
  return [...phones].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || Number(b.use === 'mobile') - Number(a.use === 'mobile'))[0];
}

/** Street, «д. 12», «корп. 2», «кв. 34» in Address.line, as the MIS stores them. */
export function addressFromFhir(address: FhirAddress | undefined): Address | undefined {
  if (!address) return undefined;
  const [street, ...rest] = address.line ?? [];
  const part = (re: RegExp) => rest.map((l) => re.exec(l)?.[1]).find(Boolean);
  const text = address.text ?? [address.city, ...(address.line ?? [])].filter(Boolean).join(', ');
  if (!text) return undefined;
  return {
    text,
    ...(address.city ? { locality: address.city } : {}),
    ...(street ? { street } : {}),
    ...(part(/^(?:д\.?|дом)\s*(.+)$/i) ? { house: part(/^(?:д\.?|дом)\s*(.+)$/i) } : {}),
    ...(part(/^(?:корп\.?|стр\.?)\s*(.+)$/i) ? { building: part(/^(?:корп\.?|стр\.?)\s*(.+)$/i) } : {}),
    ...(part(/^(?:кв\.?|квартира)\s*(.+)$/i) ? { apartment: part(/^(?:кв\.?|квартира)\s*(.+)$/i) } : {}),
  };
}

export function addressToFhir(address: Address): FhirAddress {
  const line = [
    address.street,
    address.house ? `д. ${address.house}` : undefined,
    address.building ? `корп. ${address.building}` : undefined,
    address.apartment ? `кв. ${address.apartment}` : undefined,
  ].filter((l): l is string => Boolean(l));
  return {
    use: 'home',
    text: address.text,
    ...(address.locality ? { city: address.locality } : {}),
    ...(line.length ? { line } : {}),
    ...(address.fiasHouseGuid ? { extension: [{ url: FIAS_EXTENSION, extension: [{ url: 'houseguid', valueString: address.fiasHouseGuid }] }] } : {}),
  };
}

// ----------------------------------------------------------------------------------------------------- patients

export function moNameOf(organization: Organization): string {
  return organization.alias?.[0] ?? organization.name ?? organization.id ?? '';
}

export function patientSummary(patient: Patient, now: Date, matchedBy?: MatchedBy): PatientSummary {
  const birthDate = patient.birthDate ?? '';
  const policy = policyOf(patient);
  const snils = identifier(patient.identifier, SNILS_SYSTEM);
  const moName = patient.generalPractitioner?.[0]?.display;
  return {
    misId: patient.id ?? '',
    fullName: nameText(officialName(patient.name)),
    birthDate,
    age: ageOn(birthDate, now),
    ...(snils ? { snils } : {}),
    ...(policy ? { policy } : {}),
    ...(moName ? { attachmentMoName: moName } : {}),
    ...(matchedBy ? { matchedBy } : {}),
  };
}

/** The card; `moName` fills the attachment when the reference has no display. */
export function patientCard(patient: Patient, now: Date, moName?: string): PatientCard {
  const name = officialName(patient.name);
  const phone = primaryPhone(patient);
  const mo = patient.generalPractitioner?.find((r) => idOf(r, 'Organization'));
  const zone = extension(patient, EXT.attachmentZone)?.valueReference;
  const areaType = AreaType.safeParse(extension(patient, EXT.attachmentAreaType)?.valueCode);
  const birthDate = patient.birthDate ?? '';
  const policy = policyOf(patient);
  const snils = identifier(patient.identifier, SNILS_SYSTEM);
  const passport = identifier(patient.identifier, IDENTITY_DOCUMENT_SYSTEM);
  const address = addressFromFhir(patient.address?.find((a) => a.use === 'home') ?? patient.address?.[0]);
  const e164 = phone?.value ? normalizePhone(phone.value) : null;
  return {
    misId: patient.id ?? '',
    lastName: name?.family ?? '',
    firstName: name?.given?.[0] ?? '',
    ...(name?.given?.[1] ? { middleName: name.given[1] } : {}),
    fullName: nameText(name),
    birthDate,
    age: ageOn(birthDate, now),
    ...(patient.gender === 'male' || patient.gender === 'female' ? { sex: patient.gender } : {}),
    ...(e164 ? { phone: e164 } : {}),
    smsConsent: extension(phone, EXT.smsConsent)?.valueBoolean === true,
    attachment: mo
      ? {
          moId: idOf(mo, 'Organization') as string,
          moName: mo.display ?? moName ?? '',
          ...(idOf(zone, 'Location') ? { zoneId: idOf(zone, 'Location') } : {}),
          ...(zone?.display ? { zoneName: zone.display } : {}),
          ...(areaType.success ? { areaType: areaType.data } : {}),
        }
      : null,
    ...(policy ? { policy } : {}),
    ...(snils ? { snils } : {}),
    ...(passport ? { passport } : {}),
    ...(address ? { address } : {}),
  };
}

/** The patient's telecom with `phone` first and its SMS consent; other numbers are kept. */
export function withPhone(patient: Patient, phone: string, smsConsent: boolean): Patient {
  const others = (patient.telecom ?? []).filter((t) => !(t.system === 'phone' && t.value === phone)).map((t) => (t.system === 'phone' ? { ...t, rank: undefined } : t));
  const primary: ContactPoint = {
    system: 'phone',
    value: phone,
    use: phone.startsWith('+79') ? 'mobile' : 'home',
    rank: 1,
    extension: [{ url: EXT.smsConsent, valueBoolean: smsConsent }],
  };
  return { ...patient, telecom: [primary, ...others.map((t) => JSON.parse(JSON.stringify(t)) as ContactPoint)] };
}

// -------------------------------------------------------------------------------------------- reference data

const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function emptyWeek(): WeeklyHours {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

function clock(time: string | undefined, fallback: string): string {
  return time ? time.slice(0, 5) : fallback;
}

function weekFrom(entries: { days?: string[]; allDay?: boolean; from?: string; to?: string }[]): WeeklyHours {
  const week = emptyWeek();
  for (const entry of entries) {
    const from = entry.allDay ? '00:00' : clock(entry.from, '00:00');
    const to = entry.allDay ? '24:00' : clock(entry.to, '24:00');
    for (const day of entry.days ?? []) {
      const n = DAY_CODES.indexOf(day as (typeof DAY_CODES)[number]) + 1;
      if (n >= 1) week[n as keyof WeeklyHours].push({ from, to });
    }
  }
  for (const n of [1, 2, 3, 4, 5, 6, 7] as const) week[n].sort((a, b) => a.from.localeCompare(b.from));
  return week;
}

export function weekFromHoursOfOperation(hours: LocationHoursOfOperation[] | undefined): WeeklyHours {
  return weekFrom((hours ?? []).map((h) => ({ days: h.daysOfWeek, allDay: h.allDay, from: h.openingTime, to: h.closingTime })));
}

export function weekFromAvailableTime(times: HealthcareServiceAvailableTime[] | undefined): WeeklyHours {
  return weekFrom((times ?? []).map((t) => ({ days: t.daysOfWeek, allDay: t.allDay, from: t.availableStartTime, to: t.availableEndTime })));
}

export function organisation(org: Organization, hasHomeVisits: boolean): MedicalOrganisation {
  const email = org.telecom?.find((t) => t.system === 'email')?.value;
  const phone = org.telecom?.find((t) => t.system === 'phone')?.value;
  return {
    id: org.id ?? '',
    shortName: moNameOf(org),
    fullName: org.name ?? moNameOf(org),
    districtId: idOf(org.partOf, 'Organization') ?? '',
    address: org.address?.[0]?.text ?? '',
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    hasHomeVisits,
  };
}

const DISTRICT_CODES = new Set<string>(DISTRICT_SPECIALTIES.map((s) => s.code));

export function specialtyOf(role: PractitionerRole): Specialty | undefined {
  const coding = role.specialty?.flatMap((s) => s.coding ?? []).find((c) => c.system === SPECIALTY_SYSTEM && c.code);
  if (!coding?.code) return undefined;
  return { code: coding.code, name: coding.display ?? coding.code, kind: DISTRICT_CODES.has(coding.code) ? 'district' : 'narrow' };
}

export function doctor(role: PractitionerRole): Doctor {
  const specialty = specialtyOf(role);
  const zoneIds = (role.location ?? []).map((l) => idOf(l, 'Location')).filter((id): id is string => Boolean(id));
  const departmentId = idOf(extension(role, EXT.department)?.valueReference, 'Organization');
  return {
    id: role.id ?? '',
    fullName: role.practitioner?.display ?? '',
    specialtyCode: specialty?.code ?? '',
    specialtyName: specialty?.name ?? '',
    moId: idOf(role.organization, 'Organization') ?? '',
    ...(departmentId ? { departmentId } : {}),
    ...(zoneIds.length ? { zoneIds } : {}),
  };
}

export function roomOf(resource: { extension?: Extension[] }): string | undefined {
  return extension(resource, EXT.room)?.valueString;
}

// ------------------------------------------------------------------------------------------------------ tickets

const TICKET_STATUS: Partial<Record<Appointment['status'], TicketStatus>> = {
  pending: 'booked',
  booked: 'booked',
  arrived: 'booked',
  'checked-in': 'booked',
  cancelled: 'cancelled',
  fulfilled: 'visited',
  noshow: 'no_show',
};

export function ticketStatus(appointment: Appointment): TicketStatus | undefined {
  return TICKET_STATUS[appointment.status];
}

/** A ticket from its appointment, the doctor's role and the MO (for the address). */
export function ticket(appointment: Appointment, role: PractitionerRole, mo: Organization | undefined): Ticket {
  const patientId = appointment.participant.map((p) => idOf(p.actor, 'Patient')).find(Boolean);
  const sourceCode = extension(appointment, EXT.appointmentSource)?.valueCoding?.code;
  const specialty = specialtyOf(role);
  const room = roomOf(appointment);
  const address = mo?.address?.[0]?.text;
  return {
    id: appointment.id ?? '',
    patientId: patientId ?? '',
    slotId: idOf(appointment.slot?.[0], 'Slot') ?? '',
    doctorId: role.id ?? '',
    doctorName: role.practitioner?.display ?? '',
    specialtyName: appointment.specialty?.[0]?.coding?.[0]?.display ?? specialty?.name ?? '',
    moId: idOf(role.organization, 'Organization') ?? '',
    moName: role.organization?.display ?? (mo ? moNameOf(mo) : ''),
    start: appointment.start ?? '',
    end: appointment.end ?? '',
    ...(room ? { room } : {}),
    ...(address ? { address } : {}),
    status: ticketStatus(appointment) ?? 'booked',
    source: sourceCode ? appointmentSourceFromCode(Number(sourceCode)) : 'other',
  };
}

export function slotRoom(slot: Slot): string | undefined {
  return roomOf(slot);
}
