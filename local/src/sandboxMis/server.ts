/**
 * The sandbox MIS: a FHIR R4 server (Medplum's FHIR router over an indexed in-memory repository) behind node:http,
 * seeded with a synthetic region. What it adds to the router, as a real FHIR server does:
 *  - every write (POST/PUT/PATCH/DELETE) runs alone, one after another, so conditional creates (`If-None-Exist`)
 *    and `If-Match` updates are atomic (Medplum's in-memory transactions are not);
 *  - a slot holds at most its capacity (1 unless `slot-capacity` says more) of active appointments: one more
 *    is refused with 409;
 *  - `ETag`/`Location` headers, `GET /metadata`, and fault injection (faults.ts).
 * It logs nothing: the resources hold personal data.
 */
import { getStatus, parseSearchRequest, type SearchRequest } from '@medplum/core';
import { FhirRouter, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Appointment, OperationOutcome, Resource, Slot } from '@medplum/fhirtypes';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFhirDefinitions } from './definitions';
import { FaultSwitch, type Faults } from './faults';
import { EXT } from './fhirModel';
import { IndexedRepository } from './repository';
import { FIXTURE_PATIENTS, FIXTURE_TICKET_ID } from './seed/fixtures';
import { buildRegion } from './seed/seed';

export interface SandboxMisOptions {
  /** 0 (default): a free port. */
  port?: number;
  host?: string;
  /** Seed number of the synthetic region (default 122). */
  seed?: number;
  /** "Today" for the schedules (default: now). */
  now?: Date;
  /** Patients in all, fixtures included (default 2000). */
  patients?: number;
}

export interface SandboxMis {
  /** FHIR base URL, e.g. `http://127.0.0.1:7081/fhir` (what MIS_FHIR_BASE_URL takes). */
  baseUrl: string;
  /** Control endpoint for faults: GET shows them, PUT `{failRate?, delayMs?, down?}` changes them. */
  faultsUrl: string;
  faults: FaultSwitch;
  repository: IndexedRepository;
  fixtures: typeof FIXTURE_PATIENTS;
  fixtureTicketId: string;
  seed: number;
  /** Milliseconds the definitions load and the seed took. */
  startup: { definitionsMs: number; seedMs: number; resources: number };
  close(): Promise<void>;
}

export const FHIR_PATH = '/fhir';
export const FAULTS_PATH = '/_sandbox/faults';
const MAX_BODY_BYTES = 1_000_000;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** Appointment states that hold their slot. */
const ACTIVE_APPOINTMENT = new Set(['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'checked-in', 'waitlist']);

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function outcome(code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'conflict', details: { text } }] };
}

/** Runs writes one at a time. */
class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RangeError('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, answer: Answer, contentType = FHIR_JSON): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...answer.headers });
  res.end(body);
}

function capabilityStatement(): Resource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    date: new Date().toISOString(),
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'EER 122 sandbox MIS (Medplum FHIR router)' },
    rest: [{ mode: 'server' }],
  };
}

export async function startSandboxMis(options: SandboxMisOptions = {}): Promise<SandboxMis> {
  const seed = options.seed ?? 122;
  let started = Date.now();
  loadFhirDefinitions();
  const definitionsMs = Date.now() - started;

  started = Date.now();
  const repository = new IndexedRepository();
  const resources = buildRegion({ seed, now: options.now ?? new Date(), patients: options.patients ?? 2000 });
  for (const resource of resources) await repository.createResource(resource);
  const seedMs = Date.now() - started;

  const router = new FhirRouter();
  const faults = new FaultSwitch();
  const writes = new WriteQueue();

  /** A slot holds at most its capacity of active appointments (checked inside the write queue: no race). */
  async function slotFull(appointment: Appointment): Promise<boolean> {
    if (!ACTIVE_APPOINTMENT.has(appointment.status)) return false;
    for (const slotRef of appointment.slot ?? []) {
      const [type, id] = (slotRef.reference ?? '').split('/');
      if (type !== 'Slot' || !id) continue;
      const slot = await repository.readResource<Slot>('Slot', id).catch(() => undefined);
      const capacity = slot?.extension?.find((e) => e.url === EXT.slotCapacity)?.valueInteger ?? 1;
      const search: SearchRequest<Appointment> = { resourceType: 'Appointment', filters: [{ code: 'slot', operator: 'eq', value: `Slot/${id}` }] };
      const others = (await repository.searchResources(search)).filter((o) => o.id !== appointment.id && ACTIVE_APPOINTMENT.has(o.status));
      if (others.length >= capacity) return true;
    }
    return false;
  }

  /** A conditional create (If-None-Exist) that matches returns the existing resource: nothing new is booked. */
  async function conditionalMatchExists(headers: http.IncomingHttpHeaders): Promise<boolean> {
    const query = headers['if-none-exist'];
    if (typeof query !== 'string' || !query) return false;
    return (await repository.searchResources(parseSearchRequest(`Appointment?${query}`))).length > 0;
  }

  async function handleFhir(method: HttpMethod, path: string, search: string, body: unknown, headers: http.IncomingHttpHeaders, baseUrl: string): Promise<Answer> {
    if (method === 'GET' && path === '/metadata') return { status: 200, body: capabilityStatement() };
    const request: FhirRequest = { method, url: `${path}${search}`, pathname: '', body, params: {}, query: {}, headers };
    const run = async (): Promise<Answer> => {
      const resource = body as Resource | undefined;
      if (
        (method === 'POST' || method === 'PUT') &&
        resource?.resourceType === 'Appointment' &&
        !(await conditionalMatchExists(headers)) &&
        (await slotFull(resource as Appointment))
      ) {
        return { status: 409, body: outcome('conflict', 'The slot is already booked') };
      }
      const [result, returned] = await router.handleRequest(request, repository);
      const status = getStatus(result);
      const answer: Answer = { status, body: returned ?? result, headers: {} };
      const version = returned?.meta?.versionId;
      if (returned && version && returned.resourceType !== 'Bundle') {
        answer.headers = { ETag: `W/"${version}"` };
        if (status === 201) answer.headers.Location = `${baseUrl}/${returned.resourceType}/${returned.id}/_history/${version}`;
      }
      return answer;
    };
    return method === 'GET' || (method === 'POST' && path.endsWith('/_search')) ? run() : writes.run(run);
  }

  function handleFaults(method: string, body: string): Answer {
    if (method === 'GET') return { status: 200, body: faults.get() };
    if (method !== 'PUT' && method !== 'POST') return { status: 405, body: { error: 'GET or PUT' } };
    try {
      const change = JSON.parse(body || '{}') as Partial<Faults>;
      return { status: 200, body: faults.set(change) };
    } catch (error) {
      return { status: 400, body: { error: error instanceof Error ? error.message : 'bad request' } };
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const method = (req.method ?? 'GET').toUpperCase();
      if (url.pathname === FAULTS_PATH) {
        return send(res, handleFaults(method, await readBody(req)), 'application/json');
      }
      if (url.pathname !== FHIR_PATH && !url.pathname.startsWith(`${FHIR_PATH}/`)) {
        return send(res, { status: 404, body: outcome('not-found', 'Not a FHIR path') });
      }
      const current = faults.get();
      if (current.down) {
        req.socket.destroy();
        return;
      }
      if (current.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, current.delayMs));
      if (faults.nextFails()) return send(res, { status: 503, body: outcome('transient', 'Injected failure') });

      let body: unknown;
      const raw = await readBody(req);
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          return send(res, { status: 400, body: outcome('invalid', 'Body is not JSON') });
        }
      }
      const baseUrl = `http://${req.headers.host ?? 'localhost'}${FHIR_PATH}`;
      const answer = await handleFhir(method as HttpMethod, url.pathname.slice(FHIR_PATH.length) || '/', url.search, body, req.headers, baseUrl);
      // A lost answer: the work is done, the answer comes after the client gave up.
      if (faults.nextSlow()) await new Promise((resolve) => setTimeout(resolve, faults.get().slowMs));
      send(res, answer);
    })().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const tooLarge = error instanceof RangeError;
      send(res, { status: tooLarge ? 413 : 500, body: outcome(tooLarge ? 'too-costly' : 'exception', tooLarge ? 'Body too large' : 'Internal error') });
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const root = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    baseUrl: `${root}${FHIR_PATH}`,
    faultsUrl: `${root}${FAULTS_PATH}`,
    faults,
    repository,
    fixtures: FIXTURE_PATIENTS,
    fixtureTicketId: FIXTURE_TICKET_ID,
    seed,
    startup: { definitionsMs, seedMs, resources: resources.length },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
