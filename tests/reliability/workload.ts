/**
 * A simulated operator desk for the fault and load runs: the local stack in a child process (as `npm start` runs
 * it), operators with their own tokens, and a mixed workload — patient search, card, free slots, booking with SMS,
 * cancellation, home visit, appeal — over real HTTP, recording every request's operation, outcome and latency.
 * Writes retry like the controls do: the same client key after a timeout or a 503.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localDate } from '@eer/contract';
import { buildRegion, DEV_TENANT } from '@eer/local';
import { freePort, spawnUntil, type Spawned } from '../support/processes';

/** The repository: two folders up from the source (ts-jest), three from tests/dist (the bench scripts). */
const root = __filename.endsWith('.ts') ? path.join(__dirname, '..', '..') : path.join(__dirname, '..', '..', '..');

export interface ChildStack {
  functionsUrl: string;
  identityUrl: string;
  fhirBase: string;
  faultsUrl: string;
  process: Spawned;
  stop(): Promise<void>;
}

/** The variables that move `npm start`'s well-known ports (local/src/start.ts). */
const PORT_VARIABLES = ['FUNCTIONS_PORT', 'EER_SIGNALR_PORT', 'EER_MIS_PORT', 'EER_SMS_PORT', 'EER_SMTP_API_PORT', 'EER_DESK_PORT', 'EER_SMTP_PORT', 'EER_STORAGE_PORT'];

/**
 * `node local/dist/start.js` — what `npm start` runs once it has installed and built (build first: `tsc -b`) — with
 * every port moved to a free one (never colliding with a running `npm start`) and extra settings.
 */
export async function startChildStack(env: Record<string, string>): Promise<ChildStack> {
  const ports: Record<string, string> = {};
  for (const name of PORT_VARIABLES) ports[name] = String(await freePort());
  // The identity's https listener takes the next port.
  let identityPort = await freePort();
  while (identityPort + 1 > 65535) identityPort = await freePort();
  ports.IDENTITY_PORT = String(identityPort);
  const child = await spawnUntil(process.execPath, [path.join(root, 'local', 'dist', 'start.js')], {
    cwd: root,
    env: { ...ports, ...env },
    ready: /function app ready: http/,
    timeoutMs: 240_000,
  });
  const output = child.output();
  const fhirBase = /sandbox MIS \(FHIR R4\)\s+(http:\/\/\S+)/.exec(output)?.[1];
  const faultsUrl = /faults (http:\/\/\S+)\)/.exec(output)?.[1];
  if (!fhirBase || !faultsUrl) throw new Error(`stack output without the sandbox MIS URLs:\n${output}`);
  return { functionsUrl: `http://127.0.0.1:${ports.FUNCTIONS_PORT}/api`, identityUrl: `http://127.0.0.1:${identityPort}`, fhirBase, faultsUrl, process: child, stop: () => child.stop() };
}

/** A token for an operator from the development issuer (its direct grant for scripts). */
export async function operatorToken(identityUrl: string, operatorId: string): Promise<string> {
  const res = await fetch(`${identityUrl}/${DEV_TENANT}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ operator_id: operatorId }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function setFaults(faultsUrl: string, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(faultsUrl, { method: 'PUT', body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`faults refused: ${res.status}`);
}

export interface Sample {
  op: string;
  /** HTTP status, 0 when no answer came (timeout, reset). */
  status: number;
  code?: string;
  at: number;
  ms: number;
}

export interface Accepted {
  kind: 'home_visit' | 'appeal';
  clientKey: string;
  status: number;
  at: number;
}

export class Recorder {
  readonly samples: Sample[] = [];
  readonly accepted: Accepted[] = [];
  /** Bookings answered with a ticket, by client key. */
  readonly bookings = new Map<string, string>();

  byOperation(): Map<string, Sample[]> {
    const out = new Map<string, Sample[]>();
    for (const s of this.samples) out.set(s.op, [...(out.get(s.op) ?? []), s]);
    return out;
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface SeedPatient {
  id: string;
  resourceType: string;
  birthDate: string;
  identifier: Array<{ system: string; value: string }>;
}

/** Adults of the default seed with a SNILS: whom the operators look up. */
export function seededAdults(): Array<{ id: string; snils: string }> {
  const patients = (buildRegion({ seed: 122, patients: 2000, now: new Date() }) as unknown as SeedPatient[]).filter((r) => r.resourceType === 'Patient');
  return patients
    .filter((p) => Number(p.birthDate.slice(0, 4)) < 2000)
    .map((p) => ({ id: p.id, snils: p.identifier.find((i) => /snils/.test(i.system))?.value ?? '' }))
    .filter((p) => p.snils.length === 11);
}

export interface DeskOptions {
  baseUrl: string;
  token: string;
  recorder: Recorder;
  patients: Array<{ id: string; snils: string }>;
  /** Pause between an operator's steps. */
  thinkMs: number;
  /** Per request; the operator's client gives up after it. */
  timeoutMs: number;
  random?: () => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TRANSIENT = new Set([0, 503, 504]);
let keys = 0;
const clientKey = (label: string) => `${label}-${process.pid.toString(36)}-${Date.now().toString(36)}-${(++keys).toString(36)}`;
const MOS = ['mo-01', 'mo-02', 'mo-03', 'mo-04', 'mo-05', 'mo-06', 'mo-07', 'mo-08', 'mo-09', 'mo-10'];

/** One operator: call after call until `until`. */
export class Desk {
  private readonly random: () => number;
  constructor(private readonly o: DeskOptions) {
    this.random = o.random ?? Math.random;
  }

  private async request(op: string, method: string, route: string, body?: unknown): Promise<{ status: number; data: unknown }> {
    const started = performance.now();
    let status = 0;
    let data: unknown;
    try {
      const res = await fetch(`${this.o.baseUrl}/${route}`, {
        method,
        headers: { authorization: `Bearer ${this.o.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
      status = res.status;
      const text = await res.text();
      data = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      status = 0;
    }
    const code = status >= 400 ? ((data as { code?: string } | undefined)?.code ?? String(status)) : status === 0 ? 'no_answer' : undefined;
    this.o.recorder.samples.push({ op, status, ...(code ? { code } : {}), at: Date.now(), ms: performance.now() - started });
    return { status, data };
  }

  /** A write as the controls send it: the same key again after a timeout or 503/504, a few times. */
  private async write(op: string, method: string, route: string, body: unknown, tries = 3): Promise<{ status: number; data: unknown }> {
    let answer = await this.request(op, method, route, body);
    for (let i = 1; i < tries && TRANSIENT.has(answer.status); i++) {
      await sleep(500 * i);
      answer = await this.request(`${op} (retry)`, method, route, body);
    }
    return answer;
  }

  private pick<T>(items: T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  async call(): Promise<void> {
    const patient = this.pick(this.o.patients);
    const found = await this.request('search', 'POST', 'patients/search', { snils: patient.snils });
    const id = (found.data as { candidates?: Array<{ misId: string }> } | undefined)?.candidates?.[0]?.misId;
    if (!id) return;
    await sleep(this.o.thinkMs);
    const card = await this.request('card', 'GET', `patients/${encodeURIComponent(id)}`);
    if (card.status !== 200) return;
    const { address, attachment } = card.data as { address?: unknown; attachment?: { moId?: string } };
    const roll = this.random();
    await sleep(this.o.thinkMs);

    if (roll < 0.55) {
      const today = localDate(new Date());
      const to = localDate(new Date(Date.now() + 6 * 86_400_000));
      const slots = await this.request('slots', 'POST', 'slots/search', { specialtyCode: 'therapist', moId: attachment?.moId ?? this.pick(MOS), from: today, to });
      const free = (slots.data as { days?: Array<{ slots: Array<{ id: string }> }> } | undefined)?.days?.flatMap((d) => d.slots) ?? [];
      if (free.length === 0) return;
      await sleep(this.o.thinkMs);
      const key = clientKey('bk');
      const booked = await this.write('book', 'POST', 'bookings', { patientId: id, slotId: this.pick(free).id, clientKey: key, notifySms: true });
      const ticketId = (booked.data as { ticket?: { id: string } } | undefined)?.ticket?.id;
      if (booked.status !== 200 || !ticketId) return;
      this.o.recorder.bookings.set(key, ticketId);
      if (this.random() < 0.4) {
        await sleep(this.o.thinkMs);
        await this.write('cancel', 'POST', `tickets/${encodeURIComponent(ticketId)}/cancel`, { patientId: id, ticketId, clientKey: clientKey('cn'), notifySms: true });
      }
    } else if (roll < 0.8 && address) {
      await this.request('address', 'POST', 'address/resolve', { address });
      await sleep(this.o.thinkMs);
      const key = clientKey('hv');
      const res = await this.write('home visit', 'POST', 'home-visits', { patientId: id, address, phone: '+79161234567', complaints: 'Температура 38, кашель', clientKey: key });
      if (res.status === 200 || res.status === 202) this.o.recorder.accepted.push({ kind: 'home_visit', clientKey: key, status: res.status, at: Date.now() });
    } else {
      const key = clientKey('ap');
      const res = await this.write('appeal', 'POST', 'appeals', { kind: 'appeal', topic: 'appointment_availability', moId: attachment?.moId ?? this.pick(MOS), comment: 'Нет свободной записи', reviewCertificate: false, clientKey: key });
      if (res.status === 200 || res.status === 202) this.o.recorder.accepted.push({ kind: 'appeal', clientKey: key, status: res.status, at: Date.now() });
    }
  }

  async runUntil(until: number): Promise<void> {
    while (Date.now() < until) {
      await this.call();
      await sleep(this.o.thinkMs);
    }
  }
}

/** "op: n requests, p50, p99, errors by code" lines. */
export function operationTable(samples: Sample[], seconds?: number): string[] {
  const byOp = new Map<string, Sample[]>();
  for (const s of samples) byOp.set(s.op, [...(byOp.get(s.op) ?? []), s]);
  const lines: string[] = [];
  for (const [op, list] of [...byOp].sort(([a], [b]) => a.localeCompare(b))) {
    const ms = list.map((s) => s.ms);
    const errors = new Map<string, number>();
    for (const s of list) if (s.code) errors.set(s.code, (errors.get(s.code) ?? 0) + 1);
    const errorText = [...errors].map(([c, n]) => `${c}×${n}`).join(' ') || '—';
    const rate = seconds ? `, ${(list.length / seconds).toFixed(1)}/s` : '';
    lines.push(`| ${op} | ${list.length}${rate} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${errorText} |`);
  }
  return lines;
}
