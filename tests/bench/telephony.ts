/**
 * Telephony relay benchmark: webhook POST → function app → Azure SignalR REST API → local SignalR service →
 * `@microsoft/signalr` client, on loopback. The local stack runs in a child process (as `npm start` runs it); this
 * process plays the telephony platform and the operators.
 *
 *   npm run bench:telephony [-- --operators 500 --latency-events 1000 --load-seconds 10 --concurrency 16]
 *
 * Prints: connect time, targeted-offer latency p50/p99 one at a time (without and with the MIS lookup of the caller),
 * sustained events/s with latency under load, and group-offer fan-out to every available operator.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DEV_TENANT, FIXTURE_PATIENTS } from '@eer/local';
import { freePort, spawnUntil, type Spawned } from '../support/processes';
import { connectOperator, postEvent, type OperatorClient } from '../telephony/support';

const root = path.join(__dirname, '..', '..', '..');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  return `p50 ${f(percentile(sorted, 50))} ms, p99 ${f(percentile(sorted, 99))} ms, max ${f(sorted[sorted.length - 1] ?? NaN)} ms (n=${sorted.length})`;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      operators: { type: 'string', default: '500' },
      'latency-events': { type: 'string', default: '1000' },
      'load-seconds': { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '16' },
      'group-offers': { type: 'string', default: '50' },
    },
  });
  const operatorCount = Number(values.operators);
  const latencyEvents = Number(values['latency-events']);
  const loadSeconds = Number(values['load-seconds']);
  const concurrency = Number(values.concurrency);
  const groupOffers = Number(values['group-offers']);

  const functionsPort = await freePort();
  const identityPort = await freePort();
  const secret = randomBytes(24).toString('base64url');
  process.env.TELEPHONY_WEBHOOK_SECRET = secret;
  let stack: Spawned | undefined;
  const clients: OperatorClient[] = [];
  try {
    stack = await spawnUntil(process.execPath, [path.join(root, 'local', 'dist', 'start.js')], {
      cwd: root,
      env: { FUNCTIONS_PORT: String(functionsPort), IDENTITY_PORT: String(identityPort), TELEPHONY_WEBHOOK_SECRET: secret },
      ready: /function app ready: http/,
      timeoutMs: 60_000,
    });
    // Drop the child's request log as it comes, so its output does not pile up in memory here.
    stack.child.stdout?.removeAllListeners('data').resume();
    const functionsUrl = `http://127.0.0.1:${functionsPort}/api`;
    const tokenUrl = `http://127.0.0.1:${identityPort}/${DEV_TENANT}/oauth2/v2.0/token`;
    const token = async (operatorId: string) => {
      const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ operator_id: operatorId }) });
      return ((await res.json()) as { access_token: string }).access_token;
    };

    process.stdout.write(`Telephony relay benchmark — Node ${process.version}, loopback, stack in a child process, load average ${fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'}\n`);
    const connectStarted = performance.now();
    for (let i = 0; i < operatorCount; i += 50) {
      const batch = Array.from({ length: Math.min(50, operatorCount - i) }, (_, j) => `bench-op-${i + j}`);
      clients.push(...(await Promise.all(batch.map(async (id) => connectOperator(functionsUrl, id, await token(id))))));
    }
    process.stdout.write(`connected ${clients.length} operators (negotiate through the function app + WebSocket) in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s\n`);

    // Receipt times per call id, recorded by whichever client gets it.
    const receivedAt = new Map<string, number[]>();
    for (const client of clients) {
      client.connection.on('callOffered', (n: { telephonyCallId: string }) => {
        const at = performance.now();
        const list = receivedAt.get(n.telephonyCallId);
        if (list) list.push(at);
        else receivedAt.set(n.telephonyCallId, [at]);
      });
    }
    const waitFor = async (callId: string, count: number, timeoutMs = 10_000) => {
      const deadline = performance.now() + timeoutMs;
      while ((receivedAt.get(callId)?.length ?? 0) < count) {
        if (performance.now() > deadline) throw new Error(`call ${callId}: ${receivedAt.get(callId)?.length ?? 0} of ${count} receipts`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return receivedAt.get(callId)!;
    };
    const offer = (operatorId?: string, callerNumber: string | null = null) => ({
      type: 'offered',
      eventId: randomUUID(),
      telephonyCallId: `bench-${randomUUID()}`,
      occurredAt: new Date().toISOString(),
      // Withheld number by default: this measures the relay, not the MIS lookup.
      callerNumber,
      line: '122',
      ivrDigit: 3,
      ...(operatorId ? { operatorId } : {}),
    });
    const pick = () => clients[Math.floor(Math.random() * clients.length)]!.id;

    // Warm-up: JIT, keep-alive sockets, token caches.
    for (let i = 0; i < 50; i += 1) {
      const e = offer(pick());
      await postEvent(functionsUrl, e, { secret });
      await waitFor(e.telephonyCallId, 1);
    }

    // 1. One event at a time: POST sent → client receipt.
    const oneByOne: number[] = [];
    for (let i = 0; i < latencyEvents; i += 1) {
      const e = offer(pick());
      const started = performance.now();
      const ack = await postEvent(functionsUrl, e, { secret });
      if (ack.status !== 200) throw new Error(`webhook answered ${ack.status}`);
      const [at] = await waitFor(e.telephonyCallId, 1);
      oneByOne.push(at! - started);
    }
    process.stdout.write(`targeted offer, one at a time, ${clients.length} connected: ${summary(oneByOne)}\n`);

    // 1b. The same with pre-identification: a fixture patient's number, looked up in the sandbox MIS first.
    const withLookup: number[] = [];
    for (let i = 0; i < Math.min(200, latencyEvents); i += 1) {
      const e = offer(pick(), FIXTURE_PATIENTS.adult.phone);
      const started = performance.now();
      await postEvent(functionsUrl, e, { secret });
      const [at] = await waitFor(e.telephonyCallId, 1);
      withLookup.push(at! - started);
    }
    process.stdout.write(`targeted offer with pre-identification (sandbox MIS lookup by phone): ${summary(withLookup)}\n`);

    // 2. Sustained load: `concurrency` platform connections posting back to back for `loadSeconds`.
    const underLoad: number[] = [];
    let sent = 0;
    const pending: Array<Promise<void>> = [];
    const loadStarted = performance.now();
    const stackCpuBefore = cpuSeconds(stack.child.pid!);
    const loadEnds = loadStarted + loadSeconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < loadEnds) {
          const e = offer(pick());
          const started = performance.now();
          const ack = await postEvent(functionsUrl, e, { secret });
          if (ack.status !== 200) throw new Error(`webhook answered ${ack.status}`);
          sent += 1;
          pending.push(waitFor(e.telephonyCallId, 1, 30_000).then(([at]) => void underLoad.push(at! - started)));
        }
      }),
    );
    await Promise.all(pending);
    const loadMs = performance.now() - loadStarted;
    const stackCpuAfter = cpuSeconds(stack.child.pid!);
    process.stdout.write(
      `sustained: ${sent} events in ${(loadMs / 1000).toFixed(1)} s = ${(sent / (loadMs / 1000)).toFixed(0)} events/s delivered (${concurrency} concurrent posters); latency under load ${summary(underLoad)}\n`,
    );
    if (stackCpuBefore !== undefined && stackCpuAfter !== undefined) {
      const perEvent = ((stackCpuAfter - stackCpuBefore) * 1000) / sent;
      process.stdout.write(`stack process CPU per event (function host + SignalR stand-in): ${perEvent.toFixed(2)} ms → about ${(1000 / perEvent).toFixed(0)} events/s per core\n`);
    }

    // 3. Group offers: one webhook event fanned out to every available operator.
    const firstReceipt: number[] = [];
    const lastReceipt: number[] = [];
    for (let i = 0; i < groupOffers; i += 1) {
      const e = offer();
      const started = performance.now();
      await postEvent(functionsUrl, e, { secret });
      const times = await waitFor(e.telephonyCallId, clients.length);
      firstReceipt.push(Math.min(...times) - started);
      lastReceipt.push(Math.max(...times) - started);
    }
    process.stdout.write(`group offer to ${clients.length} available operators: first receipt ${summary(firstReceipt)}; last receipt ${summary(lastReceipt)}\n`);
  } finally {
    await Promise.all(clients.map((c) => c.stop().catch(() => undefined)));
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
