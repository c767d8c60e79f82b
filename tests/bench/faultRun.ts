/**
 * Fault run: a mixed operator workload against the local stack while the sandbox MIS misbehaves, then the MIS's own
 * state is checked. Prints figures; asserts nothing (the exit code is 1 when a double booking or a lost request
 * was found, so CI can run it too).
 *
 *   npm run fault-run [-- --operators 20 --faulty-seconds 40 --down-seconds 30 --after-seconds 20 --think-ms 200]
 *
 * 1. faulty: the MIS fails 20 % of requests (503) and answers 5 % only after 4 s (the adapter's MIS_TIMEOUT_MS is 2 s:
 *    a timeout, though the MIS did the work);
 * 2. down: every MIS connection is dropped for 30 s;
 * 3. back: healthy again; the workload goes on, then stops, and the outbox drains.
 * Then: requests and errors by operation and code; double bookings (a slot with two active appointments, a client
 * key with two resources — read from the MIS over FHIR); lost requests (a home visit or appeal answered 200/202
 * that is not in the MIS after recovery); time to recover; how fast the breaker answered while the MIS was down.
 */
import { parseArgs } from 'node:util';
import { misIntegrity, sleep } from '../reliability/support';
import { Desk, operationTable, operatorToken, percentile, Recorder, seededAdults, setFaults, startChildStack, type Sample } from '../reliability/workload';

const { values } = parseArgs({
  options: {
    operators: { type: 'string', default: '20' },
    'faulty-seconds': { type: 'string', default: '40' },
    'down-seconds': { type: 'string', default: '30' },
    'after-seconds': { type: 'string', default: '20' },
    'think-ms': { type: 'string', default: '200' },
  },
});
const operators = Number(values.operators);
const faultySeconds = Number(values['faulty-seconds']);
const downSeconds = Number(values['down-seconds']);
const afterSeconds = Number(values['after-seconds']);
const thinkMs = Number(values['think-ms']);

/** The next Tuesday 10:00 in the region: home visits are taken (MOs' hours) whatever time the run starts. */
function tuesdayMorning(): string {
  const d = new Date();
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 2);
  return `${d.toISOString().slice(0, 10)}T10:00:00+03:00`;
}

const isMisBacked = (s: Sample) => !['address'].includes(s.op);

async function main(): Promise<void> {
  const log = (line = '') => process.stdout.write(`${line}\n`);
  log(`Fault run: ${operators} operators; MIS 20 % failures + 5 % late answers for ${faultySeconds} s, down ${downSeconds} s, healthy ${afterSeconds} s`);
  const stack = await startChildStack({
    EER_LOG_FILE: '',
    EER_NOW: tuesdayMorning(),
    MIS_TIMEOUT_MS: '2000',
    MIS_BREAKER_HALF_OPEN_MS: '2000',
    OUTBOX_RETRY_BASE_MS: '1000',
    OUTBOX_RETRY_MAX_MS: '5000',
    OUTBOX_MAX_ATTEMPTS: '60',
    LOCAL_TIMER_INTERVAL_MS: '1000',
  });
  let exitCode = 0;
  try {
    const patients = seededAdults();
    const recorder = new Recorder();
    const desks = await Promise.all(
      Array.from({ length: operators }, async (_, i) => new Desk({ baseUrl: stack.functionsUrl, token: await operatorToken(stack.identityUrl, `op-fault-${i}`), recorder, patients, thinkMs, timeoutMs: 15_000 })),
    );
    const started = Date.now();
    const end = started + (faultySeconds + downSeconds + afterSeconds) * 1000;
    await setFaults(stack.faultsUrl, { failRate: 0.2, slowRate: 0.05, slowMs: 4000 });
    const work = Promise.all(desks.map((d) => d.runUntil(end)));

    await sleep(faultySeconds * 1000);
    const downAt = Date.now();
    await setFaults(stack.faultsUrl, { failRate: 0, slowRate: 0, down: true });
    await sleep(downSeconds * 1000);
    const backAt = Date.now();
    await setFaults(stack.faultsUrl, { down: false });
    await work;
    const workEnded = Date.now();

    // Drain: every accepted home visit and appeal leaves `accepted` (delivered, or failed with a reason).
    const token = await operatorToken(stack.identityUrl, 'op-fault-check');
    const outcome = new Map<string, string>();
    const drainLimit = Date.now() + 300_000;
    while (Date.now() < drainLimit) {
      for (const a of recorder.accepted) {
        if (outcome.has(a.clientKey) && outcome.get(a.clientKey) !== 'accepted') continue;
        const res = await fetch(`${stack.functionsUrl}/outbox/${a.clientKey}`, { headers: { authorization: `Bearer ${token}` } });
        const entry = res.ok ? ((await res.json()) as { entries: Array<{ kind: string; status: string }> }).entries.find((e) => e.kind === a.kind) : undefined;
        outcome.set(a.clientKey, entry?.status ?? `http ${res.status}`);
      }
      if ([...outcome.values()].every((s) => s !== 'accepted')) break;
      await sleep(1000);
    }
    const drainedAt = Date.now();

    // The MIS's own state.
    const integrity = await misIntegrity(stack.fhirBase);
    const lost = recorder.accepted.filter((a) => !integrity.keys[a.kind === 'home_visit' ? 'ServiceRequest' : 'Communication'].has(a.clientKey));
    const failed = [...outcome.values()].filter((s) => s === 'failed').length;
    const bookedKeysMissing = [...recorder.bookings.keys()].filter((k) => !integrity.keys.Appointment.has(k));

    // Figures.
    const samples = recorder.samples;
    const seconds = (workEnded - started) / 1000;
    log();
    log(`Requests: ${samples.length} in ${seconds.toFixed(0)} s (${(samples.length / seconds).toFixed(1)}/s); by operation (ms), errors by code:`);
    log('| operation | requests | p50 | p99 | errors by code |');
    log('| --- | --- | --- | --- | --- |');
    for (const line of operationTable(samples)) log(line);
    const codes = new Map<string, number>();
    for (const s of samples) if (s.code) codes.set(s.code, (codes.get(s.code) ?? 0) + 1);
    log(`Errors by code: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
    const phases: Array<[string, number, number]> = [
      ['faulty (20 % 503, 5 % late)', started, downAt],
      ['down', downAt, backAt],
      ['back', backAt, workEnded],
    ];
    for (const [name, from, to] of phases) {
      const inPhase = samples.filter((s) => s.at >= from && s.at < to);
      const ok = inPhase.filter((s) => s.status >= 200 && s.status < 300).length;
      log(`  ${name}: ${inPhase.length} requests, ${ok} answered 2xx (${((100 * ok) / Math.max(1, inPhase.length)).toFixed(1)} %)`);
    }
    const whileDown = samples.filter((s) => s.at >= downAt + 5_000 && s.at < backAt && s.code === 'mis_unavailable' && isMisBacked(s));
    log(
      `Fail fast while down (from 5 s after the outage began): ${whileDown.length} requests answered mis_unavailable in p50 ${percentile(whileDown.map((s) => s.ms), 50).toFixed(1)} ms, p99 ${percentile(whileDown.map((s) => s.ms), 99).toFixed(1)} ms`,
    );
    const firstOk = samples.filter((s) => s.at >= backAt && s.status === 200 && isMisBacked(s)).sort((a, b) => a.at - b.at)[0];
    log(`Time to recover: first operator request answered by the MIS ${firstOk ? ((firstOk.at - backAt) / 1000).toFixed(1) : '—'} s after it came back; outbox drained ${((drainedAt - backAt) / 1000).toFixed(1)} s after it came back (${((drainedAt - workEnded) / 1000).toFixed(1)} s after the workload stopped)`);
    const queued = recorder.accepted.filter((a) => a.status === 202).length;
    log(`Home visits and appeals accepted: ${recorder.accepted.length} (${queued} queued with 202); delivered ${[...outcome.values()].filter((s) => s === 'delivered').length}, failed ${failed}`);
    log(`Bookings answered with a ticket: ${recorder.bookings.size}; of them not in the MIS by key: ${bookedKeysMissing.length}`);
    log(`Double bookings: ${integrity.doubleBookedSlots.length} slots with two active appointments, ${integrity.duplicateKeys.length} client keys with two resources (${integrity.appointments} appointments checked)`);
    log(`Lost requests: ${lost.length}`);
    if (integrity.doubleBookedSlots.length > 0 || integrity.duplicateKeys.length > 0 || lost.length > 0 || bookedKeysMissing.length > 0) exitCode = 1;
  } finally {
    await stack.stop();
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  process.stderr.write(`fault run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
