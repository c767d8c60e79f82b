import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsGateway, trySendSms } from './SmsGateway';

describe('SMS gateway adapter', () => {
  let server: http.Server;
  let url: string;
  const received: unknown[] = [];
  let status = 202;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ method: req.method, path: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${received.length}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gw/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts {to, text, kind, clientKey} to /messages with the token and reads the id', async () => {
    const gateway = new HttpSmsGateway(url, { token: 't0ken' });
    await expect(gateway.send({ to: '+79161234567', text: 'Текст', kind: 'booking', clientKey: 'key-12345678' })).resolves.toEqual({ id: 'sms-1' });
    expect(received[0]).toEqual({
      method: 'POST',
      path: '/gw/messages',
      auth: 'Bearer t0ken',
      body: { to: '+79161234567', text: 'Текст', kind: 'booking', clientKey: 'key-12345678' },
    });
  });

  it('reports false and logs the status, never the text or number, when the gateway refuses', async () => {
    status = 503;
    const lines: string[] = [];
    expect(await trySendSms({ to: '+79161234567', text: 'Секрет', kind: 'booking' }, (l) => lines.push(l), new HttpSmsGateway(url))).toBe(false);
    expect(lines).toEqual(['sms booking failed reason=status 503']);
    status = 202;
  });

  it('refuses a landline before sending, and a broken setting never throws', async () => {
    const before = received.length;
    const lines: string[] = [];
    expect(await trySendSms({ to: '+73822123456', text: 'x', kind: 'booking' }, (l) => lines.push(l), new HttpSmsGateway(url))).toBe(false);
    expect(received.length).toBe(before);
    const saved = process.env.SMS_GATEWAY_URL;
    process.env.SMS_GATEWAY_URL = 'not a url';
    try {
      expect(await trySendSms({ to: '+79161234567', text: 'x', kind: 'booking' }, (l) => lines.push(l))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.SMS_GATEWAY_URL;
      else process.env.SMS_GATEWAY_URL = saved;
    }
    expect(lines.join('\n')).not.toContain('73822123456');
  });
});
