/**
 * MisPort over FHIR R4, with plain searches every FHIR server supports (no chained parameters, no _include, no
 * modifiers): references are followed with `_id=a,b,c` searches, and names come from `Reference.display`.
 * The FHIR model it relies on is documented in local/src/sandboxMis/README.md.
 *
 * Concurrency and idempotency:
 *  - booking marks the Slot busy with `If-Match` on the version it read (optimistic concurrency); a 409/412 means
 *    someone else won → slot_taken. The slot remembers the client key that holds it (`held-by`), and the
 *    Appointment carries the key as an identifier and is created with `If-None-Exist`, so the same request again
 *    (a retry after a timeout) finds its own work instead of failing or booking twice;
 *  - every request is safe to repeat (a read, a conditional write or a keyed create), so each runs inside the one
 *    resilience policy (../resilience.ts): retried when the MIS was unreachable or too slow, through the breaker.
 */
import {
  localDate,
  REGION_TIME_ZONE,
  type Address,
  type Appeal,
  type AppointmentSource,
  type Department,
  type District,
  type Doctor,
  type Locality,
  type MedicalOrganisation,
  type OpeningHours,
  type PatientCard,
  type PatientSearchQuery,
  type PatientSummary,
  type ScheduleExportBy,
  type ScheduleExportRow,
  type Slot as ContractSlot,
  type Specialty,
  type Ticket,
  type VaccinationPoint,
  type VaccinationRegistration,
  type VaccinationSlot,
  APPOINTMENT_SOURCE_CODES,
  Department as DepartmentSchema,
  District as DistrictSchema,
  Doctor as DoctorSchema,
  Locality as LocalitySchema,
  MedicalOrganisation as MedicalOrganisationSchema,
  OpeningHours as OpeningHoursSchema,
  PatientCard as PatientCardSchema,
  PatientSummary as PatientSummarySchema,
  ScheduleExportRow as ScheduleExportRowSchema,
  Slot as SlotSchema,
  Specialty as SpecialtySchema,
  Ticket as TicketSchema,
  VaccinationPoint as VaccinationPointSchema,
  VaccinationSlot as VaccinationSlotSchema,
  isEnpPolicy,
} from '@eer/contract';
import type {
  Appointment,
  Communication,
  HealthcareService,
  Location,
  Organization,
  Patient,
  PractitionerRole,
  Schedule,
  ServiceRequest,
  Slot,
} from '@medplum/fhirtypes';
import type * as z from 'zod/mini';
import { AppError } from '../../http/errors';
import type { MisHomeVisit, MisPort, ServiceArea } from '../MisPort';
import { createMisPolicy, LastKnown, type BreakerOptions, type MisPolicy } from '../resilience';
import { FhirClient, type SearchParams } from './client';
import {
  addressToFhir,
  doctor,
  emptyWeek,
  extension,
  extensions,
  idOf,
  moNameOf,
  organisation,
  parseEach,
  parseOne,
  patientCard,
  patientSummary,
  roomOf,
  specialtyOf,
  ticket,
  ticketStatus,
  weekFromAvailableTime,
  weekFromHoursOfOperation,
  withPhone,
} from './mapping';
import {
  APPEAL_KIND_SYSTEM,
  APPEAL_TOPIC_SYSTEM,
  APPOINTMENT_SOURCE_SYSTEM,
  CLIENT_KEY_SYSTEM,
  EXT,
  FIAS_HOUSE_SYSTEM,
  IDENTITY_DOCUMENT_SYSTEM,
  LOCATION_KIND,
  LOCATION_KIND_SYSTEM,
  OKATO_SYSTEM,
  OMS_SYSTEM,
  ORGANIZATION_KIND,
  ORGANIZATION_KIND_SYSTEM,
  SERVICE_KIND,
  SERVICE_KIND_SYSTEM,
  SNILS_SYSTEM,
  SPECIALTY_SYSTEM,
  VACCINE_SYSTEM,
} from './systems';

export interface FhirMisOptions {
  baseUrl: string;
  /** Per HTTP request. */
  timeoutMs: number;
  /** Retries of a request after a transient failure (MIS unreachable or too slow). */
  retries: number;
  /** Clock, for ages and "from now on" (tests pass a fixed one). */
  now?: () => Date;
  /** Budget of one operation with its retries (0: none). */
  operationTimeoutMs?: number;
  /** Circuit breaker around the MIS (absent: none). */
  breaker?: BreakerOptions | false;
  /** Overrides the whole policy (tests). */
  policy?: MisPolicy;
}

const token = (system: string, code: string) => `${system}|${code}`;
const kind = (code: string) => token(ORGANIZATION_KIND_SYSTEM, code);
const locationKind = (code: string) => token(LOCATION_KIND_SYSTEM, code);
const serviceKind = (code: string) => token(SERVICE_KIND_SYSTEM, code);
const refs = (type: string, ids: readonly string[]) => ids.map((id) => `${type}/${id}`).join(',');
const unique = <T>(items: (T | undefined)[]): T[] => [...new Set(items.filter((i): i is T => i !== undefined))];
/** How many times an optimistic update re-reads and tries again after someone else changed the resource. */
const OPTIMISTIC_TRIES = 5;

/** The region's UTC offset on a date (`+03:00`). */
function regionOffset(date: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: REGION_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  return /GMT([+-]\d{2}:\d{2})/.exec(name ?? '')?.[1] ?? '+00:00';
}

function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Street names compare without their type word, case and ё: «ул. Ленина» = «улица ленина» = «Ленина». */
function streetKey(street: string, foldYo = true): string {
  const lower = street.toLowerCase();
  return (foldYo ? lower.replace(/ё/g, 'е') : lower)
    .replace(/^(ул\.?|улица|пр-т\.?|пр\.?|просп\.?|проспект|пер\.?|переулок|б-р\.?|бульвар|ш\.?|шоссе|наб\.?|набережная|пл\.?|площадь)\s+/u, '')
    .replace(/[\s.,]+/g, ' ')
    .trim();
}

function houseKey(house: string): string {
  return house.toLowerCase().replace(/^(д\.?|дом)\s*/u, '').replace(/\s+/g, '');
}

/** Street and house out of free text like «г. Северогорск, ул. Ленина, д. 12, кв. 5» when the parts are missing. */
export function addressParts(address: Address): { locality?: string; street?: string; house?: string } {
  if (address.street && address.house) return { locality: address.locality, street: address.street, house: address.house };
  const parts = address.text.split(',').map((p) => p.trim());
  let locality = address.locality;
  let street = address.street;
  let house = address.house;
  for (const part of parts) {
    const houseMatch = /^(?:д\.?|дом)\s*(\d[\dа-яА-Я/-]*)$/u.exec(part);
    if (houseMatch) house ??= houseMatch[1];
    else if (/^(г\.?|город|пос\.?|посёлок|поселок|пгт\.?|с\.?|село|д\.?|дер\.?|деревня)\s+\D/u.test(part)) locality ??= part.replace(/^\S+\s+/u, '');
    else if (/^(ул\.?|улица|пр-т\.?|пр\.?|просп\.?|проспект|пер\.?|переулок|б-р\.?|бульвар|ш\.?|шоссе|наб\.?|пл\.?)\s+/u.test(part)) street ??= part;
  }
  return { locality, street, house };
}

export class FhirMis implements MisPort {
  private readonly fhir: FhirClient;
  private readonly policy: MisPolicy;
  private readonly now: () => Date;
  /** The serving MO of an address, remembered for a MIS outage (home visits are queued only when it is known). */
  private readonly areas = new LastKnown<ServiceArea>();

  constructor(options: FhirMisOptions) {
    this.policy =
      options.policy ?? createMisPolicy({ retries: options.retries, operationTimeoutMs: options.operationTimeoutMs, breaker: options.breaker });
    const policy = this.policy;
    this.fhir = new FhirClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, around: (send) => policy.request(send) });
    this.now = options.now ?? (() => new Date());
  }

  /** Each operation runs in the policy's budget; each of its requests is retried and passes the breaker (client.ts). */
  private run<T>(operation: () => Promise<T>): Promise<T> {
    return this.policy.execute(() => operation());
  }

  /** The circuit breaker's state, for readiness and tests. */
  get breakerState(): MisPolicy['state'] {
    return this.policy.state;
  }

  // --------------------------------------------------------------------------------------------------- patients

  searchPatients(query: PatientSearchQuery, scope?: { moId?: string }): Promise<{ candidates: PatientSummary[]; truncated: boolean }> {
    return this.run(async () => {
      const now = this.now();
      const limit = query.limit;
      const scoped: SearchParams = scope?.moId ? { 'general-practitioner': `Organization/${scope.moId}` } : {};
      const found = new Map<string, PatientSummary>();
      const exact: Array<[PatientSummary['matchedBy'], string]> = [];
      if (query.snils) exact.push(['snils', token(SNILS_SYSTEM, query.snils)]);
      if (query.policy) exact.push(['policy', token(OMS_SYSTEM, isEnpPolicy(query.policy) ? query.policy : `${query.policy.series} ${query.policy.number}`)]);
      if (query.passport) exact.push(['passport', token(IDENTITY_DOCUMENT_SYSTEM, query.passport)]);
      for (const [matchedBy, identifier] of exact) {
        const page = await this.fhir.search<Patient>('Patient', { identifier, ...scoped, _count: limit + 1 });
        for (const summary of parseEach(PatientSummarySchema, page.resources, (p) => patientSummary(p, now, matchedBy))) {
          if (!found.has(summary.misId)) found.set(summary.misId, summary);
        }
      }
      let truncated = found.size > limit;
      if (query.fullName || query.birthDate) {
        const [family, given, middle] = (query.fullName ?? '').split(/\s+/).filter(Boolean);
        const page = await this.fhir.search<Patient>('Patient', {
          family,
          given: [given, middle],
          birthdate: query.birthDate,
          ...scoped,
          _count: limit + 1,
        });
        for (const summary of parseEach(PatientSummarySchema, page.resources, (p) => patientSummary(p, now))) {
          if (!found.has(summary.misId)) found.set(summary.misId, summary);
        }
        truncated ||= page.resources.length > limit || (page.total !== undefined && page.total > limit);
      }
      const candidates = [...found.values()];
      return { candidates: candidates.slice(0, limit), truncated: truncated || candidates.length > limit };
    });
  }

  findPatientsByPhone(phone: string, limit: number): Promise<PatientSummary[]> {
    return this.run(async () => {
      const now = this.now();
      const page = await this.fhir.search<Patient>('Patient', { phone, _count: limit });
      return parseEach(PatientSummarySchema, page.resources, (p) => patientSummary(p, now, 'phone')).slice(0, limit);
    });
  }

  getPatient(patientId: string): Promise<PatientCard> {
    return this.run(async () => this.card((await this.fhir.read<Patient>('Patient', patientId)).resource));
  }

  private async card(patient: Patient): Promise<PatientCard> {
    const mo = patient.generalPractitioner?.find((r) => idOf(r, 'Organization'));
    let moName: string | undefined;
    if (mo && !mo.display) moName = moNameOf((await this.fhir.read<Organization>('Organization', idOf(mo) as string)).resource);
    return parseOne(PatientCardSchema, () => patientCard(patient, this.now(), moName));
  }

  updatePhone(patientId: string, phone: string, smsConsent: boolean, _clientKey: string): Promise<PatientCard> {
    // Setting the same number and consent again changes nothing: the write is idempotent without the key.
    return this.run(async () => {
      for (let attempt = 1; ; attempt++) {
        const { resource, version } = await this.fhir.read<Patient>('Patient', patientId);
        try {
          const updated = await this.fhir.update({ ...withPhone(resource, phone, smsConsent), id: patientId }, version);
          return this.card(updated.resource);
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'conflict') || attempt >= OPTIMISTIC_TRIES) throw error;
        }
      }
    });
  }

  // --------------------------------------------------------------------------------------------- reference data

  listDistricts(): Promise<District[]> {
    return this.run(async () => {
      const orgs = await this.fhir.searchAll<Organization>('Organization', { type: kind(ORGANIZATION_KIND.district) });
      return parseEach(DistrictSchema, orgs, (o) => {
        const okato = o.identifier?.find((i) => i.system === OKATO_SYSTEM)?.value;
        return { id: o.id, name: o.name, ...(okato ? { okato } : {}) };
      });
    });
  }

  listOrganisations(filter: { districtId?: string; localityId?: string; name?: string }): Promise<MedicalOrganisation[]> {
    return this.run(async () => {
      let ids: string[] | undefined;
      if (filter.localityId) {
        const buildings = await this.fhir.searchAll<Location>('Location', { type: locationKind(LOCATION_KIND.moMain), partof: `Location/${filter.localityId}` });
        ids = unique(buildings.map((l) => idOf(l.managingOrganization, 'Organization')));
        if (ids.length === 0) return [];
      }
      const orgs = await this.fhir.searchAll<Organization>('Organization', {
        type: kind(ORGANIZATION_KIND.mo),
        partof: filter.districtId ? `Organization/${filter.districtId}` : undefined,
        name: filter.name,
        _id: ids?.join(','),
      });
      const withHomeVisits = await this.homeVisitProviders();
      return parseEach(MedicalOrganisationSchema, orgs, (o) => organisation(o, withHomeVisits.has(o.id ?? '')));
    });
  }

  private async homeVisitProviders(): Promise<Set<string>> {
    const services = await this.fhir.searchAll<HealthcareService>('HealthcareService', { 'service-type': serviceKind(SERVICE_KIND.homeVisit), active: true });
    return new Set(unique(services.map((s) => idOf(s.providedBy, 'Organization'))));
  }

  listDepartments(moId: string): Promise<Department[]> {
    return this.run(async () => {
      const depts = await this.fhir.searchAll<Organization>('Organization', { type: kind(ORGANIZATION_KIND.department), partof: `Organization/${moId}` });
      return parseEach(DepartmentSchema, depts, (d) => ({
        id: d.id,
        moId,
        name: d.name,
        ...(d.address?.[0]?.text ? { address: d.address[0].text } : {}),
      }));
    });
  }

  listLocalities(filter: { districtId?: string; name?: string }): Promise<Locality[]> {
    return this.run(async () => {
      const places = await this.fhir.searchAll<Location>('Location', {
        type: locationKind(LOCATION_KIND.locality),
        organization: filter.districtId ? `Organization/${filter.districtId}` : undefined,
        name: filter.name,
      });
      return parseEach(LocalitySchema, places, (l) => {
        const districtId = idOf(l.managingOrganization, 'Organization');
        return { id: l.id, name: l.name, ...(districtId ? { districtId } : {}) };
      });
    });
  }

  getOpeningHours(moId: string): Promise<OpeningHours> {
    return this.run(async () => {
      const mo = (await this.fhir.read<Organization>('Organization', moId)).resource;
      const [main] = await this.fhir.searchAll<Location>('Location', { type: locationKind(LOCATION_KIND.moMain), organization: `Organization/${moId}` });
      const homeVisit = await this.homeVisitService(moId);
      return parseOne(OpeningHoursSchema, () => ({
        moId,
        moName: moNameOf(mo),
        address: main?.address?.text ?? mo.address?.[0]?.text ?? '',
        phone: main?.telecom?.find((t) => t.system === 'phone')?.value ?? mo.telecom?.find((t) => t.system === 'phone')?.value ?? '',
        hours: weekFromHoursOfOperation(main?.hoursOfOperation),
        homeVisitHours: homeVisit ? weekFromAvailableTime(homeVisit.availableTime) : emptyWeek(),
      }));
    });
  }

  private async homeVisitService(moId: string): Promise<HealthcareService | undefined> {
    const services = await this.fhir.searchAll<HealthcareService>('HealthcareService', {
      'service-type': serviceKind(SERVICE_KIND.homeVisit),
      organization: `Organization/${moId}`,
      active: true,
    });
    return services[0];
  }

  listSpecialties(filter: { moId?: string }): Promise<Specialty[]> {
    return this.run(async () => {
      const roles = await this.fhir.searchAll<PractitionerRole>('PractitionerRole', {
        active: true,
        organization: filter.moId ? `Organization/${filter.moId}` : undefined,
      });
      const byCode = new Map<string, Specialty>();
      for (const role of roles) {
        const s = specialtyOf(role);
        if (s && !byCode.has(s.code)) byCode.set(s.code, s);
      }
      const list = parseEach(SpecialtySchema, [...byCode.values()], (s) => s);
      return list.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'ru') : a.kind === 'district' ? -1 : 1));
    });
  }

  // ------------------------------------------------------------------------------------------------- scheduling

  findDoctors(filter: { moId?: string; specialtyCode?: string; zoneId?: string; departmentId?: string }): Promise<Doctor[]> {
    return this.run(async () => {
      let moId = filter.moId;
      if (filter.departmentId) {
        const dept = (await this.fhir.read<Organization>('Organization', filter.departmentId)).resource;
        const parent = idOf(dept.partOf, 'Organization');
        if (moId && parent !== moId) return [];
        moId = parent;
      }
      const roles = await this.fhir.searchAll<PractitionerRole>('PractitionerRole', {
        active: true,
        organization: moId ? `Organization/${moId}` : undefined,
        specialty: filter.specialtyCode ? token(SPECIALTY_SYSTEM, filter.specialtyCode) : undefined,
        location: filter.zoneId ? `Location/${filter.zoneId}` : undefined,
      });
      const doctors = parseEach(DoctorSchema, roles, doctor);
      return (filter.departmentId ? doctors.filter((d) => d.departmentId === filter.departmentId) : doctors).sort((a, b) =>
        a.fullName.localeCompare(b.fullName, 'ru'),
      );
    });
  }

  /** Schedules of these actors (`PractitionerRole/…` or `Location/…`), by schedule id → actor id. */
  private async schedulesOf(actorType: 'PractitionerRole' | 'Location', actorIds: readonly string[]): Promise<Map<string, string>> {
    const byId = new Map<string, string>();
    if (actorIds.length === 0) return byId;
    const schedules = await this.fhir.searchAll<Schedule>('Schedule', { actor: refs(actorType, actorIds), active: true });
    for (const s of schedules) {
      const actor = s.actor.map((a) => idOf(a, actorType)).find((id) => id && actorIds.includes(id));
      if (s.id && actor) byId.set(s.id, actor);
    }
    return byId;
  }

  private async slotsOf(scheduleIds: string[], fromIso: string, toIso: string, status?: 'free'): Promise<Slot[]> {
    if (scheduleIds.length === 0) return [];
    const slots = await this.fhir.searchAll<Slot>('Slot', {
      schedule: refs('Schedule', scheduleIds),
      status,
      start: [`ge${fromIso}`, `lt${toIso}`],
    });
    return slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  findFreeSlots(doctorIds: string[], fromIso: string, toIso: string): Promise<ContractSlot[]> {
    return this.run(async () => {
      const schedules = await this.schedulesOf('PractitionerRole', doctorIds);
      // Time already gone cannot be booked.
      const from = laterOf(fromIso, this.now().toISOString());
      const slots = await this.slotsOf([...schedules.keys()], from, toIso, 'free');
      return parseEach(SlotSchema, slots, (s) => {
        const room = roomOf(s);
        return {
          id: s.id,
          doctorId: schedules.get(idOf(s.schedule, 'Schedule') ?? ''),
          start: s.start,
          end: s.end,
          ...(room ? { room } : {}),
          status: s.status === 'free' ? 'free' : 'busy',
        };
      });
    });
  }

  private async appointmentByKey(clientKey: string): Promise<Appointment | undefined> {
    const page = await this.fhir.search<Appointment>('Appointment', { identifier: token(CLIENT_KEY_SYSTEM, clientKey), _count: 1 });
    return page.resources[0];
  }

  bookSlot(request: { patientId: string; slotId: string; clientKey: string; source: AppointmentSource; replacesTicketId?: string }): Promise<Ticket> {
    return this.run(async () => {
      const existing = await this.appointmentByKey(request.clientKey);
      if (existing) {
        if (idOf(existing.slot?.[0], 'Slot') !== request.slotId || !existing.participant.some((p) => idOf(p.actor, 'Patient') === request.patientId)) {
          throw new AppError('conflict');
        }
        return this.ticketOf(existing);
      }
      // The patient must exist before a slot is taken for them.
      await this.fhir.read<Patient>('Patient', request.patientId);
      let { resource: slot, version } = await this.fhir.read<Slot>('Slot', request.slotId);
      const scheduleId = idOf(slot.schedule, 'Schedule');
      const schedule = scheduleId ? (await this.fhir.read<Schedule>('Schedule', scheduleId)).resource : undefined;
      const roleId = schedule?.actor.map((a) => idOf(a, 'PractitionerRole')).find(Boolean);
      if (!roleId) throw new AppError('not_found');
      const role = (await this.fhir.read<PractitionerRole>('PractitionerRole', roleId)).resource;
      if (Date.parse(slot.start) <= this.now().getTime()) throw new AppError('slot_taken');

      const heldByMe = extensions(slot, EXT.heldBy).some((e) => e.valueString === request.clientKey);
      if (!heldByMe) {
        if (slot.status !== 'free') throw new AppError('slot_taken');
        const busy: Slot = {
          ...slot,
          status: 'busy',
          extension: [...(slot.extension ?? []).filter((e) => e.url !== EXT.heldBy), { url: EXT.heldBy, valueString: request.clientKey }],
        };
        try {
          ({ resource: slot, version } = await this.fhir.update({ ...busy, id: request.slotId }, version));
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'conflict')) throw error;
          // Someone changed the slot first: lost, unless it was this same request (same key) sent twice.
          ({ resource: slot, version } = await this.fhir.read<Slot>('Slot', request.slotId));
          if (!extensions(slot, EXT.heldBy).some((e) => e.valueString === request.clientKey)) throw new AppError('slot_taken');
        }
      }

      const specialty = specialtyOf(role);
      const room = roomOf(slot);
      const appointment: Appointment = {
        resourceType: 'Appointment',
        status: 'booked',
        identifier: [{ system: CLIENT_KEY_SYSTEM, value: request.clientKey }],
        start: slot.start,
        end: slot.end,
        created: this.now().toISOString(),
        slot: [{ reference: `Slot/${request.slotId}` }],
        ...(specialty ? { specialty: [{ coding: [{ system: SPECIALTY_SYSTEM, code: specialty.code, display: specialty.name }] }] } : {}),
        participant: [
          { actor: { reference: `Patient/${request.patientId}` }, status: 'accepted' },
          { actor: { reference: `PractitionerRole/${roleId}`, display: role.practitioner?.display }, status: 'accepted' },
        ],
        extension: [
          {
            url: EXT.appointmentSource,
            valueCoding: { system: APPOINTMENT_SOURCE_SYSTEM, code: String(APPOINTMENT_SOURCE_CODES[request.source]), display: request.source },
          },
          ...(room ? [{ url: EXT.room, valueString: room }] : []),
          ...(request.replacesTicketId ? [{ url: EXT.replaces, valueReference: { reference: `Appointment/${request.replacesTicketId}` } }] : []),
        ],
      };
      let created: Appointment;
      try {
        created = (await this.fhir.create(appointment, `identifier=${encodeURIComponent(token(CLIENT_KEY_SYSTEM, request.clientKey))}`)).resource;
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') throw new AppError('slot_taken');
        if (error instanceof AppError && error.code === 'mis_error') await this.releaseSlot(request.slotId, request.clientKey);
        throw error;
      }
      if (request.replacesTicketId) {
        await this.cancel(request.patientId, request.replacesTicketId, 'Перенос записи');
      }
      return this.ticketOf(created, role);
    });
  }

  /** Gives a slot back when it is held by this key (best effort: a failure here leaves it for the MIS to clean). */
  private async releaseSlot(slotId: string, clientKey?: string): Promise<void> {
    for (let attempt = 1; attempt <= OPTIMISTIC_TRIES; attempt++) {
      try {
        const { resource: slot, version } = await this.fhir.read<Slot>('Slot', slotId);
        const held = extensions(slot, EXT.heldBy);
        if (clientKey && !held.some((e) => e.valueString === clientKey)) return;
        const free: Slot = { ...slot, status: 'free', extension: (slot.extension ?? []).filter((e) => e.url !== EXT.heldBy) };
        await this.fhir.update({ ...free, id: slotId }, version);
        return;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'conflict')) return;
      }
    }
  }

  private async ticketOf(appointment: Appointment, knownRole?: PractitionerRole): Promise<Ticket> {
    const [result] = await this.ticketsOf([appointment], knownRole ? [knownRole] : []);
    if (!result) throw new AppError('mis_error');
    return result;
  }

  /** Tickets for appointments: one search for their roles, one for their MOs. */
  private async ticketsOf(appointments: Appointment[], knownRoles: PractitionerRole[] = []): Promise<Ticket[]> {
    const roleIdOf = (a: Appointment) => a.participant.map((p) => idOf(p.actor, 'PractitionerRole')).find(Boolean);
    const roles = new Map(knownRoles.map((r) => [r.id, r]));
    const missingRoles = unique(appointments.map(roleIdOf)).filter((id) => !roles.has(id));
    if (missingRoles.length) {
      for (const r of await this.fhir.searchAll<PractitionerRole>('PractitionerRole', { _id: missingRoles.join(',') })) roles.set(r.id, r);
    }
    const moIds = unique([...roles.values()].map((r) => idOf(r.organization, 'Organization')));
    const mos = new Map<string | undefined, Organization>();
    if (moIds.length) {
      for (const o of await this.fhir.searchAll<Organization>('Organization', { _id: moIds.join(',') })) mos.set(o.id, o);
    }
    return parseEach(
      TicketSchema,
      appointments.filter((a) => ticketStatus(a) && roles.has(roleIdOf(a))),
      (a) => {
        const role = roles.get(roleIdOf(a)) as PractitionerRole;
        return ticket(a, role, mos.get(idOf(role.organization, 'Organization')));
      },
    );
  }

  listTickets(patientId: string, filter: { includePast: boolean }): Promise<Ticket[]> {
    return this.run(async () => {
      const today = localDate(this.now());
      const appointments = await this.fhir.searchAll<Appointment>('Appointment', {
        patient: `Patient/${patientId}`,
        date: filter.includePast ? undefined : `ge${today}T00:00:00${regionOffset(today)}`,
      });
      const tickets = await this.ticketsOf(appointments.filter((a) => idOf(a.slot?.[0], 'Slot')));
      return tickets.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    });
  }

  cancelTicket(request: { patientId: string; ticketId: string; clientKey: string; reason?: string }): Promise<Ticket> {
    // Cancelling is idempotent by state: a cancelled ticket comes back unchanged.
    return this.run(() => this.cancel(request.patientId, request.ticketId, request.reason));
  }

  private async cancel(patientId: string, ticketId: string, reason?: string): Promise<Ticket> {
    for (let attempt = 1; ; attempt++) {
      const { resource: appointment, version } = await this.fhir.read<Appointment>('Appointment', ticketId);
      if (!appointment.participant.some((p) => idOf(p.actor, 'Patient') === patientId)) throw new AppError('not_found');
      if (appointment.status === 'cancelled') return this.ticketOf(appointment);
      if (appointment.status !== 'booked' && appointment.status !== 'pending') throw new AppError('conflict');
      try {
        const cancelled = await this.fhir.update(
          { ...appointment, id: ticketId, status: 'cancelled', cancelationReason: { text: reason ?? 'Отменено через call-центр 122' } },
          version,
        );
        const slotId = idOf(appointment.slot?.[0], 'Slot');
        if (slotId) await this.releaseSlot(slotId);
        return this.ticketOf(cancelled.resource);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'conflict') || attempt >= OPTIMISTIC_TRIES) throw error;
      }
    }
  }

  scheduleForExport(filter: { by: ScheduleExportBy; id: string; fromIso: string; toIso: string }): Promise<ScheduleExportRow[]> {
    return this.run(async () => {
      let moIds: string[];
      if (filter.by === 'organisation') moIds = [(await this.fhir.read<Organization>('Organization', filter.id)).resource.id ?? filter.id];
      else if (filter.by === 'department') {
        const dept = (await this.fhir.read<Organization>('Organization', filter.id)).resource;
        moIds = unique([idOf(dept.partOf, 'Organization')]);
      } else {
        await this.fhir.read<Location>('Location', filter.id);
        const buildings = await this.fhir.searchAll<Location>('Location', { type: locationKind(LOCATION_KIND.moMain), partof: `Location/${filter.id}` });
        moIds = unique(buildings.map((l) => idOf(l.managingOrganization, 'Organization')));
      }
      if (moIds.length === 0) return [];
      let roles = await this.fhir.searchAll<PractitionerRole>('PractitionerRole', { organization: refs('Organization', moIds) });
      if (filter.by === 'department') roles = roles.filter((r) => idOf(extension(r, EXT.department)?.valueReference, 'Organization') === filter.id);
      const roleById = new Map(roles.map((r) => [r.id as string, r]));
      const schedules = await this.schedulesOf('PractitionerRole', [...roleById.keys()]);
      const slots = await this.slotsOf([...schedules.keys()], filter.fromIso, filter.toIso);
      const rows = parseEach(ScheduleExportRowSchema, slots, (s) => {
        const role = roleById.get(schedules.get(idOf(s.schedule, 'Schedule') ?? '') ?? '') as PractitionerRole;
        const room = roomOf(s);
        const department = extension(role, EXT.department)?.valueReference?.display;
        return {
          date: localDate(new Date(s.start)),
          start: s.start,
          end: s.end,
          moName: role.organization?.display,
          ...(department ? { departmentName: department } : {}),
          doctorName: role.practitioner?.display,
          specialtyName: specialtyOf(role)?.name,
          ...(room ? { room } : {}),
          status: s.status === 'free' ? 'free' : 'busy',
        };
      });
      return rows.sort((a, b) => a.start.localeCompare(b.start) || a.doctorName.localeCompare(b.doctorName, 'ru'));
    });
  }

  // ------------------------------------------------------------------------------------------ home visits, appeals

  resolveAddress(address: Address): Promise<ServiceArea> {
    const key = JSON.stringify([address.fiasHouseGuid ?? '', addressParts(address)]);
    return this.areas.read(key, () => this.resolveNow(address));
  }

  private resolveNow(address: Address): Promise<ServiceArea> {
    return this.run(async () => {
      let building: Location | undefined;
      if (address.fiasHouseGuid) {
        [building] = await this.fhir.searchAll<Location>('Location', {
          type: locationKind(LOCATION_KIND.building),
          identifier: token(FIAS_HOUSE_SYSTEM, address.fiasHouseGuid),
        });
      }
      if (!building) {
        const { locality, street, house } = addressParts(address);
        if (!street || !house) throw new AppError('not_found');
        const matches = (l: Location) => streetKey(l.address?.line?.[0] ?? '') === streetKey(street) && houseKey(l.address?.line?.[1] ?? '') === houseKey(house);
        // The longest word of the street as typed (FHIR string search folds case, not ё/е) …
        const word = streetKey(street, false).split(' ').sort((a, b) => b.length - a.length)[0];
        const search = (params: SearchParams) => this.fhir.searchAll<Location>('Location', { type: locationKind(LOCATION_KIND.building), 'address-city': locality, ...params });
        building = (await search({ address: word })).find(matches);
        // … and when «Березовая» was typed for «Берёзовая» (or the other way), the locality's buildings compared here.
        if (!building && locality && /[её]/i.test(street)) building = (await search({})).find(matches);
      }
      const zoneId = idOf(building?.partOf, 'Location');
      if (!zoneId) throw new AppError('not_found');
      const zone = (await this.fhir.read<Location>('Location', zoneId)).resource;
      const moId = idOf(zone.managingOrganization, 'Organization');
      if (!moId) throw new AppError('not_found');
      const mo = (await this.fhir.read<Organization>('Organization', moId)).resource;
      const service = await this.homeVisitService(moId);
      const email = mo.telecom?.find((t) => t.system === 'email')?.value;
      return {
        moId,
        moName: moNameOf(mo),
        ...(email ? { moEmail: email } : {}),
        zoneId,
        zoneName: zone.name ?? zoneId,
        homeVisitHours: service ? weekFromAvailableTime(service.availableTime) : emptyWeek(),
      };
    });
  }

  createHomeVisit(request: MisHomeVisit): Promise<{ requestId: string }> {
    return this.run(async () => {
      const visit: ServiceRequest = {
        resourceType: 'ServiceRequest',
        status: 'active',
        intent: 'order',
        identifier: [{ system: CLIENT_KEY_SYSTEM, value: request.clientKey }],
        code: { coding: [{ system: SERVICE_KIND_SYSTEM, code: SERVICE_KIND.homeVisit, display: 'Вызов врача на дом' }] },
        subject: { reference: `Patient/${request.patientId}` },
        performer: [{ reference: `Organization/${request.moId}` }],
        locationReference: [{ reference: `Location/${request.zoneId}` }],
        authoredOn: this.now().toISOString(),
        note: [{ text: request.complaints }],
        extension: [
          { url: EXT.visitAddress, valueAddress: addressToFhir(request.address) },
          { url: EXT.contactPhone, valueString: request.phone },
          ...(request.intercomCode ? [{ url: EXT.intercom, valueString: request.intercomCode }] : []),
          ...(request.temperature !== undefined
            ? [{ url: EXT.temperature, valueQuantity: { value: request.temperature, unit: '°C', system: 'http://unitsofmeasure.org', code: 'Cel' } }]
            : []),
        ],
      };
      const created = await this.fhir.create(visit, `identifier=${encodeURIComponent(token(CLIENT_KEY_SYSTEM, request.clientKey))}`);
      return { requestId: created.resource.id as string };
    });
  }

  createAppeal(appeal: Appeal): Promise<{ appealId: string }> {
    return this.run(async () => {
      await this.fhir.read<Organization>('Organization', appeal.moId);
      const communication: Communication = {
        resourceType: 'Communication',
        status: 'completed',
        identifier: [{ system: CLIENT_KEY_SYSTEM, value: appeal.clientKey }],
        category: [{ coding: [{ system: APPEAL_KIND_SYSTEM, code: appeal.kind }] }],
        topic: { coding: [{ system: APPEAL_TOPIC_SYSTEM, code: appeal.topic }] },
        recipient: [{ reference: `Organization/${appeal.moId}` }],
        ...(appeal.patientId ? { subject: { reference: `Patient/${appeal.patientId}` } } : {}),
        ...(appeal.ticketId ? { about: [{ reference: `Appointment/${appeal.ticketId}` }] } : {}),
        sent: this.now().toISOString(),
        payload: [{ contentString: appeal.comment }],
        extension: [
          { url: EXT.reviewCertificate, valueBoolean: appeal.reviewCertificate },
          ...(appeal.address ? [{ url: EXT.visitAddress, valueAddress: addressToFhir(appeal.address) }] : []),
        ],
      };
      const created = await this.fhir.create(communication, `identifier=${encodeURIComponent(token(CLIENT_KEY_SYSTEM, appeal.clientKey))}`);
      return { appealId: created.resource.id as string };
    });
  }

  // ------------------------------------------------------------------------------------------------ vaccination

  listVaccinationPoints(filter: { districtId?: string; moId?: string }): Promise<VaccinationPoint[]> {
    return this.run(async () => {
      let moIds = filter.moId ? [filter.moId] : undefined;
      if (filter.districtId) {
        const mos = await this.fhir.searchAll<Organization>('Organization', { type: kind(ORGANIZATION_KIND.mo), partof: `Organization/${filter.districtId}` });
        const inDistrict = mos.map((m) => m.id as string);
        moIds = moIds ? moIds.filter((id) => inDistrict.includes(id)) : inDistrict;
        if (moIds.length === 0) return [];
      }
      const points = await this.fhir.searchAll<Location>('Location', {
        type: locationKind(LOCATION_KIND.vaccinationPoint),
        organization: moIds ? refs('Organization', moIds) : undefined,
      });
      return parseEach(VaccinationPointSchema, points, (p) => ({
        id: p.id,
        name: p.name,
        moId: idOf(p.managingOrganization, 'Organization'),
        address: p.address?.text,
        ...(p.hoursOfOperation ? { hours: weekFromHoursOfOperation(p.hoursOfOperation) } : {}),
      }));
    });
  }

  private vaccinationSlot(slot: Slot, pointId: string): z.input<typeof VaccinationSlotSchema> {
    const capacity = extension(slot, EXT.slotCapacity)?.valueInteger ?? 1;
    const taken = extensions(slot, EXT.heldBy).length;
    return { id: slot.id as string, pointId, start: slot.start, end: slot.end, capacity, free: slot.status === 'free' ? Math.max(0, capacity - taken) : 0 };
  }

  listVaccinationSlots(pointId: string, fromIso: string, toIso: string): Promise<VaccinationSlot[]> {
    return this.run(async () => {
      const schedules = await this.schedulesOf('Location', [pointId]);
      const from = laterOf(fromIso, this.now().toISOString());
      const slots = await this.slotsOf([...schedules.keys()], from, toIso, 'free');
      return parseEach(VaccinationSlotSchema, slots, (s) => this.vaccinationSlot(s, pointId)).filter((s) => s.free > 0);
    });
  }

  registerVaccination(registration: VaccinationRegistration): Promise<{ registrationId: string; slot: VaccinationSlot }> {
    return this.run(async () => {
      const key = registration.clientKey;
      const existing = await this.appointmentByKey(key);
      if (existing) {
        const slot = (await this.fhir.read<Slot>('Slot', registration.slotId)).resource;
        return { registrationId: existing.id as string, slot: parseOne(VaccinationSlotSchema, () => this.vaccinationSlot(slot, registration.pointId)) };
      }
      const point = (await this.fhir.read<Location>('Location', registration.pointId)).resource;
      const patientId = await this.workerPatient(registration);

      // Take one place in the slot: optimistic, re-read when another registration got in first.
      let slot: Slot | undefined;
      for (let attempt = 1; !slot; attempt++) {
        const read = await this.fhir.read<Slot>('Slot', registration.slotId);
        const schedule = (await this.schedulesOf('Location', [registration.pointId])).has(idOf(read.resource.schedule, 'Schedule') ?? '');
        if (!schedule) throw new AppError('not_found');
        const held = extensions(read.resource, EXT.heldBy);
        if (held.some((e) => e.valueString === key)) {
          slot = read.resource;
          break;
        }
        const capacity = extension(read.resource, EXT.slotCapacity)?.valueInteger ?? 1;
        if (read.resource.status !== 'free' || held.length >= capacity || Date.parse(read.resource.start) <= this.now().getTime()) {
          throw new AppError('slot_taken');
        }
        const next: Slot = {
          ...read.resource,
          status: held.length + 1 >= capacity ? 'busy' : 'free',
          extension: [...(read.resource.extension ?? []), { url: EXT.heldBy, valueString: key }],
        };
        try {
          slot = (await this.fhir.update({ ...next, id: registration.slotId }, read.version)).resource;
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'conflict') || attempt >= OPTIMISTIC_TRIES) {
            throw error instanceof AppError && error.code === 'conflict' ? new AppError('slot_taken') : error;
          }
        }
      }

      const appointment: Appointment = {
        resourceType: 'Appointment',
        status: 'booked',
        identifier: [{ system: CLIENT_KEY_SYSTEM, value: key }],
        serviceType: [{ coding: [{ system: SERVICE_KIND_SYSTEM, code: SERVICE_KIND.immunization, display: 'Вакцинация' }] }],
        ...(registration.vaccine ? { reasonCode: [{ coding: [{ system: VACCINE_SYSTEM, code: registration.vaccine }] }] } : {}),
        start: slot.start,
        end: slot.end,
        created: this.now().toISOString(),
        slot: [{ reference: `Slot/${registration.slotId}` }],
        participant: [
          { actor: { reference: `Patient/${patientId}` }, status: 'accepted' },
          { actor: { reference: `Location/${registration.pointId}`, display: point.name }, status: 'accepted' },
        ],
        extension: [
          { url: EXT.appointmentSource, valueCoding: { system: APPOINTMENT_SOURCE_SYSTEM, code: String(APPOINTMENT_SOURCE_CODES.call_centre), display: 'call_centre' } },
          { url: EXT.dose, valueString: String(registration.dose) },
          { url: EXT.employer, valueReference: { reference: `Organization/${registration.employerMoId}` } },
          { url: EXT.position, valueString: registration.position },
        ],
      };
      const created = await this.fhir.create(appointment, `identifier=${encodeURIComponent(token(CLIENT_KEY_SYSTEM, key))}`);
      return { registrationId: created.resource.id as string, slot: parseOne(VaccinationSlotSchema, () => this.vaccinationSlot(slot as Slot, registration.pointId)) };
    });
  }

  /** The medical worker as a patient: found by SNILS, or created (conditionally, so twice is still once). */
  private async workerPatient(registration: VaccinationRegistration): Promise<string> {
    const snils = token(SNILS_SYSTEM, registration.snils);
    const [found] = (await this.fhir.search<Patient>('Patient', { identifier: snils, _count: 1 })).resources;
    if (found?.id) return found.id;
    const patient: Patient = {
      resourceType: 'Patient',
      active: true,
      identifier: [{ system: SNILS_SYSTEM, value: registration.snils }],
      name: [
        {
          use: 'official',
          family: registration.lastName,
          given: [registration.firstName, ...(registration.middleName ? [registration.middleName] : [])],
          text: [registration.lastName, registration.firstName, registration.middleName].filter(Boolean).join(' '),
        },
      ],
      birthDate: registration.birthDate,
      telecom: [{ system: 'phone', value: registration.phone, use: 'mobile', rank: 1, extension: [{ url: EXT.smsConsent, valueBoolean: false }] }],
    };
    const created = await this.fhir.create(patient, `identifier=${encodeURIComponent(snils)}`);
    return created.resource.id as string;
  }

  ping(): Promise<void> {
    return this.run(() => this.fhir.capabilities());
  }
}
