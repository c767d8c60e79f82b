/**
 * Calls reach operators through the real path: signed webhook → local function host → relay over the Azure SignalR
 * REST API → local SignalR service → the real @microsoft/signalr client that negotiated through the function app.
 */
import { startStack, type Stack } from '@eer/local';
import type { CallNotification, ClaimCallResult, NegotiateResponse } from '@eer/contract';
import { callEvent, connectOperator, operatorFetch, postEvent, sleep, type OperatorClient } from './support';

const CALLER = '+79161234567';

jest.setTimeout(60_000);

describe('telephony relay through the local stack', () => {
  let stack: Stack;
  const logs: string[] = [];
  const clients: OperatorClient[] = [];

  const connect = async (id: string, options?: Parameters<typeof connectOperator>[3]) => {
    const client = await connectOperator(stack.functionsUrl, id, await stack.operatorToken(id), options);
    clients.push(client);
    return client;
  };
  const post = (event: unknown, options?: Parameters<typeof postEvent>[2]) => postEvent(stack.functionsUrl, event, options);

  beforeAll(async () => {
    stack = await startStack({ log: (line) => logs.push(line) });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    await stack?.close();
  });

  it('negotiate answers the Azure SignalR redirect for an operator and refuses anyone else', async () => {
    const token = await stack.operatorToken('op-neg');
    const ok = await operatorFetch(stack.functionsUrl, token, 'POST', 'negotiate');
    expect(ok.status).toBe(200);
    expect((ok.body as NegotiateResponse).url).toBe(`${stack.signalr.endpoint}/client/?hub=eer122`);
    const anonymous = await fetch(`${stack.functionsUrl}/negotiate`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });

  it('with 50 operators connected, each targeted offer reaches only its operator; group offers reach only available operators', async () => {
    const operators = await Promise.all(Array.from({ length: 50 }, (_, i) => connect(`op-${String(i).padStart(2, '0')}`)));
    expect(stack.signalr.connectionCount()).toBeGreaterThanOrEqual(50);

    // One targeted offer per operator, all at once.
    const offers = operators.map((op) => callEvent('offered', { operatorId: op.id }));
    const acks = await Promise.all(offers.map((e) => post(e)));
    expect(acks.every((a) => a.status === 200 && a.body.accepted === true)).toBe(true);
    await Promise.all(operators.map((op, i) => op.next('callOffered', (n) => n.telephonyCallId === offers[i]!.telephonyCallId)));

    // Ten operators answer their call: they are busy and leave the available group.
    const busy = operators.slice(0, 10);
    for (const [i, op] of busy.entries()) {
      expect((await post(callEvent('answered', { telephonyCallId: offers[i]!.telephonyCallId, operatorId: op.id }))).status).toBe(200);
      await op.next('callTaken', (t) => t.telephonyCallId === offers[i]!.telephonyCallId);
    }

    const group = callEvent('offered', { callerNumber: CALLER });
    expect((await post(group)).status).toBe(200);
    const available = operators.slice(10);
    const notifications = await Promise.all(available.map((op) => op.next('callOffered', (n) => n.telephonyCallId === group.telephonyCallId)));
    expect(notifications.every((n) => n.claimable && n.operatorId === undefined && n.callerNumber === CALLER)).toBe(true);
    await sleep(300);

    for (const [i, op] of operators.entries()) {
      const ids = op.received.callOffered.map((n) => n.telephonyCallId);
      const expected = i < 10 ? [offers[i]!.telephonyCallId] : [offers[i]!.telephonyCallId, group.telephonyCallId];
      expect([op.id, ids]).toEqual([op.id, expected]);
      expect(op.invalid).toEqual([]);
    }
    // Their calls end: the ten are available again and see the next group offer.
    for (const [i, op] of busy.entries()) {
      await post(callEvent('ended', { telephonyCallId: offers[i]!.telephonyCallId, operatorId: op.id, reason: 'caller_hung_up' }));
      await op.next('callEnded', (e) => e.telephonyCallId === offers[i]!.telephonyCallId);
    }
    const second = callEvent('offered');
    await post(second);
    await Promise.all(operators.map((op) => op.next('callOffered', (n) => n.telephonyCallId === second.telephonyCallId)));
    // A clean end for the group calls so later tests start with no waiting calls.
    await post(callEvent('abandoned', { telephonyCallId: group.telephonyCallId }));
    await post(callEvent('abandoned', { telephonyCallId: second.telephonyCallId }));
    await Promise.all(operators.map((op) => op.stop()));
  });

  it('20 operators claim a group call at once: exactly one wins, the others are told who and get callTaken', async () => {
    const operators = await Promise.all(Array.from({ length: 20 }, (_, i) => connect(`race-${i}`)));
    const offer = callEvent('offered');
    await post(offer);
    await Promise.all(operators.map((op) => op.next('callOffered', (n) => n.telephonyCallId === offer.telephonyCallId)));

    const results = await Promise.all(
      operators.map((op) => operatorFetch(stack.functionsUrl, op.token, 'POST', `calls/${offer.telephonyCallId}/claim`, { telephonyCallId: offer.telephonyCallId })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const bodies = results.map((r) => r.body as ClaimCallResult);
    const winners = bodies.filter((b) => b.claimed);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.operatorId;
    expect(bodies.every((b) => b.operatorId === winner)).toBe(true);

    const losers = operators.filter((op) => op.id !== winner);
    const taken = await Promise.all(losers.map((op) => op.next('callTaken', (t) => t.telephonyCallId === offer.telephonyCallId)));
    expect(taken.every((t) => t.operatorId === winner)).toBe(true);

    // The winner holds the call: a retry is still theirs, and group offers skip them until it ends.
    const retry = await operatorFetch(stack.functionsUrl, operators.find((o) => o.id === winner)!.token, 'POST', `calls/${offer.telephonyCallId}/claim`, { telephonyCallId: offer.telephonyCallId });
    expect(retry.body).toEqual({ claimed: true, operatorId: winner });
    const next = callEvent('offered');
    await post(next);
    await Promise.all(losers.map((op) => op.next('callOffered', (n) => n.telephonyCallId === next.telephonyCallId)));
    await sleep(200);
    expect(operators.find((o) => o.id === winner)!.received.callOffered.map((n) => n.telephonyCallId)).toEqual([offer.telephonyCallId]);

    await post(callEvent('abandoned', { telephonyCallId: next.telephonyCallId }));
    await post(callEvent('ended', { telephonyCallId: offer.telephonyCallId, operatorId: winner }));
    await Promise.all(operators.map((op) => op.stop()));
  });

  it('claims: 404 for an unknown call, 400 naming the field when route and body disagree, 401 without a token', async () => {
    const token = await stack.operatorToken('op-claim');
    const unknown = await operatorFetch(stack.functionsUrl, token, 'POST', 'calls/no-such-call/claim', { telephonyCallId: 'no-such-call' });
    expect([unknown.status, (unknown.body as { code: string }).code]).toEqual([404, 'not_found']);
    const mismatch = await operatorFetch(stack.functionsUrl, token, 'POST', 'calls/a-1/claim', { telephonyCallId: 'b-2' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ code: 'validation_failed', field: 'telephonyCallId' });
    const anonymous = await fetch(`${stack.functionsUrl}/calls/a-1/claim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"telephonyCallId":"a-1"}' });
    expect(anonymous.status).toBe(401);
  });

  it('rejected webhooks reach no one; a duplicate delivery is relayed once', async () => {
    const op = await connect('op-guard');
    const event = callEvent('offered', { operatorId: op.id });
    const now = Math.floor(Date.now() / 1000);
    const rejected: Array<[string, Awaited<ReturnType<typeof post>>]> = [
      ['unsigned', await post(event, { signature: null })],
      ['bad signature', await post(event, { secret: 'not-the-secret-of-this-app-123' })],
      ['stale', await post(event, { timestamp: now - 600 })],
      ['from the future', await post(event, { timestamp: now + 600 })],
      ['wrong content type', await post(event, { contentType: 'text/plain' })],
      ['broken JSON', await post('{"type":"offered",')],
      ['bad digit', await post({ ...event, ivrDigit: 9 })],
      ['missing call id', await post({ ...event, telephonyCallId: undefined })],
      ['unknown type', await post({ ...event, type: 'ringing' })],
    ];
    expect(rejected.map(([name, r]) => [name, r.status, r.body.code, r.body.field])).toEqual([
      ['unsigned', 401, 'signature_invalid', 'x-eer-signature'],
      ['bad signature', 401, 'signature_invalid', 'x-eer-signature'],
      ['stale', 409, 'stale_event', 'x-eer-timestamp'],
      ['from the future', 409, 'stale_event', 'x-eer-timestamp'],
      ['wrong content type', 415, 'unsupported_media_type', 'content-type'],
      ['broken JSON', 400, 'bad_json', 'body'],
      ['bad digit', 400, 'validation_failed', 'ivrDigit'],
      ['missing call id', 400, 'validation_failed', 'telephonyCallId'],
      ['unknown type', 400, 'validation_failed', 'type'],
    ]);
    await sleep(300);
    expect(op.received.callOffered).toEqual([]);

    // The same delivery five times at once, then again: relayed once.
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => post(event)));
    deliveries.push(await post(event));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(deliveries.filter((d) => d.body.duplicate === true)).toHaveLength(5);
    await op.next('callOffered', (n) => n.telephonyCallId === event.telephonyCallId);
    await sleep(300);
    expect(op.received.callOffered).toHaveLength(1);
    await post(callEvent('abandoned', { telephonyCallId: event.telephonyCallId }));
    await op.next('callAbandoned', (e) => e.telephonyCallId === event.telephonyCallId);
  });

  it('a reconnecting operator, and one who connects after the offer, get the call that is still waiting', async () => {
    const waitingFor = async (op: OperatorClient) => (await operatorFetch(stack.functionsUrl, op.token, 'GET', 'calls/waiting')).body as CallNotification[];
    let reread: Promise<CallNotification[]> | undefined;
    const op = await connect('op-flaky', { onReconnected: () => (reread = waitingFor(op)) });
    const reconnected = new Promise<void>((resolve) => op.connection.onreconnected(() => resolve()));

    // The network drops; the offer is pushed while the operator has no connection.
    expect(stack.signalr.dropConnections('op-flaky')).toBe(1);
    const offer = callEvent('offered', { operatorId: 'op-flaky' });
    expect((await post(offer)).status).toBe(200);
    await reconnected;
    const calls = await reread!;
    expect(calls.map((c) => c.telephonyCallId)).toContain(offer.telephonyCallId);
    expect(op.received.callOffered.map((n) => n.telephonyCallId)).not.toContain(offer.telephonyCallId);

    // Someone connecting after a group offer sees it too; once answered it is no longer waiting.
    const group = callEvent('offered');
    await post(group);
    const late = await connect('op-late');
    expect((await waitingFor(late)).map((c) => c.telephonyCallId)).toContain(group.telephonyCallId);
    await post(callEvent('answered', { telephonyCallId: group.telephonyCallId, operatorId: 'op-other' }));
    await late.next('callTaken', (t) => t.telephonyCallId === group.telephonyCallId);
    expect((await waitingFor(late)).map((c) => c.telephonyCallId)).not.toContain(group.telephonyCallId);
    await post(callEvent('abandoned', { telephonyCallId: offer.telephonyCallId }));
  });

  it('an answered call that was never offered still makes its operator busy until it ends', async () => {
    const busy = await connect('op-direct');
    const witness = await connect('op-witness');
    const answered = callEvent('answered', { operatorId: busy.id });
    expect((await post(answered)).status).toBe(200);
    await busy.next('callTaken', (t) => t.telephonyCallId === answered.telephonyCallId && t.operatorId === busy.id);
    const group = callEvent('offered');
    await post(group);
    await witness.next('callOffered', (n) => n.telephonyCallId === group.telephonyCallId);
    await sleep(200);
    expect(busy.received.callOffered.map((n) => n.telephonyCallId)).not.toContain(group.telephonyCallId);
    await post(callEvent('ended', { telephonyCallId: answered.telephonyCallId }));
    await busy.next('callEnded', (e) => e.telephonyCallId === answered.telephonyCallId);
    await post(callEvent('abandoned', { telephonyCallId: group.telephonyCallId }));
    await busy.next('callAbandoned', (e) => e.telephonyCallId === group.telephonyCallId);
  });

  it('publishes announcements to everyone (supervisors only) and lists the current ones', async () => {
    const a = await connect('op-news-a');
    const b = await connect('op-news-b');
    const draft = { title: 'Новый порядок записи', text: 'С понедельника запись к ЛОР через 122.', severity: 'warning' };
    const operator = await operatorFetch(stack.functionsUrl, a.token, 'POST', 'announcements', draft);
    expect([operator.status, (operator.body as { code: string }).code]).toEqual([403, 'forbidden']);
    const supervisor = await stack.identity.issueToken({ operatorId: 'sup-1', roles: ['EER.Operator', 'EER.Supervisor'] });
    const published = await operatorFetch(stack.functionsUrl, supervisor, 'POST', 'announcements', draft);
    expect(published.status).toBe(201);
    const id = (published.body as { id: string }).id;
    await Promise.all([a, b].map((op) => op.next('announcement', (x) => x.id === id)));
    const list = await operatorFetch(stack.functionsUrl, b.token, 'GET', 'announcements');
    expect((list.body as Array<{ id: string }>).map((x) => x.id)).toContain(id);
    const invalid = await operatorFetch(stack.functionsUrl, supervisor, 'POST', 'announcements', { ...draft, severity: 'panic' });
    expect(invalid.body).toMatchObject({ code: 'validation_failed', field: 'severity' });
  });

  it('never logs a caller number', () => {
    const digits = CALLER.slice(2);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.filter((l) => l.includes(digits))).toEqual([]);
  });
});
