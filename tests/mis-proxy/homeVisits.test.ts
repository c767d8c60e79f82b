/**
 * Home visits (manual §5), appeals (§6) and vaccination of medical workers (§7) over real HTTP against the sandbox
 * MIS, with the e-mail to the MO read back from the SMTP sink and the SMS from the SMS sink. "Now" for the
 * home-visit hours is fixed with the EER_NOW app setting (read per request; the stack runs in this process).
 */
import {
  AddressResolution,
  AppealAccepted,
  ErrorBody,
  HomeVisitAccepted,
  PatientCard,
  snilsCheckDigits,
  VaccinationAccepted,
  VaccinationPoint,
  VaccinationSlot,
  type Address,
} from '@eer/contract';
import * as z from 'zod/mini';
import { addDays, clientKey, nextWeekday, personalDataOf, regionToday, startApi, type Api } from './support';

jest.setTimeout(60_000);

let api: Api;
let address: Address;
beforeAll(async () => {
  api = await startApi();
  address = PatientCard.parse((await api.call('getPatient', { params: { id: api.stack.mis.fixtures.adult.id } })).data).address!;
});
afterAll(async () => {
  delete process.env.EER_NOW;
  await api?.close();
});

/** The next Tuesday at a wall-clock time of the region (Moscow, UTC+3). */
const tuesdayAt = (time: string) => `${nextWeekday(2)}T${time}:00+03:00`;

function atTime(iso: string | undefined): void {
  if (iso === undefined) delete process.env.EER_NOW;
  else process.env.EER_NOW = iso;
}

const visit = (key = clientKey('hv')) => ({
  patientId: api.stack.mis.fixtures.adult.id,
  address,
  intercomCode: '12К',
  phone: '+7 916 123-45-67',
  temperature: 38.2,
  complaints: 'Температура, кашель третий день',
  clientKey: key,
});

describe('home visits (manual §5)', () => {
  afterEach(() => atTime(undefined));

  it('resolves the address to the serving MO and zone, open within its hours', async () => {
    atTime(tuesdayAt('10:00'));
    const res = await api.call('resolveAddress', { body: { address } });
    expect(res.status).toBe(200);
    expect(AddressResolution.parse(res.data)).toMatchObject({ moId: 'mo-01', zoneId: 'zone-01-1', acceptingNow: true });
    expect((res.data as AddressResolution).nextOpensAt).toBeUndefined();
  });

  it('says when it opens next when closed', async () => {
    atTime(tuesdayAt('21:00'));
    const res = AddressResolution.parse((await api.call('resolveAddress', { body: { address } })).data);
    expect(res).toMatchObject({ acceptingNow: false, nextOpensAt: `${addDays(nextWeekday(2), 1)}T08:00:00+03:00` });
  });

  it('refuses a request outside the hours with 422 outside_hours and when it opens, in ru and en', async () => {
    atTime(tuesdayAt('21:00'));
    const ru = await api.call('createHomeVisit', { body: visit() });
    expect(ru.status).toBe(422);
    const body = ErrorBody.parse(ru.data);
    const [y, m, d] = addDays(nextWeekday(2), 1).split('-');
    expect(body).toMatchObject({ code: 'outside_hours', retryable: false });
    expect(body.message).toBe(`ГП № 1 сейчас не принимает вызовы на дом. Приём вызовов возобновится ${d}.${m}.${y} 08:00 (мск).`);
    const en = await api.call('createHomeVisit', { body: visit(), lang: 'en' });
    expect(ErrorBody.parse(en.data).message).toContain(`accepted again from ${d}.${m}.${y} 08:00`);
    expect(api.stack.mail.messages()).toHaveLength(0);
  });

  it('takes a request within the hours, the MIS first, then mails the MO; a retry is the same request', async () => {
    atTime(tuesdayAt('10:00'));
    const key = clientKey('hv-ok');
    const res = await api.call('createHomeVisit', { body: visit(key) });
    expect(res.status).toBe(200);
    const accepted = HomeVisitAccepted.parse(res.data);
    expect(accepted).toMatchObject({ moId: 'mo-01', moName: 'ГП № 1', status: 'delivered', emailSent: true });

    const mail = await api.stack.mail.waitFor((m) => m.subject?.includes(accepted.requestId) ?? false);
    expect(mail.to).toEqual(['gp1@mo.eer122.test']);
    expect(mail.subject).toBe(`Вызов врача на дом № ${accepted.requestId} — линия 122`);
    expect(mail.text).toContain(address.text);
    expect(mail.text).toContain('Код домофона: 12К');
    expect(mail.text).toContain('Температура: 38,2 °C');
    expect(mail.text).toContain('+7 (916) 123-45-67');
    expect(mail.text).toContain('Жалобы: Температура, кашель третий день');
    const { adult } = api.stack.mis.fixtures;
    for (const personal of [adult.lastName, adult.firstName, adult.snils, adult.policy]) expect(mail.text).not.toContain(personal);

    const retry = HomeVisitAccepted.parse((await api.call('createHomeVisit', { body: visit(key) })).data);
    expect(retry.requestId).toBe(accepted.requestId);
  });

  it('names a bad field: temperature out of range', async () => {
    const res = await api.call('createHomeVisit', { body: { ...visit(), temperature: 45 }, lang: 'en' });
    expect(ErrorBody.parse(res.data)).toMatchObject({ code: 'validation_failed', field: 'temperature', issues: [{ message: 'Temperature: from 34.0 to 43.0 °C' }] });
  });
});

describe('appeals and complaints (manual §6)', () => {
  it('registers an appeal in the MIS; a complaint about a visit needs its ticket', async () => {
    const appeal = { kind: 'appeal', topic: 'appointment_availability', moId: 'mo-01', comment: 'Нет записи к неврологу', reviewCertificate: true, clientKey: clientKey('ap') };
    const res = await api.call('createAppeal', { body: appeal });
    expect(res.status).toBe(200);
    expect(AppealAccepted.parse(res.data)).toMatchObject({ status: 'accepted' });

    const complaint = { ...appeal, kind: 'complaint', topic: 'complaint_about_visit', clientKey: clientKey('cp') };
    const bad = await api.call('createAppeal', { body: complaint });
    expect(ErrorBody.parse(bad.data)).toMatchObject({ code: 'validation_failed', field: 'ticketId' });
    const ok = await api.call('createAppeal', { body: { ...complaint, ticketId: api.stack.mis.fixtureTicketId, patientId: api.stack.mis.fixtures.withTicket.id } });
    expect(ok.status).toBe(200);
  });
});

describe('vaccination of medical workers (manual §7)', () => {
  it('lists points and slots, registers a worker and confirms by SMS', async () => {
    const points = z.array(VaccinationPoint).parse((await api.call('listVaccinationPoints', { query: { moId: 'mo-01' } })).data);
    expect(points.length).toBeGreaterThan(0);
    const point = points[0]!;
    const slotsRes = await api.call('listVaccinationSlots', { query: { pointId: point.id, from: regionToday(), to: addDays(regionToday(), 6) } });
    expect(slotsRes.status).toBe(200);
    const slots = z.array(VaccinationSlot).parse(slotsRes.data);
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.pointId === point.id && s.free > 0 && Date.parse(s.start) > Date.now())).toBe(true);

    const snils9 = '170234561';
    const key = clientKey('vac');
    const registration = {
      lastName: 'Сидоренко',
      firstName: 'Марина',
      middleName: 'Ильинична',
      birthDate: '1979-04-03',
      snils: `${snils9}${snilsCheckDigits(snils9)}`,
      phone: '+79161239876',
      employerMoId: 'mo-01',
      position: 'медицинская сестра',
      vaccine: 'influenza',
      dose: 1,
      pointId: point.id,
      // Well in the future: the soonest slot may start while a loaded machine runs this test.
      slotId: (slots.find((s) => Date.parse(s.start) > Date.now() + 3_600_000) ?? slots[slots.length - 1]!).id,
      clientKey: key,
    };
    const res = await api.call('registerVaccination', { body: registration });
    expect(res.status).toBe(200);
    expect(VaccinationAccepted.parse(res.data)).toMatchObject({ status: 'accepted', smsSent: true });
    const sms = await api.stack.sms.waitFor((m) => m.clientKey === key);
    expect(sms).toMatchObject({ to: '+79161239876', kind: 'vaccination' });
    expect(sms.text).toContain(point.name);
    expect(sms.text).not.toContain('Сидоренко');

    const badSnils = await api.call('registerVaccination', { body: { ...registration, snils: '170-234-561 00', clientKey: clientKey('vac') } });
    expect(ErrorBody.parse(badSnils.data)).toMatchObject({ code: 'validation_failed', field: 'snils' });
  });
});

it('logged not one name, SNILS, policy, passport or phone (runs last)', () => {
  const secrets = [...personalDataOf(api.stack.mis.fixtures), 'Сидоренко', '79161239876', 'кашель'];
  expect(api.logs.length).toBeGreaterThan(5);
  expect(api.logs.filter((line) => secrets.some((s) => line.includes(s)))).toEqual([]);
});
