/**
 * The operator's day on the desk, end to end in headless Chromium: calls through every IVR topic come in through
 * the signed telephony webhook, the operator answers on the start window, identifies the patient by SNILS, books,
 * cancels, calls a doctor home, files appeals, completes each call with a type — and the test checks what was
 * written: the call records in the desk's store (Dataverse stand-in), the SMS and e-mails in the sinks, and the
 * sandbox MIS over FHIR. Axe checks the desk with each control shown; screenshots of the main steps are kept in
 * test-artifacts/screenshots/e2e/. One stack and one browser for the whole file; tests run in order.
 */
import * as path from 'node:path';
import { APPEAL_TOPIC_VALUES, CALL_STATUS_VALUES, DELIVERY_STATUS_VALUES } from '@eer/contract';
import { readSolutionModel } from '@eer/solution';
import { DeskSession, SCREENSHOTS, UI_TIMEOUT_MS, type AxeFinding, type PlacedCall } from './deskSession';
import { FIXTURES, bookFirstFreeTime, bookHomeVisit, callTypeName, cancelTicket, fileAppeal, homeVisitTime, identifyBySnils, recordTiming, writeTimings } from './flows';

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

/** The call in progress (taken, not yet completed): after a failed test it is hung up so the next call reaches us. */
let current: { call: PlacedCall; digit: number } | null = null;

afterEach(async () => {
  if (current) {
    await s.hangUp(current.call, current.digit).catch(() => undefined);
    current = null;
    await s.newPage();
  }
  // Uncaught errors in the page fail the test that caused them.
  const errors = s.errors.splice(0);
  expect(errors).toEqual([]);
});

/** Runs axe on what is shown now; the findings are asserted together by the last test (so one flow's problem
 *  does not hide the others'). */
async function checkAxe(label: string): Promise<void> {
  axeFindings[label] = await s.axe();
}

/** A call of `digit` from `from`, shown on the start window and answered; answers the call and its record id. */
async function takeCall(digit: number, from: string | null, shot?: string): Promise<{ call: PlacedCall; recordId: string }> {
  const popup = await s.watchForPopup();
  const call = await s.placeCall(digit, from);
  current = { call, digit };
  const shownAt = await popup();
  recordTiming('callToPopupMs', shownAt - call.postedAt);
  if (shot) {
    await s.shot(shot);
    await checkAxe('start window: incoming call');
  }
  current = { call, digit };
  const recordId = await s.answer();
  return { call, recordId };
}

/** Completes the call with a type; the caller hangs up; the record says completed with that type. */
async function completeCall(call: PlacedCall, digit: number, typeKey: string, comment?: string): Promise<void> {
  await s.hangUp(call, digit);
  current = null;
  await s.complete(callTypeName(typeKey), comment);
  const record = await waitForRecord(call.telephonyCallId, (r) => r.eer_status === CALL_STATUS_VALUES.completed);
  expect(record).toMatchObject({ eer_topic: digit, eer_calltype: typeKey, eer_status: CALL_STATUS_VALUES.completed });
  expect(typeof record.eer_durationseconds).toBe('number');
  if (comment) expect(record.eer_comment).toBe(comment);
}

/** Waits until the call record in the store is as `ready` wants it (woken by every store change). */
function waitForRecord(telephonyCallId: string, ready: (r: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return waitForStore(() => s.callRecord(telephonyCallId), (r): r is Record<string, unknown> => !!r && ready(r), 'call record');
}

/** The rows of `table` linked to the call record, once `ready` holds for them. */
function waitForRowsOfCall(table: string, callRecordId: string, ready: (rows: Array<Record<string, unknown>>) => boolean): Promise<Array<Record<string, unknown>>> {
  const rows = () => s.desk.store.all(table).filter((r) => r._eer_callid_value === callRecordId);
  return waitForStore(rows, (r): r is Array<Record<string, unknown>> => ready(r), `${table} rows of the call`);
}

/** Waits until the desk's store answers what `ready` accepts (checked on every change of the store). */
function waitForStore<T, R extends T>(read: () => T, ready: (value: T) => value is R, what: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = read();
      if (!ready(value)) return;
      stop();
      resolve(value);
    };
    const unsubscribe = s.desk.store.onChange(() => void check());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${what} not as expected: ${JSON.stringify(read())}`));
    }, UI_TIMEOUT_MS);
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
    };
    check();
  });
}

/** Ids of the patient's booked appointments in the MIS. */
async function bookedIds(patientId: string): Promise<string[]> {
  const bundle = await s.fhir(`Appointment?patient=Patient/${patientId}&status=booked`);
  return (bundle.entry ?? []).map((e) => String(e.resource.id));
}


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

    const bookedBefore = await bookedIds(patient.id);
    await s.step('book-district', () => bookFirstFreeTime(s, 'district'));
    await s.shot('05-booked-district');
    await checkAxe('call form: SlotPicker');
    const smsAfterDistrict = await s.stack.sms.waitFor((m) => m.to === patient.phone && m.kind === 'booking', UI_TIMEOUT_MS);
    expect(smsAfterDistrict.text.length).toBeGreaterThan(10);
    await s.step('book-specialist', () => bookFirstFreeTime(s, 'narrow', 'Хирург'));
    await s.shot('06-booked-specialist');

    // Both appointments are booked in the MIS and listed on the call record.
    const newIds = (await bookedIds(patient.id)).filter((id) => !bookedBefore.includes(id));
    expect(newIds).toHaveLength(2);
    const withIds = await waitForRecord(call.telephonyCallId, (r) => newIds.every((id) => String(r.eer_appointmentids ?? '').includes(String(id))));
    expect(withIds.eer_appointmentids).toBeTruthy();

    // Cancel a ticket from the patient's list: exactly one booked appointment becomes cancelled in the MIS.
    const beforeCancel = await bookedIds(patient.id);
    await s.step('cancel-ticket', () => cancelTicket(s, /.*/));
    await s.shot('07-ticket-cancelled');
    const afterCancel = await bookedIds(patient.id);
    const gone = beforeCancel.filter((id) => !afterCancel.includes(id));
    expect(gone).toHaveLength(1);
    expect((await s.fhir(`Appointment?_id=${gone[0]}`)).entry?.[0]?.resource.status).toBe('cancelled');
    const cancellationSms = await s.stack.sms.waitFor((m) => m.to === patient.phone && m.kind === 'cancellation', UI_TIMEOUT_MS);
    expect(cancellationSms.text.length).toBeGreaterThan(10);

    await completeCall(call, 3, 'appointment_booked', 'Записан к терапевту и хирургу, талон отменён');
    await s.shot('08-back-to-start-window');
  });
});

describe('topic 4 — home visit', () => {
  it('books a home visit from the patient card; the MIS has the request and the organisation gets the e-mail', async () => {
    const patient = FIXTURES.adult;
    // Outside the MOs' hours the function app's clock (EER_NOW) and the page's clock move to a weekday morning.
    const fixed = homeVisitTime();
    if (fixed) {
      process.env.EER_NOW = fixed.toISOString();
      await s.newPage({ fixedTime: fixed });
    }
    try {
      const { call, recordId } = await takeCall(4, null);
      await s.step('identify-4', () => identifyBySnils(s, patient));
      const notice = await s.step('home-visit', () => bookHomeVisit(s, 'Температура 37,8, кашель третий день'));
      await s.shot('09-home-visit');
      await checkAxe('call form: HomeVisitForm');
      expect(notice).toContain('передана в ГП № 1');
      // The MO's notice goes out by e-mail (through the outbox) to the address the MIS has for it.
      const mail = await s.stack.mail.waitFor((m) => m.to.includes('gp1@mo.eer122.test'), UI_TIMEOUT_MS);
      expect(mail.subject ?? '').not.toBe('');
      const requests = await s.fhir(`ServiceRequest?subject=Patient/${patient.id}`);
      expect(requests.entry?.length).toBeGreaterThan(0);
      const record = await waitForRecord(call.telephonyCallId, (r) => String(r.eer_homevisitids ?? '') !== '');
      expect(String(record.eer_homevisitids)).toContain(String(requests.entry![0]!.resource.id));
      // The request's own row in the CRM, linked to the call, with the MIS number and the delivery status.
      const [visit] = await waitForRowsOfCall('eer_homevisit', recordId, (rows) => rows.length === 1);
      expect(visit).toMatchObject({ eer_misrequestid: requests.entry![0]!.resource.id, eer_deliverystatus: DELIVERY_STATUS_VALUES.delivered, eer_patientmisid: patient.id, eer_moname: 'ГП № 1' });
      await completeCall(call, 4, 'home_visit');
      // The inbox page shows the e-mail.
      const inbox = await s.browser.context.newPage();
      await inbox.goto(s.desk.inboxUrl);
      await inbox.getByText('gp1@mo.eer122.test').first().waitFor({ timeout: UI_TIMEOUT_MS });
      await inbox.screenshot({ path: path.join(SCREENSHOTS, '10-inbox.png'), fullPage: true });
      await inbox.close();
    } finally {
      if (fixed) {
        delete process.env.EER_NOW;
        await s.newPage();
      }
    }
  });
});

describe('topic 5 — appeal and complaint', () => {
  it('files a complaint about a visit from the ticket list and an appeal, each with the review certificate tag', async () => {
    const patient = FIXTURES.withTicket;
    const { call, recordId } = await takeCall(5, null);
    await s.step('identify-5', () => identifyBySnils(s, patient));
    // «Жалоба на посещение» on a ticket hands it to the appeal form (bound columns eer_complaintticketid, eer_appealkind).
    await s.step('complaint-handover', async () => {
      await s.tab('Запись на приём');
      const complain = s.control('SlotPicker').getByRole('button', { name: /^Жалоба на посещение: / }).first();
      await complain.waitFor({ timeout: UI_TIMEOUT_MS });
      await complain.click();
    });
    await waitForRecord(call.telephonyCallId, (r) => r.eer_appealkind === 'complaint' && String(r.eer_complaintticketid ?? '') !== '');
    await s.step('complaint', () => fileAppeal(s, { comment: 'Врач принял на 40 минут позже назначенного времени', complaintAboutVisit: true }));
    await s.shot('11-complaint');
    await checkAxe('call form: AppealForm');
    await s.step('appeal', async () => {
      await s.control('AppealForm').getByRole('button', { name: 'Новое обращение' }).click();
      await fileAppeal(s, { kind: 'Обращение', topic: 'Доступность записи на приём', mo: 'ГП № 1', comment: 'Просит открыть запись к эндокринологу' });
    });
    await s.shot('12-appeal');
    const appeals = s.desk.store.all('eer_appeal').filter((a) => a._eer_callid_value === recordId);
    expect(appeals).toHaveLength(2);
    expect(appeals.every((a) => a.eer_reviewcertificate === true)).toBe(true);
    expect(appeals.every((a) => a.eer_deliverystatus === DELIVERY_STATUS_VALUES.delivered && String(a.eer_misappealid ?? '') !== '')).toBe(true);
    const communications = await s.fhir(`Communication?subject=Patient/${patient.id}`);
    expect(communications.entry?.length ?? 0).toBeGreaterThanOrEqual(2);
    await completeCall(call, 5, 'appeal');
  });
});

describe('topic 2 — volunteer help for citizens over 65', () => {
  it('passes a volunteer help request from the information panel', async () => {
    const { call, recordId: callRecordId } = await takeCall(2, FIXTURES.unattached.phone);
    const address = ((await s.fhir(`Patient?_id=${FIXTURES.unattached.id}`)).entry![0]!.resource.address as Array<{ text: string }>)[0]!.text;
    await s.step('volunteer', async () => {
      await s.tab('Информация');
      const info = s.control('InfoPanel');
      await info.getByRole('textbox', { name: /^Кому нужна помощь/ }).fill(FIXTURES.unattached.name);
      await info.getByRole('textbox', { name: /^Адрес/ }).fill(address);
      await info.getByRole('textbox', { name: /^Контактный телефон/ }).fill(FIXTURES.unattached.phone);
      await info.getByRole('textbox', { name: /^Какая помощь нужна/ }).fill('Доставка лекарств из аптеки раз в неделю');
      await info.getByRole('button', { name: /^Передать заявку/ }).click();
      await s.page.getByRole('alertdialog', { name: /Передать заявку на помощь волонтёров/ }).getByRole('button', { name: 'ОК', exact: true }).click();
      await info.getByText('Заявка передана').first().waitFor({ timeout: UI_TIMEOUT_MS });
    });
    await s.shot('13-volunteer-help');
    await checkAxe('call form: InfoPanel (volunteer help)');
    await waitForRecord(call.telephonyCallId, (r) => String(r.eer_appealids ?? '') !== '');
    const [request] = await waitForRowsOfCall('eer_appeal', callRecordId, (rows) => rows.length === 1);
    expect(request).toMatchObject({ eer_topic: APPEAL_TOPIC_VALUES.volunteer_help });
    await completeCall(call, 2, 'volunteer_help');
  });
});

describe('information topics', () => {
  it('topic 1: the COVID-19 articles, searchable', async () => {
    const { call } = await takeCall(1, FIXTURES.familyMother.phone);
    await s.step('covid', async () => {
      await s.tab('Информация');
      const info = s.control('InfoPanel');
      await info.getByText('Симптомы COVID-19 и что делать').first().waitFor({ timeout: UI_TIMEOUT_MS });
      await info.getByRole('searchbox', { name: /Поиск по статьям/ }).or(info.getByRole('textbox', { name: /Поиск по статьям/ })).first().fill('на дому');
      await info.getByText('Лечение COVID-19 на дому').first().waitFor({ timeout: UI_TIMEOUT_MS });
    });
    await s.shot('14-covid-articles');
    await checkAxe('call form: InfoPanel (COVID-19)');
    await completeCall(call, 1, 'info_covid');
    // After the home-visit test moved the page's clock, later pages have the real time again.
    expect(Math.abs(Date.parse(String(s.callRecord(call.telephonyCallId)!.eer_answeredat)) - Date.now())).toBeLessThan(15 * 60_000);
  });

  it('topic 6: opening hours of a medical organisation', async () => {
    const { call } = await takeCall(6, null);
    await s.step('hours', async () => {
      await s.tab('Информация');
      const info = s.control('InfoPanel');
      await info.getByPlaceholder('Например, поликлиника № 3').fill('ГП № 1');
      await info.getByRole('option', { name: /^ГП № 1/ }).first().click();
      await info.getByText(/^Сейчас (открыто|закрыто)/).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await info.getByText('Приём вызовов на дом').first().waitFor({ timeout: UI_TIMEOUT_MS });
    });
    await s.shot('15-opening-hours');
    await checkAxe('call form: InfoPanel (hours)');
    await completeCall(call, 6, 'info_hours');
  });

  it('topic 7: check-ups and dispensarisation for the identified patient', async () => {
    const { call } = await takeCall(7, null);
    await s.step('identify-7', () => identifyBySnils(s, FIXTURES.adult));
    await s.step('checkups', async () => {
      await s.tab('Информация');
      const info = s.control('InfoPanel');
      await info.getByText('Диспансеризация').first().waitFor({ timeout: UI_TIMEOUT_MS });
      await info.getByText(/проводится в этом году|в этом году не проводится/).first().waitFor({ timeout: UI_TIMEOUT_MS });
    });
    await s.shot('16-checkups');
    await completeCall(call, 7, 'info_checkups', 'Рассказал о диспансеризации');
  });

});

/** Controls the solution places on the forms the desk shows (what the accessibility check must have seen). */
const PLACED = new Set(
  readSolutionModel()
    .forms.flatMap((f) => f.tabs.flatMap((t) => t.sections.flatMap((x) => x.cells)))
    .flatMap((cell) => (cell.control ? [cell.control.control.replace(/^.*\./, '')] : [])),
);

describe('topic 8 — vaccination of medical workers', () => {
  // Runs once the solution places VaccinationForm on the call form (solution/pack/placements.ts).
  (PLACED.has('VaccinationForm') ? it : it.skip)('registers a worker at a vaccination point; the MIS has the registration and the worker gets an SMS', async () => {
    const worker = FIXTURES.familyMother;
    const { call, recordId } = await takeCall(8, worker.phone);
    await s.step('vaccination', async () => {
      await s.tab('Вакцинация');
      const form = s.control('VaccinationForm');
      await form.getByRole('textbox', { name: /^Фамилия/ }).fill('Ермолаева');
      await form.getByRole('textbox', { name: /^Имя/ }).fill('Ольга');
      await form.getByRole('textbox', { name: /^Отчество/ }).fill('Викторовна');
      await form.getByRole('textbox', { name: /^Дата рождения/ }).pressSequentially('20091985');
      await form.getByRole('textbox', { name: /^СНИЛС/ }).pressSequentially(worker.snils);
      const phone = form.getByRole('textbox', { name: /^Мобильный телефон/ });
      if ((await phone.inputValue()).replace(/\D/g, '').length < 11) await phone.pressSequentially(worker.phone.slice(2));
      const employer = form.getByRole('combobox', { name: /^Место работы/ });
      await employer.click();
      await employer.fill('ГП № 2');
      await s.page.getByRole('option', { name: /ГП № 2/ }).first().click();
      await form.getByRole('textbox', { name: /^Должность/ }).fill('Медицинская сестра');
      await form.getByRole('radio', { name: 'Первая', exact: true }).check();
      await form.getByRole('combobox', { name: /^Пункт вакцинации/ }).click();
      await s.page.locator('[role="listbox"] [role="option"]').first().click();
      const time = form.getByRole('group', { name: /^Время на / }).getByRole('button').first();
      await time.waitFor({ timeout: UI_TIMEOUT_MS });
      await time.click();
      await form.getByRole('button', { name: /^Запись на вакцинацию/ }).click();
      await s.page.getByRole('alertdialog', { name: /Записать на вакцинацию/ }).getByRole('button', { name: 'ОК', exact: true }).click();
      await form.getByText('Запись на вакцинацию оформлена').first().waitFor({ timeout: UI_TIMEOUT_MS });
    });
    await s.shot('18-vaccination');
    await checkAxe('call form: VaccinationForm');
    await s.stack.sms.waitFor((m) => m.to === worker.phone && m.kind === 'vaccination', UI_TIMEOUT_MS);
    const registrations = await s.fhir(`Appointment?patient=Patient/${worker.id}`);
    expect((registrations.entry ?? []).some((e) => JSON.stringify(e.resource.serviceType ?? '').includes('immunization'))).toBe(true);
    const registration = (registrations.entry ?? []).find((e) => JSON.stringify(e.resource.serviceType ?? '').includes('immunization'))!;
    const record = await waitForRecord(call.telephonyCallId, (r) => String(r.eer_vaccinationids ?? '') !== '');
    expect(String(record.eer_vaccinationids)).toContain(String(registration.resource.id));
    expect(record.eer_callid).toBe(recordId);
    const [vaccination] = await waitForRowsOfCall('eer_vaccination', recordId, (rows) => rows.length === 1);
    expect(vaccination).toMatchObject({ eer_misregistrationid: registration.resource.id, eer_pointid: 'vp-1' });
    await completeCall(call, 8, 'vaccination');
  });
});

describe('the desk in English', () => {
  it('shows the start window in English (1033) with no serious accessibility problem', async () => {
    await s.newPage({ query: { lang: '1033' } });
    await s.control('CallPanel').getByText('Waiting for a call').or(s.control('CallPanel').getByText('Connected')).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await s.shot('17-start-window-en');
    await checkAxe('start window (English)');
    await s.newPage();
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical violation on the desk with each control shown', () => {
    const checked = Object.keys(axeFindings);
    for (const control of PLACED) expect({ control, checked: checked.some((label) => label.includes(control)) }).toEqual({ control, checked: true });
    const found = Object.entries(axeFindings).filter(([, violations]) => violations.length > 0);
    expect(Object.fromEntries(found)).toEqual({});
  });
});
