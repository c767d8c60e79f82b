/**
 * No personal data in any log line: a scripted operator session — searches by every identifier, cards, bad input
 * carrying real identifiers, bookings with SMS, cancellation, phone update, home visit and appeal with a name in the
 * free text, vaccination of a worker, a call whose number pre-identifies a patient, an MIS outage — through the local
 * stack (its host and function log) and through `npm start` (the function app's stdout). Both are scanned for the
 * names, SNILS, ЕНП/policies, passports and phones of all 2,000 sandbox patients (scanLogs.ts).
 *
 * `npm test` scans the log of the whole run the same way afterwards (EER_LOG_FILE, scripts/test.js).
 */
import * as path from 'node:path';
import { localDate, PatientCard, SlotSearchResult, formatSnils } from '@eer/contract';
import * as fs from 'node:fs';
import { buildRegion, startStack, type Stack } from '@eer/local';
import { sign } from '../telephony/support';
import { addPerson, needlesFor, scanLine, scanLines, type Needles } from './scanLogs';
import { sleep } from './support';
import { operatorToken, setFaults, startChildStack, type ChildStack } from './workload';

jest.setTimeout(240_000);

const root = path.join(__dirname, '..', '..');

/** The next Tuesday 10:00 in the region: within every MO's home-visit hours. */
function tuesdayMorning(): string {
  const d = new Date();
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 2);
  return `${d.toISOString().slice(0, 10)}T10:00:00+03:00`;
}

interface SeedPatient {
  id: string;
  resourceType: string;
  name: Array<{ family: string; given: string[]; text?: string }>;
  birthDate: string;
  identifier: Array<{ system: string; value: string }>;
  telecom?: Array<{ system: string; value: string }>;
}

const seeded = (buildRegion({ seed: 122, patients: 2000, now: new Date() }) as unknown as SeedPatient[]).filter((r) => r.resourceType === 'Patient');
const idOf = (p: SeedPatient, system: RegExp) => p.identifier.find((i) => system.test(i.system))?.value;
/** Fixtures and a spread of random patients: each kind of identifier is used somewhere. */
const sample = [...seeded.filter((p) => p.id.startsWith('pat-fx-')), ...seeded.filter((_, i) => i % 199 === 7)];

/** The worker registered for vaccination: a real patient's name and SNILS, typed in by the operator. */
const worker = seeded.find((p) => idOf(p, /snils/) && p.telecom?.some((t) => /^\+79/.test(t.value)) && p.name[0]!.given.length >= 2 && !p.id.startsWith('pat-fx-'))!;

interface Target {
  baseUrl: string;
  token: string;
  webhookSecret: string;
  /** Switches the sandbox MIS down or up (over its fault endpoint). */
  misDown(down: boolean): Promise<void>;
}

async function call(t: Target, method: string, route: string, body?: unknown): Promise<{ status: number; data: unknown }> {
  const res = await fetch(`${t.baseUrl}/${route}`, {
    method,
    headers: { authorization: `Bearer ${t.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, data: text ? (JSON.parse(text) as unknown) : undefined };
}

const key = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** What an operator does in a shift, with the personal data flowing through every function. */
async function session(t: Target): Promise<number> {
  let requests = 0;
  const go = async (method: string, route: string, body?: unknown) => {
    requests++;
    return call(t, method, route, body);
  };
  for (const p of sample) {
    const snils = idOf(p, /snils/);
    const policy = idOf(p, /oms/);
    const passport = idOf(p, /identity-document/);
    const phone = p.telecom?.find((x) => x.system === 'phone')?.value;
    if (snils) await go('POST', 'patients/search', { snils: formatSnils(snils) });
    if (policy) await go('POST', 'patients/search', { policy });
    if (passport) await go('POST', 'patients/search', { passport });
    await go('POST', 'patients/search', { fullName: [p.name[0]!.family, ...p.name[0]!.given].join(' '), birthDate: p.birthDate });
    if (phone) await go('POST', 'patients/by-phone', { phone });
    await go('GET', `patients/${p.id}`);
    await go('GET', `patients/${p.id}/tickets`);
    // bad input that carries real identifiers: a broken check digit, a number that is no phone
    if (snils) await go('POST', 'patients/search', { snils: `${snils.slice(0, 9)}${(Number(snils.slice(9)) + 1) % 100}`.padEnd(11, '0') });
    if (phone) await go('POST', 'patients/by-phone', { phone: `${phone}0` });
  }
  const adult = seeded.find((p) => p.id === 'pat-fx-adult')!;
  const card = PatientCard.parse((await go('GET', `patients/${adult.id}`)).data);
  const today = localDate(new Date());
  const slots = SlotSearchResult.parse((await go('POST', 'slots/search', { patientId: adult.id, specialtyCode: 'therapist', from: today, to: localDate(new Date(Date.now() + 6 * 86_400_000)) })).data);
  const slot = slots.days.flatMap((d) => d.slots).at(-1);
  if (slot) {
    const booked = await go('POST', 'bookings', { patientId: adult.id, slotId: slot.id, clientKey: key('log-book'), notifySms: true });
    const ticketId = (booked.data as { ticket?: { id: string } }).ticket?.id;
    if (ticketId) await go('POST', `tickets/${ticketId}/cancel`, { patientId: adult.id, ticketId, clientKey: key('log-cancel'), notifySms: true });
  }
  const child = seeded.find((p) => p.id === 'pat-fx-child')!;
  await go('PUT', `patients/${child.id}/phone`, { patientId: child.id, phone: child.telecom![0]!.value, smsConsent: true, clientKey: key('log-phone') });
  const someone = sample[sample.length - 1]!;
  const fullName = [someone.name[0]!.family, ...someone.name[0]!.given].join(' ');
  await go('POST', 'address/resolve', { address: card.address });
  await go('POST', 'home-visits', { patientId: adult.id, address: card.address, phone: '+79161234567', complaints: `Температура. Звонит ${fullName}`, clientKey: key('log-hv') });
  await go('POST', 'appeals', { kind: 'complaint', topic: 'staff_conduct', moId: 'mo-01', comment: `Обращается ${fullName}, СНИЛС ${formatSnils(idOf(someone, /snils/) ?? '11223344595')}`, reviewCertificate: true, clientKey: key('log-ap') });
  const points = (await go('GET', 'vaccination/points?moId=mo-01')).data as Array<{ id: string }>;
  const vslots = (await go('GET', `vaccination/slots?pointId=${points[0]!.id}&from=${today}&to=${localDate(new Date(Date.now() + 6 * 86_400_000))}`)).data as Array<{ id: string }>;
  await go('POST', 'vaccination/registrations', {
    lastName: worker.name[0]!.family,
    firstName: worker.name[0]!.given[0],
    middleName: worker.name[0]!.given[1],
    birthDate: worker.birthDate,
    snils: formatSnils(idOf(worker, /snils/)!),
    phone: worker.telecom!.find((x) => /^\+79/.test(x.value))!.value,
    employerMoId: 'mo-01',
    position: 'Медицинская сестра',
    dose: 1,
    pointId: points[0]!.id,
    slotId: vslots[0]?.id ?? 'none',
    clientKey: key('log-vac'),
  });
  // A call from a patient's number: the relay pre-identifies the caller.
  const event = JSON.stringify({ type: 'offered', eventId: key('ev'), telephonyCallId: key('call'), occurredAt: new Date().toISOString(), callerNumber: '+79161234567', line: '122', ivrDigit: 3 });
  const ts = Math.floor(Date.now() / 1000);
  requests++;
  await fetch(`${t.baseUrl}/telephony/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-eer-timestamp': String(ts), 'x-eer-signature': sign(t.webhookSecret, ts, event) }, body: event });
  // An outage: searches fail, a home visit and an appeal are queued (with the personal data kept in the outbox).
  await t.misDown(true);
  for (const p of sample.slice(0, 5)) await go('POST', 'patients/search', { snils: formatSnils(idOf(p, /snils/) ?? '11223344595') });
  await go('POST', 'home-visits', { patientId: adult.id, address: card.address, phone: '+79161234567', complaints: `Кашель. ${fullName}`, clientKey: key('log-hv-down') });
  await go('POST', 'appeals', { kind: 'appeal', topic: 'other', moId: 'mo-02', comment: `От ${fullName}`, reviewCertificate: false, clientKey: key('log-ap-down') });
  await t.misDown(false);
  await sleep(3_000); // the outbox worker delivers them (and logs it)
  return requests;
}

function needles(): Needles {
  const n = needlesFor([{ seed: 122, patients: 2000 }]);
  addPerson(n, worker);
  return n;
}

describe('log hygiene', () => {
  it('the scanner finds each kind of personal data and passes ordinary log lines', () => {
    const n = needles();
    const fx = seeded.find((p) => p.id === 'pat-fx-adult')!;
    expect(scanLine(`search snils=${formatSnils(idOf(fx, /snils/)!)} ok`, n)).toEqual(['snils']);
    expect(scanLine(`x ${idOf(fx, /oms/)} y`, n)).toEqual(['policy']);
    expect(scanLine('passport 45 06 123456', n)).toEqual(['passport']);
    expect(scanLine('caller +7 (916) 123-45-67', n)).toEqual(['phone']);
    expect(scanLine('caller 89161234567', n)).toEqual(['phone']);
    expect(scanLine('patient Вересаев Глеб Аркадьевич', n)).toEqual(['name']);
    expect(scanLine(`Ф.И.О.: ${fx.name[0]!.family.toUpperCase()} ${fx.name[0]!.given[0]}`, n)).toEqual(['name']);
    // ids, codes, timestamps and longer numbers that contain an identifier are not findings
    for (const ordinary of [
      '[2026-11-26T10:00:00.123Z] searchPatients information: POST /api/patients/search → 200 12.3 ms (searchPatients)',
      `outbox home_visit key=hv-1 delivered at attempt 2 id=sr-17 correlationId=1b4e28ba-2fa1-11d2-883f-0016d3cca427`,
      `epoch 1${idOf(fx, /snils/)}9 count 3`,
      'ГП № 1 сейчас не принимает вызовы на дом',
    ]) {
      expect([ordinary, scanLine(ordinary, n)]).toEqual([ordinary, []]);
    }
  });

  it('a scripted session through the local stack leaves no personal data in the host and function log', async () => {
    const lines: string[] = [];
    const saved = { ...process.env };
    process.env.EER_NOW = tuesdayMorning();
    let stack: Stack | undefined;
    try {
      stack = await startStack({ log: (l) => lines.push(l), timerIntervalMs: 500 });
      const s = stack;
      const requests = await session({
        baseUrl: s.functionsUrl,
        token: await s.operatorToken('op-log', 'Оператор Журнала'),
        webhookSecret: process.env.TELEPHONY_WEBHOOK_SECRET!,
        misDown: async (down) => void (down ? s.mis.faults.set({ down: true }) : s.mis.faults.reset()),
      });
      expect(requests).toBeGreaterThan(100);
    } finally {
      await stack?.close();
      process.env = saved;
    }
    // the session was logged (a vacuous scan proves nothing)
    expect(lines.filter((l) => /→ \d{3}/.test(l)).length).toBeGreaterThan(100);
    expect(lines.some((l) => /outbox .* delivered/.test(l))).toBe(true);
    const findings = scanLines(lines, needles());
    expect(findings.map((f) => `${f.kind}: ${lines[f.line - 1]!.replace(/\d/g, '#')}`).slice(0, 10)).toEqual([]);
    process.stdout.write(`log hygiene (stack): ${lines.length} lines scanned, clean\n`);
  });

  describe('npm start', () => {
    let started: ChildStack | undefined;
    afterAll(async () => started?.stop(), 60_000);

    it('the function app stdout of a scripted session names no one', async () => {
      // What `npm start` runs once built (npm test builds first): no install or build from inside a test.
      expect(fs.existsSync(path.join(root, 'local', 'dist', 'start.js'))).toBe(true);
      started = await startChildStack({ LOCAL_TIMER_INTERVAL_MS: '500', EER_NOW: tuesdayMorning() });
      const stack = started;
      const requests = await session({
        baseUrl: stack.functionsUrl,
        token: await operatorToken(stack.identityUrl, 'op-log'),
        webhookSecret: 'dev-only-telephony-webhook-secret-not-for-production',
        misDown: (down) => setFaults(stack.faultsUrl, { down }),
      });
      // The start-up banner is documentation (it names the fixture patient to call as); the log starts after it.
      const output = stack.process.output();
      const lines = output.slice(output.indexOf('function app ready:')).split('\n');
      expect(lines.filter((l) => /→ \d{3}/.test(l)).length).toBeGreaterThanOrEqual(requests - 5);
      const findings = scanLines(lines, needles());
      expect(findings.map((f) => `${f.kind}: ${lines[f.line - 1]!.replace(/\d/g, '#')}`).slice(0, 10)).toEqual([]);
      process.stdout.write(`log hygiene (npm start stdout): ${lines.length} lines scanned, clean\n`);
    });
  });
});
