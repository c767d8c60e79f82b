import { startLocalHost, type LocalHost } from './host';
import { loadDefinitions, type HttpFunctionDefinition } from './loadDefinitions';
import type { HttpFunctionOptions } from '@azure/functions';
import { compileRoute } from './routes';

describe('compileRoute', () => {
  it('matches literal segments, parameters, constraints, optionals and catch-alls', () => {
    expect(compileRoute('patients/{id}').match('/patients/p-1')).toEqual({ id: 'p-1' });
    expect(compileRoute('patients/{id}').match('/patients')).toBeNull();
    expect(compileRoute('items/{n:int}').match('/items/42')).toEqual({ n: '42' });
    expect(compileRoute('items/{n:int}').match('/items/x')).toBeNull();
    expect(compileRoute('slots/{day?}').match('/slots')).toEqual({});
    expect(compileRoute('files/{*rest}').match('/files/a/b.csv')).toEqual({ rest: 'a/b.csv' });
    expect(compileRoute('health').match('/HEALTH/')).toEqual({});
    // malformed percent-encoding matches nothing (found by the fuzz run: it used to throw in the request handler)
    expect(compileRoute('patients/{id}').match('/patients/a%=b')).toBeNull();
  });
});

const define = (name: string, options: HttpFunctionOptions): HttpFunctionDefinition => ({ name, options });

describe('local function host', () => {
  let host: LocalHost;
  const echo = define('echo', {
    methods: ['POST'],
    authLevel: 'anonymous',
    route: 'echo/{id}',
    handler: async (request, context) => ({
      status: 201,
      jsonBody: { id: request.params.id, q: request.query.get('q'), body: await request.text(), fn: context.functionName },
      headers: { 'x-test': 'yes' },
    }),
  });
  const boom = define('boom', { methods: ['GET'], authLevel: 'anonymous', route: 'boom', handler: async () => { throw new Error('secret detail'); } });
  const lines: string[] = [];

  beforeAll(async () => {
    host = await startLocalHost({ definitions: [...loadDefinitions(), echo, boom], cors: '*', log: (l) => lines.push(l), maxBodyBytes: 1024 });
  });
  afterAll(() => host.close());

  it('serves the health function loaded from the functions folder', async () => {
    const res = await fetch(`${host.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'eer-122-integration-functions' });
  });

  it('passes route params, query, body and headers through the SDK types', async () => {
    const res = await fetch(`${host.url}/echo/abc?q=1`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-test')).toBe('yes');
    expect(await res.json()).toEqual({ id: 'abc', q: '1', body: 'hello', fn: 'echo' });
  });

  it('answers 404 for unknown paths and 405 for a wrong method, as JSON error bodies', async () => {
    const missing = await fetch(`${host.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
    const wrong = await fetch(`${host.url}/echo/abc`);
    expect(wrong.status).toBe(405);
    const malformed = await fetch(`${host.url}/echo/%E0%A4%A`, { method: 'POST', body: '{}' });
    expect([malformed.status, ((await malformed.json()) as { code: string }).code]).toEqual([404, 'not_found']);
  });

  it('rejects bodies over the limit with 413', async () => {
    const res = await fetch(`${host.url}/echo/abc`, { method: 'POST', body: 'x'.repeat(2048) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('never leaks an unhandled error to the client', async () => {
    const res = await fetch(`${host.url}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret detail');
    expect(JSON.parse(text)).toMatchObject({ code: 'internal', correlationId: expect.any(String) });
  });

  it('answers CORS preflight for the desk origin', async () => {
    const res = await fetch(`${host.url}/health`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('logs the route template, never the concrete path', async () => {
    await fetch(`${host.url}/echo/SECRET-ID?q=2`, { method: 'POST', body: '' });
    const line = lines.find((l) => l.includes('(echo)'));
    expect(line).toContain('/api/echo/{id}');
    expect(lines.join('\n')).not.toContain('SECRET-ID');
  });
});
