/**
 * The CRM row of a home visit or appeal: what it should say for each outbox state (the forms' rule), and the `crm`
 * deliverer against a tiny real HTTP server holding rows (token endpoint + Web API): found by the client key or the
 * MIS id, patched, looked for again while not made yet, then given up.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DELIVERY_STATUS_VALUES } from '@eer/contract';
import { DeliveryError } from '../outbox/engine';
import type { OutboxRecord } from '../outbox/store';
import { crmRowDeliverer, rowUpdateOf, rowUpdateOnSettled } from './rowSync';

const at = '2026-05-12T10:00:00.000Z';
const record = (kind: OutboxRecord['kind'], status: OutboxRecord['status'], resultId?: string): OutboxRecord => ({
  clientKey: 'k',
  kind,
  status,
  attempts: 1,
  acceptedAt: at,
  updatedAt: at,
  payload: '{}',
  version: '1',
  ...(resultId ? { resultId } : {}),
});

describe('rowUpdateOf: the forms rule', () => {
  it('home visit: failed, accepted while queued or only in the MIS, delivered once the MO was mailed', () => {
    expect(rowUpdateOf([record('home_visit', 'failed')])).toEqual({ of: 'home_visit', status: 'failed' });
    expect(rowUpdateOf([record('home_visit', 'accepted')])).toEqual({ of: 'home_visit', status: 'accepted' });
    expect(rowUpdateOf([record('home_visit', 'delivered', 'sr-1')])).toEqual({ of: 'home_visit', status: 'accepted', misId: 'sr-1' });
    expect(rowUpdateOf([record('home_visit', 'delivered', 'sr-1'), record('mail', 'accepted')])).toEqual({ of: 'home_visit', status: 'accepted', misId: 'sr-1' });
    expect(rowUpdateOf([record('home_visit', 'delivered', 'sr-1'), record('mail', 'failed')])).toEqual({ of: 'home_visit', status: 'accepted', misId: 'sr-1' });
    expect(rowUpdateOf([record('mail', 'delivered'), record('home_visit', 'delivered', 'sr-1'), record('crm', 'delivered')])).toEqual({
      of: 'home_visit',
      status: 'delivered',
      misId: 'sr-1',
    });
  });
  it('appeal: delivered with the MIS id once registered; failed; nothing for an SMS', () => {
    expect(rowUpdateOf([record('appeal', 'delivered', 'c-1')])).toEqual({ of: 'appeal', status: 'delivered', misId: 'c-1' });
    expect(rowUpdateOf([record('appeal', 'failed')])).toEqual({ of: 'appeal', status: 'failed' });
    expect(rowUpdateOf([record('sms', 'delivered')])).toBeUndefined();
  });
});

describe('the crm deliverer', () => {
  const rows: Array<Record<string, unknown>> = [];
  const patches: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      res.setHeader('content-type', 'application/json');
      if (url.pathname.endsWith('/oauth2/v2.0/token')) return res.end(JSON.stringify({ access_token: 't', expires_in: 3600 }));
      if (req.headers.authorization !== 'Bearer t') return res.writeHead(401).end('{}');
      const set = /\/api\/data\/v9\.2\/(eer_homevisits|eer_appeals)(?:\(([^)]+)\))?$/.exec(url.pathname);
      if (!set) return res.writeHead(404).end('{}');
      const idColumn = set[1] === 'eer_homevisits' ? 'eer_homevisitid' : 'eer_appealid';
      const misColumn = set[1] === 'eer_homevisits' ? 'eer_misrequestid' : 'eer_misappealid';
      if (req.method === 'GET') {
        const wanted = [...(url.searchParams.get('$filter') ?? '').matchAll(new RegExp(`${misColumn} eq '([^']*)'`, 'g'))].map((m) => m[1]);
        return res.end(JSON.stringify({ value: rows.filter((r) => r[idColumn] && wanted.includes(String(r[misColumn]))).map((r) => ({ [idColumn]: r[idColumn] })) }));
      }
      const row = rows.find((r) => r[idColumn] === set[2]);
      if (req.method !== 'PATCH' || !row || req.headers['if-match'] !== '*') return res.writeHead(404).end('{}');
      Object.assign(row, JSON.parse(body));
      patches.push(`${set[1]}(${set[2]})`);
      return res.writeHead(204).end();
    });
  });
  const saved = { ...process.env };
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    Object.assign(process.env, { DATAVERSE_URL: base, DATAVERSE_AUTHORITY: `${base}/tenant`, DATAVERSE_CLIENT_ID: 'app', DATAVERSE_CLIENT_SECRET: 's', DATAVERSE_ROW_ATTEMPTS: '3' });
  });
  afterAll(async () => {
    process.env = { ...saved };
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('patches the row holding the client key: status and MIS id', async () => {
    rows.push({ eer_homevisitid: 'hv-row', eer_misrequestid: 'key-hv', eer_deliverystatus: DELIVERY_STATUS_VALUES.accepted, eer_complaints: 'private' });
    const deliver = crmRowDeliverer(async () => [{ ...record('home_visit', 'delivered', 'sr-9'), clientKey: 'key-hv' }, record('mail', 'delivered')]);
    await expect(deliver({}, 'key-hv', log, 1)).resolves.toEqual({ resultId: 'hv-row' });
    expect(rows[0]).toMatchObject({ eer_misrequestid: 'sr-9', eer_deliverystatus: DELIVERY_STATUS_VALUES.delivered, eer_complaints: 'private' });
    // Run again (re-armed): the row is found by the MIS id now.
    await expect(deliver({}, 'key-hv', log, 1)).resolves.toEqual({ resultId: 'hv-row' });
    expect(patches).toEqual(['eer_homevisits(hv-row)', 'eer_homevisits(hv-row)']);
    expect(lines.join('\n')).not.toContain('private');
  });

  it('looks for a row not made yet again (transient) up to DATAVERSE_ROW_ATTEMPTS, then gives up', async () => {
    const deliver = crmRowDeliverer(async () => [record('appeal', 'failed')]);
    for (const attempt of [1, 2]) await expect(deliver({}, 'key-none', log, attempt)).rejects.toMatchObject({ transient: true });
    const last = (await deliver({}, 'key-none', log, 3).catch((e: unknown) => e)) as DeliveryError;
    expect(last).toBeInstanceOf(DeliveryError);
    expect(last.transient).toBe(false);
    rows.push({ eer_appealid: 'ap-row', eer_misappealid: 'key-ap', eer_deliverystatus: DELIVERY_STATUS_VALUES.accepted });
    await deliver({}, 'key-ap', log, 1);
    expect(rows.find((r) => r.eer_appealid === 'ap-row')).toEqual({ eer_appealid: 'ap-row', eer_misappealid: 'key-ap', eer_deliverystatus: DELIVERY_STATUS_VALUES.failed });
  });

  it('arms the row update only for home visits, their notices and appeals, and only when Dataverse is set', () => {
    expect(rowUpdateOnSettled(record('appeal', 'delivered'), log)).toEqual([{ kind: 'crm', payload: {} }]);
    expect(rowUpdateOnSettled(record('mail', 'delivered'), log)).toHaveLength(1);
    expect(rowUpdateOnSettled(record('sms', 'delivered'), log)).toEqual([]);
    expect(rowUpdateOnSettled(record('crm', 'delivered'), log)).toEqual([]);
    const url = process.env.DATAVERSE_URL;
    delete process.env.DATAVERSE_URL;
    delete process.env.DATAVERSE_AUTHORITY;
    delete process.env.DATAVERSE_CLIENT_ID;
    delete process.env.DATAVERSE_CLIENT_SECRET;
    expect(rowUpdateOnSettled(record('appeal', 'delivered'), log)).toEqual([]);
    expect(rowUpdateOnSettled(record('appeal', 'failed'), log)).toEqual([]);
    expect(lines.filter((l) => l.includes('DATAVERSE_* not set'))).toHaveLength(1);
    process.env.DATAVERSE_URL = url;
  });
});
