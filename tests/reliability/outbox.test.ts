/**
 * Nothing lost: through the local stack (function host, sandbox MIS, Azurite, sinks) over real HTTP. With the MIS
 * down, home visits and appeals are answered 202 `queued` and kept in the outbox in Azure Table Storage; the
 * worker (the timer function, run by the stack) delivers them once the MIS is back, exactly once as the MIS sees it.
 * SMS wait out a gateway outage the same way. Bookings are never queued: 503 with Retry-After. Items that cannot be
 * delivered end `failed` with the reason after the last attempt.
 */
import { AppealAccepted, BookingConfirmation, ErrorBody, HomeVisitAccepted, OutboxStatus, PatientCard, SlotSearchResult, type Address } from '@eer/contract';
import { addDays, clientKey, nextWeekday, regionToday, startApi, type Api } from '../mis-proxy/support';
import { eventually, misIntegrity } from './support';

jest.setTimeout(120_000);

const saved = { ...process.env };
let api: Api;
let address: Address;

beforeAll(async () => {
  // Quick retries and a short open breaker, so the test waits seconds, not minutes.
  Object.assign(process.env, {
    OUTBOX_RETRY_BASE_MS: '300',
    OUTBOX_RETRY_MAX_MS: '1000',
    MIS_BREAKER_HALF_OPEN_MS: '1000',
    MIS_TIMEOUT_MS: '3000',
    LOCAL_TIMER_INTERVAL_MS: '500',
    EER_NOW: `${nextWeekday(2)}T10:00:00+03:00`,
  });
  api = await startApi();
  address = PatientCard.parse((await api.call('getPatient', { params: { id: api.stack.mis.fixtures.adult.id } })).data).address!;
});
afterAll(async () => {
  await api?.close();
  process.env = { ...saved };
});
afterEach(() => {
  api.stack.mis.faults.reset();
  api.stack.sms.failWith(null);
});

const down = () => api.stack.mis.faults.set({ down: true });
const up = () => api.stack.mis.faults.reset();

async function status(key: string): Promise<{ code: number; body?: OutboxStatus }> {
  const res = await api.call('getOutboxStatus', { params: { clientKey: key } });
  return { code: res.status, body: res.status === 200 ? OutboxStatus.parse(res.data) : undefined };
}

/** Waits until every entry of the key is out of `accepted` (the worker runs every 500 ms). */
async function settled(key: string): Promise<OutboxStatus> {
  return eventually(async () => {
    const s = (await status(key)).body;
    return s && s.entries.length > 0 && s.entries.every((e) => e.status !== 'accepted') ? s : undefined;
  }, `outbox of ${key} settled`);
}

const visit = (key: string) => ({
  patientId: api.stack.mis.fixtures.adult.id,
  address,
  intercomCode: '12К',
  phone: '+79161234567',
  temperature: 38.2,
  complaints: 'Температура, кашель',
  clientKey: key,
});

describe('home visits and appeals while the MIS is down', () => {
  it('queues a home visit (202, MO known from the last resolution), delivers it once the MIS is back, then mails the MO', async () => {
    // The form resolved the address moments ago, as the HomeVisitForm does while the operator types.
    expect((await api.call('resolveAddress', { body: { address } })).status).toBe(200);
    down();
    const key = clientKey('hv-down');
    const res = await api.call('createHomeVisit', { body: visit(key) });
    expect(res.status).toBe(202);
    expect(HomeVisitAccepted.parse(res.data)).toEqual({ requestId: key, moId: 'mo-01', moName: 'ГП № 1', status: 'accepted', emailSent: false, queued: true });

    const waiting = await status(key);
    expect(waiting.body?.entries).toEqual([
      expect.objectContaining({ kind: 'home_visit', status: 'accepted', attempts: 1, reasonCode: 'mis_unavailable', nextAttemptAt: expect.any(String) }),
    ]);
    // A retry while still down is the same queued request.
    const retried = await api.call('createHomeVisit', { body: visit(key) });
    expect([retried.status, (retried.data as HomeVisitAccepted).requestId]).toEqual([202, key]);

    up();
    const done = await settled(key);
    const visitEntry = done.entries.find((e) => e.kind === 'home_visit')!;
    expect(visitEntry).toMatchObject({ status: 'delivered', resultId: expect.any(String), deliveredAt: expect.any(String) });
    expect(done.entries.find((e) => e.kind === 'mail')).toMatchObject({ status: 'delivered' });
    const mail = await api.stack.mail.waitFor((m) => m.subject?.includes(visitEntry.resultId!) ?? false, 30_000);
    expect(mail.to).toEqual(['gp1@mo.eer122.test']);

    // The MIS holds it once; asking again now answers with the MIS's number.
    const integrity = await misIntegrity(api.stack.mis.baseUrl);
    expect(integrity.keys.ServiceRequest.has(key)).toBe(true);
    expect(integrity.duplicateKeys).toEqual([]);
    const after = await api.call('createHomeVisit', { body: visit(key) });
    expect([after.status, HomeVisitAccepted.parse(after.data)]).toEqual([200, { requestId: visitEntry.resultId, moId: 'mo-01', moName: 'ГП № 1', status: 'delivered', emailSent: true }]);
  });

  it('does not queue blind: an address the MIS never resolved is 503 with Retry-After, nothing kept', async () => {
    down();
    const key = clientKey('hv-blind');
    const other = { ...address, text: 'г. Северогорск, ул. Неизвестная, д. 999', street: 'ул. Неизвестная', house: '999', fiasHouseGuid: undefined };
    const res = await api.call('createHomeVisit', { body: { ...visit(key), address: other } });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(res.data)).toMatchObject({ code: 'mis_unavailable', retryable: true });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await status(key)).code).toBe(404);
  });

  it('queues an appeal and registers it once when the MIS is back', async () => {
    down();
    const key = clientKey('ap-down');
    const appeal = { kind: 'appeal', topic: 'appointment_availability', moId: 'mo-02', comment: 'Нет записи к неврологу', reviewCertificate: false, clientKey: key };
    const res = await api.call('createAppeal', { body: appeal });
    expect(res.status).toBe(202);
    expect(AppealAccepted.parse(res.data)).toEqual({ appealId: key, status: 'accepted', queued: true });
    up();
    const done = await settled(key);
    const misNumber = done.entries[0]!.resultId!;
    expect(done.entries).toEqual([expect.objectContaining({ kind: 'appeal', status: 'delivered', resultId: misNumber })]);
    const again = await api.call('createAppeal', { body: appeal });
    expect([again.status, again.data]).toEqual([200, { appealId: misNumber, status: 'accepted' }]);
    const integrity = await misIntegrity(api.stack.mis.baseUrl);
    expect(integrity.keys.Communication.has(key)).toBe(true);
    expect(integrity.duplicateKeys).toEqual([]);
  });

  it('gives up after the last attempt with the reason the operator sees; a retry by the operator starts again', async () => {
    process.env.OUTBOX_MAX_ATTEMPTS = '2';
    try {
      down();
      const key = clientKey('ap-fail');
      const appeal = { kind: 'complaint', topic: 'staff_conduct', moId: 'mo-03', comment: 'Грубость в регистратуре', reviewCertificate: true, clientKey: key };
      expect((await api.call('createAppeal', { body: appeal })).status).toBe(202);
      const failed = await settled(key);
      expect(failed.entries).toEqual([
        expect.objectContaining({ kind: 'appeal', status: 'failed', attempts: 2, reasonCode: 'mis_unavailable', reason: 'МИС недоступна, повторите позже' }),
      ]);
      expect(failed.entries[0]!.nextAttemptAt).toBeUndefined();
      up();
      // The breaker may still be open for a moment after the outage: the operator's retry is answered either way.
      const retry = await eventually(async () => {
        const res = await api.call('createAppeal', { body: appeal });
        return res.status === 200 ? res : undefined;
      }, 'the retried appeal registered');
      expect(AppealAccepted.parse(retry.data).appealId).not.toBe(key);
    } finally {
      delete process.env.OUTBOX_MAX_ATTEMPTS;
    }
  });
});

describe('bookings and SMS', () => {
  const week = () => ({ from: regionToday(), to: addDays(regionToday(), 6) });

  async function freeSlot(index: number): Promise<string> {
    const res = await api.call('searchSlots', { body: { specialtyCode: 'therapist', moId: 'mo-01', ...week() } });
    const slots = SlotSearchResult.parse(res.data).days.flatMap((d) => d.slots);
    return slots[index]!.id;
  }

  it('never queues a booking: the MIS down is 503 mis_unavailable, retryable, with Retry-After', async () => {
    const slotId = await freeSlot(3);
    down();
    const res = await api.call('book', { body: { patientId: api.stack.mis.fixtures.withTicket.id, slotId, clientKey: clientKey('bk-down'), notifySms: true } });
    expect(res.status).toBe(503);
    expect(ErrorBody.parse(res.data)).toMatchObject({ code: 'mis_unavailable', retryable: true });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('keeps the SMS of a booking through a gateway outage and sends it once when the gateway is back', async () => {
    up();
    const slotId = await eventually(async () => freeSlot(5).catch(() => undefined), 'slot search after the outage');
    api.stack.sms.failWith(503);
    const key = clientKey('bk-sms');
    const booked = await eventually(async () => {
      const res = await api.call('book', { body: { patientId: api.stack.mis.fixtures.withTicket.id, slotId, clientKey: key, notifySms: true } });
      return res.status === 200 ? res : undefined;
    }, 'booking answered');
    expect(BookingConfirmation.parse(booked.data).smsSent).toBe(false);
    expect((await status(key)).body?.entries).toEqual([expect.objectContaining({ kind: 'sms', status: 'accepted', reason: 'SMS-шлюз недоступен (код 503)' })]);
    api.stack.sms.failWith(null);
    expect((await settled(key)).entries).toEqual([expect.objectContaining({ kind: 'sms', status: 'delivered' })]);
    expect(api.stack.sms.messages().filter((m) => m.clientKey === key)).toHaveLength(1);
  });
});

describe('circuit breaker around the MIS', () => {
  it('stops calling a MIS that is down, answers at once with Retry-After until the probe, and recovers after it', async () => {
    // A fresh adapter (its own breaker): a setting changed. A long half-open time keeps it open while we look.
    Object.assign(process.env, { MIS_BREAKER_WINDOW: '21', MIS_BREAKER_HALF_OPEN_MS: '4000' });
    // Every FHIR request the sandbox receives reads its fault switch once: count them.
    const faults = api.stack.mis.faults;
    const get = faults.get.bind(faults);
    let misRequests = 0;
    faults.get = () => {
      misRequests++;
      return get();
    };
    try {
      down();
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push(ErrorBody.parse((await api.call('listDistricts')).data).code);
      expect(new Set(codes)).toEqual(new Set(['mis_unavailable']));
      // Open now: the next calls never reach the MIS, and say when to come back.
      const before = misRequests;
      const refused = await Promise.all(Array.from({ length: 5 }, () => api.call('listDistricts')));
      expect(refused.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
      expect(misRequests - before).toBe(0);
      for (const r of refused) {
        expect(ErrorBody.parse(r.data)).toMatchObject({ code: 'mis_unavailable', retryable: true });
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(4);
      }
      up();
      // After the half-open time one probe goes through, the MIS answers, and the breaker closes.
      const ok = await eventually(async () => {
        const res = await api.call('listDistricts');
        return res.status === 200 ? res : undefined;
      }, 'districts after the MIS is back', 30_000, 250);
      expect(ok.status).toBe(200);
    } finally {
      faults.get = get;
      delete process.env.MIS_BREAKER_WINDOW;
      process.env.MIS_BREAKER_HALF_OPEN_MS = '1000';
    }
  });
});
