import type { Doctor, PatientCard, Slot, Specialty } from '@eer/contract';
import type { MisPort } from '../mis/MisPort';
import { searchFreeTime } from './slotSearch';
import { districtSpecialtyOf, doctorsFor, specialtiesFor } from './specialties';

/** A MisPort with only the reads these functions use, recording each call (a round trip in a real adapter). */
function fakeMis(data: { doctors?: Doctor[]; specialties?: Specialty[]; slots?: Slot[] }) {
  const calls: string[] = [];
  const mis = {
    findDoctors: async (filter: { moId?: string; specialtyCode?: string; zoneId?: string }) => {
      calls.push(`findDoctors ${JSON.stringify(filter)}`);
      return (data.doctors ?? []).filter(
        (d) =>
          (!filter.moId || d.moId === filter.moId) &&
          (!filter.specialtyCode || d.specialtyCode === filter.specialtyCode) &&
          (!filter.zoneId || d.zoneIds?.includes(filter.zoneId)),
      );
    },
    listSpecialties: async () => {
      calls.push('listSpecialties');
      return data.specialties ?? [];
    },
    findFreeSlots: async (ids: string[], fromIso: string, toIso: string) => {
      calls.push(`findFreeSlots ${fromIso}..${toIso}`);
      return (data.slots ?? []).filter((s) => ids.includes(s.doctorId) && s.start >= fromIso && s.start < toIso);
    },
  } as unknown as MisPort;
  return { mis, calls };
}

const card = (age: number, attachment: PatientCard['attachment']): PatientCard => ({
  misId: 'P1',
  lastName: 'Тестов',
  firstName: 'Тест',
  fullName: 'Тестов Тест',
  birthDate: '2000-01-01',
  age,
  smsConsent: false,
  attachment,
});
const doctor = (id: string, specialtyCode: string, zoneIds?: string[]): Doctor => ({ id, fullName: `Врач ${id}`, specialtyCode, specialtyName: specialtyCode, moId: 'MO1', zoneIds });

describe('district specialty', () => {
  it('pediatrician under 18, therapist from 18, general practitioner in a ВОП zone', async () => {
    const { mis } = fakeMis({});
    const attached = { moId: 'MO1', moName: 'ГП', zoneId: 'Z1' };
    expect((await districtSpecialtyOf(mis, card(17, { ...attached, areaType: 'pediatric' }))).code).toBe('pediatrician');
    expect((await districtSpecialtyOf(mis, card(18, { ...attached, areaType: 'therapeutic' }))).code).toBe('therapist');
    expect((await districtSpecialtyOf(mis, card(40, { ...attached, areaType: 'general_practice' }))).code).toBe('general_practitioner');
    expect((await districtSpecialtyOf(mis, card(40, null))).code).toBe('therapist');
  });

  it('without a zone type, asks the MIS whether a general practitioner serves the zone', async () => {
    const { mis, calls } = fakeMis({ doctors: [doctor('GP1', 'general_practitioner', ['Z1'])] });
    expect((await districtSpecialtyOf(mis, card(40, { moId: 'MO1', moName: 'ГП', zoneId: 'Z1' }))).code).toBe('general_practitioner');
    expect(calls).toEqual(['findDoctors {"moId":"MO1","zoneId":"Z1","specialtyCode":"general_practitioner"}']);
  });
});

describe('specialty list', () => {
  const offered: Specialty[] = [
    { code: 'therapist', name: 'терапевт участковый', kind: 'district' },
    { code: 'pediatrician', name: 'педиатр участковый', kind: 'district' },
    { code: 'surgeon', name: 'хирург (МИС)', kind: 'narrow' },
    { code: 'dentist', name: 'стоматолог', kind: 'narrow' },
    { code: 'cardiologist', name: 'кардиолог', kind: 'narrow' },
  ];

  it('with a patient: their district one, then the configured narrow ones the MO has, in the configured order', async () => {
    const { mis } = fakeMis({ specialties: offered });
    const list = await specialtiesFor(mis, {}, card(30, { moId: 'MO1', moName: 'ГП', zoneId: 'Z1', areaType: 'therapeutic' }), ['dentist', 'surgeon', 'neurologist']);
    expect(list.map((s) => `${s.kind}:${s.code}:${s.name}`)).toEqual(['district:therapist:терапевт участковый', 'narrow:dentist:стоматолог', 'narrow:surgeon:хирург (МИС)']);
  });

  it('without a patient: every district specialty the MO has; a configured code like cardiologist is offered too', async () => {
    const { mis } = fakeMis({ specialties: offered });
    const list = await specialtiesFor(mis, { moId: 'MO1' }, undefined, ['cardiologist']);
    expect(list.map((s) => s.code)).toEqual(['therapist', 'pediatrician', 'cardiologist']);
    expect((await specialtiesFor(mis, { kind: 'narrow' }, undefined, ['cardiologist'])).map((s) => s.code)).toEqual(['cardiologist']);
  });
});

describe('doctors and free time', () => {
  const z1 = doctor('T1', 'therapist', ['Z1']);
  const z2 = doctor('T2', 'therapist', ['Z2']);
  const patient = card(30, { moId: 'MO1', moName: 'ГП', zoneId: 'Z1', areaType: 'therapeutic' });

  it('the district doctor of the patient’s zone, the MO’s when the zone has none', async () => {
    expect((await doctorsFor(fakeMis({ doctors: [z1, z2] }).mis, { specialtyCode: 'therapist' }, patient)).map((d) => d.id)).toEqual(['T1']);
    expect((await doctorsFor(fakeMis({ doctors: [z2] }).mis, { specialtyCode: 'therapist' }, patient)).map((d) => d.id)).toEqual(['T2']);
  });

  it('searches a specialty in two MIS reads, and goes on to the nearest days in one more when the period is empty', async () => {
    const slot: Slot = { id: 'S1', doctorId: 'T1', start: '2026-05-20T09:00:00+03:00', end: '2026-05-20T09:15:00+03:00', status: 'free' };
    const { mis, calls } = fakeMis({ doctors: [z1], slots: [slot] });
    const options = { now: new Date('2026-05-10T00:00:00Z'), nearestDays: 14 };
    const query = { specialtyCode: 'therapist', moId: 'MO1', from: '2026-05-11', to: '2026-05-12', nearest: true };
    const result = await searchFreeTime(mis, query, undefined, options);
    expect(result).toEqual({ doctors: [z1], days: [{ date: '2026-05-20', freeCount: 1, slots: [slot] }], extendedTo: '2026-05-26' });
    expect(calls).toEqual([
      'findDoctors {"moId":"MO1","specialtyCode":"therapist"}',
      'findFreeSlots 2026-05-11T00:00:00+03:00..2026-05-13T00:00:00+03:00',
      'findFreeSlots 2026-05-13T00:00:00+03:00..2026-05-27T00:00:00+03:00',
    ]);
    const strict = await searchFreeTime(mis, { ...query, nearest: false }, undefined, options);
    expect(strict).toEqual({ doctors: [z1], days: [] });
  });
});
