import type { MedicalOrganisation, VaccinationPoint, VaccinationSlot } from '@eer/contract';
import { notQueued } from '../shared/records/testSupport';
import type { VaccinationApi } from './vaccinationApi';

export const ORGS: MedicalOrganisation[] = [
  { id: 'mo-1', shortName: 'ГП № 1', fullName: 'ГБУЗ «Городская поликлиника № 1»', districtId: 'd-1', address: 'г. Энск, ул. Мира, д. 1', hasHomeVisits: true },
  { id: 'mo-3', shortName: 'ГП № 3', fullName: 'ГБУЗ «Городская поликлиника № 3»', districtId: 'd-1', address: 'г. Энск, ул. Ленина, д. 10', hasHomeVisits: true },
];

const DAY = [{ from: '08:00', to: '16:00' }];
export const POINTS: VaccinationPoint[] = [
  { id: 'vp-1', name: 'Прививочный пункт ГП № 1', moId: 'mo-1', address: 'г. Энск, ул. Мира, д. 1, каб. 5', hours: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY, 6: [], 7: [] } },
  { id: 'vp-2', name: 'Мобильный пункт', moId: 'mo-3', address: 'г. Энск, пл. Победы' },
];

/** Slots a few days ahead (the form asks from today). */
export function slotsOf(pointId: string, base = new Date()): VaccinationSlot[] {
  const day = (n: number, hhmmUtc: string) => {
    const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + n));
    return `${d.toISOString().slice(0, 10)}T${hhmmUtc}:00Z`;
  };
  const slot = (id: string, n: number, hhmm: string, free: number): VaccinationSlot => ({
    id,
    pointId,
    start: day(n, hhmm),
    end: day(n, hhmm.replace(/:(\d\d)$/, (_m, mm: string) => `:${String(Number(mm) + 15).padStart(2, '0')}`)),
    capacity: 4,
    free,
  });
  return [slot(`${pointId}-a`, 2, '06:00', 3), slot(`${pointId}-b`, 2, '06:30', 1), slot(`${pointId}-c`, 3, '07:00', 4)];
}

export interface FakeVaccinationApi extends VaccinationApi {
  organisations: jest.Mock;
  points: jest.Mock;
  slots: jest.Mock;
  register: jest.Mock;
  outbox: jest.Mock;
}

export function fakeApi(overrides: Partial<Record<keyof VaccinationApi, jest.Mock>> = {}): FakeVaccinationApi {
  return {
    organisations: jest.fn().mockResolvedValue(ORGS),
    points: jest.fn().mockResolvedValue(POINTS),
    slots: jest.fn((pointId: string) => Promise.resolve(slotsOf(pointId))),
    register: jest.fn().mockResolvedValue({ registrationId: 'vac-1', status: 'accepted', smsSent: true }),
    outbox: notQueued(),
    ...overrides,
  };
}

/** A valid SNILS of a synthetic person (checksum holds). */
export const SNILS = '112-233-445 95';
