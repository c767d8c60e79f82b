/**
 * @jest-environment node
 */
// The form's API adapter against the real local function app and sandbox MIS.
import { startStack, type Stack } from '@eer/local';
import { createApiClient } from '../shared/api/client';
import type { ApiError } from '../shared/api/ApiError';
import { appealApi, type AppealApi } from './appealApi';

jest.setTimeout(60_000);

describe('appealApi against the local function app', () => {
  let stack: Stack;
  let api: AppealApi;
  const signal = new AbortController().signal;
  beforeAll(async () => {
    stack = await startStack();
    api = appealApi(createApiClient({ baseUrl: stack.functionsUrl, lcid: 1049, tokens: { getToken: () => stack.operatorToken('op-ap') } }));
  });
  afterAll(() => stack?.close());

  it('lists the region organisations for the search', async () => {
    const orgs = await api.organisations(signal);
    expect(orgs.length).toBeGreaterThan(3);
    expect(orgs.find((o) => o.id === 'mo-01')?.shortName).toBe('ГП № 1');
  });

  it('finds the ticket of a complaint among the patient past tickets and registers the complaint', async () => {
    const patient = stack.mis.fixtures.withTicket.id;
    const tickets = await api.tickets(patient, '2000-01-01', signal);
    const ticket = tickets.find((t) => t.id === stack.mis.fixtureTicketId);
    expect(ticket).toBeDefined();
    const accepted = await api.create({
      kind: 'complaint',
      topic: 'complaint_about_visit',
      moId: ticket!.moId,
      comment: 'Врач опоздал на час',
      reviewCertificate: false,
      ticketId: ticket!.id,
      patientId: patient,
      clientKey: `ap-stack-${Date.now()}`,
    });
    expect(accepted.status).toBe('accepted');
    expect(accepted.appealId).toBeTruthy();
  });

  it('a volunteer-help request is an appeal with its own topic', async () => {
    const accepted = await api.create({ kind: 'appeal', topic: 'volunteer_help', moId: 'mo-01', comment: 'Доставка лекарств', reviewCertificate: false, clientKey: `vh-${Date.now()}` });
    expect(accepted.status).toBe('accepted');
  });

  it('a complaint about a visit without its ticket is refused naming the field', async () => {
    const error = (await api
      .create({ kind: 'complaint', topic: 'complaint_about_visit', moId: 'mo-01', comment: 'x', reviewCertificate: false, clientKey: `ap-bad-${Date.now()}` })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'validation_failed', field: 'ticketId' });
  });
});
