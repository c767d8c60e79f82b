/**
 * The synthetic region, deterministic from a seed number: the same seed gives the same ids and the same data on
 * every run (schedules move with the current date in the region: they always cover 14 days from today).
 * Resources follow the FHIR model in ../README.md.
 */
import {
  AREA_TYPE_CODES,
  APPOINTMENT_SOURCE_CODES,
  DEFAULT_NARROW_SPECIALTIES,
  DISTRICT_SPECIALTIES,
  enpCheckDigit,
  localDate,
  snilsCheckDigits,
  type AppointmentSource,
  type AreaType,
  type Specialty,
} from '@eer/contract';
import type {
  Address,
  Appointment,
  CodeableConcept,
  Extension,
  HealthcareService,
  HealthcareServiceAvailableTime,
  Identifier,
  Location,
  LocationHoursOfOperation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  Resource,
  Schedule,
  Slot,
} from '@medplum/fhirtypes';
import {
  APPOINTMENT_SOURCE_SYSTEM,
  AREA_TYPE_SYSTEM,
  EXT,
  FIAS_HOUSE_SYSTEM,
  IDENTITY_DOCUMENT_SYSTEM,
  IDENTITY_DOCUMENT_TYPE_SYSTEM,
  LOCATION_KIND,
  LOCATION_KIND_SYSTEM,
  OKATO_SYSTEM,
  OMS_SYSTEM,
  ORGANIZATION_KIND,
  ORGANIZATION_KIND_SYSTEM,
  PASSPORT_TYPE_CODE,
  SERVICE_KIND,
  SERVICE_KIND_SYSTEM,
  SNILS_SYSTEM,
  SPECIALTY_SYSTEM,
} from '../fhirModel';
import { FIXTURE_PATIENTS, FIXTURE_TICKET_ID, type FixturePatient } from './fixtures';
import { CITY_STREETS, FEMALE_NAMES, MALE_NAMES, SURNAMES, VILLAGE_STREETS } from './names';
import { SeededRandom } from './random';
import { DEPARTMENTS, DISTRICTS, LOCALITIES, MEDICAL_ORGANISATIONS, VACCINATION_POINT_MOS, type LocalitySeed, type MoSeed } from './region';
import { addDays, addMinutes, isoWeekday, localInstant } from './time';

export interface SeedOptions {
  seed: number;
  /** The moment "today" is taken from (region time zone). */
  now: Date;
  /** Patients in all, fixtures included. */
  patients: number;
}

export const SCHEDULE_DAYS = 14;
const BUSY_SHARE = 0.25;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** Birth dates are drawn back from this fixed date, so they never depend on the day the seed runs. */
const BIRTH_ANCHOR_YEAR = 2025;

const HOME_VISIT_NAME = 'Вызов врача на дом';

interface ZoneInfo {
  id: string;
  name: string;
  areaType: AreaType;
  mo: MoSeed;
  buildings: BuildingInfo[];
}

interface BuildingInfo {
  id: string;
  zone: ZoneInfo;
  locality: LocalitySeed;
  street: string;
  house: string;
  apartments: boolean;
}

interface DoctorInfo {
  no: number;
  roleId: string;
  scheduleId: string;
  fullName: string;
  specialty: Specialty;
  mo: MoSeed;
  room: string;
  slotMinutes: number;
}

interface PatientInfo {
  id: string;
  adult: boolean;
  moId?: string;
}

function coding(system: string, code: string, display?: string): CodeableConcept {
  return { coding: [{ system, code, ...(display ? { display } : {}) }] };
}

function ref<T extends Resource>(reference: string, display?: string): Reference<T> {
  return display ? { reference, display } : { reference };
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function orgPhone(locality: LocalitySeed, n: number): string {
  return locality.phoneCode.length === 4 ? `+7 (${locality.phoneCode}) 40-${twoDigits(n)}-01` : `+7 (${locality.phoneCode}) 2-${twoDigits(n)}-01`;
}

function buildingAddress(b: BuildingInfo, apartment?: number): Address {
  const line = [b.street, `д. ${b.house}`, ...(apartment ? [`кв. ${apartment}`] : [])];
  return {
    use: 'home',
    type: 'physical',
    text: `${b.locality.name}, ${line.join(', ')}`,
    city: b.locality.city,
    line,
    postalCode: b.locality.postalCode,
  };
}

function specialtyCoding(s: Specialty): CodeableConcept {
  return coding(SPECIALTY_SYSTEM, s.code, s.name);
}

function hoursOfOperation(saturday: boolean): LocationHoursOfOperation[] {
  return [
    { daysOfWeek: [...WEEKDAYS], openingTime: '08:00:00', closingTime: '20:00:00' },
    ...(saturday ? [{ daysOfWeek: ['sat' as const], openingTime: '09:00:00', closingTime: '15:00:00' }] : []),
  ];
}

function sourceExtension(source: AppointmentSource): Extension {
  return { url: EXT.appointmentSource, valueCoding: { system: APPOINTMENT_SOURCE_SYSTEM, code: String(APPOINTMENT_SOURCE_CODES[source]), display: source } };
}

/** Builds every resource of the region, in an order where references point backwards. */
export function buildRegion(options: SeedOptions): Resource[] {
  const random = new SeededRandom(options.seed);
  const today = localDate(options.now);
  const out: Resource[] = [];
  const meta = { versionId: '1' };
  const add = <T extends Resource>(resource: T): T => {
    out.push({ ...resource, meta });
    return resource;
  };

  // ------------------------------------------------------------------------- districts, localities, MOs, zones
  for (const d of DISTRICTS) {
    add<Organization>({
      resourceType: 'Organization',
      id: d.id,
      active: true,
      type: [coding(ORGANIZATION_KIND_SYSTEM, ORGANIZATION_KIND.district, 'Район')],
      name: d.name,
      identifier: [{ system: OKATO_SYSTEM, value: d.okato }],
    });
  }
  const localityById = new Map(LOCALITIES.map((l) => [l.id, l]));
  for (const l of LOCALITIES) {
    const district = DISTRICTS.find((d) => d.id === l.districtId);
    add<Location>({
      resourceType: 'Location',
      id: l.id,
      status: 'active',
      name: l.name,
      type: [coding(LOCATION_KIND_SYSTEM, LOCATION_KIND.locality, 'Населённый пункт')],
      managingOrganization: ref(`Organization/${l.districtId}`, district?.name),
      address: { city: l.city, postalCode: l.postalCode, text: l.name },
    });
  }

  const zones: ZoneInfo[] = [];
  const usedAddresses = new Set<string>();
  const moAddress = new Map<string, Address>();
  MEDICAL_ORGANISATIONS.forEach((mo, moIndex) => {
    const moNo = moIndex + 1;
    const locality = localityById.get(mo.localityId) as LocalitySeed;
    const district = DISTRICTS.find((d) => d.id === locality.districtId);
    const streets = locality.urban ? CITY_STREETS : VILLAGE_STREETS;
    const address: Address = {
      use: 'work',
      text: `${locality.name}, ${streets[moIndex % streets.length]}, д. ${10 + moNo}`,
      city: locality.city,
      line: [streets[moIndex % streets.length] as string, `д. ${10 + moNo}`],
      postalCode: locality.postalCode,
    };
    moAddress.set(mo.id, address);
    const phone = orgPhone(locality, moNo);
    add<Organization>({
      resourceType: 'Organization',
      id: mo.id,
      active: true,
      type: [coding(ORGANIZATION_KIND_SYSTEM, ORGANIZATION_KIND.mo, 'Медицинская организация')],
      name: mo.fullName,
      alias: [mo.shortName],
      partOf: ref(`Organization/${locality.districtId}`, district?.name),
      telecom: [
        { system: 'phone', value: phone, use: 'work' },
        { system: 'email', value: mo.email, use: 'work' },
      ],
      address: [address],
    });
    DEPARTMENTS.forEach((name, i) => {
      add<Organization>({
        resourceType: 'Organization',
        id: `dept-${twoDigits(moNo)}-${i + 1}`,
        active: true,
        type: [coding(ORGANIZATION_KIND_SYSTEM, ORGANIZATION_KIND.department, 'Отделение')],
        name,
        partOf: ref(`Organization/${mo.id}`, mo.shortName),
        address: [address],
      });
    });
    add<Location>({
      resourceType: 'Location',
      id: `loc-${mo.id}`,
      status: 'active',
      name: mo.shortName,
      type: [coding(LOCATION_KIND_SYSTEM, LOCATION_KIND.moMain, 'Здание МО')],
      managingOrganization: ref(`Organization/${mo.id}`, mo.shortName),
      partOf: ref(`Location/${locality.id}`, locality.name),
      address,
      telecom: [{ system: 'phone', value: phone }],
      hoursOfOperation: hoursOfOperation(mo.saturday),
    });
    const availableTime: HealthcareServiceAvailableTime[] = [
      { daysOfWeek: [...WEEKDAYS], availableStartTime: '08:00:00', availableEndTime: `${mo.homeVisitUntil}:00` },
      ...(mo.saturday ? [{ daysOfWeek: ['sat' as const], availableStartTime: '09:00:00', availableEndTime: '12:00:00' }] : []),
    ];
    add<HealthcareService>({
      resourceType: 'HealthcareService',
      id: `hs-hv-${twoDigits(moNo)}`,
      active: true,
      providedBy: ref(`Organization/${mo.id}`, mo.shortName),
      type: [coding(SERVICE_KIND_SYSTEM, SERVICE_KIND.homeVisit, HOME_VISIT_NAME)],
      name: HOME_VISIT_NAME,
      location: [ref(`Location/loc-${mo.id}`, mo.shortName)],
      telecom: [{ system: 'phone', value: phone }],
      availableTime,
    });
    mo.zoneTypes.forEach((areaType, z) => {
      const number = moNo * 10 + z + 1;
      const name = areaType === 'general_practice' ? `Участок ВОП № ${number}` : `Терапевтический участок № ${number}`;
      const zone: ZoneInfo = { id: `zone-${twoDigits(moNo)}-${z + 1}`, name, areaType, mo, buildings: [] };
      zones.push(zone);
      add<Location>({
        resourceType: 'Location',
        id: zone.id,
        status: 'active',
        name,
        type: [
          { coding: [{ system: LOCATION_KIND_SYSTEM, code: LOCATION_KIND.zone, display: 'Участок' }, { system: AREA_TYPE_SYSTEM, code: areaType, display: String(AREA_TYPE_CODES[areaType]) }] },
        ],
        managingOrganization: ref(`Organization/${mo.id}`, mo.shortName),
        partOf: ref(`Location/${locality.id}`, locality.name),
      });
      // Served buildings: unique street + house within the locality.
      for (let b = 0; b < 6; b++) {
        let street: string;
        let house: string;
        do {
          street = random.pick(streets);
          house = String(random.int(1, locality.urban ? 80 : 40));
        } while (usedAddresses.has(`${locality.id}|${street}|${house}`));
        usedAddresses.add(`${locality.id}|${street}|${house}`);
        const building: BuildingInfo = { id: `bld-${twoDigits(moNo)}-${z + 1}-${b + 1}`, zone, locality, street, house, apartments: locality.urban };
        zone.buildings.push(building);
        const address = buildingAddress(building);
        add<Location>({
          resourceType: 'Location',
          id: building.id,
          status: 'active',
          name: `${street}, д. ${house}`,
          identifier: [{ system: FIAS_HOUSE_SYSTEM, value: random.uuid() }],
          type: [coding(LOCATION_KIND_SYSTEM, LOCATION_KIND.building, 'Обслуживаемый дом')],
          managingOrganization: ref(`Organization/${mo.id}`, mo.shortName),
          partOf: ref(`Location/${zone.id}`, zone.name),
          address: { ...address, use: undefined },
        });
      }
    });
  });
  const zoneById = new Map(zones.map((z) => [z.id, z]));

  // ---------------------------------------------------------------------------------------- doctors and schedules
  const usedSnils = new Set<string>(Object.values(FIXTURE_PATIENTS).map((p) => p.snils));
  const newSnils = (): string => {
    for (;;) {
      const base = String(random.int(1_002_000, 999_999_999)).padStart(9, '0');
      const snils = base + snilsCheckDigits(base);
      if (!usedSnils.has(snils)) {
        usedSnils.add(snils);
        return snils;
      }
    }
  };
  const person = (female: boolean) => {
    const family = random.pick(SURNAMES) + (female ? 'а' : '');
    const given = female ? random.pick(FEMALE_NAMES) : random.pick(MALE_NAMES)[0];
    const father = random.pick(MALE_NAMES);
    const middle = female ? father[2] : father[1];
    return { family, given, middle, text: `${family} ${given} ${middle}` };
  };

  const doctors: DoctorInfo[] = [];
  MEDICAL_ORGANISATIONS.forEach((mo, moIndex) => {
    const moNo = moIndex + 1;
    const moZones = zones.filter((z) => z.mo.id === mo.id);
    for (let k = 0; k < 6; k++) {
      const no = moIndex * 6 + k + 1;
      let specialty: Specialty;
      let served: ZoneInfo[] = [];
      let department = 1;
      if (k < 3) {
        const zone = moZones[k] as ZoneInfo;
        specialty = zone.areaType === 'general_practice' ? DISTRICT_SPECIALTIES[2] : DISTRICT_SPECIALTIES[0];
        served = [zone];
      } else if (k === 3) {
        specialty = DISTRICT_SPECIALTIES[1];
        served = moZones;
        department = 2;
      } else {
        specialty = DEFAULT_NARROW_SPECIALTIES[(moIndex * 2 + (k - 4)) % DEFAULT_NARROW_SPECIALTIES.length] as Specialty;
        department = 3;
      }
      const female = random.chance(0.7);
      const name = person(female);
      const id = twoDigits(no);
      const doctor: DoctorInfo = {
        no,
        roleId: `role-${id}`,
        scheduleId: `sch-${id}`,
        fullName: name.text,
        specialty,
        mo,
        room: `каб. ${100 * random.int(1, 3) + 10 + k}`,
        slotMinutes: specialty.kind === 'district' ? 15 : 20,
      };
      doctors.push(doctor);
      add<Practitioner>({
        resourceType: 'Practitioner',
        id: `pr-${id}`,
        active: true,
        name: [{ use: 'official', family: name.family, given: [name.given, name.middle], text: name.text }],
        gender: female ? 'female' : 'male',
        identifier: [{ system: SNILS_SYSTEM, value: newSnils() }],
      });
      const deptId = `dept-${twoDigits(moNo)}-${department}`;
      add<PractitionerRole>({
        resourceType: 'PractitionerRole',
        id: doctor.roleId,
        active: true,
        practitioner: ref(`Practitioner/pr-${id}`, name.text),
        organization: ref(`Organization/${mo.id}`, mo.shortName),
        specialty: [specialtyCoding(specialty)],
        ...(served.length ? { location: served.map((z) => ref(`Location/${z.id}`, z.name)) } : {}),
        extension: [{ url: EXT.department, valueReference: ref(`Organization/${deptId}`, DEPARTMENTS[department - 1]) }],
      });
      add<Schedule>({
        resourceType: 'Schedule',
        id: doctor.scheduleId,
        active: true,
        actor: [ref(`PractitionerRole/${doctor.roleId}`, name.text)],
        specialty: [specialtyCoding(specialty)],
        planningHorizon: { start: localInstant(today, '00:00'), end: localInstant(addDays(today, SCHEDULE_DAYS), '00:00') },
      });
    }
  });

  // ---------------------------------------------------------------------------------------------------- patients
  const usedEnp = new Set<string>(Object.values(FIXTURE_PATIENTS).flatMap((p) => (typeof p.policy === 'string' ? [p.policy] : [])));
  const usedPhones = new Set<string>(Object.values(FIXTURE_PATIENTS).map((p) => p.phone));
  const usedPassports = new Set<string>(Object.values(FIXTURE_PATIENTS).flatMap((p) => ('passport' in p ? [p.passport] : [])));
  const unique = (used: Set<string>, make: () => string): string => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const patients: PatientInfo[] = [];
  const patientResource = (p: FixturePatient, building: BuildingInfo, apartment: number | undefined): Patient => {
    const mobile = p.phone.startsWith('+79');
    const zone = p.attachment ? zoneById.get(p.attachment.zoneId) : undefined;
    const identifier: Identifier[] = [
      { system: SNILS_SYSTEM, value: p.snils },
      { system: OMS_SYSTEM, value: typeof p.policy === 'string' ? p.policy : `${p.policy.series} ${p.policy.number}` },
    ];
    if (p.passport) {
      identifier.push({
        system: IDENTITY_DOCUMENT_SYSTEM,
        type: coding(IDENTITY_DOCUMENT_TYPE_SYSTEM, PASSPORT_TYPE_CODE, 'Паспорт гражданина Российской Федерации'),
        value: p.passport,
      });
    }
    return {
      resourceType: 'Patient',
      id: p.id,
      active: true,
      identifier,
      name: [{ use: 'official', family: p.lastName, given: [p.firstName, p.middleName], text: `${p.lastName} ${p.firstName} ${p.middleName}` }],
      gender: p.sex,
      birthDate: p.birthDate,
      telecom: [{ system: 'phone', value: p.phone, use: mobile ? 'mobile' : 'home', extension: [{ url: EXT.smsConsent, valueBoolean: p.smsConsent }] }],
      address: [buildingAddress(building, apartment)],
      ...(p.attachment && zone
        ? {
            generalPractitioner: [ref(`Organization/${p.attachment.moId}`, zone.mo.shortName)],
            extension: [
              { url: EXT.attachmentZone, valueReference: ref(`Location/${zone.id}`, zone.name) },
              { url: EXT.attachmentAreaType, valueCode: p.attachment.areaType },
            ],
          }
        : {}),
    };
  };
  const anchorAge = (birthDate: string) => BIRTH_ANCHOR_YEAR - Number(birthDate.slice(0, 4));

  for (const fixture of Object.values(FIXTURE_PATIENTS) as FixturePatient[]) {
    const zone = zoneById.get(fixture.homeZoneId) as ZoneInfo;
    add(patientResource(fixture, zone.buildings[0] as BuildingInfo, zone.buildings[0]?.apartments ? 12 : undefined));
    patients.push({ id: fixture.id, adult: anchorAge(fixture.birthDate) >= 18, moId: fixture.attachment?.moId });
  }

  const allBuildings = zones.flatMap((z) => z.buildings);
  const randomCount = Math.max(0, options.patients - patients.length);
  let lastPhoneByBuilding = new Map<string, string>();
  for (let i = 1; i <= randomCount; i++) {
    const female = random.chance(0.54);
    const name = person(female);
    const bucket = random.next();
    const age = bucket < 0.2 ? random.int(0, 17) : bucket < 0.5 ? random.int(18, 39) : bucket < 0.8 ? random.int(40, 64) : random.int(65, 95);
    const birth = new Date(Date.UTC(BIRTH_ANCHOR_YEAR - age, 5, 1) - random.int(0, 364) * 86_400_000);
    const birthDate = birth.toISOString().slice(0, 10);
    const adult = anchorAge(birthDate) >= 18;
    const building = random.pick(allBuildings);
    const roll = random.next();
    const attachedZone = roll < 0.97 ? building.zone : roll < 0.99 ? random.pick(zones) : undefined;
    const shared = lastPhoneByBuilding.get(building.id);
    const phone =
      shared && random.chance(0.3)
        ? shared
        : random.chance(0.88)
          ? unique(usedPhones, () => `+79${random.digits(9)}`)
          : unique(usedPhones, () => `+7${building.locality.phoneCode}${random.digits(10 - building.locality.phoneCode.length)}`);
    lastPhoneByBuilding.set(building.id, phone);
    const oldPolicy = random.chance(0.05);
    const fixtureLike: FixturePatient = {
      id: `pat-${String(i).padStart(4, '0')}`,
      lastName: name.family,
      firstName: name.given,
      middleName: name.middle,
      sex: female ? 'female' : 'male',
      birthDate,
      snils: newSnils(),
      policy: oldPolicy
        ? { series: random.pick(['ТОМ', 'АБ', 'ЕА', '69']), number: random.digits(9) }
        : unique(usedEnp, () => {
            const base = String(random.int(1, 9)) + random.digits(14);
            return base + String(enpCheckDigit(base));
          }),
      ...(age >= 14 ? { passport: unique(usedPassports, () => `69${twoDigits(random.int(0, 24))}${random.digits(6)}`) } : {}),
      phone,
      smsConsent: phone.startsWith('+79') && random.chance(0.7),
      attachment: attachedZone ? { moId: attachedZone.mo.id, zoneId: attachedZone.id, areaType: adult ? attachedZone.areaType : 'pediatric' } : null,
      homeZoneId: building.zone.id,
    };
    add(patientResource(fixtureLike, building, building.apartments ? random.int(1, 120) : undefined));
    patients.push({ id: fixtureLike.id, adult, moId: attachedZone?.mo.id });
  }
  lastPhoneByBuilding = new Map();

  // ------------------------------------------------------------------------------------- slots and appointments
  const patientsOfMo = new Map<string, { adults: string[]; children: string[] }>();
  for (const p of patients) {
    if (!p.moId || p.id.startsWith('pat-fx-')) continue;
    let group = patientsOfMo.get(p.moId);
    if (!group) {
      group = { adults: [], children: [] };
      patientsOfMo.set(p.moId, group);
    }
    (p.adult ? group.adults : group.children).push(p.id);
  }
  const randomPatientFor = (doctor: DoctorInfo): string => {
    const group = patientsOfMo.get(doctor.mo.id);
    const pool = doctor.specialty.code === 'pediatrician' ? group?.children : doctor.specialty.kind === 'district' ? group?.adults : [...(group?.adults ?? []), ...(group?.children ?? [])];
    return pool && pool.length > 0 ? random.pick(pool) : (random.pick(patients) as PatientInfo).id;
  };
  let appointmentNo = 0;
  const appointment = (doctor: DoctorInfo, slot: Slot, patientId: string, status: Appointment['status'], source: AppointmentSource, id?: string): Appointment => ({
    resourceType: 'Appointment',
    id: id ?? `appt-${String(++appointmentNo).padStart(5, '0')}`,
    status,
    ...(status === 'cancelled' ? { cancelationReason: { text: 'Отменено пациентом' } } : {}),
    start: slot.start,
    end: slot.end,
    created: localInstant(addDays(today, -3), '10:00'),
    slot: [ref(`Slot/${slot.id}`)],
    specialty: [specialtyCoding(doctor.specialty)],
    participant: [
      { actor: ref(`Patient/${patientId}`), status: 'accepted' },
      { actor: ref(`PractitionerRole/${doctor.roleId}`, doctor.fullName), status: 'accepted' },
    ],
    extension: [sourceExtension(source), { url: EXT.room, valueString: doctor.room }],
  });
  const sources: AppointmentSource[] = ['registry', 'registry', 'internet', 'internet', 'call_centre', 'infomat', 'doctor'];

  const fixtureTicketPatient = FIXTURE_PATIENTS.withTicket;
  const fixtureDoctor = doctors.find((d) => d.specialty.code === 'therapist' && d.mo.id === fixtureTicketPatient.attachment.moId && d.no === 2) as DoctorInfo;
  let fixtureTicketPlaced = false;

  for (const doctor of doctors) {
    for (let d = 0; d < SCHEDULE_DAYS; d++) {
      const date = addDays(today, d);
      if (isoWeekday(date) > 5) continue;
      const [from, to] = (doctor.no + d) % 2 === 0 ? ['08:00', '14:00'] : ['14:00', '20:00'];
      let n = 0;
      for (let t = from as string; addMinutes(t, doctor.slotMinutes) <= (to as string); t = addMinutes(t, doctor.slotMinutes)) {
        n++;
        const isFixture = !fixtureTicketPlaced && doctor === fixtureDoctor && d >= 1;
        const busy = isFixture || random.chance(BUSY_SHARE);
        const slot: Slot = {
          resourceType: 'Slot',
          id: `slot-${twoDigits(doctor.no)}-${twoDigits(d)}-${twoDigits(n)}`,
          schedule: ref(`Schedule/${doctor.scheduleId}`),
          status: busy ? 'busy' : 'free',
          start: localInstant(date, t),
          end: localInstant(date, addMinutes(t, doctor.slotMinutes)),
          extension: [{ url: EXT.room, valueString: doctor.room }],
        };
        add(slot);
        if (isFixture) {
          fixtureTicketPlaced = true;
          add(appointment(doctor, slot, fixtureTicketPatient.id, 'booked', 'call_centre', FIXTURE_TICKET_ID));
        } else if (busy) {
          add(appointment(doctor, slot, randomPatientFor(doctor), 'booked', random.pick(sources)));
        } else if (random.chance(0.01)) {
          // A ticket cancelled earlier: the slot is free again.
          add(appointment(doctor, slot, randomPatientFor(doctor), 'cancelled', random.pick(sources)));
        }
      }
    }
  }

  // Past visits: one each for some patients, on slots of the last ten days.
  for (let i = 1; i <= 150; i++) {
    const doctor = random.pick(doctors);
    let date = addDays(today, -random.int(1, 10));
    while (isoWeekday(date) > 5) date = addDays(date, -1);
    const time = addMinutes('08:00', doctor.slotMinutes * random.int(0, 20));
    const slot: Slot = {
      resourceType: 'Slot',
      id: `slot-past-${String(i).padStart(3, '0')}`,
      schedule: ref(`Schedule/${doctor.scheduleId}`),
      status: 'busy',
      start: localInstant(date, time),
      end: localInstant(date, addMinutes(time, doctor.slotMinutes)),
      extension: [{ url: EXT.room, valueString: doctor.room }],
    };
    add(slot);
    add(appointment(doctor, slot, randomPatientFor(doctor), random.chance(0.9) ? 'fulfilled' : 'noshow', random.pick(sources)));
  }

  // ----------------------------------------------------------------------------------------- vaccination points
  VACCINATION_POINT_MOS.forEach((moId, i) => {
    const mo = MEDICAL_ORGANISATIONS.find((m) => m.id === moId) as MoSeed;
    const no = i + 1;
    const address = moAddress.get(moId) as Address;
    add<Location>({
      resourceType: 'Location',
      id: `vp-${no}`,
      status: 'active',
      name: `Прививочный пункт ${mo.shortName}`,
      type: [coding(LOCATION_KIND_SYSTEM, LOCATION_KIND.vaccinationPoint, 'Прививочный пункт')],
      managingOrganization: ref(`Organization/${mo.id}`, mo.shortName),
      partOf: ref(`Location/loc-${mo.id}`, mo.shortName),
      address: { ...address, text: `${address.text}, каб. 105` },
      hoursOfOperation: [{ daysOfWeek: [...WEEKDAYS, 'sat'], openingTime: '09:00:00', closingTime: '18:00:00' }],
    });
    add<HealthcareService>({
      resourceType: 'HealthcareService',
      id: `hs-imm-${no}`,
      active: true,
      providedBy: ref(`Organization/${mo.id}`, mo.shortName),
      type: [coding(SERVICE_KIND_SYSTEM, SERVICE_KIND.immunization, 'Вакцинация')],
      name: 'Вакцинация медицинских работников',
      location: [ref(`Location/vp-${no}`)],
    });
    add<Schedule>({
      resourceType: 'Schedule',
      id: `sch-vp-${no}`,
      active: true,
      actor: [ref(`Location/vp-${no}`, `Прививочный пункт ${mo.shortName}`)],
      serviceType: [coding(SERVICE_KIND_SYSTEM, SERVICE_KIND.immunization, 'Вакцинация')],
      planningHorizon: { start: localInstant(today, '00:00'), end: localInstant(addDays(today, SCHEDULE_DAYS), '00:00') },
    });
    for (let d = 0; d < SCHEDULE_DAYS; d++) {
      const date = addDays(today, d);
      if (isoWeekday(date) > 6) continue;
      let n = 0;
      for (let t = '09:00'; t < '18:00'; t = addMinutes(t, 30)) {
        n++;
        const capacity = 4;
        const booked = random.chance(0.6) ? random.int(0, capacity) : 0;
        add<Slot>({
          resourceType: 'Slot',
          id: `vslot-${no}-${twoDigits(d)}-${twoDigits(n)}`,
          schedule: ref(`Schedule/sch-vp-${no}`),
          serviceType: [coding(SERVICE_KIND_SYSTEM, SERVICE_KIND.immunization, 'Вакцинация')],
          status: booked >= capacity ? 'busy' : 'free',
          start: localInstant(date, t),
          end: localInstant(date, addMinutes(t, 30)),
          extension: [
            { url: EXT.slotCapacity, valueInteger: capacity },
            ...Array.from({ length: booked }, (_, k) => ({ url: EXT.heldBy, valueString: `seed-${no}-${d}-${n}-${k}` })),
          ],
        });
      }
    }
  });

  return out;
}
