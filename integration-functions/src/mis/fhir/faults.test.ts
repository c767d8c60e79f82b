/**
 * MIS failures become the contract's codes, and only safe operations are retried: the sandbox MIS's fault switch
 * makes it down (connections dropped), slow (answers delayed past the adapter's timeout) or failing (503).
 */
import { FaultSwitch, FIXTURE_PATIENTS, startSandboxMis, type SandboxMis } from '@eer/local';
import type { Appointment } from '@medplum/fhirtypes';
import { AppError } from '../../http/errors';
import { createMisFromEnv, getMis } from '../index';
import { FhirMis } from './FhirMis';

// Real HTTP against a seeded MIS on a shared 2-core machine: give each test room.
jest.setTimeout(30_000);

let sandbox: SandboxMis;
const fx = FIXTURE_PATIENTS;

beforeAll(async () => {
  sandbox = await startSandboxMis({ seed: 9, patients: 100 });
}, 60_000);
afterAll(async () => sandbox?.close());
const nextFails = FaultSwitch.prototype.nextFails;
afterEach(() => {
  sandbox.faults.reset();
  sandbox.faults.nextFails = nextFails;
});

/** Counts the requests the fault switch fails from now on. */
function countFailures(): () => number {
  let failed = 0;
  const original = sandbox.faults.nextFails.bind(sandbox.faults);
  sandbox.faults.nextFails = () => {
    const fails = original();
    if (fails) failed++;
    return fails;
  };
  return () => failed;
}

function adapter(options: { timeoutMs?: number; retries?: number } = {}) {
  return new FhirMis({ baseUrl: sandbox.baseUrl, timeoutMs: options.timeoutMs ?? 2_000, retries: options.retries ?? 0 });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

it('a MIS that is down is mis_unavailable', async () => {
  sandbox.faults.set({ down: true });
  expect(await codeOf(adapter().getPatient(fx.adult.id))).toBe('mis_unavailable');
  expect(await codeOf(adapter().ping())).toBe('mis_unavailable');
});

it('a MIS nobody listens on is mis_unavailable', async () => {
  const gone = new FhirMis({ baseUrl: 'http://127.0.0.1:9/fhir', timeoutMs: 1_000, retries: 0 });
  expect(await codeOf(gone.listDistricts())).toBe('mis_unavailable');
});

it('a MIS slower than the timeout is mis_timeout', async () => {
  sandbox.faults.set({ delayMs: 1_000 });
  const started = Date.now();
  expect(await codeOf(adapter({ timeoutMs: 150 }).getPatient(fx.adult.id))).toBe('mis_timeout');
  expect(Date.now() - started).toBeLessThan(900);
  // with a longer timeout the same MIS answers
  expect((await adapter({ timeoutMs: 5_000 }).getPatient(fx.adult.id)).misId).toBe(fx.adult.id);
});

it('503s are mis_unavailable without retries, and retried reads get through', async () => {
  sandbox.faults.set({ failRate: 1 });
  expect(await codeOf(adapter().listDistricts())).toBe('mis_unavailable');
  sandbox.faults.set({ failRate: 0.5 });
  const retrying = adapter({ retries: 3 });
  for (let i = 0; i < 5; i++) expect((await retrying.getPatient(fx.child.id)).misId).toBe(fx.child.id);
});

it('retries give up after the configured count', async () => {
  sandbox.faults.set({ failRate: 1 });
  const failures = countFailures();
  expect(await codeOf(adapter({ retries: 2 }).getPatient(fx.adult.id))).toBe('mis_unavailable');
  expect(failures()).toBe(3);
});

it('a booking interrupted by failures and retried books exactly once', async () => {
  const mis = adapter({ retries: 10 });
  const [slot] = await mis.findFreeSlots(['role-02'], new Date(Date.now() + 3_600_000).toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString());
  // Every 7th request fails: a booking takes 8 requests, so its 7th — creating the appointment, the slot already
  // held — fails and is sent again on its own (requests are retried, not whole operations); one appointment results.
  sandbox.faults.set({ failRate: 1 / 7 });
  const failures = countFailures();
  const ticket = await mis.bookSlot({ patientId: fx.adult.id, slotId: slot!.id, clientKey: 'flaky-key-00001', source: 'call_centre' });
  expect(failures()).toBe(1);
  sandbox.faults.reset();
  const appointments = await sandbox.repository.searchResources<Appointment>({
    resourceType: 'Appointment',
    filters: [{ code: 'slot', operator: 'eq', value: `Slot/${slot!.id}` }],
  });
  expect(appointments.map((a) => a.id)).toEqual([ticket.id]);
  // a home visit interrupted the same way is created once
  sandbox.faults.set({ failRate: 1 / 2 });
  const card = await mis.getPatient(fx.adult.id);
  const visit = { patientId: fx.adult.id, moId: 'mo-01', zoneId: 'zone-01-1', address: card.address!, phone: '+79161234567', complaints: 'Кашель', clientKey: 'flaky-visit-001' };
  const first = await mis.createHomeVisit(visit);
  const second = await mis.createHomeVisit(visit);
  sandbox.faults.reset();
  expect(second.requestId).toBe(first.requestId);
  expect(await sandbox.repository.searchResources({ resourceType: 'ServiceRequest' })).toHaveLength(1);
});

it('errors carry no personal data', async () => {
  sandbox.faults.set({ down: true });
  try {
    await adapter().searchPatients({ snils: fx.adult.snils, fullName: 'Вересаев', limit: 10 });
    throw new Error('expected a failure');
  } catch (error) {
    const text = JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack, details: (error as AppError).details });
    expect(text).not.toContain(fx.adult.snils);
    expect(text).not.toContain('Вересаев');
  }
});

it('the fault switch can be flipped over HTTP by another process', async () => {
  const set = await fetch(sandbox.faultsUrl, { method: 'PUT', body: JSON.stringify({ down: true }) });
  expect(await set.json()).toEqual({ failRate: 0, delayMs: 0, down: true, slowRate: 0, slowMs: 30_000 });
  expect(await codeOf(adapter().ping())).toBe('mis_unavailable');
  await fetch(sandbox.faultsUrl, { method: 'PUT', body: JSON.stringify({ down: false }) });
  await expect(adapter().ping()).resolves.toBeUndefined();
  expect((await fetch(sandbox.faultsUrl, { method: 'PUT', body: JSON.stringify({ failRate: 2 }) })).status).toBe(400);
});

describe('getMis and createMisFromEnv', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('without MIS_FHIR_BASE_URL every call is mis_unavailable', async () => {
    expect(await codeOf(createMisFromEnv({}).listDistricts())).toBe('mis_unavailable');
  });

  it('reads MIS_FHIR_BASE_URL, MIS_TIMEOUT_MS and MIS_READ_RETRIES, and follows a change of settings', async () => {
    process.env.MIS_FHIR_BASE_URL = sandbox.baseUrl;
    process.env.MIS_TIMEOUT_MS = '5000';
    process.env.MIS_READ_RETRIES = '0';
    const mis = getMis();
    expect(getMis()).toBe(mis);
    expect((await mis.listDistricts()).length).toBeGreaterThanOrEqual(3);
    sandbox.faults.set({ delayMs: 1_000 });
    process.env.MIS_TIMEOUT_MS = '150';
    expect(getMis()).not.toBe(mis);
    expect(await codeOf(getMis().listDistricts())).toBe('mis_timeout');
    process.env.MIS_TIMEOUT_MS = '5000';
    expect((await getMis().listDistricts()).length).toBeGreaterThanOrEqual(3);
  });
});
