/**
 * @jest-environment node
 */
// The slot picker's client against the real local function app and sandbox MIS: the same requests, in the same
// order, as the control makes for a bound patient (context → district search → book → tickets → cancel → export).
import { startStack, type Stack } from '@eer/local';
import { createApiClient, newCorrelationId } from '../shared/api/client';
import { isApiError } from '../shared/api/ApiError';
import { addDays, regionToday } from './dates';
import { slotApi, type SlotApi } from './slotApi';

jest.setTimeout(120_000);

describe('SlotPicker client against the local function app', () => {
  let stack: Stack;
  let api: SlotApi;
  beforeAll(async () => {
    stack = await startStack({ log: () => undefined });
    const client = createApiClient({ baseUrl: stack.functionsUrl, lcid: 1049, tokens: { getToken: () => stack.operatorToken('op-slot-picker') } });
    api = slotApi(client, async () => null);
  }, 120_000);
  afterAll(() => stack?.close());

  const signal = () => new AbortController().signal;

  it('books the district doctor as the control does, retries with the same key safely, and cancels', async () => {
    const adult = stack.mis.fixtures.adult;
    const from = regionToday();
    const to = addDays(from, 13);

    // 1. the patient's context, in parallel
    const [card, specialties] = await Promise.all([api.patient(adult.id, signal()), api.specialties({ patientId: adult.id }, signal())]);
    expect(card.smsConsent).toBe(true);
    const district = specialties.find((s) => s.kind === 'district');
    expect(district?.code).toBe('therapist');
    expect(specialties.some((s) => s.kind === 'narrow')).toBe(true);

    // 2. the district doctor's free time, with the nearest days
    const result = await api.search({ patientId: adult.id, specialtyCode: district!.code, from, to, nearest: true }, signal());
    expect(result.doctors.length).toBeGreaterThan(0);
    expect(result.doctors.every((d) => d.zoneIds?.includes(adult.attachment!.zoneId))).toBe(true);
    const slot = result.days[0]!.slots[0]!;

    // 3. book; the same attempt sent again (a retry after a timeout) gets the same ticket and no second SMS
    const clientKey = newCorrelationId();
    const booked = await api.book({ patientId: adult.id, slotId: slot.id, clientKey, notifySms: card.smsConsent });
    expect(booked).toMatchObject({ smsSent: true, ticket: { slotId: slot.id, status: 'booked', source: 'call_centre' } });
    const retried = await api.book({ patientId: adult.id, slotId: slot.id, clientKey, notifySms: card.smsConsent });
    expect(retried.ticket.id).toBe(booked.ticket.id);
    const sms = await stack.sms.waitFor((m) => m.clientKey === clientKey);
    expect(sms).toMatchObject({ to: adult.phone, kind: 'booking' });
    expect(stack.sms.messages().filter((m) => m.clientKey === clientKey)).toHaveLength(1);

    // 4. another attempt at the same time (another key) is 409 slot_taken
    const taken = await api.book({ patientId: stack.mis.fixtures.withTicket.id, slotId: slot.id, clientKey: newCorrelationId(), notifySms: false }).catch((e: unknown) => e);
    expect(isApiError(taken) && taken.code).toBe('slot_taken');
    expect(isApiError(taken) && taken.status).toBe(409);
    expect(isApiError(taken) && taken.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    // 5. the ticket is listed (the control reads tickets from 30 days back) and can be cancelled with SMS
    const tickets = await api.tickets(adult.id, { from: addDays(from, -30) }, signal());
    expect(tickets.map((t) => t.id)).toContain(booked.ticket.id);
    const cancelKey = newCorrelationId();
    const cancelled = await api.cancel({ patientId: adult.id, ticketId: booked.ticket.id, clientKey: cancelKey, notifySms: true });
    expect(cancelled).toMatchObject({ ticketId: booked.ticket.id, status: 'cancelled', smsSent: true });
    expect(await stack.sms.waitFor((m) => m.clientKey === cancelKey)).toMatchObject({ kind: 'cancellation' });

    // the freed slot is offered again
    const again = await api.search({ patientId: adult.id, specialtyCode: district!.code, from, to, nearest: true }, signal());
    expect(again.days.flatMap((d) => d.slots).some((s) => s.id === slot.id)).toBe(true);
  });

  it('downloads the schedule of the patient’s department as CSV and XLSX under the server’s file name', async () => {
    const adult = stack.mis.fixtures.adult;
    const departments = await api.departments(adult.attachment!.moId, signal());
    expect(departments.length).toBeGreaterThan(0);
    const from = regionToday();
    const to = addDays(from, 6);
    const csv = await api.exportSchedule({ by: 'department', id: departments[0]!.id, from, to, format: 'csv' });
    expect(csv.filename).toBe(`schedule_department_${departments[0]!.id.replace(/[^A-Za-z0-9_-]/g, '_')}_${from}_${to}.csv`);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const text = new TextDecoder().decode(await csv.blob.arrayBuffer());
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Дата;Начало;Окончание;МО;Отделение;Врач;Специальность;Кабинет;Статус');

    const [organisations, localities] = await Promise.all([api.organisations(signal()), api.localities(signal())]);
    expect(organisations.some((o) => o.id === adult.attachment!.moId)).toBe(true);
    const xlsx = await api.exportSchedule({ by: 'organisation', id: adult.attachment!.moId, from, to, format: 'xlsx' });
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    // an XLSX file is a zip: PK\x03\x04
    expect(Array.from(new Uint8Array(await xlsx.blob.arrayBuffer()).slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(localities.length).toBeGreaterThan(0);
  });
});
