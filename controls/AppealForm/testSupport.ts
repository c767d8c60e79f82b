import type { AppealAccepted, MedicalOrganisation, Ticket } from '@eer/contract';
import { notQueued } from '../shared/records/testSupport';
import type { AppealApi } from './appealApi';

export const ORGS: MedicalOrganisation[] = [
  { id: 'mo-1', shortName: 'ГП № 1', fullName: 'ГБУЗ «Городская поликлиника № 1»', districtId: 'd-1', address: 'г. Энск, ул. Мира, д. 1', hasHomeVisits: true },
  { id: 'mo-3', shortName: 'ГП № 3', fullName: 'ГБУЗ «Городская поликлиника № 3»', districtId: 'd-1', address: 'г. Энск, ул. Ленина, д. 10', hasHomeVisits: true },
  { id: 'mo-7', shortName: 'ЦРБ Ёлкино', fullName: 'ГБУЗ «Ёлкинская центральная районная больница»', districtId: 'd-2', address: 'с. Ёлкино, ул. Школьная, д. 2', hasHomeVisits: false },
];

export const TICKET: Ticket = {
  id: 't-9',
  patientId: 'p-1',
  slotId: 's-9',
  doctorId: 'd-9',
  doctorName: 'Петров П. П.',
  specialtyName: 'невролог',
  moId: 'mo-3',
  moName: 'ГП № 3',
  start: '2026-11-12T06:30:00Z',
  end: '2026-11-12T06:45:00Z',
  status: 'visited',
  source: 'call_centre',
};

export interface FakeAppealApi extends AppealApi {
  organisations: jest.Mock;
  tickets: jest.Mock;
  create: jest.Mock;
  outbox: jest.Mock;
}

export function fakeApi(overrides: Partial<Record<keyof AppealApi, jest.Mock>> = {}): FakeAppealApi {
  const accepted: AppealAccepted = { appealId: 'ap-1', status: 'accepted' };
  return {
    organisations: jest.fn().mockResolvedValue(ORGS),
    tickets: jest.fn().mockResolvedValue([TICKET]),
    create: jest.fn().mockResolvedValue(accepted),
    outbox: notQueued(),
    ...overrides,
  };
}
