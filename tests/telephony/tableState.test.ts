/**
 * The production state store wired through the function app: TELEPHONY_STATE_STORE=table against an Azurite Table
 * service of its own (TELEPHONY_STORAGE_CONNECTION_STRING wins over the stack's AzureWebJobsStorage). Same behaviour
 * as the in-memory store, but the state lives where every instance sees it.
 */
import { startAzuriteTables, startStack, type AzuriteTables, type Stack } from '@eer/local';
import type { CallNotification, ClaimCallResult } from '@eer/contract';
import { callEvent, connectOperator, operatorFetch, postEvent, type OperatorClient } from './support';

jest.setTimeout(60_000);

describe('telephony state in Azure Table Storage (Azurite) through the local stack', () => {
  let azurite: AzuriteTables;
  let stack: Stack;
  const clients: OperatorClient[] = [];

  beforeAll(async () => {
    azurite = await startAzuriteTables();
    process.env.TELEPHONY_STATE_STORE = 'table';
    process.env.TELEPHONY_STORAGE_CONNECTION_STRING = azurite.connectionString;
    process.env.TELEPHONY_TABLE_PREFIX = `stack${Date.now() % 100000}`;
    stack = await startStack({ log: () => undefined });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    await stack?.close();
    await azurite?.stop();
  });

  it('relays a duplicate once, lets one of 20 claims win and lists waiting calls from the table', async () => {
    const operators = await Promise.all(Array.from({ length: 20 }, async (_, i) => connectOperator(stack.functionsUrl, `tbl-${i}`, await stack.operatorToken(`tbl-${i}`))));
    clients.push(...operators);
    const offer = callEvent('offered');
    const acks = await Promise.all([postEvent(stack.functionsUrl, offer), postEvent(stack.functionsUrl, offer)]);
    expect(acks.map((a) => a.body.duplicate === true).sort()).toEqual([false, true]);
    await Promise.all(operators.map((op) => op.next('callOffered', (n) => n.telephonyCallId === offer.telephonyCallId)));

    const waiting = await operatorFetch(stack.functionsUrl, operators[0]!.token, 'GET', 'calls/waiting');
    expect((waiting.body as CallNotification[]).map((c) => c.telephonyCallId)).toContain(offer.telephonyCallId);

    const claims = await Promise.all(
      operators.map((op) => operatorFetch(stack.functionsUrl, op.token, 'POST', `calls/${offer.telephonyCallId}/claim`, { telephonyCallId: offer.telephonyCallId })),
    );
    const winners = claims.map((c) => c.body as ClaimCallResult).filter((b) => b.claimed);
    expect(winners).toHaveLength(1);
    const losers = operators.filter((op) => op.id !== winners[0]!.operatorId);
    await Promise.all(losers.map((op) => op.next('callTaken', (t) => t.telephonyCallId === offer.telephonyCallId)));
  });
});
