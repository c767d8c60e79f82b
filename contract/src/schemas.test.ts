import fc from 'fast-check';
import * as z from 'zod/mini';
import { Appeal, APPEAL_TOPICS, AppealTopic } from './appeal';
import { CallCompletion, CallRecord } from './call';
import { HomeVisitRequest, Temperature } from './homeVisit';
import { DistrictDoctorKind, localDate } from './identifiers';
import { IVR_TOPICS, IvrDigit, ivrTopic } from './ivr';
import { validate, type FieldIssue } from './messages';
import { PatientCard, PatientSearchQuery, PatientSummary, PhoneUpdate } from './patient';
import { DEFAULT_NARROW_SPECIALTIES, DISTRICT_SPECIALTIES, OpeningHours, WeeklyHours } from './reference';
import {
  APPOINTMENT_SOURCE_CODES,
  appointmentSourceFromCode,
  BookingRequest,
  ScheduleExportQuery,
  SlotSearchQuery,
  Ticket,
} from './scheduling';
import { SmsMessage } from './sms';
import { CallEvent, CallNotification, PUSH_TARGETS } from './telephony';
import { VaccinationRegistration } from './vaccination';

function fails(schema: z.core.$ZodType, data: unknown, lang: 'ru' | 'en' = 'ru'): FieldIssue[] {
  const r = validate(schema, data, lang);
  if (r.success) throw new Error(`expected a failure, parsed ${JSON.stringify(r.data)}`);
  return r.issues;
}
const fieldsAndCodes = (issues: FieldIssue[]) => issues.map((i) => [i.field, i.code]);

/** Parsing the output again gives the same output: responses can be checked with the request schemas. */
function expectIdempotent(schema: z.core.$ZodType, data: unknown) {
  const once = z.parse(schema, data);
  expect(z.parse(schema, once)).toEqual(once);
  return once;
}

const closed: never[] = [];
const weekdays = { from: '08:00', to: '20:00' };
const hours = { 1: [weekdays], 2: [weekdays], 3: [weekdays], 4: [weekdays], 5: [weekdays], 6: closed, 7: closed };

describe('ivr', () => {
  it('has the eight topics of the manual, digits 1..8 in order, named in both languages', () => {
    expect(IVR_TOPICS.map((t) => t.digit)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ivrTopic(3)?.key).toBe('doctor_appointment');
    expect(ivrTopic(4)?.name.ru).toBe('Вызов врача на дом');
    expect(ivrTopic(8)?.name.en).toBe('Vaccination booking for medical workers');
    expect(ivrTopic(9)).toBeUndefined();
    expect(IvrDigit.safeParse(0).success).toBe(false);
    expect(IvrDigit.safeParse(9).success).toBe(false);
    expect(IvrDigit.safeParse(2.5).success).toBe(false);
  });
});

describe('patient', () => {
  it('search: a bad SNILS gives field snils and the checksum message in both languages', () => {
    expect(fails(PatientSearchQuery, { fullName: 'Иванов', snils: '112-233-445 96' }, 'ru')).toEqual([
      { field: 'snils', code: 'snils.checksum', message: 'СНИЛС: неверная контрольная сумма' },
    ]);
    expect(fails(PatientSearchQuery, { snils: '112-233-445 96' }, 'en')[0]?.message).toBe('SNILS: wrong checksum');
  });

  it('search: each criterion alone is enough; the limit defaults to 10 and is capped at 50', () => {
    for (const q of [
      { fullName: 'Петров' },
      { birthDate: '1980-05-01' },
      { policy: '7788899730000765' },
      { policy: { series: 'ЯМ', number: '123456' } },
      { snils: '112-233-445 95' },
      { passport: '45 06 123456' },
    ]) {
      expect(z.parse(PatientSearchQuery, q).limit).toBe(10);
    }
    expect(fieldsAndCodes(fails(PatientSearchQuery, { fullName: 'Петров', limit: 51 }))).toEqual([
      ['limit', 'too_big'],
    ]);
  });

  it('search: normalises identifiers and reports every bad field with its path', () => {
    expect(z.parse(PatientSearchQuery, { passport: '4506 123456', snils: '11223344595' })).toEqual({
      passport: '4506123456',
      snils: '11223344595',
      limit: 10,
    });
    const tomorrow = localDate(new Date(Date.now() + 86_400_000));
    expect(
      fieldsAndCodes(
        fails(PatientSearchQuery, {
          fullName: 'Иванов 2',
          birthDate: tomorrow,
          policy: '7788899730000766',
          passport: '45 06',
        }),
      ),
    ).toEqual([
      ['fullName', 'name.format'],
      ['birthDate', 'birthDate.future'],
      ['policy', 'enp.checkDigit'],
      ['passport', 'passport.format'],
    ]);
  });

  it('card: a full card parses and is idempotent; attachment may be null', () => {
    const card = {
      misId: 'P-1',
      lastName: 'Иванова',
      firstName: 'Анна',
      middleName: 'Сергеевна',
      fullName: 'Иванова Анна Сергеевна',
      birthDate: '1990-04-12',
      age: 34,
      sex: 'female',
      phone: '8 (916) 123-45-67',
      smsConsent: true,
      attachment: { moId: 'MO-1', moName: 'ГП №1', zoneId: 'Z-7', zoneName: 'Участок 7', areaType: 'therapeutic' },
      policy: '7788899730000765',
      snils: '112-233-445 95',
      passport: '45 06 123456',
      address: { text: 'Тюмень, ул. Республики, 1, кв. 2', locality: 'Тюмень', house: '1', apartment: '2' },
    };
    const parsed = expectIdempotent(PatientCard, card) as PatientCard;
    expect(parsed.phone).toBe('+79161234567');
    expect(parsed.snils).toBe('11223344595');
    expect(z.parse(PatientCard, { ...card, attachment: null }).attachment).toBeNull();
    expect(fieldsAndCodes(fails(PatientCard, { ...card, attachment: undefined }))).toEqual([['attachment', 'required']]);
  });

  it('card: identifiers from the MIS are checked for format, not checksum', () => {
    const summary = {
      misId: 'P-1',
      fullName: 'Иванов Иван',
      birthDate: '1990-04-12',
      age: 34,
      snils: '112-233-445 96',
      policy: '7788899730000766',
      matchedBy: 'snils',
    };
    expect(z.parse(PatientSummary, summary)).toMatchObject({ snils: '11223344596', policy: '7788899730000766' });
    expect(fieldsAndCodes(fails(PatientSummary, { ...summary, snils: '1122' }))).toEqual([['snils', 'snils.length']]);
  });

  it('phone update: SMS consent needs a mobile number, a landline without consent is fine', () => {
    const base = { patientId: 'P-1', clientKey: 'key-12345678' };
    expect(z.parse(PhoneUpdate, { ...base, phone: '8 916 123 45 67', smsConsent: true }).phone).toBe('+79161234567');
    expect(z.parse(PhoneUpdate, { ...base, phone: '8 3452 12 34 56', smsConsent: false }).phone).toBe('+73452123456');
    expect(fails(PhoneUpdate, { ...base, phone: '8 3452 12 34 56', smsConsent: true }, 'ru')).toEqual([
      { field: 'phone', code: 'phone.notMobile', message: 'Контактный телефон: для SMS нужен мобильный номер (+79…)' },
    ]);
    expect(fieldsAndCodes(fails(PhoneUpdate, { ...base, phone: '12', smsConsent: false }))).toEqual([
      ['phone', 'phone.format'],
    ]);
  });
});

describe('reference', () => {
  it('weekly hours: closed days are empty, a range must end after it starts', () => {
    expect(WeeklyHours.safeParse(hours).success).toBe(true);
    const bad = { ...hours, 3: [{ from: '18:00', to: '09:00' }] };
    expect(fieldsAndCodes(fails(OpeningHours, { moId: 'M', moName: 'ГП', address: 'a', phone: '', hours: bad, homeVisitHours: hours }))).toEqual([
      ['hours.3[0].to', 'time.order'],
    ]);
    expect(fieldsAndCodes(fails(WeeklyHours, { ...hours, 1: [{ from: '8:00', to: '24:00' }] }))).toEqual([
      ['1[0].from', 'time.format'],
    ]);
  });

  it('specialties: district ones match the district doctor kinds, narrow defaults per the manual', () => {
    expect(DISTRICT_SPECIALTIES.map((s) => s.code).sort()).toEqual([...DistrictDoctorKind.options].sort());
    expect(DEFAULT_NARROW_SPECIALTIES.map((s) => s.name)).toEqual([
      'стоматолог',
      'хирург',
      'невролог',
      'офтальмолог',
      'оториноларинголог',
      'гинеколог',
      'дерматовенеролог',
    ]);
    expect(DEFAULT_NARROW_SPECIALTIES.every((s) => s.kind === 'narrow')).toBe(true);
  });
});

describe('scheduling', () => {
  it('slot search needs a doctor or a specialty', () => {
    expect(SlotSearchQuery.safeParse({ doctorId: 'D-1', from: '2024-03-01', to: '2024-03-07' }).success).toBe(true);
    expect(
      SlotSearchQuery.safeParse({ specialtyCode: 'surgeon', moId: 'MO-1', from: '2024-03-01', to: '2024-03-01' }).success,
    ).toBe(true);
    expect(fails(SlotSearchQuery, { moId: 'MO-1', from: '2024-03-01', to: '2024-03-07' }, 'en')).toEqual([
      { field: '', code: 'slots.target', message: 'Give a doctor or a specialty' },
    ]);
  });

  it('slot search: to not before from, at most 31 days both ends included', () => {
    const q = { doctorId: 'D-1' };
    expect(SlotSearchQuery.safeParse({ ...q, from: '2024-01-01', to: '2024-01-31' }).success).toBe(true);
    expect(fieldsAndCodes(fails(SlotSearchQuery, { ...q, from: '2024-01-01', to: '2024-02-01' }))).toEqual([
      ['to', 'dateRange.tooLong'],
    ]);
    expect(fails(SlotSearchQuery, { ...q, from: '2024-01-10', to: '2024-01-09' }, 'ru')).toEqual([
      { field: 'to', code: 'dateRange.order', message: 'Окончание: конец периода раньше начала' },
    ]);
  });

  it('property: any range of 1..31 days passes, 32..400 does not', () => {
    const day0 = Date.UTC(2020, 0, 1);
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 400 }), (start, length) => {
        const from = iso(day0 + start * 86_400_000);
        const to = iso(day0 + (start + length - 1) * 86_400_000);
        const ok = ScheduleExportQuery.safeParse({ by: 'department', id: 'DEP-1', from, to, format: 'csv' }).success;
        expect(ok).toBe(length <= 31);
      }),
    );
  });

  it('booking: client key 8–64 safe characters', () => {
    const b = { patientId: 'P-1', slotId: 'S-1', notifySms: true };
    expect(BookingRequest.safeParse({ ...b, clientKey: '0f8c2a9e-4b1d-4c55-9a2e-7d3f1b6c8e01' }).success).toBe(true);
    expect(fieldsAndCodes(fails(BookingRequest, { ...b, clientKey: 'short' }))).toEqual([['clientKey', 'clientKey.format']]);
    expect(fieldsAndCodes(fails(BookingRequest, { ...b, clientKey: 'has space 123' }))).toEqual([
      ['clientKey', 'clientKey.format'],
    ]);
    expect(fieldsAndCodes(fails(BookingRequest, { ...b, clientKey: 'k'.repeat(65) }))).toEqual([
      ['clientKey', 'clientKey.format'],
    ]);
  });

  it('appointment source follows the N3 enumeration; 122 bookings are source 1', () => {
    expect(APPOINTMENT_SOURCE_CODES.call_centre).toBe(1);
    expect(APPOINTMENT_SOURCE_CODES.internet).toBe(5);
    expect(appointmentSourceFromCode(1)).toBe('call_centre');
    expect(appointmentSourceFromCode(3)).toBe('registry');
    expect(appointmentSourceFromCode(99)).toBe('other');
  });

  it('ticket: status is one of the four', () => {
    const t = {
      id: 'A-1',
      patientId: 'P-1',
      slotId: 'S-1',
      doctorId: 'D-1',
      doctorName: 'Петров П. П.',
      specialtyName: 'хирург',
      moId: 'MO-1',
      moName: 'ГП №1',
      start: '2024-03-01T09:00:00+03:00',
      end: '2024-03-01T09:15:00+03:00',
      status: 'booked',
      source: 'call_centre',
    };
    expectIdempotent(Ticket, t);
    expect(fieldsAndCodes(fails(Ticket, { ...t, status: 'lost' }))).toEqual([['status', 'invalid_value']]);
  });
});

describe('telephony', () => {
  const base = {
    eventId: 'ev-1',
    telephonyCallId: 'call-1',
    occurredAt: '2024-03-01T09:00:00Z',
    callerNumber: '8 916 123-45-67',
    line: '122',
    ivrDigit: 4,
  };

  it('events are told apart by type and carry what each needs', () => {
    expect(z.parse(CallEvent, { ...base, type: 'offered' })).toMatchObject({ type: 'offered', callerNumber: '+79161234567' });
    expect(z.parse(CallEvent, { ...base, type: 'ended', reason: 'caller_hung_up' }).type).toBe('ended');
    expect(z.parse(CallEvent, { ...base, type: 'abandoned', waitedSeconds: 42 }).type).toBe('abandoned');
    expect(fieldsAndCodes(fails(CallEvent, { ...base, type: 'answered' }))).toEqual([['operatorId', 'required']]);
    expect(fieldsAndCodes(fails(CallEvent, { ...base, type: 'offered', line: '112' }))).toEqual([['line', 'invalid_value']]);
    expect(fieldsAndCodes(fails(CallEvent, { ...base, type: 'offered', ivrDigit: 9 }))).toEqual([['ivrDigit', 'too_big']]);
  });

  it('a withheld number does not reject the call', () => {
    expect(z.parse(CallEvent, { ...base, type: 'offered', callerNumber: null }).callerNumber).toBeNull();
  });

  it('a notification is the offered event plus candidates and claimable', () => {
    const n = z.parse(CallNotification, { ...base, type: 'offered', candidates: [], claimable: true });
    expect(n).toMatchObject({ type: 'offered', claimable: true, candidates: [] });
    expect(fieldsAndCodes(fails(CallNotification, { ...base, type: 'offered', candidates: [] }))).toEqual([
      ['claimable', 'required'],
    ]);
    expect(PUSH_TARGETS.callOffered).toBe(CallNotification);
  });
});

describe('call record', () => {
  it('keeps the comment within 2000 characters and requires a call type on completion', () => {
    expect(CallCompletion.safeParse({ callType: 'consultation' }).success).toBe(true);
    expect(fieldsAndCodes(fails(CallCompletion, { comment: 'x' }))).toEqual([['callType', 'required']]);
    expect(fieldsAndCodes(fails(CallCompletion, { callType: 'c', comment: 'x'.repeat(2001) }))).toEqual([
      ['comment', 'too_big'],
    ]);
    expectIdempotent(CallRecord, {
      telephonyCallId: 'call-1',
      topic: 3,
      callerNumber: '+79161234567',
      status: 'completed',
      createdIds: { appointmentIds: ['A-1'], homeVisitIds: [], appealIds: [], vaccinationIds: [] },
    });
  });
});

describe('home visit', () => {
  const req = {
    patientId: 'P-1',
    address: { text: 'Тюмень, ул. Мира, 5, кв. 10' },
    phone: '89161234567',
    complaints: 'Температура, кашель',
    clientKey: 'hv-12345678',
  };

  it('temperature 34.0–43.0 °C with one decimal', () => {
    for (const ok of [34, 36.6, 39.9, 43]) expect(Temperature.safeParse(ok).success).toBe(true);
    expect(fails(HomeVisitRequest, { ...req, temperature: 33.9 }, 'ru')).toEqual([
      { field: 'temperature', code: 'temperature.range', message: 'Температура: от 34,0 до 43,0 °C' },
    ]);
    expect(fieldsAndCodes(fails(HomeVisitRequest, { ...req, temperature: 43.1 }))).toEqual([
      ['temperature', 'temperature.range'],
    ]);
    expect(fieldsAndCodes(fails(HomeVisitRequest, { ...req, temperature: 37.25 }))).toEqual([
      ['temperature', 'temperature.precision'],
    ]);
  });

  it('complaints 3–2000 characters, intercom code up to 20, address text required', () => {
    expect(fieldsAndCodes(fails(HomeVisitRequest, { ...req, complaints: ' a ' }))).toEqual([['complaints', 'too_small']]);
    expect(fieldsAndCodes(fails(HomeVisitRequest, { ...req, intercomCode: '1'.repeat(21) }))).toEqual([
      ['intercomCode', 'too_big'],
    ]);
    expect(fails(HomeVisitRequest, { ...req, address: { text: ' ' } }, 'ru')).toEqual([
      { field: 'address.text', code: 'too_small', message: 'Адрес: не может быть пустым' },
    ]);
    expect(fieldsAndCodes(fails(HomeVisitRequest, { ...req, address: { text: 'a', fiasHouseGuid: 'x' } }))).toEqual([
      ['address.fiasHouseGuid', 'fias.format'],
    ]);
  });
});

describe('appeal', () => {
  const appeal = {
    kind: 'complaint',
    topic: 'staff_conduct',
    moId: 'MO-1',
    comment: 'Грубость в регистратуре',
    reviewCertificate: true,
    clientKey: 'ap-12345678',
  };

  it('a complaint about a visit names the ticket', () => {
    expect(Appeal.safeParse(appeal).success).toBe(true);
    expect(fails(Appeal, { ...appeal, topic: 'complaint_about_visit' }, 'ru')).toEqual([
      { field: 'ticketId', code: 'appeal.ticketRequired', message: 'Талон: для жалобы на посещение выберите талон' },
    ]);
    expect(Appeal.safeParse({ ...appeal, topic: 'complaint_about_visit', ticketId: 'A-1' }).success).toBe(true);
  });

  it('comment required and at most 4000; every topic has labels', () => {
    expect(fieldsAndCodes(fails(Appeal, { ...appeal, comment: '' }))).toEqual([['comment', 'too_small']]);
    expect(fieldsAndCodes(fails(Appeal, { ...appeal, comment: 'x'.repeat(4001) }))).toEqual([['comment', 'too_big']]);
    expect(Object.keys(APPEAL_TOPICS).sort()).toEqual([...AppealTopic.options].sort());
  });
});

describe('vaccination', () => {
  const reg = {
    lastName: 'Сидорова',
    firstName: 'Мария',
    birthDate: '1985-07-20',
    snils: '112-233-445 95',
    phone: '+7 916 123 45 67',
    employerMoId: 'MO-1',
    position: 'медицинская сестра',
    vaccine: 'sputnik_v',
    dose: 'booster',
    pointId: 'VP-1',
    slotId: 'VS-1',
    clientKey: 'vac-12345678',
  };

  it('a medical worker registers with SNILS and a mobile phone', () => {
    expect(z.parse(VaccinationRegistration, reg)).toMatchObject({ snils: '11223344595', phone: '+79161234567', dose: 'booster' });
    expect(fieldsAndCodes(fails(VaccinationRegistration, { ...reg, snils: undefined }))).toEqual([['snils', 'required']]);
    expect(fieldsAndCodes(fails(VaccinationRegistration, { ...reg, phone: '8 3452 123456' }))).toEqual([
      ['phone', 'phone.notMobile'],
    ]);
    expect(fieldsAndCodes(fails(VaccinationRegistration, { ...reg, dose: 3 }))).toEqual([['dose', 'invalid_union']]);
    expect(fieldsAndCodes(fails(VaccinationRegistration, { ...reg, lastName: 'Сидорова1' }))).toEqual([
      ['lastName', 'name.format'],
    ]);
  });
});

describe('sms', () => {
  it('goes to a mobile number, at most 670 characters', () => {
    expect(z.parse(SmsMessage, { to: '89161234567', text: 'Вы записаны', kind: 'booking' }).to).toBe('+79161234567');
    expect(fieldsAndCodes(fails(SmsMessage, { to: '83452123456', text: 'x'.repeat(671), kind: 'other' }))).toEqual([
      ['to', 'phone.notMobile'],
      ['text', 'too_big'],
    ]);
  });
});
