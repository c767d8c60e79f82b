import { startSmsSink, type SmsSink } from './smsSink';

let sink: SmsSink;
beforeAll(async () => {
  sink = await startSmsSink();
});
afterAll(async () => sink?.close());
beforeEach(() => {
  sink.clear();
  sink.failWith(null);
});

function post(body: unknown) {
  return fetch(`${sink.url}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('SMS gateway sink', () => {
  it('accepts a message with 202 {id} and gives it back over HTTP and in-process', async () => {
    const res = await post({ to: '+79161234567', text: 'Вы записаны к терапевту', kind: 'booking' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^sms-\d+$/);
    const list = (await (await fetch(`${sink.url}/messages`)).json()) as { messages: unknown[] };
    expect(list.messages).toEqual([expect.objectContaining({ id, to: '+79161234567', text: 'Вы записаны к терапевту', kind: 'booking' })]);
    expect((await sink.waitFor((m) => m.id === id)).kind).toBe('booking');
  });

  it('stores one message per client key and answers a repeat with the first id', async () => {
    const body = { to: '8 (916) 123-45-67', text: 'Запись отменена', kind: 'cancellation', clientKey: 'cancel-key-001' };
    const first = (await (await post(body)).json()) as { id: string };
    const second = (await (await post(body)).json()) as { id: string };
    expect(second.id).toBe(first.id);
    expect(sink.messages()).toHaveLength(1);
    expect(sink.messages()[0]?.to).toBe('+79161234567');
  });

  it('refuses a landline, an empty text, an unknown kind and bad JSON with 400', async () => {
    const bad = await post({ to: '+73822123456', text: '', kind: 'spam' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { issues: { field: string }[] };
    expect(body.issues.map((i) => i.field).sort()).toEqual(['kind', 'text', 'to']);
    const notJson = await fetch(`${sink.url}/messages`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
    expect(sink.messages()).toEqual([]);
  });

  it('fails sends while switched to failure, and heals', async () => {
    sink.failWith(503);
    expect((await post({ to: '+79161234567', text: 'x', kind: 'other' })).status).toBe(503);
    sink.failWith(null);
    expect((await post({ to: '+79161234567', text: 'x', kind: 'other' })).status).toBe(202);
  });
});
