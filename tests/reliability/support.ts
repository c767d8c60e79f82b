/**
 * Helpers of the reliability tests and of the fault run: a proxy in front of the MIS that loses answers (the MIS did
 * the work, the caller never hears of it), polling, and checks of the MIS's own state — no slot with two active
 * appointments, no client key with two resources.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which MIS requests to hold, how long, and how many times. */
export interface HoldRule {
  method: string;
  /** Matched against the path after the FHIR base, e.g. /Appointment. */
  path: RegExp;
  /** The MIS gets the request and answers; the answer reaches the caller this much later (past its timeout). */
  holdMs: number;
  times: number;
}

export interface LostAnswerProxy {
  url: string;
  /** Requests whose answers were held so far. */
  held(): number;
  hold(rule: HoldRule): void;
  close(): Promise<void>;
}

/** A proxy to `target` (the FHIR base URL) that forwards everything and holds the answers a rule matches. */
export async function startLostAnswerProxy(target: string): Promise<LostAnswerProxy> {
  const base = new URL(target);
  const rules: HoldRule[] = [];
  let held = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').replace(/^\/fhir/, '');
      const rule = rules.find((r) => r.times > 0 && r.method === req.method && r.path.test(path.split('?')[0]!));
      if (rule) {
        rule.times--;
        held++;
      }
      const upstream = http.request(
        { host: base.hostname, port: base.port, method: req.method, path: req.url, headers: { ...req.headers, host: base.host } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            const send = () => {
              if (res.destroyed) return;
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            };
            if (rule) setTimeout(send, rule.holdMs).unref();
            else send();
          });
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base.pathname}`,
    held: () => held,
    hold: (rule) => rules.push({ ...rule }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined), with a generous limit for a loaded machine. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000, everyMs = 300): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

interface FhirResource {
  resourceType: string;
  id: string;
  status?: string;
  identifier?: Array<{ system?: string; value?: string }>;
  slot?: Array<{ reference?: string }>;
}

/** Every resource of a type in the MIS, over FHIR (works from another process): `next` links, else `_offset` pages. */
export async function allResources(fhirBase: string, type: string): Promise<FhirResource[]> {
  const out: FhirResource[] = [];
  const count = 1000;
  let url: string | undefined = `${fhirBase}/${type}?_count=${count}`;
  for (let pages = 0; url && pages < 500; pages++) {
    const res = await fetch(url, { headers: { accept: 'application/fhir+json' } });
    if (!res.ok) throw new Error(`MIS ${type} search answered ${res.status}`);
    const bundle = (await res.json()) as { entry?: Array<{ resource: FhirResource }>; link?: Array<{ relation: string; url: string }> };
    const entries = (bundle.entry ?? []).map((e) => e.resource);
    out.push(...entries);
    url = bundle.link?.find((l) => l.relation === 'next')?.url ?? (entries.length === count ? `${fhirBase}/${type}?_count=${count}&_offset=${out.length}` : undefined);
  }
  return out;
}

const CLIENT_KEY_SYSTEM = /client-key/;
const ACTIVE = new Set(['booked', 'pending', 'arrived', 'checked-in', 'fulfilled', 'proposed', 'waitlist']);

export interface MisIntegrity {
  appointments: number;
  /** Slots holding more active appointments than places (capacity 1; vaccination slots may hold up to 4). */
  doubleBookedSlots: string[];
  /** Client keys carried by more than one resource of a kind (Appointment, ServiceRequest, Communication). */
  duplicateKeys: string[];
  /** Client keys of every resource, per kind. */
  keys: Record<'Appointment' | 'ServiceRequest' | 'Communication', Set<string>>;
}

/** Places in a slot: 1, or its SMART `slot-capacity` (vaccination slots). */
async function slotCapacity(fhirBase: string, reference: string): Promise<number> {
  const res = await fetch(`${fhirBase}/${reference}`, { headers: { accept: 'application/fhir+json' } });
  const slot = (await res.json()) as { extension?: Array<{ url: string; valueInteger?: number }> };
  return slot.extension?.find((e) => /slot-capacity/.test(e.url))?.valueInteger ?? 1;
}

/** The MIS's own state: what a double booking or a doubled request would look like there. */
export async function misIntegrity(fhirBase: string): Promise<MisIntegrity> {
  const result: MisIntegrity = { appointments: 0, doubleBookedSlots: [], duplicateKeys: [], keys: { Appointment: new Set(), ServiceRequest: new Set(), Communication: new Set() } };
  for (const type of ['Appointment', 'ServiceRequest', 'Communication'] as const) {
    const resources = await allResources(fhirBase, type);
    const perKey = new Map<string, number>();
    for (const r of resources) {
      const key = r.identifier?.find((i) => CLIENT_KEY_SYSTEM.test(i.system ?? ''))?.value;
      if (key) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    for (const [key, n] of perKey) {
      result.keys[type].add(key);
      if (n > 1) result.duplicateKeys.push(`${type}:${key}`);
    }
    if (type === 'Appointment') {
      result.appointments = resources.length;
      const perSlot = new Map<string, number>();
      for (const a of resources.filter((r) => ACTIVE.has(r.status ?? ''))) {
        for (const ref of a.slot ?? []) perSlot.set(ref.reference ?? '', (perSlot.get(ref.reference ?? '') ?? 0) + 1);
      }
      for (const [slot, n] of perSlot) if (n > 1 && n > (await slotCapacity(fhirBase, slot))) result.doubleBookedSlots.push(slot);
    }
  }
  return result;
}
