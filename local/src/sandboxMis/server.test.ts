import { startSandboxMis, type SandboxMis } from './server';

// Real HTTP against a seeded MIS on a shared 2-core machine: give each test room.
jest.setTimeout(30_000);

let mis: SandboxMis;
beforeAll(async () => {
  mis = await startSandboxMis({ seed: 3, patients: 50 });
}, 60_000);
afterAll(async () => mis?.close());
afterEach(() => mis.faults.reset());

describe('sandbox MIS server', () => {
  it('answers metadata, reads with an ETag and creates with Location and ETag', async () => {
    const meta = await fetch(`${mis.baseUrl}/metadata`);
    expect(((await meta.json()) as { fhirVersion: string }).fhirVersion).toBe('4.0.1');
    const read = await fetch(`${mis.baseUrl}/Patient/pat-fx-adult`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(read.headers.get('etag')).toBe('W/"1"');
    const created = await fetch(`${mis.baseUrl}/Communication`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Communication', status: 'completed' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`^${mis.baseUrl}/Communication/[^/]+/_history/[^/]+$`));
    expect(created.headers.get('etag')).toMatch(/^W\/"/);
  });

  it('answers 404 for a missing resource or path, 400 for a body that is not JSON', async () => {
    expect((await fetch(`${mis.baseUrl}/Patient/none`)).status).toBe(404);
    expect((await fetch(`${mis.baseUrl.replace('/fhir', '/other')}`)).status).toBe(404);
    const bad = await fetch(`${mis.baseUrl}/Patient`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
  });

  it('injects failures: a share of 503s, delays, and dropped connections', async () => {
    mis.faults.set({ failRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${mis.baseUrl}/metadata`)).status);
    expect(statuses).toEqual([200, 503, 200, 503]);
    mis.faults.set({ failRate: 0, delayMs: 150 });
    const started = Date.now();
    await fetch(`${mis.baseUrl}/metadata`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    mis.faults.set({ delayMs: 0, down: true });
    await expect(fetch(`${mis.baseUrl}/metadata`)).rejects.toThrow();
    // the control endpoint still answers while the MIS is down
    expect(await (await fetch(mis.faultsUrl)).json()).toEqual({ failRate: 0, delayMs: 0, down: true, slowRate: 0, slowMs: 30_000 });
    expect(() => mis.faults.set({ delayMs: -1 })).toThrow(RangeError);
  });

  it('answers a share of requests late, after doing the work (a lost answer at the client)', async () => {
    mis.faults.set({ slowRate: 0.5, slowMs: 400 });
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      expect((await fetch(`${mis.baseUrl}/metadata`)).status).toBe(200);
      times.push(Date.now() - started);
    }
    expect(times[1]).toBeGreaterThanOrEqual(380);
    expect(() => mis.faults.set({ slowRate: 2 })).toThrow(RangeError);
    mis.faults.reset();
  });
});
