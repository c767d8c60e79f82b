/**
 * MIS proxy benchmark: what the function app costs on top of the MIS, in one run.
 *
 *   npm run bench:mis [-- --seconds 5 --concurrency 1,8]
 *
 * 1. Round trips: an in-process stack counts every HTTP request the function app sends to the sandbox MIS
 *    (node's `http.client.request.start` diagnostics channel, filtered to the sandbox's port) for one patient search
 *    and for slot searches (a specialty across an MO, the patient's district doctor, an empty period that goes on to
 *    the nearest days). The recorded MIS requests are kept, with which of them ran at the same time.
 * 2. Throughput and latency: the local stack in a child process (as `npm start` runs it); closed-loop clients send
 *    patient searches and slot searches through the function host, and then the very MIS requests the function app
 *    made for each, straight to the sandbox FHIR server (stage by stage, parallel where the app ran them in parallel).
 *    Prints requests/s, p50 and p99 of each.
 */
import * as diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import * as http from 'node:http';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { localDate } from '@eer/contract';
import { DEV_TENANT, FIXTURE_PATIENTS, startStack } from '@eer/local';
import axios, { type AxiosInstance } from 'axios';
import { freePort, spawnUntil, type Spawned } from '../support/processes';

const root = path.join(__dirname, '..', '..', '..');

interface MisRequest {
  method: string;
  path: string;
  startedAt: number;
  finishedAt: number;
}

/** Requests that overlapped in time ran in parallel: one stage; stages ran one after another. */
function stagesOf(requests: MisRequest[]): MisRequest[][] {
  const stages: MisRequest[][] = [];
  let stageEnd = -Infinity;
  for (const r of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
    if (r.startedAt >= stageEnd || stages.length === 0) stages.push([r]);
    else stages[stages.length - 1]!.push(r);
    stageEnd = Math.max(stageEnd, r.finishedAt);
  }
  return stages;
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function nextSunday(from: string): string {
  for (let i = 1; i <= 7; i++) if (new Date(`${addDays(from, i)}T00:00:00Z`).getUTCDay() === 0) return addDays(from, i);
  throw new Error('unreachable');
}

interface Operation {
  name: string;
  route: string;
  body: unknown;
}

function operations(): Operation[] {
  const today = localDate(new Date());
  const sunday = nextSunday(today);
  return [
    { name: 'patient search by SNILS', route: 'patients/search', body: { snils: FIXTURE_PATIENTS.adult.snils } },
    { name: 'patient search by full name', route: 'patients/search', body: { fullName: 'Шубин Алексей Петрович' } },
    { name: 'slot search: specialty across an MO, 7 days', route: 'slots/search', body: { specialtyCode: 'therapist', moId: 'mo-01', from: today, to: addDays(today, 6) } },
    { name: 'slot search: patient’s district doctor, 7 days', route: 'slots/search', body: { patientId: FIXTURE_PATIENTS.adult.id, specialtyCode: 'therapist', from: today, to: addDays(today, 6) } },
    { name: 'slot search: empty Sunday → nearest days', route: 'slots/search', body: { specialtyCode: 'surgeon', moId: 'mo-01', from: sunday, to: sunday } },
  ];
}

/** Phase 1: run each operation twice in an in-process stack and record the MIS requests it made. */
async function recordRoundTrips(): Promise<Map<string, { cold: MisRequest[]; warm: MisRequest[] }>> {
  const stack = await startStack({ log: () => undefined });
  const misPort = new URL(stack.mis.baseUrl).port;
  let recording: MisRequest[] | null = null;
  const inFlight = new Map<ClientRequest, MisRequest>();
  const onStart = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const host = String(request.getHeader('host') ?? '');
    if (!recording || !host.endsWith(`:${misPort}`)) return;
    const entry = { method: request.method, path: request.path, startedAt: performance.now(), finishedAt: Infinity };
    recording.push(entry);
    inFlight.set(request, entry);
  };
  const onFinish = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const entry = inFlight.get(request);
    if (entry) entry.finishedAt = performance.now();
    inFlight.delete(request);
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  diagnostics.subscribe('http.client.response.finish', onFinish);
  const results = new Map<string, { cold: MisRequest[]; warm: MisRequest[] }>();
  try {
    const token = await stack.operatorToken('bench');
    const client = axios.create({ baseURL: `${stack.functionsUrl}/`, headers: { authorization: `Bearer ${token}` } });
    for (const op of operations()) {
      const runs: MisRequest[][] = [];
      for (let i = 0; i < 2; i++) {
        recording = [];
        await client.post(op.route, op.body);
        runs.push(recording);
        recording = null;
      }
      results.set(op.name, { cold: runs[0]!, warm: runs[1]! });
    }
  } finally {
    diagnostics.unsubscribe('http.client.request.start', onStart);
    diagnostics.unsubscribe('http.client.response.finish', onFinish);
    await stack.close();
  }
  return results;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Errors thrown by requests (no HTTP answer), by code. */
const thrown = new Set<string>();

class Samples {
  readonly latencies: number[] = [];
  errors = 0;
  seconds = 0;

  result(): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return { requests: sorted.length, errors: this.errors, perSecond: sorted.length / this.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  }
}

/** `concurrency` clients, each sending the next request when the last one answered, for `seconds`. */
async function closedLoop(work: () => Promise<boolean>, seconds: number, concurrency: number, into: Samples): Promise<void> {
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const ok = await work().catch((error: unknown) => {
          thrown.add(axios.isAxiosError(error) ? (error.code ?? 'axios') : error instanceof Error ? error.name : 'unknown');
          return false;
        });
        into.latencies.push(performance.now() - t);
        if (!ok) into.errors++;
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

/**
 * Both ways in alternating one-second rounds, so that whatever else the machine does at the time (it is shared)
 * weighs on both alike.
 */
async function compare(a: () => Promise<boolean>, b: () => Promise<boolean>, seconds: number, concurrency: number): Promise<[LoadResult, LoadResult]> {
  const warmUp = new Samples();
  await closedLoop(a, 1, concurrency, warmUp);
  await closedLoop(b, 1, concurrency, warmUp);
  const sa = new Samples();
  const sb = new Samples();
  for (let round = 0; round < seconds; round++) {
    await closedLoop(a, 1, concurrency, sa);
    await closedLoop(b, 1, concurrency, sb);
  }
  return [sa.result(), sb.result()];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '1,8' } } });
  const seconds = Number(values.seconds);
  const levels = values.concurrency.split(',').map(Number);
  const concurrency = Math.max(...levels);

  process.stdout.write('Recording the MIS round trips of each operation (in-process stack)…\n');
  const recorded = await recordRoundTrips();

  const functionsPort = await freePort();
  const identityPort = await freePort();
  let child: Spawned | undefined;
  try {
    child = await spawnUntil(process.execPath, [path.join(root, 'local', 'dist', 'start.js')], {
      cwd: root,
      env: { FUNCTIONS_PORT: String(functionsPort), IDENTITY_PORT: String(identityPort) },
      ready: /function app ready: http/,
      timeoutMs: 90_000,
    });
    const fhirBase = /sandbox MIS \(FHIR R4\)\s+(http:\/\/\S+)/.exec(child.output())?.[1];
    if (!fhirBase) throw new Error('the stack did not print the sandbox MIS URL');
    const misOrigin = new URL(fhirBase).origin;
    const tokenRes = await fetch(`http://127.0.0.1:${identityPort}/${DEV_TENANT}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ operator_id: 'bench' }),
    });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * 4 });
    const functions: AxiosInstance = axios.create({
      baseURL: `http://127.0.0.1:${functionsPort}/api/`,
      headers: { authorization: `Bearer ${token}` },
      httpAgent: agent,
      validateStatus: () => true,
    });
    const fhir: AxiosInstance = axios.create({ baseURL: misOrigin, headers: { accept: 'application/fhir+json' }, httpAgent: agent, validateStatus: () => true });

    const rows: string[] = [];
    const statuses = new Set<string>();
    const fmt = (r: LoadResult) => `${r.perSecond.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  (n=${r.requests}${r.errors ? `, ${r.errors} errors` : ''})`;
    for (const op of operations()) {
      if (op.name.includes('district')) continue; // same MIS work as the MO-wide search plus the card read; counted below
      const warm = recorded.get(op.name)!.warm;
      const stages = stagesOf(warm);
      const viaFunctions = async () => {
        const res = await functions.post(op.route, op.body);
        if (res.status !== 200) statuses.add(`functions ${res.status} ${(res.data as { code?: string }).code ?? ''}`);
        return res.status === 200;
      };
      const direct = async () => {
        for (const stage of stages) {
          const answers = await Promise.all(stage.map((r) => fhir.request({ method: r.method, url: r.path })));
          const failed = answers.find((a) => a.status !== 200);
          if (failed) {
            statuses.add(`direct ${failed.status}`);
            return false;
          }
        }
        return true;
      };
      rows.push(op.name);
      for (const level of levels) {
        const [a, b] = await compare(viaFunctions, direct, seconds, level);
        rows.push(`  ${String(level).padStart(2)} client(s), through the function host        ${fmt(a)}`);
        rows.push(`  ${String(level).padStart(2)} client(s), its ${warm.length} MIS request(s) direct   ${fmt(b)}`);
      }
    }

    process.stdout.write(`\nThroughput and latency, closed loop, ${seconds} s each way in alternating 1 s rounds, stack in a child process:\n`);
    for (const row of rows) process.stdout.write(`${row}\n`);
    for (const code of thrown) statuses.add(`no answer: ${code}`);
    if (statuses.size > 0) process.stdout.write(`  failed answers seen: ${[...statuses].join('; ')}\n`);
    process.stdout.write('\nMIS round trips per operation (first call / repeated call; stages = sequential steps):\n');
    for (const [name, { cold, warm }] of recorded) {
      const paths = [...new Set(warm.map((r) => r.path.replace(/\?.*$/, '').replace(/^\/fhir/, '')))].join(', ');
      process.stdout.write(`  ${name}: ${cold.length} / ${warm.length} requests in ${stagesOf(warm).length} stage(s)  [${paths}]\n`);
    }
  } finally {
    await child?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
