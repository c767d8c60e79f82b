import type { AddressResolution, HomeVisitAccepted, PatientCard, WeeklyHours } from '@eer/contract';
import { notQueued } from '../shared/records/testSupport';
import type { HomeVisitApi } from './homeVisitApi';

const WEEKDAY = [{ from: '08:00', to: '14:00' }];
/** The regional default of the solution's eer_HomeVisitHours. */
export const REGION_HOURS: WeeklyHours = { 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY, 5: WEEKDAY, 6: [{ from: '09:00', to: '12:00' }], 7: [] };
const LONG = [{ from: '08:00', to: '20:00' }];
export const MO_HOURS: WeeklyHours = { 1: LONG, 2: LONG, 3: LONG, 4: LONG, 5: LONG, 6: [], 7: [] };

/** Synthetic patient (not a real person). */
export const CARD: PatientCard = {
  misId: 'p-1',
  lastName: 'Иванов',
  firstName: 'Иван',
  fullName: 'Иванов Иван Иванович',
  birthDate: '1950-02-01',
  age: 76,
  phone: '+79161234567',
  smsConsent: true,
  attachment: null,
  address: { text: 'г. Энск, ул. Ленина, д. 5, кв. 12', locality: 'Энск', street: 'ул. Ленина', house: '5', apartment: '12' },
};

export const RESOLVED: AddressResolution = {
  moId: 'mo-3',
  moName: 'ГП № 3',
  zoneId: 'z-12',
  zoneName: 'Участок № 12',
  acceptingNow: true,
  homeVisitHours: MO_HOURS,
};

export interface FakeHomeVisitApi extends HomeVisitApi {
  resolve: jest.Mock;
  create: jest.Mock;
  patient: jest.Mock;
  outbox: jest.Mock;
}

export function fakeApi(overrides: Partial<Record<keyof HomeVisitApi, jest.Mock>> = {}): FakeHomeVisitApi {
  const accepted: HomeVisitAccepted = { requestId: 'hv-1', moId: 'mo-3', moName: 'ГП № 3', status: 'delivered', emailSent: true };
  return {
    resolve: jest.fn().mockResolvedValue(RESOLVED),
    create: jest.fn().mockResolvedValue(accepted),
    patient: jest.fn().mockResolvedValue(CARD),
    outbox: notQueued(),
    ...overrides,
  };
}
