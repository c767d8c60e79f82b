/**
 * The FHIR adapter against the real sandbox MIS over HTTP: every MisPort operation, its error mapping and its
 * idempotency. Concurrency and faults have their own files.
 */
import { FIXTURE_PATIENTS, FIXTURE_TICKET_ID, startSandboxMis, type SandboxMis } from '@eer/local';
import { isValidEnp, isValidSnils, PatientSearchQuery, type Ticket } from '@eer/contract';
import type { Appointment, Patient } from '@medplum/fhirtypes';
import { AppError } from '../../http/errors';
import { FhirMis } from './FhirMis';
import * as systems from './systems';

// Real HTTP against a seeded MIS on a shared 2-core machine: give each test room.
jest.setTimeout(30_000);

let sandbox: SandboxMis;
let mis: FhirMis;
const fx = FIXTURE_PATIENTS;

function query(input: Record<string, unknown>) {
  return PatientSearchQuery.parse(input);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

beforeAll(async () => {
  sandbox = await startSandboxMis({ seed: 122 });
  mis = new FhirMis({ baseUrl: sandbox.baseUrl, timeoutMs: 5000, retries: 0 });
}, 60_000);
afterAll(async () => sandbox?.close());

describe('patients', () => {
  it('finds a patient by SNILS, ЕНП, old policy and passport as exact matches', async () => {
    const bySnils = await mis.searchPatients(query({ snils: fx.adult.snils }));
    expect(bySnils.candidates).toEqual([expect.objectContaining({ misId: fx.adult.id, matchedBy: 'snils', fullName: 'Вересаев Глеб Аркадьевич' })]);
    const byEnp = await mis.searchPatients(query({ policy: fx.child.policy }));
    expect(byEnp.candidates[0]).toMatchObject({ misId: fx.child.id, matchedBy: 'policy', policy: fx.child.policy });
    const byOld = await mis.searchPatients(query({ policy: fx.oldPolicy.policy }));
    expect(byOld.candidates[0]).toMatchObject({ misId: fx.oldPolicy.id, policy: fx.oldPolicy.policy });
    const byPassport = await mis.searchPatients(query({ passport: '45 06 123456' }));
    expect(byPassport.candidates[0]).toMatchObject({ misId: fx.adult.id, matchedBy: 'passport' });
  });

  it('puts exact identifier matches before name matches, and reports truncation', async () => {
    const result = await mis.searchPatients(query({ snils: fx.namesake.snils, fullName: 'Шубин Алексей' }));
    expect(result.candidates.map((c) => c.misId)).toEqual([fx.namesake.id, fx.withTicket.id]);
    expect(result.candidates[0]?.matchedBy).toBe('snils');
    expect(result.candidates[1]?.matchedBy).toBeUndefined();
    const many = await mis.searchPatients(query({ fullName: 'Ив', limit: 5 }));
    expect(many.candidates).toHaveLength(5);
    expect(many.truncated).toBe(true);
  });

  it('searches names case-insensitively by prefix of family and given names, and by birth date', async () => {
    const byPrefix = await mis.searchPatients(query({ fullName: 'шуб ал' }));
    expect(byPrefix.candidates.map((c) => c.misId).sort()).toEqual([fx.namesake.id, fx.withTicket.id].sort());
    const withDate = await mis.searchPatients(query({ fullName: 'Шубин', birthDate: '1990-02-14' }));
    expect(withDate.candidates.map((c) => c.misId)).toEqual([fx.namesake.id]);
    // «убин» is inside «Шубин» but no name starts with it
    const inside = await mis.searchPatients(query({ fullName: 'убин' }));
    expect(inside.candidates.map((c) => c.misId)).not.toContain(fx.withTicket.id);
  });

  it('scopes a search to one MO', async () => {
    const inMo3 = await mis.searchPatients(query({ fullName: 'Шубин Алексей Петрович' }), { moId: 'mo-03' });
    expect(inMo3.candidates.map((c) => c.misId)).toEqual([fx.namesake.id]);
  });

  it('finds everyone sharing a phone', async () => {
    const family = await mis.findPatientsByPhone(fx.familyMother.phone, 10);
    expect(family.map((p) => p.misId).sort()).toEqual([fx.familyMother.id, fx.familySon.id].sort());
    expect(family.every((p) => p.matchedBy === 'phone')).toBe(true);
    expect(await mis.findPatientsByPhone('+79000000000', 10)).toEqual([]);
  });

  it('reads the card with attachment, contacts, identifiers and address', async () => {
    const card = await mis.getPatient(fx.adult.id);
    expect(card).toMatchObject({
      misId: fx.adult.id,
      lastName: 'Вересаев',
      firstName: 'Глеб',
      middleName: 'Аркадьевич',
      birthDate: '1980-05-15',
      sex: 'male',
      phone: '+79161234567',
      smsConsent: true,
      snils: fx.adult.snils,
      policy: fx.adult.policy,
      passport: fx.adult.passport,
      attachment: { moId: 'mo-01', moName: 'ГП № 1', zoneId: 'zone-01-1', areaType: 'therapeutic' },
    });
    expect(card.address?.text).toMatch(/^г\. Северогорск, /);
    expect(card.address?.house).toBeDefined();
    expect((await mis.getPatient(fx.unattached.id)).attachment).toBeNull();
    expect((await mis.getPatient(fx.child.id)).attachment?.areaType).toBe('pediatric');
    expect(await codeOf(mis.getPatient('pat-missing'))).toBe('not_found');
  });

  it('updates the phone and SMS consent, and repeating it is harmless', async () => {
    const p = FIXTURE_PATIENTS.unattached;
    const first = await mis.updatePhone(p.id, '+79260001122', true, 'phone-key-0001');
    expect(first).toMatchObject({ phone: '+79260001122', smsConsent: true });
    const again = await mis.updatePhone(p.id, '+79260001122', true, 'phone-key-0001');
    expect(again).toMatchObject({ phone: '+79260001122', smsConsent: true });
    const landline = await mis.updatePhone(p.id, '+73822000000', false, 'phone-key-0002');
    expect(landline).toMatchObject({ phone: '+73822000000', smsConsent: false });
    await mis.updatePhone(p.id, p.phone, p.smsConsent, 'phone-key-0003');
  });

  it('seeds valid SNILS and ЕНП for every patient, 2,000 in all', async () => {
    const patients = await sandbox.repository.searchResources<Patient>({ resourceType: 'Patient' });
    expect(patients).toHaveLength(2000);
    for (const p of patients) {
      const snils = p.identifier?.find((i) => i.system === systems.SNILS_SYSTEM)?.value ?? '';
      const oms = p.identifier?.find((i) => i.system === systems.OMS_SYSTEM)?.value ?? '';
      expect(isValidSnils(snils)).toBe(true);
      if (/^\d{16}$/.test(oms)) expect(isValidEnp(oms)).toBe(true);
      else expect(oms).toMatch(/^\S+ \d+$/);
    }
  });
});

describe('reference data', () => {
  it('lists districts, MOs by district, locality and name, departments and localities', async () => {
    const districts = await mis.listDistricts();
    expect(districts.length).toBeGreaterThanOrEqual(3);
    expect(districts[0]).toMatchObject({ id: 'district-1', name: 'Центральный район', okato: expect.any(String) });
    expect(await mis.listOrganisations({})).toHaveLength(10);
    const central = await mis.listOrganisations({ districtId: 'district-1' });
    expect(central.map((o) => o.id)).toEqual(['mo-01', 'mo-02', 'mo-03', 'mo-04']);
    expect(central[0]).toMatchObject({ shortName: 'ГП № 1', districtId: 'district-1', email: 'gp1@mo.eer122.test', hasHomeVisits: true });
    expect((await mis.listOrganisations({ localityId: 'locality-3' })).map((o) => o.id)).toEqual(['mo-07']);
    expect((await mis.listOrganisations({ name: 'Сосновская' })).map((o) => o.id).sort()).toEqual(['mo-08', 'mo-09']);
    expect(await mis.listDepartments('mo-02')).toHaveLength(3);
    const localities = await mis.listLocalities({ districtId: 'district-2' });
    expect(localities.map((l) => l.name)).toEqual(['г. Заречинск', 'пос. Лесной']);
    expect((await mis.listLocalities({ name: 'Берёз' })).map((l) => l.id)).toEqual(['locality-5']);
  });

  it('gives opening and home-visit hours of an MO', async () => {
    const hours = await mis.getOpeningHours('mo-01');
    expect(hours).toMatchObject({ moId: 'mo-01', moName: 'ГП № 1' });
    expect(hours.hours[1]).toEqual([{ from: '08:00', to: '20:00' }]);
    expect(hours.hours[6]).toEqual([{ from: '09:00', to: '15:00' }]);
    expect(hours.hours[7]).toEqual([]);
    expect(hours.homeVisitHours[1]).toEqual([{ from: '08:00', to: '16:00' }]);
    expect(hours.phone).toMatch(/^\+7 \(3822\)/);
    expect(await codeOf(mis.getOpeningHours('mo-99'))).toBe('not_found');
  });

  it('lists specialties, district ones first', async () => {
    const all = await mis.listSpecialties({});
    expect(all.slice(0, 3).map((s) => s.kind)).toEqual(['district', 'district', 'district']);
    expect(all.map((s) => s.code).sort()).toEqual(
      ['dentist', 'dermatovenereologist', 'general_practitioner', 'gynecologist', 'neurologist', 'ophthalmologist', 'otolaryngologist', 'pediatrician', 'surgeon', 'therapist'].sort(),
    );
    const mo9 = await mis.listSpecialties({ moId: 'mo-09' });
    expect(mo9.map((s) => s.code)).toContain('general_practitioner');
    expect(mo9.map((s) => s.code)).not.toContain('therapist');
  });
});

describe('doctors, slots and tickets', () => {
  it('finds doctors by MO, specialty, zone and department', async () => {
    expect(await mis.findDoctors({})).toHaveLength(60);
    const inMo = await mis.findDoctors({ moId: 'mo-01' });
    expect(inMo).toHaveLength(6);
    const zoneDoctors = await mis.findDoctors({ zoneId: 'zone-01-2' });
    expect(zoneDoctors.map((d) => d.specialtyCode).sort()).toEqual(['pediatrician', 'therapist']);
    const therapist = zoneDoctors.find((d) => d.specialtyCode === 'therapist');
    expect(therapist).toMatchObject({ id: 'role-02', moId: 'mo-01', specialtyName: 'терапевт участковый', departmentId: 'dept-01-1', zoneIds: ['zone-01-2'] });
    const surgeons = await mis.findDoctors({ specialtyCode: 'surgeon' });
    expect(surgeons.length).toBeGreaterThan(0);
    expect(surgeons.every((d) => d.specialtyCode === 'surgeon' && !d.zoneIds)).toBe(true);
    expect((await mis.findDoctors({ departmentId: 'dept-01-3' })).every((d) => d.departmentId === 'dept-01-3')).toBe(true);
  });

  it('finds free future slots of doctors in a period', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const slots = await mis.findFreeSlots(['role-01', 'role-05'], from, to);
    expect(slots.length).toBeGreaterThan(20);
    expect(new Set(slots.map((s) => s.doctorId))).toEqual(new Set(['role-01', 'role-05']));
    expect(slots.every((s) => s.status === 'free' && Date.parse(s.start) >= Date.parse(from) && Date.parse(s.start) < Date.parse(to))).toBe(true);
    expect(slots.map((s) => Date.parse(s.start))).toEqual([...slots.map((s) => Date.parse(s.start))].sort((a, b) => a - b));
    expect(slots[0]?.room).toMatch(/^каб\. \d+$/);
    expect(await mis.findFreeSlots([], from, to)).toEqual([]);
  });

  it('books a slot, lists it, cancels it, and the slot is free again', async () => {
    const patient = fx.adult;
    const [slot] = await mis.findFreeSlots(['role-01'], new Date(Date.now() + 3_600_000).toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString());
    const booked = await mis.bookSlot({ patientId: patient.id, slotId: slot!.id, clientKey: 'book-key-0001', source: 'call_centre' });
    expect(booked).toMatchObject({
      patientId: patient.id,
      slotId: slot!.id,
      doctorId: 'role-01',
      moId: 'mo-01',
      moName: 'ГП № 1',
      specialtyName: 'терапевт участковый',
      start: slot!.start,
      status: 'booked',
      source: 'call_centre',
      room: slot!.room,
    });
    expect(booked.address).toMatch(/Северогорск/);
    // the same request again returns the same ticket
    expect(await mis.bookSlot({ patientId: patient.id, slotId: slot!.id, clientKey: 'book-key-0001', source: 'call_centre' })).toEqual(booked);
    // another request for the same slot loses
    expect(await codeOf(mis.bookSlot({ patientId: fx.child.id, slotId: slot!.id, clientKey: 'book-key-0002', source: 'call_centre' }))).toBe('slot_taken');
    const tickets = await mis.listTickets(patient.id, { includePast: false });
    expect(tickets.map((t) => t.id)).toContain(booked.id);

    const cancelled = await mis.cancelTicket({ patientId: patient.id, ticketId: booked.id, clientKey: 'cancel-key-0001' });
    expect(cancelled.status).toBe('cancelled');
    expect(await mis.cancelTicket({ patientId: patient.id, ticketId: booked.id, clientKey: 'cancel-key-0001' })).toEqual(cancelled);
    const free = await mis.findFreeSlots(['role-01'], slot!.start, slot!.end);
    expect(free.map((s) => s.id)).toEqual([slot!.id]);
    // someone else's ticket is not found for this patient
    expect(await codeOf(mis.cancelTicket({ patientId: fx.child.id, ticketId: FIXTURE_TICKET_ID, clientKey: 'cancel-key-0002' }))).toBe('not_found');
  });

  it('reschedules: the new ticket replaces the old one, which is cancelled', async () => {
    const patient = fx.familyMother;
    // From an hour ahead: the soonest slots may start while a loaded machine runs this test.
    const slots = await mis.findFreeSlots(['role-07'], new Date(Date.now() + 3_600_000).toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString());
    const first = await mis.bookSlot({ patientId: patient.id, slotId: slots[0]!.id, clientKey: 'resched-key-1', source: 'call_centre' });
    const second = await mis.bookSlot({ patientId: patient.id, slotId: slots[1]!.id, clientKey: 'resched-key-2', source: 'call_centre', replacesTicketId: first.id });
    const tickets = await mis.listTickets(patient.id, { includePast: false });
    const byId = new Map<string, Ticket>(tickets.map((t) => [t.id, t]));
    expect(byId.get(first.id)?.status).toBe('cancelled');
    expect(byId.get(second.id)?.status).toBe('booked');
  });

  it('lists the fixture ticket and, with past ones, visits', async () => {
    const tickets = await mis.listTickets(fx.withTicket.id, { includePast: false });
    expect(tickets).toEqual([expect.objectContaining({ id: FIXTURE_TICKET_ID, doctorId: 'role-02', status: 'booked', source: 'call_centre' })]);
    const appointments = await sandbox.repository.searchResources<Appointment>({ resourceType: 'Appointment', filters: [{ code: 'status', operator: 'eq', value: 'fulfilled' }], count: 1 });
    const pastPatient = appointments[0]?.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor?.reference?.split('/')[1] as string;
    const past = await mis.listTickets(pastPatient, { includePast: true });
    expect(past.some((t) => t.status === 'visited')).toBe(true);
    expect((await mis.listTickets(pastPatient, { includePast: false })).some((t) => t.status === 'visited')).toBe(false);
  });

  it('refuses a slot in the past, a missing slot and a missing patient', async () => {
    expect(await codeOf(mis.bookSlot({ patientId: fx.adult.id, slotId: 'slot-past-001', clientKey: 'past-key-0001', source: 'call_centre' }))).toBe('slot_taken');
    expect(await codeOf(mis.bookSlot({ patientId: fx.adult.id, slotId: 'slot-none', clientKey: 'none-key-0001', source: 'call_centre' }))).toBe('not_found');
    expect(await codeOf(mis.bookSlot({ patientId: 'pat-none', slotId: 'slot-01-01-01', clientKey: 'none-key-0002', source: 'call_centre' }))).toBe('not_found');
  });

  it('exports the schedule of an MO, a department and a locality', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const byMo = await mis.scheduleForExport({ by: 'organisation', id: 'mo-02', fromIso: from, toIso: to });
    expect(byMo.length).toBeGreaterThan(0);
    expect(new Set(byMo.map((r) => r.moName))).toEqual(new Set(['ГП № 2']));
    expect(byMo.some((r) => r.status === 'busy')).toBe(true);
    const byDept = await mis.scheduleForExport({ by: 'department', id: 'dept-02-3', fromIso: from, toIso: to });
    expect(new Set(byDept.map((r) => r.departmentName))).toEqual(new Set(['Консультативно-диагностическое отделение']));
    const byLocality = await mis.scheduleForExport({ by: 'locality', id: 'locality-4', fromIso: from, toIso: to });
    expect(new Set(byLocality.map((r) => r.moName))).toEqual(new Set(['Сосновская ЦРБ', 'Сосновская АВОП']));
  });
});

describe('home visits and appeals', () => {
  it('resolves an address to its zone and MO by parts, by text and by FIAS GUID', async () => {
    const card = await mis.getPatient(fx.adult.id);
    const byParts = await mis.resolveAddress(card.address!);
    expect(byParts).toMatchObject({ moId: 'mo-01', moName: 'ГП № 1', moEmail: 'gp1@mo.eer122.test', zoneId: 'zone-01-1' });
    expect(byParts.homeVisitHours[1]).toEqual([{ from: '08:00', to: '16:00' }]);
    const byText = await mis.resolveAddress({ text: card.address!.text.replace(/, кв\. \d+$/, '').replace('ул.', 'улица') });
    expect(byText.zoneId).toBe('zone-01-1');
    const building = await sandbox.repository.readResource('Location', 'bld-05-2-3');
    const guid = (building as { identifier?: { value?: string }[] }).identifier?.[0]?.value as string;
    expect((await mis.resolveAddress({ text: 'где-то', fiasHouseGuid: guid })).zoneId).toBe('zone-05-2');
    expect(await codeOf(mis.resolveAddress({ text: 'г. Северогорск, ул. Несуществующая, д. 1' }))).toBe('not_found');
  });

  it('resolves a street with ё whether it is typed with ё or е (found by the fault run: one address in ten failed)', async () => {
    const buildings = (await sandbox.repository.searchResources({ resourceType: 'Location' })) as Array<{ address?: { city?: string; line?: string[] }; partOf?: { reference?: string } }>;
    const withYo = buildings.find((b) => /ё/.test(b.address?.line?.[0] ?? '') && b.partOf);
    expect(withYo).toBeDefined();
    const { city, line } = withYo!.address!;
    const house = line![1]!.replace(/^д\.\s*/, '');
    const zone = withYo!.partOf!.reference!.split('/')[1];
    for (const street of [line![0]!, line![0]!.replace(/ё/g, 'е')]) {
      expect((await mis.resolveAddress({ text: `${city}, ${street}, д. ${house}`, locality: city, street, house })).zoneId).toBe(zone);
    }
  });

  it('creates a home-visit request once per client key', async () => {
    const card = await mis.getPatient(fx.adult.id);
    const request = {
      patientId: fx.adult.id,
      moId: 'mo-01',
      zoneId: 'zone-01-1',
      address: card.address!,
      intercomCode: '12К',
      phone: '+79161234567',
      temperature: 38.2,
      complaints: 'Температура, кашель',
      clientKey: 'visit-key-0001',
    };
    const first = await mis.createHomeVisit(request);
    expect(await mis.createHomeVisit(request)).toEqual(first);
    const stored = await sandbox.repository.readResource('ServiceRequest', first.requestId);
    expect(stored).toMatchObject({ status: 'active', subject: { reference: `Patient/${fx.adult.id}` }, performer: [{ reference: 'Organization/mo-01' }] });
  });

  it('creates an appeal once per client key, for an existing MO only', async () => {
    const appeal = {
      kind: 'complaint' as const,
      topic: 'staff_conduct' as const,
      moId: 'mo-02',
      comment: 'Грубость в регистратуре',
      reviewCertificate: true,
      patientId: fx.familyMother.id,
      clientKey: 'appeal-key-0001',
    };
    const first = await mis.createAppeal(appeal);
    expect(await mis.createAppeal(appeal)).toEqual(first);
    expect(await codeOf(mis.createAppeal({ ...appeal, moId: 'mo-99', clientKey: 'appeal-key-0002' }))).toBe('not_found');
  });
});

describe('vaccination', () => {
  it('lists points and free slots, registers a worker once per key, found or created by SNILS', async () => {
    const points = await mis.listVaccinationPoints({});
    expect(points.map((p) => p.id)).toEqual(['vp-1', 'vp-2', 'vp-3', 'vp-4']);
    expect((await mis.listVaccinationPoints({ districtId: 'district-2' })).map((p) => p.moId)).toEqual(['mo-05']);
    expect(points[0]?.hours?.[6]).toEqual([{ from: '09:00', to: '18:00' }]);
    const slots = await mis.listVaccinationSlots('vp-1', new Date().toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString());
    expect(slots.length).toBeGreaterThan(10);
    expect(slots.every((s) => s.free > 0 && s.capacity === 4 && s.pointId === 'vp-1')).toBe(true);
    // Well in the future (the soonest slot may start while a loaded machine runs this test), with room for the two
    // workers registered below (the seed books some places: which slot comes first depends on the time of day).
    const slot = slots.find((s) => Date.parse(s.start) > Date.now() + 3_600_000 && s.free >= 2)!;
    const registration = {
      lastName: 'Новикова',
      firstName: 'Дарья',
      middleName: 'Сергеевна',
      birthDate: '1991-04-12',
      snils: '91234567800',
      phone: '+79170000001',
      employerMoId: 'mo-01',
      position: 'медицинская сестра',
      vaccine: 'sputnik_v' as const,
      dose: 1 as const,
      pointId: 'vp-1',
      slotId: slot.id,
      clientKey: 'vacc-key-0001',
    };
    const first = await mis.registerVaccination(registration);
    expect(first.slot.free).toBe(slot.free - 1);
    const again = await mis.registerVaccination(registration);
    expect(again.registrationId).toBe(first.registrationId);
    expect(again.slot.free).toBe(slot.free - 1);
    const workers = await mis.searchPatients(query({ snils: '91234567800' }));
    expect(workers.candidates).toHaveLength(1);
    // an existing patient is reused
    const second = await mis.registerVaccination({ ...registration, lastName: 'Вересаев', snils: fx.adult.snils, clientKey: 'vacc-key-0002' });
    const appointment = await sandbox.repository.readResource('Appointment', second.registrationId);
    expect(JSON.stringify(appointment)).toContain(`Patient/${fx.adult.id}`);
  });

  it('refuses a full vaccination slot', async () => {
    const full = await sandbox.repository.searchResources({ resourceType: 'Slot', filters: [{ code: 'status', operator: 'eq', value: 'busy' }, { code: 'schedule', operator: 'eq', value: 'Schedule/sch-vp-2' }], count: 1 });
    const slotId = full[0]?.id as string;
    const code = await codeOf(
      mis.registerVaccination({
        lastName: 'Павлов', firstName: 'Олег', birthDate: '1980-01-01', snils: '23456789100', phone: '+79170000002', employerMoId: 'mo-04',
        position: 'врач', dose: 2, pointId: 'vp-2', slotId, clientKey: 'vacc-key-0003',
      }),
    );
    expect(code).toBe('slot_taken');
  });
});

it('ping answers when the MIS is up', async () => {
  await expect(mis.ping()).resolves.toBeUndefined();
});
