import type { PatientCard, PatientSummary } from '@eer/contract';

/** Synthetic patients for the tests (valid SNILS and ЕНП check digits, not real people). */
export const IVANOV: PatientSummary = {
  misId: 'p-1',
  fullName: 'Иванов Иван Иванович',
  birthDate: '1980-02-01',
  age: 46,
  snils: '11223344595',
  attachmentMoName: 'ГП № 3',
};
export const IVANOVA: PatientSummary = {
  misId: 'p-2',
  fullName: 'Иванова Мария Петровна',
  birthDate: '2015-06-30',
  age: 11,
  policy: '7700000000000010',
  attachmentMoName: 'ДГП № 1',
};

export const IVANOV_CARD: PatientCard = {
  misId: 'p-1',
  lastName: 'Иванов',
  firstName: 'Иван',
  middleName: 'Иванович',
  fullName: 'Иванов Иван Иванович',
  birthDate: '1980-02-01',
  age: 46,
  sex: 'male',
  phone: '+74951234567',
  smsConsent: false,
  attachment: { moId: 'mo-3', moName: 'ГБУЗ «Городская поликлиника № 3»', zoneId: 'z-12', zoneName: 'Терапевтический участок № 12', areaType: 'therapeutic' },
  policy: '7700000000000010',
  snils: '11223344595',
  passport: '4506123456',
  address: { text: 'г. Москва, ул. Ленина, д. 1, кв. 2' },
};
