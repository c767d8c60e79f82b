/**
 * A slot can never be booked twice, even by concurrent requests: the adapter's optimistic concurrency (If-Match on
 * the Slot) and the sandbox MIS's own rule (a slot holds its capacity of active appointments), each proven by firing
 * 20 requests at once.
 */
import { FIXTURE_PATIENTS, startSandboxMis, type SandboxMis } from '@eer/local';
import type { Appointment, Slot } from '@medplum/fhirtypes';
import { AppError } from '../../http/errors';
import { FhirMis } from './FhirMis';
import { EXT } from './systems';

// Real HTTP against a seeded MIS on a shared 2-core machine: give each test room.
jest.setTimeout(30_000);

let sandbox: SandboxMis;
let mis: FhirMis;
const CONCURRENT = 20;

beforeAll(async () => {
  sandbox = await startSandboxMis({ seed: 7, patients: 200 });
  mis = new FhirMis({ baseUrl: sandbox.baseUrl, timeoutMs: 10_000, retries: 0 });
}, 60_000);
afterAll(async () => sandbox?.close());

// From an hour ahead: the soonest slots may start while a loaded machine runs these tests.
const week = () => [new Date(Date.now() + 3_600_000).toISOString(), new Date(Date.now() + 14 * 86_400_000).toISOString()] as const;

async function settle<T>(tasks: Promise<T>[]): Promise<{ ok: T[]; codes: string[] }> {
  const results = await Promise.allSettled(tasks);
  return {
    ok: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    codes: results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof AppError ? r.reason.code : String(r.reason)] : [])),
  };
}

async function activeAppointmentsOf(slotId: string): Promise<Appointment[]> {
  const all = await sandbox.repository.searchResources<Appointment>({
    resourceType: 'Appointment',
    filters: [{ code: 'slot', operator: 'eq', value: `Slot/${slotId}` }],
  });
  return all.filter((a) => a.status === 'booked');
}

it(`${CONCURRENT} concurrent bookings of one slot through the adapter give exactly one ticket`, async () => {
  const [slot] = await mis.findFreeSlots(['role-03'], ...week());
  const patients = await sandbox.repository.searchResources({ resourceType: 'Patient', count: CONCURRENT });
  const { ok, codes } = await settle(
    patients.map((p, i) => mis.bookSlot({ patientId: p.id, slotId: slot!.id, clientKey: `race-key-${String(i).padStart(4, '0')}`, source: 'call_centre' })),
  );
  expect(ok).toHaveLength(1);
  expect(codes).toEqual(Array(CONCURRENT - 1).fill('slot_taken'));
  const booked = await activeAppointmentsOf(slot!.id);
  expect(booked.map((a) => a.id)).toEqual([ok[0]?.id]);
  const stored = await sandbox.repository.readResource<Slot>('Slot', slot!.id);
  expect(stored.status).toBe('busy');
});

it('the MIS enforces If-Match: of 20 updates of one Slot version exactly one wins, the rest get 412', async () => {
  const [free] = await mis.findFreeSlots(['role-04'], ...week());
  const res = await fetch(`${sandbox.baseUrl}/Slot/${free!.id}`);
  const etag = res.headers.get('etag') as string;
  const slot = (await res.json()) as Slot;
  const statuses = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) =>
      fetch(`${sandbox.baseUrl}/Slot/${slot.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/fhir+json', 'If-Match': etag },
        body: JSON.stringify({ ...slot, status: 'busy', extension: [{ url: EXT.heldBy, valueString: `put-${i}` }] }),
      }).then((r) => r.status),
    ),
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 412)).toHaveLength(CONCURRENT - 1);
});

it('the MIS itself refuses a second active appointment for a slot, even from 20 concurrent creates', async () => {
  const [free] = await mis.findFreeSlots(['role-05'], ...week());
  const statuses = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) =>
      fetch(`${sandbox.baseUrl}/Appointment`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify({
          resourceType: 'Appointment',
          status: 'booked',
          slot: [{ reference: `Slot/${free!.id}` }],
          participant: [{ actor: { reference: `Patient/pat-${String(i + 1).padStart(4, '0')}` }, status: 'accepted' }],
        }),
      }).then((r) => r.status),
    ),
  );
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(CONCURRENT - 1);
  expect(await activeAppointmentsOf(free!.id)).toHaveLength(1);
});

it('the same client key sent 20 times at once books once', async () => {
  const [slot] = await mis.findFreeSlots(['role-06'], ...week());
  const request = { patientId: FIXTURE_PATIENTS.adult.id, slotId: slot!.id, clientKey: 'same-key-000001', source: 'call_centre' as const };
  const { ok, codes } = await settle(Array.from({ length: CONCURRENT }, () => mis.bookSlot(request)));
  expect(codes).toEqual([]);
  expect(ok).toHaveLength(CONCURRENT);
  expect(new Set(ok.map((t) => t.id)).size).toBe(1);
  expect(await activeAppointmentsOf(slot!.id)).toHaveLength(1);
});

it('a vaccination slot of capacity 4 takes exactly 4 of 20 concurrent registrations', async () => {
  const slots = await mis.listVaccinationSlots('vp-3', ...week());
  const empty = slots.find((s) => s.free === 4);
  expect(empty).toBeDefined();
  const { ok, codes } = await settle(
    Array.from({ length: CONCURRENT }, (_, i) =>
      mis.registerVaccination({
        lastName: 'Сотрудник',
        firstName: 'Тест',
        birthDate: '1985-01-01',
        snils: FIXTURE_PATIENTS.adult.snils,
        phone: '+79170000009',
        employerMoId: 'mo-05',
        position: 'врач',
        dose: 1,
        pointId: 'vp-3',
        slotId: empty!.id,
        clientKey: `vacc-race-${String(i).padStart(4, '0')}`,
      }),
    ),
  );
  expect(ok).toHaveLength(4);
  expect(codes).toEqual(Array(CONCURRENT - 4).fill('slot_taken'));
  const stored = await sandbox.repository.readResource<Slot>('Slot', empty!.id);
  expect(stored.status).toBe('busy');
  expect(stored.extension?.filter((e) => e.url === EXT.heldBy)).toHaveLength(4);
});

it('a booking whose first try held the slot but never created the appointment completes with the same key', async () => {
  const [slot] = await mis.findFreeSlots(['role-08'], ...week());
  const stored = await sandbox.repository.readResource<Slot>('Slot', slot!.id);
  await sandbox.repository.updateResource({ ...stored, status: 'busy', extension: [...(stored.extension ?? []), { url: EXT.heldBy, valueString: 'half-done-key-01' }] });
  const ticket = await mis.bookSlot({ patientId: FIXTURE_PATIENTS.child.id, slotId: slot!.id, clientKey: 'half-done-key-01', source: 'call_centre' });
  expect(ticket).toMatchObject({ slotId: slot!.id, status: 'booked' });
  await expect(mis.bookSlot({ patientId: FIXTURE_PATIENTS.adult.id, slotId: slot!.id, clientKey: 'other-key-00001', source: 'call_centre' })).rejects.toMatchObject({
    code: 'slot_taken',
  });
});
