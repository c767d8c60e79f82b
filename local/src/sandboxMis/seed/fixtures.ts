/**
 * Well-known patients of the sandbox MIS, the same with every seed: tests and the operator desk rely on them.
 * Every SNILS and ЕНП here is valid (checked by a test). Surnames are not in the random name list, so a search by
 * these names finds only fixtures.
 */
import type { AreaType, OldPolicy, Sex } from '@eer/contract';

export interface FixturePatient {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string;
  sex: Sex;
  birthDate: string;
  snils: string;
  /** ЕНП (16 digits) or an old policy. */
  policy: string | OldPolicy;
  passport?: string;
  phone: string;
  smsConsent: boolean;
  /** Attached MO and zone; null: attached nowhere. */
  attachment: { moId: string; zoneId: string; areaType: AreaType } | null;
  /** The zone whose building the patient lives in. */
  homeZoneId: string;
}

export const FIXTURE_PATIENTS = {
  adult: {
    id: 'pat-fx-adult', lastName: 'Вересаев', firstName: 'Глеб', middleName: 'Аркадьевич', sex: 'male', birthDate: '1980-05-15',
    snils: '11223344595', policy: '7788899730000765', passport: '4506123456', phone: '+79161234567', smsConsent: true,
    attachment: { moId: 'mo-01', zoneId: 'zone-01-1', areaType: 'therapeutic' }, homeZoneId: 'zone-01-1',
  },
  child: {
    id: 'pat-fx-child', lastName: 'Ладыгина', firstName: 'Алиса', middleName: 'Олеговна', sex: 'female', birthDate: '2018-03-10',
    snils: '23456789100', policy: '5494499745000410', phone: '+79031112233', smsConsent: true,
    attachment: { moId: 'mo-01', zoneId: 'zone-01-1', areaType: 'pediatric' }, homeZoneId: 'zone-01-1',
  },
  oldPolicy: {
    id: 'pat-fx-old-policy', lastName: 'Черкасов', firstName: 'Пётр', middleName: 'Николаевич', sex: 'male', birthDate: '1950-11-02',
    snils: '34567891226', policy: { series: 'ТОМ', number: '123456789' }, passport: '6902654321', phone: '+73822123456', smsConsent: false,
    attachment: { moId: 'mo-05', zoneId: 'zone-05-1', areaType: 'therapeutic' }, homeZoneId: 'zone-05-1',
  },
  /** Mother and son share one phone: a search by that phone finds both. */
  familyMother: {
    id: 'pat-fx-family-1', lastName: 'Ермолаева', firstName: 'Ольга', middleName: 'Викторовна', sex: 'female', birthDate: '1985-09-20',
    snils: '45678912344', policy: '7700000000000123', passport: '6905111222', phone: '+79995550011', smsConsent: true,
    attachment: { moId: 'mo-02', zoneId: 'zone-02-1', areaType: 'therapeutic' }, homeZoneId: 'zone-02-1',
  },
  familySon: {
    id: 'pat-fx-family-2', lastName: 'Ермолаев', firstName: 'Максим', middleName: 'Игоревич', sex: 'male', birthDate: '2012-01-30',
    snils: '56789123453', policy: '7700000000000230', phone: '+79995550011', smsConsent: false,
    attachment: { moId: 'mo-02', zoneId: 'zone-02-1', areaType: 'pediatric' }, homeZoneId: 'zone-02-1',
  },
  /** Has one booked ticket (`FIXTURE_TICKET_ID`) with his district therapist on the next working day. */
  withTicket: {
    id: 'pat-fx-with-ticket', lastName: 'Шубин', firstName: 'Алексей', middleName: 'Петрович', sex: 'male', birthDate: '1975-07-07',
    snils: '67891234553', policy: '7700000000000347', passport: '6903777888', phone: '+79161110001', smsConsent: true,
    attachment: { moId: 'mo-01', zoneId: 'zone-01-2', areaType: 'therapeutic' }, homeZoneId: 'zone-01-2',
  },
  /** Same full name as `withTicket`, another birth date and MO. */
  namesake: {
    id: 'pat-fx-namesake', lastName: 'Шубин', firstName: 'Алексей', middleName: 'Петрович', sex: 'male', birthDate: '1990-02-14',
    snils: '78912345644', policy: '7700000000000453', passport: '6910222333', phone: '+79161110002', smsConsent: false,
    attachment: { moId: 'mo-03', zoneId: 'zone-03-1', areaType: 'therapeutic' }, homeZoneId: 'zone-03-1',
  },
  unattached: {
    id: 'pat-fx-unattached', lastName: 'Голованова', firstName: 'Вера', middleName: 'Павловна', sex: 'female', birthDate: '1962-12-01',
    snils: '89123456726', policy: '7700000000000560', passport: '6907444555', phone: '+79161110003', smsConsent: true,
    attachment: null, homeZoneId: 'zone-06-1',
  },
} as const satisfies Record<string, FixturePatient>;

export const FIXTURE_TICKET_ID = 'appt-fx-1';
