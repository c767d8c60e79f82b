/**
 * @jest-environment node
 */
// The form's API adapter against the real local function app and sandbox MIS.
import { startStack, type Stack } from '@eer/local';
import { createApiClient } from '../shared/api/client';
import type { ApiError } from '../shared/api/ApiError';
import { appealDelivery, pollOutbox } from '../shared/hooks/useOutboxStatus';
import { appealApi, type AppealApi } from './appealApi';

jest.setTimeout(60_000);

describe('appealApi against the local function app', () => {
  let stack: Stack;
  let api: AppealApi;
  const signal = new AbortController().signal;
  const saved = { ...process.env };
  beforeAll(async () => {
    // Quick outbox retries and worker runs, so a queued appeal is delivered in seconds once the MIS is back.
    Object.assign(process.env, { OUTBOX_RETRY_BASE_MS: '300', OUTBOX_RETRY_MAX_MS: '1000', MIS_BREAKER_HALF_OPEN_MS: '1000', LOCAL_TIMER_INTERVAL_MS: '500' });
    stack = await startStack();
    api = appealApi(createApiClient({ baseUrl: stack.functionsUrl, lcid: 1049, tokens: { getToken: () => stack.operatorToken('op-ap') } }));
  });
  afterAll(async () => {
    await stack?.close();
    process.env = { ...saved };
  });

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

  it('an appeal queued while the MIS is down (202) is followed through GET outbox/{clientKey} until the MIS has it', async () => {
    stack.mis.faults.set({ down: true });
    const clientKey = `ap-queued-${Date.now()}`;
    let accepted;
    try {
      accepted = await api.create({ kind: 'appeal', topic: 'other', moId: 'mo-02', comment: 'Вопрос о работе регистратуры', reviewCertificate: false, clientKey });
    } finally {
      stack.mis.faults.reset();
    }
    expect(accepted).toEqual({ appealId: clientKey, status: 'accepted', queued: true });
    const seen: string[] = [];
    const last = await pollOutbox(api.outbox, clientKey, {
      signal: AbortSignal.timeout(45_000),
      onStatus: (s) => seen.push(appealDelivery(s)!.state),
      delays: [300, 600, 1000],
    });
    const delivery = appealDelivery(last);
    expect(delivery?.state).toBe('accepted');
    expect(delivery?.resultId).toBeTruthy();
    expect(delivery?.resultId).not.toBe(clientKey);
    expect(seen[seen.length - 1]).toBe('accepted');
  });

  it('the outbox of a key nothing was queued under is 404: the poll stops at once', async () => {
    const fetchStatus = jest.fn(api.outbox);
    expect(await pollOutbox(fetchStatus, `never-${Date.now()}`, { signal: AbortSignal.timeout(10_000), onStatus: jest.fn(), delays: [10] })).toBeNull();
    expect(fetchStatus).toHaveBeenCalledTimes(1);
  });
});
