import type { PatientSummary } from '@eer/contract';
import { preIdentify, type PhoneLookup } from './preIdentify';

const patient: PatientSummary = { misId: 'p-1', fullName: 'Тестова Анна Петровна', birthDate: '1950-02-03', age: 75 };
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('preIdentify', () => {
  it('returns what the MIS finds for the number, at most 5', async () => {
    const calls: Array<[string, number]> = [];
    const mis: PhoneLookup = { findPatientsByPhone: async (phone, limit) => {
        calls.push([phone, limit]);
        return Array<PatientSummary>(7).fill(patient);
      },
    };
    const result = await preIdentify(mis, '+79161234567', 800);
    expect(result.outcome).toBe('found');
    expect(result.candidates).toHaveLength(5);
    expect(calls).toEqual([['+79161234567', 5]]);
  });

  it('gives up at the budget on a slow MIS and swallows its late failure', async () => {
    const mis: PhoneLookup = { findPatientsByPhone: () => after(400, []).then(() => Promise.reject(new Error('late'))) };
    const started = Date.now();
    const result = await preIdentify(mis, '+79161234567', 150);
    expect(Date.now() - started).toBeLessThan(500);
    expect(result).toEqual({ candidates: [], outcome: 'timeout' });
  });

  it('sends no candidates when the MIS fails, the number is withheld or no MIS is configured', async () => {
    const failing: PhoneLookup = { findPatientsByPhone: () => Promise.reject(new Error('down')) };
    expect(await preIdentify(failing, '+79161234567', 800)).toEqual({ candidates: [], outcome: 'failed' });
    expect(await preIdentify(failing, null, 800)).toEqual({ candidates: [], outcome: 'no_number' });
    expect(await preIdentify(undefined, '+79161234567', 800)).toEqual({ candidates: [], outcome: 'no_mis' });
  });
});
