/**
 * Pre-identification against the sandbox MIS: an offered call from a fixture patient's phone carries that patient,
 * and a slow MIS does not hold the popup back beyond the budget.
 */
import { FIXTURE_PATIENTS, startStack, type SandboxMis, type Stack } from '@eer/local';
import { callEvent, connectOperator, postEvent, type OperatorClient } from './support';

jest.setTimeout(120_000);

describe('pre-identification of the caller (sandbox MIS)', () => {
  let mis: SandboxMis;
  let stack: Stack;
  let op: OperatorClient;

  beforeAll(async () => {
    process.env.TELEPHONY_PREIDENTIFY_BUDGET_MS = '800';
    stack = await startStack({ log: () => undefined });
    mis = stack.mis;
    op = await connectOperator(stack.functionsUrl, 'op-preid', await stack.operatorToken('op-preid'));
  });
  afterAll(async () => {
    await op?.stop();
    await stack?.close();
  });

  it('sends the patients registered under the caller number with the offer', async () => {
    const adult = FIXTURE_PATIENTS.adult;
    const single = callEvent('offered', { operatorId: op.id, callerNumber: adult.phone });
    expect((await postEvent(stack.functionsUrl, single)).status).toBe(200);
    const notification = await op.next('callOffered', (n) => n.telephonyCallId === single.telephonyCallId);
    expect(notification.candidates.map((c) => c.misId)).toContain(adult.id);
    expect(notification.candidates.find((c) => c.misId === adult.id)).toMatchObject({ birthDate: adult.birthDate, snils: adult.snils });

    // Mother and son share a phone: both are candidates.
    const family = callEvent('offered', { operatorId: op.id, callerNumber: FIXTURE_PATIENTS.familyMother.phone });
    await postEvent(stack.functionsUrl, family);
    const both = await op.next('callOffered', (n) => n.telephonyCallId === family.telephonyCallId);
    expect(both.candidates.map((c) => c.misId).sort()).toEqual([FIXTURE_PATIENTS.familyMother.id, FIXTURE_PATIENTS.familySon.id].sort());

    // A number the MIS does not know, and a withheld one: offered with no candidates.
    const unknown = callEvent('offered', { operatorId: op.id, callerNumber: '+79990000000' });
    const withheld = callEvent('offered', { operatorId: op.id, callerNumber: null });
    await Promise.all([postEvent(stack.functionsUrl, unknown), postEvent(stack.functionsUrl, withheld)]);
    expect((await op.next('callOffered', (n) => n.telephonyCallId === unknown.telephonyCallId)).candidates).toEqual([]);
    expect((await op.next('callOffered', (n) => n.telephonyCallId === withheld.telephonyCallId)).candidates).toEqual([]);
  });

  it('does not hold the popup back for a slow or failing MIS: the call goes out without candidates within the budget', async () => {
    mis.faults.set({ delayMs: 5000 });
    const slow = callEvent('offered', { operatorId: op.id, callerNumber: FIXTURE_PATIENTS.adult.phone });
    const started = Date.now();
    await postEvent(stack.functionsUrl, slow);
    const notification = await op.next('callOffered', (n) => n.telephonyCallId === slow.telephonyCallId);
    const elapsed = Date.now() - started;
    // Empty: the MIS answer (5 s) was not waited for; the budget was.
    expect(notification.candidates).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(4000);

    mis.faults.set({ delayMs: 0, down: true });
    const down = callEvent('offered', { operatorId: op.id, callerNumber: FIXTURE_PATIENTS.adult.phone });
    const downStarted = Date.now();
    await postEvent(stack.functionsUrl, down);
    expect((await op.next('callOffered', (n) => n.telephonyCallId === down.telephonyCallId)).candidates).toEqual([]);
    expect(Date.now() - downStarted).toBeLessThan(4000);
    mis.faults.reset();
  });
});
