import { COLUMNS, TABLES, type Locality, type MedicalOrganisation, type OpeningHours, type PatientCard } from '@eer/contract';
import { createWebApiMock } from '../shared/test/contextMock';
import { notQueued } from '../shared/records/testSupport';
import type { InfoApi } from './infoApi';

const C = COLUMNS.infoArticle;

/** The articles of the solution's seed data, shortened. */
export const ARTICLE_ROWS = [
  { [C.name]: 'Симптомы COVID-19 и что делать', [C.topic]: 1, [C.text]: 'При повышении температуры оставайтесь дома и вызовите врача.', [C.minAge]: 0, [C.maxAge]: 150, [C.isActive]: true },
  { [C.name]: 'Лечение COVID-19 на дому', [C.topic]: 1, [C.text]: 'Лечение на дому назначает участковый врач.', [C.minAge]: 0, [C.maxAge]: 150, [C.isActive]: true },
  { [C.name]: 'Профилактический медицинский осмотр', [C.topic]: 7, [C.text]: 'Ежегодно с 18 лет.', [C.minAge]: 18, [C.maxAge]: 150, [C.isActive]: true },
  { [C.name]: 'Диспансеризация с 18 до 39 лет', [C.topic]: 7, [C.text]: 'Раз в три года.', [C.minAge]: 18, [C.maxAge]: 39, [C.isActive]: true },
  { [C.name]: 'Диспансеризация с 40 лет', [C.topic]: 7, [C.text]: 'Ежегодно.', [C.minAge]: 40, [C.maxAge]: 150, [C.isActive]: true },
];

export function articlesWebApi() {
  return createWebApiMock({ tables: { [TABLES.infoArticle]: ARTICLE_ROWS.map((r) => ({ ...r })) } });
}

/** Synthetic patient (not a real person), 76 in 2026. */
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
  address: { text: 'г. Энск, ул. Ленина, д. 5, кв. 12' },
};

export const LOCALITIES: Locality[] = [
  { id: 'loc-1', name: 'Энск', districtId: 'd-1' },
  { id: 'loc-2', name: 'Ёлкино', districtId: 'd-2' },
];

export const ORGS: MedicalOrganisation[] = [
  { id: 'mo-1', shortName: 'ГП № 1', fullName: 'ГБУЗ «Городская поликлиника № 1»', districtId: 'd-1', address: 'г. Энск, ул. Мира, д. 1', hasHomeVisits: true },
  { id: 'mo-3', shortName: 'ГП № 3', fullName: 'ГБУЗ «Городская поликлиника № 3»', districtId: 'd-1', address: 'г. Энск, ул. Ленина, д. 10', phone: '+7 (4812) 55-00-03', hasHomeVisits: true },
  { id: 'mo-7', shortName: 'ЦРБ Ёлкино', fullName: 'ГБУЗ «Ёлкинская ЦРБ»', districtId: 'd-2', address: 'с. Ёлкино, ул. Школьная, д. 2', hasHomeVisits: false },
];

const DAY = [{ from: '08:00', to: '20:00' }];
export const HOURS: OpeningHours = {
  moId: 'mo-3',
  moName: 'ГП № 3',
  address: 'г. Энск, ул. Ленина, д. 10',
  phone: '+7 (4812) 55-00-03',
  hours: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY, 6: [{ from: '09:00', to: '15:00' }], 7: [] },
  homeVisitHours: { 1: [{ from: '08:00', to: '14:00' }], 2: [{ from: '08:00', to: '14:00' }], 3: [], 4: [], 5: [], 6: [], 7: [] },
};

export interface FakeInfoApi extends InfoApi {
  patient: jest.Mock;
  localities: jest.Mock;
  organisations: jest.Mock;
  hours: jest.Mock;
  resolve: jest.Mock;
  createAppeal: jest.Mock;
  outbox: jest.Mock;
}

export function fakeApi(overrides: Partial<Record<keyof InfoApi, jest.Mock>> = {}): FakeInfoApi {
  return {
    patient: jest.fn().mockResolvedValue(CARD),
    localities: jest.fn().mockResolvedValue(LOCALITIES),
    organisations: jest.fn((districtId: string | null) => Promise.resolve(districtId ? ORGS.filter((o) => o.districtId === districtId) : ORGS)),
    hours: jest.fn().mockResolvedValue(HOURS),
    resolve: jest.fn().mockResolvedValue({ moId: 'mo-3', moName: 'ГП № 3', zoneId: 'z-1', zoneName: 'Участок № 1', acceptingNow: true, homeVisitHours: HOURS.homeVisitHours }),
    createAppeal: jest.fn().mockResolvedValue({ appealId: 'ap-vh-1', status: 'accepted' }),
    outbox: notQueued(),
    ...overrides,
  };
}
