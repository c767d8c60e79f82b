/**
 * @jest-environment node
 */
// The form's API adapter against the real local function app and sandbox MIS (jsdom has no fetch; the adapter is
// the same code the browser runs). "Now" for the home-visit hours is the function app's EER_NOW setting.
import { localDate } from '@eer/contract';
import { startStack, type Stack } from '@eer/local';
import { createApiClient } from '../shared/api/client';
import type { ApiError } from '../shared/api/ApiError';
import { homeVisitApi, type HomeVisitApi } from './homeVisitApi';

jest.setTimeout(60_000);

/** The next Tuesday (from tomorrow) at a wall-clock time of the region (UTC+3). */
function tuesdayAt(time: string): string {
  const t = new Date(`${localDate(new Date())}T00:00:00Z`);
  do t.setUTCDate(t.getUTCDate() + 1);
  while (t.getUTCDay() !== 2);
  return `${t.toISOString().slice(0, 10)}T${time}:00+03:00`;
}

describe('homeVisitApi against the local function app', () => {
  let stack: Stack;
  let api: HomeVisitApi;
  const signal = new AbortController().signal;
  beforeAll(async () => {
    stack = await startStack();
    const client = createApiClient({ baseUrl: stack.functionsUrl, lcid: 1049, tokens: { getToken: () => stack.operatorToken('op-hv') } });
    api = homeVisitApi(client);
  });
  afterAll(async () => {
    delete process.env.EER_NOW;
    await stack?.close();
  });

  it('prefills from the card, resolves its address, makes the request and the MO gets the mail', async () => {
    process.env.EER_NOW = tuesdayAt('10:00');
    const card = await api.patient(stack.mis.fixtures.adult.id, signal);
    expect(card.address).toBeDefined();
    const area = await api.resolve({ address: card.address!, patientId: card.misId }, signal);
    expect(area).toMatchObject({ moId: 'mo-01', acceptingNow: true });
    const accepted = await api.create({
      patientId: card.misId,
      address: card.address!,
      phone: '+7 (916) 123-45-67',
      temperature: 37.5,
      complaints: 'Кашель, слабость',
      callId: 'call-hv-stack',
      clientKey: `hv-stack-${Date.now()}`,
    });
    expect(accepted).toMatchObject({ moId: 'mo-01', status: 'delivered', emailSent: true });
    const mail = await stack.mail.waitFor((m) => m.subject?.includes(accepted.requestId) ?? false);
    expect(mail.text).toContain('Температура: 37,5 °C');
  });

  it('outside the hours the resolution says when it opens, and a request is refused with outside_hours', async () => {
    process.env.EER_NOW = tuesdayAt('21:00');
    const card = await api.patient(stack.mis.fixtures.adult.id, signal);
    const area = await api.resolve({ address: card.address! }, signal);
    expect(area.acceptingNow).toBe(false);
    expect(area.nextOpensAt).toMatch(/T08:00:00\+03:00$/);
    const error = (await api
      .create({ patientId: card.misId, address: card.address!, phone: '+79161234567', complaints: 'Кашель', clientKey: `hv-closed-${Date.now()}` })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'outside_hours', status: 422 });
  });

  it('an address no zone serves is not_found', async () => {
    const error = (await api.resolve({ address: { text: 'г. Нигде, ул. Никакая, д. 999' } }, signal).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('not_found');
  });
});
