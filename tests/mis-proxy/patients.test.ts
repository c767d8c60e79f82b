/**
 * Patients, reference data, authentication, bad input, faults, readiness and the OpenAPI document: the function app
 * over real HTTP on the local host, against the sandbox MIS (a FHIR server) of the local stack.
 */
import { compileErrors, validate } from '@readme/openapi-parser';
import {
  ErrorBody,
  HealthStatus,
  MedicalOrganisation,
  OpeningHours,
  PatientCard,
  PatientSearchResult,
  PhoneUpdateResult,
  Specialty,
} from '@eer/contract';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as z from 'zod/mini';
import { clientKey, personalDataOf, startApi, type Api } from './support';

jest.setTimeout(60_000);

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const fixtures = () => api.stack.mis.fixtures;
const search = async (body: unknown) => {
  const res = await api.call('searchPatients', { body });
  expect(res.status).toBe(200);
  return PatientSearchResult.parse(res.data);
};

describe('patient search (manual §3)', () => {
  it('finds by SNILS, ЕНП, old policy and passport, the exact match marked', async () => {
    const { adult, oldPolicy } = fixtures();
    expect((await search({ snils: '112-233-445 95' })).candidates).toEqual([expect.objectContaining({ misId: adult.id, matchedBy: 'snils' })]);
    expect((await search({ policy: adult.policy })).candidates[0]).toMatchObject({ misId: adult.id, matchedBy: 'policy' });
    expect((await search({ policy: { series: 'ТОМ', number: '123456789' } })).candidates[0]).toMatchObject({ misId: oldPolicy.id, matchedBy: 'policy' });
    expect((await search({ passport: '45 06 123456' })).candidates[0]).toMatchObject({ misId: adult.id, matchedBy: 'passport' });
  });

  it('finds namesakes by full name, and one of them with the birth date', async () => {
    const { withTicket, namesake } = fixtures();
    const both = await search({ fullName: 'Шубин Алексей Петрович' });
    expect(both.candidates.map((c) => c.misId).sort()).toEqual([namesake.id, withTicket.id].sort());
    const one = await search({ fullName: 'шубин', birthDate: withTicket.birthDate });
    expect(one.candidates.map((c) => c.misId)).toEqual([withTicket.id]);
  });

  it('caps the list at limit and says it is truncated', async () => {
    const { withTicket } = fixtures();
    const capped = await search({ fullName: 'Шубин', limit: 1 });
    expect(capped.candidates).toHaveLength(1);
    expect(capped.truncated).toBe(true);
    expect((await search({ fullName: 'Шубин', birthDate: withTicket.birthDate, limit: 1 })).truncated).toBe(false);
  });

  it('finds a family by the phone they call from', async () => {
    const { familyMother, familySon } = fixtures();
    const res = await api.call('findPatientsByPhone', { body: { phone: '8 (999) 555-00-11' } });
    expect(res.status).toBe(200);
    expect(PatientSearchResult.parse(res.data).candidates.map((c) => c.misId).sort()).toEqual([familyMother.id, familySon.id].sort());
  });

  it('gives the patient card with attachment, identifiers and address', async () => {
    const { adult, unattached } = fixtures();
    const res = await api.call('getPatient', { params: { id: adult.id } });
    expect(res.status).toBe(200);
    const card = PatientCard.parse(res.data);
    expect(card).toMatchObject({ misId: adult.id, snils: adult.snils, phone: adult.phone, smsConsent: true, attachment: { moId: 'mo-01', zoneId: 'zone-01-1' } });
    expect(card.address?.text).toBeTruthy();
    expect(PatientCard.parse((await api.call('getPatient', { params: { id: unattached.id } })).data).attachment).toBeNull();
    const missing = await api.call('getPatient', { params: { id: 'pat-does-not-exist' } });
    expect([missing.status, ErrorBody.parse(missing.data).code]).toEqual([404, 'not_found']);
  });

  it('updates the phone with SMS consent; the card shows it; the route and body ids must agree', async () => {
    const { familySon } = fixtures();
    const body = { patientId: familySon.id, phone: '+7 916 000-11-22', smsConsent: true, clientKey: clientKey('phone') };
    const res = await api.call('updatePatientPhone', { params: { id: familySon.id }, body });
    expect(res.status).toBe(200);
    expect(PhoneUpdateResult.parse(res.data)).toEqual({ patientId: familySon.id, phone: '+79160001122', smsConsent: true });
    expect(PatientCard.parse((await api.call('getPatient', { params: { id: familySon.id } })).data)).toMatchObject({ phone: '+79160001122', smsConsent: true });

    const mismatch = await api.call('updatePatientPhone', { params: { id: 'someone-else' }, body, lang: 'en' });
    expect(mismatch.status).toBe(400);
    expect(ErrorBody.parse(mismatch.data)).toMatchObject({ code: 'validation_failed', field: 'patientId', issues: [{ code: 'id.mismatch', message: 'Patient: does not match the id in the URL' }] });
    const landline = await api.call('updatePatientPhone', { params: { id: familySon.id }, body: { ...body, phone: '+73822123456' } });
    expect(ErrorBody.parse(landline.data)).toMatchObject({ code: 'validation_failed', field: 'phone' });
  });
});

describe('reference data', () => {
  it('lists districts, organisations of a district, departments, localities', async () => {
    const districts = (await api.call<{ id: string }[]>('listDistricts')).data;
    expect(districts.length).toBeGreaterThan(0);
    const orgs = await api.call('listOrganisations', { query: { districtId: districts[0]!.id } });
    expect(orgs.status).toBe(200);
    const mos = z.array(MedicalOrganisation).parse(orgs.data);
    expect(mos.length).toBeGreaterThan(0);
    expect(mos.every((m) => m.districtId === districts[0]!.id)).toBe(true);
    const one = z.array(MedicalOrganisation).parse((await api.call('listOrganisations', { query: { moId: 'mo-01' } })).data);
    expect(one.map((m) => m.id)).toEqual(['mo-01']);
    const departments = await api.call<{ moId: string }[]>('listDepartments', { query: { moId: 'mo-01' } });
    expect(departments.data.length).toBeGreaterThan(0);
    expect(departments.data.every((d) => d.moId === 'mo-01')).toBe(true);
    const noMo = await api.call('listDepartments', { lang: 'en' });
    expect(ErrorBody.parse(noMo.data)).toMatchObject({ code: 'validation_failed', field: 'moId', issues: [{ message: 'Medical organisation: is required' }] });
    const localities = await api.call<{ districtId?: string }[]>('listLocalities', { query: { districtId: districts[0]!.id } });
    expect(localities.data.length).toBeGreaterThan(0);
  });

  it('gives opening hours and home-visit hours of an MO (IVR topic 6)', async () => {
    const res = await api.call('getOrganisationHours', { params: { id: 'mo-01' } });
    expect(res.status).toBe(200);
    const hours = OpeningHours.parse(res.data);
    expect(hours.hours[1].length).toBeGreaterThan(0);
    expect(hours.homeVisitHours[7]).toEqual([]);
  });

  it('offers the district specialty by age and the configured narrow ones', async () => {
    const { adult, child } = fixtures();
    const specialties = async (query: Record<string, string>) => z.array(Specialty).parse((await api.call('listSpecialties', { query })).data);
    const forAdult = await specialties({ patientId: adult.id });
    expect(forAdult.filter((s) => s.kind === 'district').map((s) => s.code)).toEqual(['therapist']);
    expect(forAdult.filter((s) => s.kind === 'narrow').length).toBeGreaterThan(0);
    expect((await specialties({ patientId: child.id, kind: 'district' })).map((s) => s.code)).toEqual(['pediatrician']);

    // the narrow list is an app setting, read per request
    const narrowBefore = process.env.EER_NARROW_SPECIALTIES;
    process.env.EER_NARROW_SPECIALTIES = 'surgeon';
    try {
      expect((await specialties({ patientId: adult.id, kind: 'narrow' })).map((s) => s.code)).toEqual(['surgeon']);
    } finally {
      process.env.EER_NARROW_SPECIALTIES = narrowBefore;
    }
  });

  it('lists the district doctor of the patient’s zone (the «Ресурс» of fig. 9)', async () => {
    const { adult } = fixtures();
    const doctors = await api.call<{ specialtyCode: string; zoneIds?: string[] }[]>('listDoctors', { query: { patientId: adult.id, specialtyCode: 'therapist' } });
    expect(doctors.status).toBe(200);
    expect(doctors.data.length).toBeGreaterThan(0);
    expect(doctors.data.every((d) => d.specialtyCode === 'therapist' && d.zoneIds?.includes('zone-01-1'))).toBe(true);
  });
});

describe('authentication and bad input', () => {
  it('refuses a request without a token or with a forged one', async () => {
    const none = await api.call('searchPatients', { body: { fullName: 'Шубин' }, token: null });
    expect([none.status, ErrorBody.parse(none.data).code]).toEqual([401, 'unauthenticated']);

    // the same claims, signed with a key the issuer never published
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const kid = (await exportJWK(publicKey)).n!.slice(0, 16);
    const forged = await new SignJWT({ roles: ['EER.Operator'], oid: 'op-1', name: 'Forger' })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(api.stack.identity.issuer)
      .setAudience(api.stack.identity.audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const res = await api.call('getPatient', { params: { id: fixtures().adult.id }, token: forged });
    expect([res.status, ErrorBody.parse(res.data).code]).toEqual([401, 'unauthenticated']);
    expect(JSON.stringify(res.data)).not.toContain(fixtures().adult.lastName);
  });

  it('names the bad field in Russian and in English', async () => {
    const ru = await api.call('searchPatients', { body: { snils: '112-233-445 96' } });
    expect(ru.status).toBe(400);
    expect(ErrorBody.parse(ru.data)).toMatchObject({ code: 'validation_failed', field: 'snils', issues: [{ message: 'СНИЛС: неверная контрольная сумма' }] });
    const en = await api.call('searchPatients', { body: { snils: '112-233-445 96' }, lang: 'en' });
    expect(ErrorBody.parse(en.data).issues?.[0]?.message).toBe('SNILS: wrong checksum');
    const missing = await api.call('book', { body: { patientId: 'p', clientKey: clientKey('bad'), notifySms: false }, lang: 'en' });
    expect(ErrorBody.parse(missing.data)).toMatchObject({ code: 'validation_failed', field: 'slotId', issues: [{ code: 'required' }] });
    const badQuery = await api.call('exportSchedule', { query: { by: 'street', id: 'mo-01', from: '2026-01-01', to: '2026-01-02', format: 'csv' } });
    expect([badQuery.status, ErrorBody.parse(badQuery.data).field]).toEqual([400, 'by']);
  });
});

describe('MIS faults become domain errors', () => {
  afterEach(() => api.stack.mis.faults.reset());

  it('503 mis_unavailable when the MIS is down, 504 mis_timeout when it is too slow; then it recovers', async () => {
    const saved = { timeout: process.env.MIS_TIMEOUT_MS, retries: process.env.MIS_READ_RETRIES };
    process.env.MIS_TIMEOUT_MS = '300';
    process.env.MIS_READ_RETRIES = '0';
    try {
      const { adult } = fixtures();
      api.stack.mis.faults.set({ down: true });
      const down = await api.call('getPatient', { params: { id: adult.id } });
      expect([down.status, ErrorBody.parse(down.data).code, ErrorBody.parse(down.data).retryable]).toEqual([503, 'mis_unavailable', true]);
      const notReady = await api.call('ready', { token: null });
      expect(notReady.status).toBe(503);
      expect(HealthStatus.parse(notReady.data)).toMatchObject({ status: 'degraded', checks: { mis: 'failed' } });

      api.stack.mis.faults.set({ down: false, delayMs: 1_000 });
      const slow = await api.call('searchPatients', { body: { snils: adult.snils } });
      expect([slow.status, ErrorBody.parse(slow.data).code]).toEqual([504, 'mis_timeout']);
      for (const res of [down, slow]) expect(JSON.stringify(res.data)).not.toMatch(/at .*\.ts|Error:|127\.0\.0\.1/);

      api.stack.mis.faults.reset();
      expect((await api.call('getPatient', { params: { id: adult.id } })).status).toBe(200);
    } finally {
      process.env.MIS_TIMEOUT_MS = saved.timeout;
      process.env.MIS_READ_RETRIES = saved.retries;
    }
  });
});

describe('readiness and the OpenAPI document', () => {
  it('says which dependencies answer, anonymously, without secrets', async () => {
    const res = await api.call('ready', { token: null });
    expect(res.status).toBe(200);
    expect(HealthStatus.parse(res.data)).toMatchObject({ status: 'ok', checks: { mis: 'ok', smtp: 'ok', sms: 'ok' } });
    expect(JSON.stringify(res.data)).not.toMatch(/127\.0\.0\.1|http/);
  });

  it('serves a valid OpenAPI 3 document anonymously, pointing at this app', async () => {
    const res = await api.get<Record<string, unknown>>('openapi.json', { token: null });
    expect(res.status).toBe(200);
    const result = await validate(res.data as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(res.data).toMatchObject({ openapi: '3.0.3', servers: [{ url: api.stack.functionsUrl }] });
  });
});

it('logged not one name, SNILS, policy, passport or phone of a fixture patient (runs last)', () => {
  const secrets = personalDataOf(api.stack.mis.fixtures);
  expect(api.logs.length).toBeGreaterThan(10);
  expect(api.logs.filter((line) => secrets.some((s) => line.includes(s)))).toEqual([]);
});
