/**
 * @jest-environment node
 */
// The information topics' API adapter against the real local function app and sandbox MIS.
import { startStack, type Stack } from '@eer/local';
import { createApiClient } from '../shared/api/client';
import { infoApi, type InfoApi } from './infoApi';
import { volunteerComment } from './useVolunteerForm';

jest.setTimeout(60_000);

describe('infoApi against the local function app', () => {
  let stack: Stack;
  let api: InfoApi;
  const signal = new AbortController().signal;
  beforeAll(async () => {
    stack = await startStack();
    api = infoApi(createApiClient({ baseUrl: stack.functionsUrl, lcid: 1049, tokens: { getToken: () => stack.operatorToken('op-info') } }));
  });
  afterAll(() => stack?.close());

  it('topic 6: a locality leads to the organisations of its district and their week of hours', async () => {
    const localities = await api.localities(signal);
    const withDistrict = localities.find((l) => l.districtId);
    expect(withDistrict).toBeDefined();
    const orgs = await api.organisations(withDistrict!.districtId!, signal);
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.every((o) => o.districtId === withDistrict!.districtId)).toBe(true);
    const all = await api.organisations(null, signal);
    expect(all.length).toBeGreaterThan(orgs.length);
    const hours = await api.hours(orgs[0]!.id, signal);
    expect(hours.moId).toBe(orgs[0]!.id);
    expect(Object.keys(hours.hours)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('topic 2: a volunteer request goes to the MO serving the patient address as a volunteer_help appeal', async () => {
    const card = await api.patient(stack.mis.fixtures.adult.id, signal);
    const area = await api.resolve({ address: card.address! }, signal);
    const comment = volunteerComment({ name: card.fullName, address: card.address!, phone: '+79161234567', help: 'Доставка лекарств' });
    const accepted = await api.createAppeal({
      kind: 'appeal',
      topic: 'volunteer_help',
      moId: area.moId,
      address: card.address!,
      comment,
      reviewCertificate: false,
      patientId: card.misId,
      clientKey: `vh-stack-${Date.now()}`,
    });
    expect(accepted.status).toBe('accepted');
  });
});
