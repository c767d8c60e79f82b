/**
 * Load run: simulated operators working the desk at once against the local stack (in a child process, as
 * `npm start` runs it), for a fixed time. Prints throughput, p50/p99 per operation and errors; asserts nothing.
 *
 *   npm run load-run [-- --operators 200 --seconds 60 --think-ms 1000]
 *
 * Each operator loops over a call: patient search by SNILS, the card, then free slots + booking with SMS (and
 * sometimes cancellation), or address + home visit, or an appeal — with `think-ms` between steps (an operator reads
 * and types; 0 makes it a stress test). The machine that runs it also runs the stack and the sandbox MIS.
 */
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { Desk, operationTable, operatorToken, percentile, Recorder, seededAdults, startChildStack } from '../reliability/workload';

const { values } = parseArgs({
  options: {
    operators: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    'think-ms': { type: 'string', default: '1000' },
  },
});
const operators = Number(values.operators);
const seconds = Number(values.seconds);
const thinkMs = Number(values['think-ms']);

function tuesdayMorning(): string {
  const d = new Date();
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() !== 2);
  return `${d.toISOString().slice(0, 10)}T10:00:00+03:00`;
}

async function main(): Promise<void> {
  const log = (line = '') => process.stdout.write(`${line}\n`);
  log(`Load run: ${operators} operators for ${seconds} s, ${thinkMs} ms between steps; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start`);
  // The host's per-request log line goes to the child's stdout; the run keeps it small: no per-request echo here.
  const stack = await startChildStack({ EER_LOG_FILE: '', EER_NOW: tuesdayMorning(), LOCAL_TIMER_INTERVAL_MS: '2000' });
  try {
    const patients = seededAdults();
    const recorder = new Recorder();
    const desks = await Promise.all(
      Array.from({ length: operators }, async (_, i) => new Desk({ baseUrl: stack.functionsUrl, token: await operatorToken(stack.identityUrl, `op-load-${i}`), recorder, patients, thinkMs, timeoutMs: 30_000 })),
    );
    // Operators start spread over the first think time, as a shift does not start on one click.
    const started = Date.now();
    const end = started + seconds * 1000;
    await Promise.all(desks.map(async (desk, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i / operators) * Math.max(thinkMs, 1000)));
      await desk.runUntil(end);
    }));
    const elapsed = (Date.now() - started) / 1000;
    const samples = recorder.samples;
    const ok = samples.filter((s) => s.status >= 200 && s.status < 300);
    log();
    log(`Requests: ${samples.length} in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(1)} req/s (${(ok.length / elapsed).toFixed(1)} 2xx/s); calls completed by operators: ${samples.filter((s) => s.op === 'search').length}`);
    log(`All requests: p50 ${percentile(samples.map((s) => s.ms), 50).toFixed(0)} ms, p99 ${percentile(samples.map((s) => s.ms), 99).toFixed(0)} ms; load average at the end ${os.loadavg()[0]!.toFixed(1)}`);
    log('| operation | requests, rate | p50 ms | p99 ms | errors by code |');
    log('| --- | --- | --- | --- | --- |');
    for (const line of operationTable(samples, elapsed)) log(line);
    const errors = samples.filter((s) => s.code);
    log(`Errors: ${errors.length} of ${samples.length} (${((100 * errors.length) / Math.max(1, samples.length)).toFixed(2)} %)`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
