/**
 * Booking flow of manual §4 over real HTTP against the sandbox MIS: free time as days and cells (with the nearest
 * days after an empty period), booking with SMS, a race for one slot, a retried booking, tickets, cancellation with
 * SMS, and the schedule export as CSV and XLSX.
 */
import {
  BookingConfirmation,
  CancellationResult,
  ErrorBody,
  SlotSearchResult,
  Ticket,
  type Slot,
} from '@eer/contract';
import ExcelJS from 'exceljs';
import * as z from 'zod/mini';
import { addDays, clientKey, nextWeekday, personalDataOf, regionToday, startApi, type Api } from './support';

jest.setTimeout(60_000);

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

const fixtures = () => api.stack.mis.fixtures;
const week = () => ({ from: regionToday(), to: addDays(regionToday(), 6) });

async function searchSlots(body: Record<string, unknown>): Promise<SlotSearchResult> {
  const res = await api.call('searchSlots', { body });
  expect(res.status).toBe(200);
  return SlotSearchResult.parse(res.data);
}

/** A free slot of a specialty in mo-01 this week, not used by another test of this file. */
const usedSlots = new Set<string>();
async function freeSlot(specialtyCode: string): Promise<Slot> {
  const result = await searchSlots({ specialtyCode, moId: 'mo-01', ...week() });
  const slot = result.days.flatMap((d) => d.slots).find((s) => !usedSlots.has(s.id));
  if (!slot) throw new Error(`no free ${specialtyCode} slot this week`);
  usedSlots.add(slot.id);
  return slot;
}

describe('free time (manual §4.1, fig. 9)', () => {
  it('groups the district doctor’s free time into days with their time cells', async () => {
    const { adult } = fixtures();
    const result = await searchSlots({ patientId: adult.id, specialtyCode: 'therapist', ...week() });
    expect(result.doctors.length).toBeGreaterThan(0);
    expect(result.doctors.every((d) => d.zoneIds?.includes('zone-01-1'))).toBe(true);
    expect(result.days.length).toBeGreaterThan(0);
    expect(result.extendedTo).toBeUndefined();
    const now = Date.now();
    for (const day of result.days) {
      expect(day.freeCount).toBe(day.slots.length);
      expect(day.date >= week().from && day.date <= week().to).toBe(true);
      for (const slot of day.slots) {
        expect(slot.status).toBe('free');
        expect(Date.parse(slot.start)).toBeGreaterThan(now);
      }
      const starts = day.slots.map((s) => Date.parse(s.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(result.days.map((d) => d.date)).toEqual([...result.days.map((d) => d.date)].sort());
  });

  it('finds one doctor’s free time, and a narrow specialty across an MO', async () => {
    const surgeons = await searchSlots({ specialtyCode: 'surgeon', moId: 'mo-01', ...week() });
    expect(surgeons.doctors.every((d) => d.specialtyCode === 'surgeon' && d.moId === 'mo-01')).toBe(true);
    const doctor = surgeons.doctors[0]!;
    const one = await searchSlots({ doctorId: doctor.id, moId: 'mo-01', specialtyCode: 'surgeon', ...week() });
    expect(one.doctors.map((d) => d.id)).toEqual([doctor.id]);
    expect(one.days.flatMap((d) => d.slots).every((s) => s.doctorId === doctor.id)).toBe(true);
    const byIdOnly = await searchSlots({ doctorId: doctor.id, ...week() });
    expect(byIdOnly.doctors.map((d) => d.id)).toEqual([doctor.id]);
  });

  it('shows the nearest days after an empty period without another request', async () => {
    // Sundays have no appointments in the sandbox region
    const sunday = nextWeekday(7);
    const nearest = await searchSlots({ specialtyCode: 'therapist', moId: 'mo-01', from: sunday, to: sunday });
    expect(nearest.extendedTo).toBe(addDays(sunday, 14));
    expect(nearest.days.length).toBeGreaterThan(0);
    expect(nearest.days[0]!.date > sunday).toBe(true);
    const strict = await searchSlots({ specialtyCode: 'therapist', moId: 'mo-01', from: sunday, to: sunday, nearest: false });
    expect(strict).toMatchObject({ days: [] });
    expect(strict.extendedTo).toBeUndefined();
  });

  it('refuses a period longer than 31 days or without a doctor or specialty, naming the field', async () => {
    const long = await api.call('searchSlots', { body: { specialtyCode: 'surgeon', from: '2026-01-01', to: '2026-02-15' }, lang: 'en' });
    expect(ErrorBody.parse(long.data)).toMatchObject({ code: 'validation_failed', field: 'to' });
    const none = await api.call('searchSlots', { body: week() });
    expect(ErrorBody.parse(none.data)).toMatchObject({ code: 'validation_failed', issues: [{ code: 'slots.target' }] });
  });
});

describe('booking and cancellation (manual §4, figs. 8–10)', () => {
  it('books from the call centre, confirms by SMS; a retry with the same key gives the same ticket and no second SMS', async () => {
    const { adult } = fixtures();
    const slot = await freeSlot('surgeon');
    const key = clientKey('book');
    const res = await api.call('book', { body: { patientId: adult.id, slotId: slot.id, clientKey: key, notifySms: true } });
    expect(res.status).toBe(200);
    const confirmation = BookingConfirmation.parse(res.data);
    expect(confirmation).toMatchObject({ smsSent: true, ticket: { slotId: slot.id, patientId: adult.id, status: 'booked', source: 'call_centre' } });

    const sms = await api.stack.sms.waitFor((m) => m.clientKey === key);
    expect(sms).toMatchObject({ to: adult.phone, kind: 'booking' });
    const [y, m, d] = regionDateOf(slot.start).split('-');
    expect(sms.text).toContain(`${d}.${m}.${y}`);
    expect(sms.text).toContain(confirmation.ticket.doctorName.split(' ')[0]);
    expect(sms.text).not.toContain(adult.lastName);
    expect(sms.text).not.toContain(adult.firstName);

    const retry = await api.call('book', { body: { patientId: adult.id, slotId: slot.id, clientKey: key, notifySms: true } });
    expect(retry.status).toBe(200);
    expect(BookingConfirmation.parse(retry.data).ticket.id).toBe(confirmation.ticket.id);
    expect(api.stack.sms.messages().filter((m) => m.clientKey === key)).toHaveLength(1);

    // the slot is gone from the free time
    const after = await searchSlots({ specialtyCode: 'surgeon', moId: 'mo-01', ...week() });
    expect(after.days.flatMap((day) => day.slots).some((s) => s.id === slot.id)).toBe(false);
  });

  it('two operators booking one slot at once: one ticket, one 409 slot_taken', async () => {
    const { familyMother, namesake } = fixtures();
    const slot = await freeSlot('therapist');
    const [a, b] = await Promise.all(
      [familyMother.id, namesake.id].map((patientId) =>
        api.call('book', { body: { patientId, slotId: slot.id, clientKey: clientKey('race'), notifySms: false } }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const loser = [a!, b!].find((r) => r.status === 409)!;
    expect(ErrorBody.parse(loser.data)).toMatchObject({ code: 'slot_taken', retryable: false });
    expect(ErrorBody.parse(loser.data).message).toBe('Слот уже занят, выберите другое время');
  });

  it('lists the patient’s tickets and cancels one with an SMS; the slot is free again', async () => {
    const { withTicket } = fixtures();
    const tickets = z.array(Ticket).parse((await api.call('listPatientTickets', { params: { id: withTicket.id } })).data);
    const ticket = tickets.find((t) => t.id === api.stack.mis.fixtureTicketId);
    expect(ticket).toMatchObject({ status: 'booked', patientId: withTicket.id });

    const key = clientKey('cancel');
    const body = { patientId: withTicket.id, ticketId: ticket!.id, clientKey: key, notifySms: true, reason: 'по просьбе пациента' };
    const mismatch = await api.call('cancelTicket', { params: { id: 'another-ticket' }, body });
    expect(ErrorBody.parse(mismatch.data)).toMatchObject({ code: 'validation_failed', field: 'ticketId' });

    const res = await api.call('cancelTicket', { params: { id: ticket!.id }, body });
    expect(res.status).toBe(200);
    expect(CancellationResult.parse(res.data)).toEqual({ ticketId: ticket!.id, status: 'cancelled', smsSent: true });
    const sms = await api.stack.sms.waitFor((m) => m.clientKey === key);
    expect(sms).toMatchObject({ to: withTicket.phone, kind: 'cancellation' });
    expect(sms.text).toMatch(/^Запись к врачу \d\d\.\d\d\.\d{4} в \d\d:\d\d отменена/);

    const doctorSlots = await searchSlots({ doctorId: ticket!.doctorId, moId: ticket!.moId, from: regionDateOf(ticket!.start), to: regionDateOf(ticket!.start), nearest: false });
    expect(doctorSlots.days.flatMap((d) => d.slots).some((s) => s.id === ticket!.slotId)).toBe(true);
    const after = z.array(Ticket).parse((await api.call('listPatientTickets', { params: { id: withTicket.id } })).data);
    expect(after.find((t) => t.id === ticket!.id)?.status).toBe('cancelled');
  });

  it('sends no SMS without the patient’s consent, and none when not asked', async () => {
    const { oldPolicy, child } = fixtures();
    const noConsent = await api.call('book', { body: { patientId: oldPolicy.id, slotId: (await freeSlot('surgeon')).id, clientKey: clientKey('nc'), notifySms: true } });
    expect(BookingConfirmation.parse(noConsent.data).smsSent).toBe(false);
    const notAsked = await api.call('book', { body: { patientId: child.id, slotId: (await freeSlot('dentist')).id, clientKey: clientKey('na'), notifySms: false } });
    expect(BookingConfirmation.parse(notAsked.data).smsSent).toBe(false);
  });

  it('reports smsSent false when the gateway fails, and the booking still stands', async () => {
    const { adult } = fixtures();
    api.stack.sms.failWith(503);
    try {
      const res = await api.call('book', { body: { patientId: adult.id, slotId: (await freeSlot('dentist')).id, clientKey: clientKey('gw'), notifySms: true } });
      expect(res.status).toBe(200);
      expect(BookingConfirmation.parse(res.data)).toMatchObject({ smsSent: false, ticket: { status: 'booked' } });
    } finally {
      api.stack.sms.failWith(null);
    }
  });
});

describe('schedule export (manual §4.1–4.2)', () => {
  const period = () => ({ from: regionToday(), to: addDays(regionToday(), 2) });

  it.each([
    ['department', 'dept-01-1'],
    ['organisation', 'mo-01'],
    ['locality', 'locality-1'],
  ])('by %s as CSV: named file, parses back', async (by, id) => {
    const res = await api.call('exportSchedule', { query: { by, id, ...period(), format: 'csv' }, responseType: 'arraybuffer' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="schedule_${by}_${id}_${period().from}_${period().to}.csv"; filename*=UTF-8''schedule_${by}_${id}_${period().from}_${period().to}.csv`,
    );
    const text = Buffer.from(res.data as ArrayBuffer).toString('utf8');
    expect(text.startsWith('\uFEFFДата;Начало;Окончание;МО;Отделение;Врач;Специальность;Кабинет;Статус\r\n')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1).map((line) => line.split(';'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(9);
      expect(row[0]).toMatch(/^\d\d\.\d\d\.\d{4}$/);
      expect(row[1]).toMatch(/^\d\d:\d\d$/);
      expect(['свободно', 'занято']).toContain(row[8]);
    }
  });

  it('as XLSX that exceljs reads back', async () => {
    const res = await api.call('exportSchedule', { query: { by: 'organisation', id: 'mo-01', ...period(), format: 'xlsx' }, responseType: 'arraybuffer' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename="schedule_organisation_mo-01_${period().from}_${period().to}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.data as ArrayBuffer);
    const sheet = workbook.getWorksheet('Расписание')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Дата', 'Начало', 'Окончание', 'МО', 'Отделение', 'Врач', 'Специальность', 'Кабинет', 'Статус']);
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(String(sheet.getRow(2).getCell(4).value)).toContain('ГП');
  });

  it('refuses an unknown format naming the field', async () => {
    const res = await api.call('exportSchedule', { query: { by: 'organisation', id: 'mo-01', ...period(), format: 'pdf' }, lang: 'en' });
    expect([res.status, ErrorBody.parse(res.data).field]).toEqual([400, 'format']);
  });
});

function regionDateOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(iso));
}

it('logged not one name, SNILS, policy, passport or phone of a fixture patient (runs last)', () => {
  const secrets = personalDataOf(api.stack.mis.fixtures);
  expect(api.logs.length).toBeGreaterThan(10);
  expect(api.logs.filter((line) => secrets.some((s) => line.includes(s)))).toEqual([]);
});
