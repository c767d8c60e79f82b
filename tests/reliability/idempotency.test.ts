/**
 * A request retried after a timeout never makes a second booking or home visit. The MIS does the work but its answer
 * is lost or late: a proxy in front of the sandbox MIS forwards the write at once and holds the answer past the
 * adapter's timeout (MIS_TIMEOUT_MS), or the operator's client gives up while the function app is still working.
 * Every retry carries the same client key; the MIS's own state is checked afterwards.
 */
import { BookingConfirmation, HomeVisitAccepted, OutboxStatus, PatientCard, SlotSearchResult, type Address } from '@eer/contract';
import { addDays, clientKey, nextWeekday, regionToday, startApi, type Api } from '../mis-proxy/support';
import { eventually, misIntegrity, sleep, startLostAnswerProxy, type LostAnswerProxy } from './support';

jest.setTimeout(120_000);

const saved = { ...process.env };
let api: Api;
let proxy: LostAnswerProxy;
let address: Address;

beforeAll(async () => {
  Object.assign(process.env, { OUTBOX_RETRY_BASE_MS: '300', OUTBOX_RETRY_MAX_MS: '1000', LOCAL_TIMER_INTERVAL_MS: '500', EER_NOW: `${nextWeekday(3)}T11:00:00+03:00` });
  api = await startApi();
  proxy = await startLostAnswerProxy(api.stack.mis.baseUrl);
  // The function app reaches the MIS through the proxy from now on (getMis() follows the setting).
  process.env.MIS_FHIR_BASE_URL = proxy.url;
  address = PatientCard.parse((await api.call('getPatient', { params: { id: api.stack.mis.fixtures.adult.id } })).data).address!;
});
afterAll(async () => {
  await proxy?.close();
  await api?.close();
  process.env = { ...saved };
});

/** The adapter's timeout and retries for one test. */
function adapter(timeoutMs: number, retries: number): void {
  process.env.MIS_TIMEOUT_MS = String(timeoutMs);
  process.env.MIS_READ_RETRIES = String(retries);
}

const used = new Set<string>();
async function freeSlot(): Promise<string> {
  const res = await api.call('searchSlots', { body: { specialtyCode: 'therapist', moId: 'mo-02', from: regionToday(), to: addDays(regionToday(), 6) } });
  const slot = SlotSearchResult.parse(res.data)
    .days.flatMap((d) => d.slots)
    .find((s) => !used.has(s.id));
  used.add(slot!.id);
  return slot!.id;
}

async function activeAppointmentsOf(slotId: string, key: string): Promise<{ onSlot: number; withKey: number }> {
  const res = await fetch(`${api.stack.mis.baseUrl}/Appointment?slot=Slot/${slotId}`);
  const bundle = (await res.json()) as { entry?: Array<{ resource: { status: string; identifier?: Array<{ value?: string }> } }> };
  const all = (bundle.entry ?? []).map((e) => e.resource);
  return { onSlot: all.filter((a) => a.status === 'booked').length, withKey: all.filter((a) => a.identifier?.some((i) => i.value === key)).length };
}

const patientId = () => api.stack.mis.fixtures.familyMother.id;

describe('bookings retried after a timeout', () => {
  it('the MIS booked but its answer was lost: 504 to the operator, whose retry gets the same ticket', async () => {
    adapter(1_000, 0);
    const slotId = await freeSlot();
    const key = clientKey('lost-book');
    proxy.hold({ method: 'POST', path: /^\/Appointment$/, holdMs: 2_500, times: 1 });
    const first = await api.call('book', { body: { patientId: patientId(), slotId, clientKey: key, notifySms: false } });
    expect(first.status).toBe(504);
    expect(first.data).toMatchObject({ code: 'mis_timeout', retryable: true });
    expect(await activeAppointmentsOf(slotId, key)).toEqual({ onSlot: 1, withKey: 1 });

    const retry = await api.call('book', { body: { patientId: patientId(), slotId, clientKey: key, notifySms: false } });
    expect(retry.status).toBe(200);
    const { ticket } = BookingConfirmation.parse(retry.data);
    expect(ticket.slotId).toBe(slotId);
    await sleep(2_000); // the held answer arrives late and changes nothing
    expect(await activeAppointmentsOf(slotId, key)).toEqual({ onSlot: 1, withKey: 1 });
  });

  it('with the adapter’s own retry, the operator never sees the lost answer', async () => {
    adapter(1_000, 2);
    const slotId = await freeSlot();
    const key = clientKey('lost-book-r');
    proxy.hold({ method: 'POST', path: /^\/Appointment$/, holdMs: 2_500, times: 1 });
    const res = await api.call('book', { body: { patientId: patientId(), slotId, clientKey: key, notifySms: false } });
    expect(res.status).toBe(200);
    expect(BookingConfirmation.parse(res.data).ticket.slotId).toBe(slotId);
    expect(await activeAppointmentsOf(slotId, key)).toEqual({ onSlot: 1, withKey: 1 });
  });

  it('the operator’s client gave up while the function app was still booking: the retry, at once and later, is the same ticket', async () => {
    adapter(5_000, 2);
    const slotId = await freeSlot();
    const key = clientKey('abort-book');
    proxy.hold({ method: 'POST', path: /^\/Appointment$/, holdMs: 2_000, times: 1 });
    const body = JSON.stringify({ patientId: patientId(), slotId, clientKey: key, notifySms: false });
    const headers = { authorization: `Bearer ${await api.stack.operatorToken('op-1')}`, 'content-type': 'application/json' };
    await expect(fetch(`${api.stack.functionsUrl}/bookings`, { method: 'POST', headers, body, signal: AbortSignal.timeout(700) })).rejects.toThrow();
    // retried at once, while the first request is still waiting for its answer
    const immediate = await fetch(`${api.stack.functionsUrl}/bookings`, { method: 'POST', headers, body });
    expect(immediate.status).toBe(200);
    const first = BookingConfirmation.parse(await immediate.json()).ticket.id;
    await sleep(2_500);
    const later = await fetch(`${api.stack.functionsUrl}/bookings`, { method: 'POST', headers, body });
    expect(BookingConfirmation.parse(await later.json()).ticket.id).toBe(first);
    expect(await activeAppointmentsOf(slotId, key)).toEqual({ onSlot: 1, withKey: 1 });
  });
});

describe('home visits retried after a timeout', () => {
  const visit = (key: string) => ({ patientId: api.stack.mis.fixtures.adult.id, address, phone: '+79161234567', complaints: 'Боль в горле', clientKey: key });

  it('the MIS took the request but its answer was lost: queued (202), then delivered as the same MIS request', async () => {
    adapter(1_000, 0);
    const key = clientKey('lost-hv');
    proxy.hold({ method: 'POST', path: /^\/ServiceRequest$/, holdMs: 2_500, times: 1 });
    const first = await api.call('createHomeVisit', { body: visit(key) });
    expect(first.status).toBe(202);
    expect(HomeVisitAccepted.parse(first.data)).toMatchObject({ requestId: key, queued: true, moId: 'mo-01' });
    const delivered = await eventually(async () => {
      const res = await api.call('getOutboxStatus', { params: { clientKey: key } });
      const entry = OutboxStatus.parse(res.data).entries.find((e) => e.kind === 'home_visit');
      return entry?.status === 'delivered' ? entry : undefined;
    }, 'home visit delivered');
    const retry = HomeVisitAccepted.parse((await api.call('createHomeVisit', { body: visit(key) })).data);
    expect(retry.requestId).toBe(delivered.resultId);
    const integrity = await misIntegrity(api.stack.mis.baseUrl);
    expect(integrity.keys.ServiceRequest.has(key)).toBe(true);
    expect(integrity.duplicateKeys).toEqual([]);
  });

  it('the operator’s client gave up: the retry returns the very request the MIS made', async () => {
    adapter(5_000, 2);
    const key = clientKey('abort-hv');
    proxy.hold({ method: 'POST', path: /^\/ServiceRequest$/, holdMs: 2_000, times: 1 });
    const headers = { authorization: `Bearer ${await api.stack.operatorToken('op-1')}`, 'content-type': 'application/json' };
    const body = JSON.stringify(visit(key));
    await expect(fetch(`${api.stack.functionsUrl}/home-visits`, { method: 'POST', headers, body, signal: AbortSignal.timeout(700) })).rejects.toThrow();
    await sleep(2_500);
    const retry = await fetch(`${api.stack.functionsUrl}/home-visits`, { method: 'POST', headers, body });
    expect(retry.status).toBe(200);
    const accepted = HomeVisitAccepted.parse(await retry.json());
    expect(accepted.requestId).not.toBe(key);
    const res = await fetch(`${api.stack.mis.baseUrl}/ServiceRequest?identifier=${encodeURIComponent(`urn:eer122:fhir:client-key|${key}`)}`);
    const ids = ((await res.json()) as { entry?: Array<{ resource: { id: string } }> }).entry?.map((e) => e.resource.id);
    expect(ids).toEqual([accepted.requestId]);
  });
});
