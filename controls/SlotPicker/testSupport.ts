/** Synthetic data and a fake SlotApi for the slot picker's tests (not real people). */
import type { BookingConfirmation, PatientCard, Slot, SlotSearchResult, Specialty, Ticket } from '@eer/contract';
import type { SlotApi } from './slotApi';

/** 10:00 in Moscow on Thursday 26 November 2026. */
export const NOW = new Date('2026-11-26T07:00:00Z');

export const CARD: PatientCard = {
  misId: 'pat-1',
  lastName: 'Вересаев',
  firstName: 'Глеб',
  middleName: 'Аркадьевич',
  fullName: 'Вересаев Глеб Аркадьевич',
  birthDate: '1980-05-15',
  age: 46,
  phone: '+79161234567',
  smsConsent: true,
  attachment: { moId: 'mo-1', moName: 'ГП № 1', zoneId: 'zone-1', zoneName: 'Участок № 1', areaType: 'therapeutic' },
};

export const SPECIALTIES: Specialty[] = [
  { code: 'therapist', name: 'терапевт участковый', kind: 'district' },
  { code: 'dentist', name: 'стоматолог', kind: 'narrow' },
  { code: 'surgeon', name: 'хирург', kind: 'narrow' },
  { code: 'neurologist', name: 'невролог', kind: 'narrow' },
];

export const THERAPIST = {
  id: 'doc-1',
  fullName: 'Петров Пётр Петрович',
  specialtyCode: 'therapist',
  specialtyName: 'терапевт участковый',
  moId: 'mo-1',
  departmentId: 'dep-1',
  zoneIds: ['zone-1'],
};

function slot(id: string, start: string, room = '12'): Slot {
  const end = new Date(Date.parse(start) + 15 * 60_000).toISOString();
  return { id, doctorId: THERAPIST.id, start, end, room, status: 'free' };
}

/** Two days with free time: Friday 27th (09:00, 09:15, 09:30, 09:45, 10:00 Moscow) and Monday 30th (14:00, 14:15). */
export const DISTRICT_RESULT: SlotSearchResult = {
  doctors: [THERAPIST],
  days: [
    {
      date: '2026-11-27',
      freeCount: 5,
      slots: [
        slot('s-1', '2026-11-27T06:00:00Z'),
        slot('s-2', '2026-11-27T06:15:00Z'),
        slot('s-3', '2026-11-27T06:30:00Z'),
        slot('s-4', '2026-11-27T06:45:00Z'),
        slot('s-5', '2026-11-27T07:00:00Z'),
      ],
    },
    { date: '2026-11-30', freeCount: 2, slots: [slot('s-6', '2026-11-30T11:00:00Z', '7'), slot('s-7', '2026-11-30T11:15:00Z', '7')] },
  ],
};

export function ticketOf(slotId: string, start: string, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: `t-${slotId}`,
    patientId: CARD.misId,
    slotId,
    doctorId: THERAPIST.id,
    doctorName: THERAPIST.fullName,
    specialtyName: THERAPIST.specialtyName,
    moId: 'mo-1',
    moName: 'ГП № 1',
    start,
    end: new Date(Date.parse(start) + 15 * 60_000).toISOString(),
    room: '12',
    status: 'booked',
    source: 'call_centre',
    ...overrides,
  };
}

export const FUTURE_TICKET = ticketOf('s-old-1', '2026-12-01T08:00:00Z', { id: 'appt-future' });
export const PAST_TICKET = ticketOf('s-old-2', '2026-11-10T08:00:00Z', { id: 'appt-past', status: 'visited' });

export type FakeApi = { [K in keyof SlotApi]: jest.Mock };

/** Every operation answers the fixtures above; a test overrides what it needs. */
export function fakeApi(): FakeApi & SlotApi {
  const api: FakeApi = {
    patient: jest.fn().mockResolvedValue(CARD),
    specialties: jest.fn().mockResolvedValue(SPECIALTIES),
    search: jest.fn().mockResolvedValue(DISTRICT_RESULT),
    book: jest.fn().mockImplementation(async (body: { slotId: string }): Promise<BookingConfirmation> => {
      const all = DISTRICT_RESULT.days.flatMap((d) => d.slots);
      const s = all.find((x) => x.id === body.slotId)!;
      return { ticket: ticketOf(s.id, s.start), smsSent: true };
    }),
    tickets: jest.fn().mockResolvedValue([PAST_TICKET, FUTURE_TICKET]),
    cancel: jest.fn().mockImplementation(async (body: { ticketId: string }) => ({ ticketId: body.ticketId, status: 'cancelled', smsSent: true })),
    organisations: jest.fn().mockResolvedValue([
      { id: 'mo-1', shortName: 'ГП № 1', fullName: 'ГБУЗ «Городская поликлиника № 1»', districtId: 'd-1', address: 'ул. Ленина, 1', hasHomeVisits: true },
      { id: 'mo-2', shortName: 'ГП № 2', fullName: 'ГБУЗ «Городская поликлиника № 2»', districtId: 'd-1', address: 'ул. Мира, 2', hasHomeVisits: true },
    ]),
    departments: jest.fn().mockResolvedValue([
      { id: 'dep-0', moId: 'mo-1', name: 'Детское отделение' },
      { id: 'dep-1', moId: 'mo-1', name: 'Терапевтическое отделение № 1' },
    ]),
    localities: jest.fn().mockResolvedValue([{ id: 'loc-1', name: 'пос. Северный' }]),
    exportSchedule: jest.fn().mockResolvedValue({ blob: new Blob(['x']), filename: 'schedule_department_dep-1_2026-11-26_2026-12-09.csv', contentType: 'text/csv' }),
    configuredNarrow: jest.fn().mockResolvedValue(null),
    save: jest.fn(),
  };
  return api as FakeApi & SlotApi;
}

