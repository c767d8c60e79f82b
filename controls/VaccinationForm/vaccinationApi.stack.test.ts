/**
 * @jest-environment node
 */
// The form's API adapter against the real local function app and sandbox MIS, the SMS read back from the sink.
import { localDate, snilsCheckDigits } from '@eer/contract';
import { startStack, type Stack } from '@eer/local';
import { createApiClient } from '../shared/api/client';
import type { ApiError } from '../shared/api/ApiError';
import { vaccinationApi, type VaccinationApi } from './vaccinationApi';
import { slotDays } from './useVaccinationForm';

jest.setTimeout(60_000);

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

describe('vaccinationApi against the local function app', () => {
  let stack: Stack;
  let api: VaccinationApi;
  const signal = new AbortController().signal;
  beforeAll(async () => {
    stack = await startStack();
    api = vaccinationApi(createApiClient({ baseUrl: stack.functionsUrl, lcid: 1049, tokens: { getToken: () => stack.operatorToken('op-vac') } }));
  });
  afterAll(() => stack?.close());

  it('lists points and their free time by day, books a worker and confirms by SMS; the slot then counts one place less', async () => {
    const [points, orgs] = await Promise.all([api.points(signal), api.organisations(signal)]);
    expect(points.length).toBeGreaterThan(0);
    const point = points[0]!;
    const from = localDate(new Date());
    const slots = await api.slots(point.id, from, addDays(from, 13), signal);
    const days = slotDays(slots);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d.slots.every((s) => localDate(new Date(s.start)) === d.date))).toBe(true);
    const slot = days[0]!.slots[0]!;
    const snils9 = '170234562';
    const accepted = await api.register({
      lastName: 'Сидоренко',
      firstName: 'Анна',
      birthDate: '1985-03-12',
      snils: `${snils9}${snilsCheckDigits(snils9)}`,
      phone: '+79161230001',
      employerMoId: orgs[0]!.id,
      position: 'Медицинская сестра',
      dose: 1,
      pointId: point.id,
      slotId: slot.id,
      clientKey: `vac-stack-${Date.now()}`,
    });
    expect(accepted).toMatchObject({ status: 'accepted', smsSent: true });
    const sms = await stack.sms.waitFor((m) => m.to === '+79161230001');
    expect(sms.text).toBeTruthy();
    const after = await api.slots(point.id, from, addDays(from, 13), signal);
    const same = after.find((s) => s.id === slot.id);
    expect(same === undefined || same.free === slot.free - 1).toBe(true);
  });

  it('a bad SNILS checksum is refused naming the field', async () => {
    const points = await api.points(signal);
    const error = (await api
      .register({
        lastName: 'Сидоренко',
        firstName: 'Анна',
        birthDate: '1985-03-12',
        snils: '11223344500',
        phone: '+79161230002',
        employerMoId: 'mo-01',
        position: 'Врач',
        dose: 1,
        pointId: points[0]!.id,
        slotId: 'x',
        clientKey: `vac-bad-${Date.now()}`,
      })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'validation_failed', field: 'snils' });
  });
});
