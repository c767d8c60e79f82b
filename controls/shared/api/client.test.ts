/**
 * @jest-environment node
 */
// Node environment: jsdom has no fetch; the client runs here over real HTTP against a node:http server.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { callApi, createApiClient, downloadApi, filenameOf, langOfLcid, newCorrelationId } from './client';
import { ApiError, isAbortError, isApiError } from './ApiError';
import type { TokenSource } from '../auth/TokenSource';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = (req: Seen, res: http.ServerResponse) => void;

const HEALTH = { status: 'ok', version: '1.2.3', time: '2026-11-26T09:00:00Z', service: 'extra fields are stripped' };
const TICKET = {
  id: 't-1',
  patientId: 'p-1',
  slotId: 's-1',
  doctorId: 'd-1',
  doctorName: 'Врач',
  specialtyName: 'Терапевт',
  moId: 'mo-1',
  moName: 'Поликлиника 1',
  start: '2026-11-27T09:00:00+03:00',
  end: '2026-11-27T09:15:00+03:00',
  status: 'booked',
  source: 'call_centre',
};

describe('callApi over real HTTP', () => {
  let server: http.Server;
  let base: string;
  let reply: Reply;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
        seen.push(s);
        reply(s, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  beforeEach(() => {
    seen.length = 0;
  });

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const tokens = (...values: string[]): TokenSource & { calls: Array<{ forceRefresh?: boolean } | undefined> } => {
    const calls: Array<{ forceRefresh?: boolean } | undefined> = [];
    return {
      calls,
      getToken: (options) => {
        calls.push(options);
        return Promise.resolve(values[Math.min(calls.length - 1, values.length - 1)]!);
      },
    };
  };

  it('GETs an anonymous route with the language and a fresh correlation id, and answers the parsed schema', async () => {
    reply = (_req, res) => json(res, 200, HEALTH);
    const client = createApiClient({ baseUrl: base, lcid: 1033, tokens: tokens('never-sent') });
    const health = await callApi(client, 'health');
    expect(health).toEqual({ status: 'ok', version: '1.2.3', time: '2026-11-26T09:00:00Z' });
    const req = seen[0]!;
    expect(req.method).toBe('GET');
    expect(req.url).toBe('/api/health');
    expect(req.headers['accept-language']).toBe('en');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.headers['x-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await callApi(client, 'health');
    expect(seen[1]!.headers['x-correlation-id']).not.toBe(req.headers['x-correlation-id']);
  });

  it('sends the bearer token, the JSON body, encoded path params and the query of an operator route', async () => {
    reply = (req, res) => (req.url.startsWith('/api/patients/') ? json(res, 200, [TICKET]) : json(res, 200, { patients: [], total: 0, truncated: false }));
    const client = createApiClient({ baseUrl: base, lcid: 1049, tokens: tokens('tok-1') });
    const tickets = await callApi(client, 'listPatientTickets', { params: { id: 'p/1' }, query: { from: '2026-11-26', to: undefined } });
    expect(tickets).toHaveLength(1);
    expect(seen[0]!.url).toBe('/api/patients/p%2F1/tickets?from=2026-11-26');
    expect(seen[0]!.headers.authorization).toBe('Bearer tok-1');
    expect(seen[0]!.headers['accept-language']).toBe('ru');
  });

  it('turns a 400 ErrorBody into an ApiError with the field, issues and the server correlation id', async () => {
    const body = {
      code: 'validation_failed',
      message: 'Проверьте заполнение полей',
      field: 'snils',
      issues: [{ field: 'snils', code: 'snils.checksum', message: 'СНИЛС: неверная контрольная сумма' }],
      correlationId: 'corr-from-server-1',
      retryable: false,
    };
    reply = (_req, res) => json(res, 400, body, { 'x-correlation-id': 'corr-from-server-1' });
    const client = createApiClient({ baseUrl: base, tokens: tokens('t') });
    const error = await callApi(client, 'searchPatients', { body: { snils: '112-233-445 95' } }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'validation_failed', status: 400, field: 'snils', correlationId: 'corr-from-server-1', retryable: false });
    expect((error as ApiError).issues).toEqual(body.issues);
    expect((error as ApiError).message).toBe('Проверьте заполнение полей');
    expect(JSON.parse(seen[0]!.body)).toEqual({ snils: '112-233-445 95' });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('maps an answer without our error body (a gateway) by its status, in the user language', async () => {
    reply = (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html', 'x-correlation-id': 'gw-1' });
      res.end('<html>Service Unavailable</html>');
    };
    const error = (await callApi(createApiClient({ baseUrl: base, lcid: 1033 }), 'listDistricts').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'mis_unavailable', status: 503, retryable: true, correlationId: 'gw-1' });
    expect(error.message).toBe('The MIS is unavailable; try again later');
    reply = (_req, res) => json(res, 418, { code: 'not_a_contract_code', message: 'x', correlationId: 'c', retryable: false });
    const other = (await callApi(createApiClient({ baseUrl: base }), 'listDistricts').catch((e: unknown) => e)) as ApiError;
    expect(other).toMatchObject({ code: 'bad_response', status: 418, retryable: false });
  });

  it('rejects an answer that breaks the response schema as bad_response, naming the paths, never the values', async () => {
    reply = (_req, res) => json(res, 200, [{ ...TICKET, start: 'Иванов Иван' }]);
    const error = (await callApi(createApiClient({ baseUrl: base }), 'listPatientTickets', { params: { id: 'p-1' } }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('bad_response');
    expect(error.status).toBe(200);
    expect(error.issues?.[0]?.field).toBe('[0].start');
    expect(JSON.stringify(error)).not.toContain('Иванов');
    expect(error.message).toBe('Сервис вернул неожиданный ответ');
    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{not json');
    };
    await expect(callApi(createApiClient({ baseUrl: base }), 'health')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('retries once with a forced token refresh after a 401, then gives the 401 up', async () => {
    reply = (req, res) =>
      req.headers.authorization === 'Bearer fresh'
        ? json(res, 200, [])
        : json(res, 401, { code: 'unauthenticated', message: 'Требуется вход в систему', field: 'authorization', correlationId: 'c-401', retryable: false });
    const source = tokens('stale', 'fresh');
    await expect(callApi(createApiClient({ baseUrl: base, tokens: source }), 'listDistricts')).resolves.toEqual([]);
    expect(source.calls).toEqual([undefined, { forceRefresh: true }]);
    const always = tokens('stale');
    await expect(callApi(createApiClient({ baseUrl: base, tokens: always }), 'listDistricts')).rejects.toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(always.calls).toHaveLength(2);
  });

  it('reports a failed sign-in as a retryable unauthenticated error without sending anything', async () => {
    const failing: TokenSource = { getToken: () => Promise.reject(new Error('popup_window_error')) };
    const error = (await callApi(createApiClient({ baseUrl: base, tokens: failing }), 'listDistricts').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'unauthenticated', status: 0, retryable: true });
    expect(seen).toHaveLength(0);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = (await callApi(createApiClient({ baseUrl: `http://127.0.0.1:${port}/api` }), 'health').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'network', status: 0, retryable: true });
    expect(error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never turns an abort into an ApiError: before sending, while waiting for headers, or while reading the body', async () => {
    const client = createApiClient({ baseUrl: base });
    const before = new AbortController();
    before.abort();
    const e1 = await callApi(client, 'health', { signal: before.signal }).catch((e: unknown) => e);
    expect(isAbortError(e1)).toBe(true);
    expect(isApiError(e1)).toBe(false);
    expect(seen).toHaveLength(0);

    reply = (_req, res) => setTimeout(() => json(res, 200, HEALTH), 500);
    const waiting = new AbortController();
    const pending = callApi(client, 'health', { signal: waiting.signal }).catch((e: unknown) => e);
    setTimeout(() => waiting.abort(), 50);
    expect(isAbortError(await pending)).toBe(true);

    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"ok",');
      setTimeout(() => res.end('"version":"1","time":"2026-11-26T09:00:00Z"}'), 500);
    };
    const reading = new AbortController();
    const slow = callApi(client, 'health', { signal: reading.signal }).catch((e: unknown) => e);
    setTimeout(() => reading.abort(), 100);
    expect(isAbortError(await slow)).toBe(true);
  });

  it('downloads the schedule export as a blob with the file name from Content-Disposition', async () => {
    const csv = 'date;start;end\n2026-11-27;09:00;09:15\n';
    reply = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="schedule.csv"; filename*=UTF-8''${encodeURIComponent('расписание 27.11.csv')}`,
      });
      res.end(csv);
    };
    const client = createApiClient({ baseUrl: base, tokens: tokens('t') });
    const query = { by: 'organisation', id: 'mo-1', from: '2026-11-27', to: '2026-11-30', format: 'csv' } as const;
    const file = await downloadApi(client, 'exportSchedule', { query });
    expect(file.filename).toBe('расписание 27.11.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(await file.blob.text()).toBe(csv);
    expect(seen[0]!.url).toBe('/api/schedule/export?by=organisation&id=mo-1&from=2026-11-27&to=2026-11-30&format=csv');
    expect(seen[0]!.headers.accept).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(seen[0]!.headers.authorization).toBe('Bearer t');

    reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      res.end(Buffer.from([0x50, 0x4b, 3, 4]));
    };
    const xlsx = await downloadApi(client, 'exportSchedule', { query: { ...query, format: 'xlsx' } });
    expect(xlsx.filename).toBe('exportSchedule.xlsx');
    expect(new Uint8Array(await xlsx.blob.arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));

    reply = (_req, res) => json(res, 400, { code: 'validation_failed', message: 'm', field: 'to', correlationId: 'c', retryable: false });
    await expect(downloadApi(client, 'exportSchedule', { query })).rejects.toMatchObject({ code: 'validation_failed', field: 'to' });
  });
});

describe('helpers', () => {
  it('maps LCIDs to the two UI languages', () => {
    expect(langOfLcid(1049)).toBe('ru');
    expect(langOfLcid(1033)).toBe('en');
    expect(langOfLcid(2057)).toBe('en');
    expect(langOfLcid(1058)).toBe('ru');
    expect(langOfLcid(undefined)).toBe('ru');
  });

  it('reads file names from Content-Disposition and drops any path', () => {
    expect(filenameOf('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(filenameOf('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
    expect(filenameOf("attachment; filename*=UTF-8''%D1%84.csv; filename=\"f.csv\"")).toBe('ф.csv');
    expect(filenameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameOf('attachment; filename="a\\"b.csv"')).toBe('a"b.csv');
    expect(filenameOf('attachment')).toBeNull();
    expect(filenameOf(null)).toBeNull();
  });

  it('makes v4 UUIDs without randomUUID too', () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newCorrelationId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
