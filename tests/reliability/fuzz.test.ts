/**
 * No one let in, nothing reflected: property-based bad input (fast-check) against every HTTP function, over real HTTP
 * through the local host. The routes come from the contract's API_ROUTES and the function files the host loads, so a
 * new function is fuzzed without touching this file (with generic input until an example is added below).
 *
 * For every answer: never a 5xx; every 4xx is a contract ErrorBody; a bad field is named (the one broken, when one
 * field of a valid request was); answers are JSON (files only for a good export); no injected string comes back
 * unescaped in an error, no header is injected, no stack trace leaks.
 *
 *   FUZZ_RUNS=<runs per route and property> (default 50: ≈ 2,500 requests)   FUZZ_SEED=<n> to replay
 */
import { randomUUID } from 'node:crypto';
import { API_ROUTES, ErrorBody, localDate, PatientCard, type ApiRouteName } from '@eer/contract';
import { startStack, type Stack } from '@eer/local';
import fc from 'fast-check';
import { generateKeyPair, SignJWT } from 'jose';
import * as z from 'zod/mini';
import { loadDefinitions } from '../../local/src/functionsHost/loadDefinitions';
import { sign } from '../telephony/support';

jest.setTimeout(15 * 60_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

// ------------------------------------------------------------------------------------------------------ inputs

/** Strings that mean something to a SQL, HTML, FHIR search, file system or HTTP header parser. */
const INJECTIONS = [
  "' OR '1'='1' --",
  '1; DROP TABLE patients; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'a&_include=*&_has:Observation:subject:code=1',
  'Patient?identifier=urn:x|1&_revinclude=*&_count=100000',
  'name:contains=Ив&birthdate=gt1900',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '..%2F..%2Fetc%2Fpasswd',
  '..',
  'line\r\nSet-Cookie: fuzz=1',
  '%0d%0aX-Injected:%201',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '\u0000\u0001\u001f\u007f',
  '\u202e\ufeff\ud83d',
  '__proto__',
  'constructor',
];
/** What must never come back raw in an error answer (the dangerous part of each injection). */
const MARKERS = ['<script', '<img', 'onerror=', 'javascript:', 'DROP TABLE', "' OR '", '_include', '_revinclude', '../', '..\\', 'Set-Cookie', 'X-Injected', '{{7*7}}', '${7*7}'];

/** A huge string that prints as its size (fast-check shows failing inputs) and serialises as itself. */
class Huge {
  constructor(
    readonly char: string,
    readonly length: number,
  ) {}
  toJSON(): string {
    return this.char.repeat(this.length);
  }
  toString(): string {
    return this.toJSON();
  }
  [fc.toStringMethod](): string {
    return `Huge(${this.char}×${this.length})`;
  }
}
const HUGE = [new Huge('x', 70_000), new Huge('Ы', 200_000)];

const injection = fc.constantFrom(...INJECTIONS);
const text = fc.oneof(
  { weight: 4, arbitrary: injection },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), injection, fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) as unknown as fc.Arbitrary<string> },
);
/** A value of the wrong type, a wrong value of the right type, or junk. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 1e308, 2 ** 53 + 1)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), injection), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

// --------------------------------------------------------------------------------------------- route examples

type Input = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };

const today = localDate(new Date());
const inDays = (n: number) => localDate(new Date(Date.now() + n * 86_400_000));
const KEY = 'fuzz-key-0000001';

/** A valid request per route (mutations start from it); routes without one get generic fuzz only. */
function examples(address: unknown): Partial<Record<ApiRouteName, Input>> {
  return {
    searchPatients: { body: { fullName: 'Вересаев Глеб', limit: 10 } },
    findPatientsByPhone: { body: { phone: '+79161234567', limit: 5 } },
    getPatient: { params: { id: 'pat-fx-adult' } },
    updatePatientPhone: { params: { id: 'pat-fx-child' }, body: { patientId: 'pat-fx-child', phone: '+79031112233', smsConsent: true, clientKey: KEY } },
    listPatientTickets: { params: { id: 'pat-fx-with-ticket' }, query: { from: today } },
    listOrganisations: { query: { districtId: 'district-1' } },
    getOrganisationHours: { params: { id: 'mo-01' } },
    listDepartments: { query: { moId: 'mo-01' } },
    listLocalities: { query: { districtId: 'district-1' } },
    listSpecialties: { query: { moId: 'mo-01' } },
    listDoctors: { query: { moId: 'mo-01', specialtyCode: 'therapist' } },
    searchSlots: { body: { specialtyCode: 'therapist', moId: 'mo-01', from: today, to: inDays(1) } },
    book: { body: { patientId: 'pat-fx-adult', slotId: 'slot-none', clientKey: KEY, notifySms: false } },
    cancelTicket: { params: { id: 'appt-none' }, body: { patientId: 'pat-fx-adult', ticketId: 'appt-none', clientKey: KEY, notifySms: false } },
    exportSchedule: { query: { by: 'organisation', id: 'mo-01', from: today, to: today, format: 'csv' } },
    resolveAddress: { body: { address } },
    createHomeVisit: { body: { patientId: 'pat-fx-adult', address, phone: '+79161234567', complaints: 'Кашель, температура', clientKey: KEY } },
    createAppeal: { body: { kind: 'appeal', topic: 'other', moId: 'mo-01', comment: 'Обращение', reviewCertificate: false, clientKey: KEY } },
    listVaccinationPoints: { query: { moId: 'mo-01' } },
    listVaccinationSlots: { query: { pointId: 'vp-1', from: today, to: inDays(1) } },
    registerVaccination: {
      body: {
        lastName: 'Сидоренко',
        firstName: 'Анна',
        birthDate: '1990-01-01',
        snils: '112-233-445 95',
        phone: '+79160000001',
        employerMoId: 'mo-01',
        position: 'Медсестра',
        dose: 1,
        pointId: 'vp-1',
        slotId: 'slot-none',
        clientKey: KEY,
      },
    },
    telephonyEvent: {
      body: { type: 'offered', eventId: 'ev-fuzz-1', telephonyCallId: 'call-fuzz-1', occurredAt: new Date().toISOString(), callerNumber: null, line: '122', ivrDigit: 3 },
    },
    claimCall: { params: { id: 'call-none' }, body: { telephonyCallId: 'call-none' } },
    publishAnnouncement: { body: { title: 'Заголовок', text: 'Текст объявления', severity: 'info' } },
    getOutboxStatus: { params: { clientKey: KEY } },
  };
}

type AnySchema = z.core.$ZodType;
const isSchema = (v: unknown): v is AnySchema => typeof v === 'object' && v !== null && '_zod' in v;

/** Field paths of a schema (objects, through optional/default/pipe wrappers and unions), two levels deep. */
function fieldPaths(schema: AnySchema | undefined, prefix: string[] = [], depth = 0): string[][] {
  if (!schema || depth > 2) return [];
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (s: unknown) => (isSchema(s) ? fieldPaths(s, prefix, depth) : []);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, AnySchema>).flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key], depth + 1)]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return walk(def.innerType);
    case 'pipe':
      return walk(def.in);
    case 'union':
      return [...new Map((def.options as AnySchema[]).flatMap((o) => fieldPaths(o, prefix, depth)).map((p) => [p.join('.'), p])).values()];
    default:
      return [];
  }
}

// ------------------------------------------------------------------------------------------------ mutations

type Mutation =
  | { op: 'replace'; path: string[]; value: unknown }
  | { op: 'delete'; path: string[] }
  | { op: 'add'; key: string; value: unknown }
  | { op: 'root'; value: unknown };

function mutations(paths: string[][]): fc.Arbitrary<Mutation> {
  const options: Array<fc.Arbitrary<Mutation>> = [
    fc.record({ op: fc.constant('add' as const), key: fc.oneof(fc.string({ maxLength: 10 }), injection), value: badValue }),
    fc.record({ op: fc.constant('root' as const), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), badValue) }),
  ];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    options.push(fc.record({ op: fc.constant('replace' as const), path, value: badValue }), fc.record({ op: fc.constant('delete' as const), path }));
  }
  return fc.oneof(...options);
}

function apply(base: unknown, m: Mutation): unknown {
  if (m.op === 'root') return m.value;
  const copy = structuredClone(base ?? {}) as Record<string, unknown>;
  if (m.op === 'add') {
    // An own key even for "__proto__" (as JSON.parse makes it on the server).
    Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  let target = copy;
  for (const key of m.path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.op === 'delete') delete target[last];
  else target[last] = m.value;
  return copy;
}

function parentsExist(body: unknown, path: string[]): boolean {
  let at = body;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null || !(key in at)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'object' && at !== null;
}

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : v instanceof Huge ? v.toString() : (JSON.stringify(v) ?? ''));

// ------------------------------------------------------------------------------------------------- the stack

let stack: Stack;
let token: string;
let supervisor: string;
let ROUTE_EXAMPLES: Partial<Record<ApiRouteName, Input>>;
const counts = { requests: 0, byStatus: new Map<number, number>(), byRoute: new Map<string, number>() };

beforeAll(async () => {
  stack = await startStack({ log: () => undefined });
  token = await stack.operatorToken('op-fuzz');
  supervisor = await stack.identity.issueToken({ operatorId: 'sup-fuzz', roles: ['EER.Operator', 'EER.Supervisor'] });
  const card = await fetch(`${stack.functionsUrl}/patients/pat-fx-adult`, { headers: { authorization: `Bearer ${token}` } });
  ROUTE_EXAMPLES = examples(PatientCard.parse(await card.json()).address);
}, 120_000);
afterAll(async () => {
  await stack?.close();
  const statuses = [...counts.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  process.stdout.write(`fuzz: ${counts.requests} requests over ${counts.byRoute.size} functions (FUZZ_RUNS=${RUNS}); statuses ${statuses}\n`);
});

interface Sent {
  route: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The strings this request carried (for the reflection check). */
  strings: string[];
}

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Huge) out.push(value.toString());
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsOf(v, out);
    }
  }
  return out;
}

/** Lone surrogates replaced (U+FFFD), as a client must before it can percent-encode a string. */
const wellFormed = (value: string) => value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * The URL of a route with its parameters, encoded as a client does, or raw (`/`, `..`, `%` kept as typed — only `?` and
 * `#` are encoded: raw, they would end the path and make it another route's request).
 */
function urlOf(route: string, params: Record<string, string>, query: Record<string, string>, rawParams = false): string {
  const encode = (value: string) => (rawParams ? wellFormed(value).replace(/[?#]/g, encodeURIComponent) : encodeURIComponent(wellFormed(value)));
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name] ?? ''));
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [wellFormed(k), wellFormed(v)])).toString();
  return `${stack.functionsUrl}/${path}${search ? `?${search}` : ''}`;
}

const type0 = (res: Response) => res.headers.get('content-type') ?? '(no type)';

/** Sends, then checks everything an answer must satisfy; returns the status and parsed error body, if any. */
async function send(sent: Sent, expectations: { namedField?: string[]; deletion?: boolean } = {}): Promise<{ status: number; error?: ErrorBody }> {
  let res: Response;
  try {
    // A request the app never answers is a failure too (not a test that waits for ever).
    res = await fetch(sent.url, { method: sent.method, headers: sent.headers, body: sent.body, signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    // A URL the client itself refuses (e.g. raw control characters) never reached the app.
    // (jest runs tests in their own realm: undici's TypeError is not this realm's TypeError)
    if ((error as Error).name === 'TypeError' && /URL/i.test(`${(error as Error).message} ${String((error as { cause?: unknown }).cause)}`)) return { status: 0 };
    if ((error as Error).name === 'TimeoutError') throw new Error(`no answer within 120 s: ${sent.route} ${sent.method} ${sent.url.slice(0, 200)}`);
    throw error;
  }
  const textBody = await res.text();
  counts.requests++;
  counts.byStatus.set(res.status, (counts.byStatus.get(res.status) ?? 0) + 1);
  counts.byRoute.set(sent.route, (counts.byRoute.get(sent.route) ?? 0) + 1);
  const where = `${sent.route} ${sent.method} ${sent.url.slice(0, 200)} → ${res.status} ${type0(res)} ${textBody.slice(0, 300)}`;

  if (res.status >= 500) throw new Error(`5xx: ${where}`);
  const type = res.headers.get('content-type') ?? '';
  if (textBody.length > 0 && !/^application\/json/.test(type)) {
    const fileExport = sent.route === 'exportSchedule' && res.status === 200;
    if (!fileExport) throw new Error(`not JSON (${type}): ${where}`);
  }
  if (/text\/html/i.test(type)) throw new Error(`HTML answer: ${where}`);
  const injected: string[] = [];
  res.headers.forEach((value, name) => {
    if (/x-injected|fuzz=1/i.test(`${name}: ${value}`) || (name === 'set-cookie' && /fuzz/.test(value))) injected.push(name);
  });
  if (injected.length > 0) throw new Error(`header injected (${injected.join(', ')}): ${where}`);
  if (/\bat [\w.<>]+ \(|\.ts:\d+:\d+|node_modules\//.test(textBody)) throw new Error(`stack trace: ${where}`);

  if (res.status < 400) return { status: res.status };
  // Node's HTTP server refuses an oversized URL or header block before any function runs (as Azure's front end
  // does): no body at all, nothing reflected.
  if ((res.status === 431 || res.status === 414) && textBody.length === 0) return { status: res.status };
  let json: unknown;
  try {
    json = JSON.parse(textBody);
  } catch {
    throw new Error(`error answer without a JSON body: ${where}`);
  }
  const parsed = ErrorBody.safeParse(json);
  if (!parsed.success) throw new Error(`not an ErrorBody: ${where}`);
  const error = parsed.data;
  if (['validation_failed', 'bad_json', 'unsupported_media_type', 'unauthenticated', 'signature_invalid'].includes(error.code) && error.field === undefined) {
    throw new Error(`no field named: ${where}`);
  }
  if (error.code === 'validation_failed') {
    if (!error.issues?.length || error.field !== error.issues[0]!.field) throw new Error(`issues missing or field not the first issue: ${where}`);
    const named = expectations.namedField?.join('.');
    if (named !== undefined) {
      const fields = error.issues.map((i) => i.field);
      const hit = fields.some((f) => f === named || f.startsWith(`${named}.`) || f.startsWith(`${named}[`) || named.startsWith(`${f}.`));
      if (!hit && !(expectations.deletion && fields.includes(''))) throw new Error(`broke ${named} but the answer names ${fields.join(', ')}: ${where}`);
    }
  }
  // Nothing of the input comes back raw: dangerous fragments, or any long string the request carried.
  for (const s of sent.strings) {
    for (const marker of MARKERS) if (s.includes(marker) && textBody.includes(marker)) throw new Error(`reflected "${marker}": ${where}`);
    if (s.length >= 12 && !/^[\w.-]+$/.test(s) && textBody.includes(s)) throw new Error(`input reflected: ${where}`);
  }
  return { status: res.status, error };
}

/** What an HTTP client can put in a header at all: no control characters, Latin-1, trimmed (a raw CR LF never gets here). */
function headerValue(value: string): string {
  return value.replace(/[^\x20-\x7e\xa0-\xff]/g, '').trim();
}

function headersFor(name: ApiRouteName, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const def = API_ROUTES[name];
  const base: Record<string, string | undefined> = {
    ...(def.auth === 'operator' ? { authorization: `Bearer ${name === 'publishAnnouncement' ? supervisor : token}` } : {}),
    ...('body' in def || def.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => [k, headerValue(v)]));
}

/** The telephony webhook needs a valid signature for its body to be looked at at all. */
function signed(body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return { 'x-eer-timestamp': String(ts), 'x-eer-signature': sign(process.env.TELEPHONY_WEBHOOK_SECRET!, ts, body) };
}

const ROUTES = Object.keys(API_ROUTES) as ApiRouteName[];
/** Runs a property; a failure prints the seed and the smallest input fast-check found. */
function check<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  return fc.assert(property, { numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });
}

// ---------------------------------------------------------------------------------------------------- tests

describe('fuzzing every HTTP function over real HTTP', () => {
  it('covers every function the host loads: each is a contract route or fuzzed generically', () => {
    const loaded = loadDefinitions().map((d) => d.name);
    for (const name of ROUTES) expect([name, loaded.includes(name)]).toEqual([name, true]);
    for (const [name, input] of Object.entries(ROUTE_EXAMPLES) as Array<[ApiRouteName, Input]>) {
      const def = API_ROUTES[name] as { params?: AnySchema; query?: AnySchema; body?: AnySchema };
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = def[part];
        if (schema && input[part] !== undefined) expect([name, part, z.safeParse(schema, input[part]).success]).toEqual([name, part, true]);
      }
    }
  });

  it.each(ROUTES)('%s: broken fields, wrong types, huge and injected values', async (name) => {
    const def = API_ROUTES[name] as { method: string; route: string; auth: string; params?: AnySchema; query?: AnySchema; body?: AnySchema };
    const example = ROUTE_EXAMPLES[name] ?? {};
    const parts = (['params', 'query', 'body'] as const).filter((p) => def[p] !== undefined);
    const junkQuery = fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), injection), text.map(asQueryValue), { maxKeys: 2 });
    const headerJunk = fc
      .record({ 'accept-language': fc.constantFrom('en', 'ru', 'xx', '*;q=0', 'en-GB,en;q=0.9'), 'x-correlation-id': fc.oneof(injection, fc.string({ maxLength: 70 })) }, { requiredKeys: [] })
      .map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, headerValue(v)])));
    const target: fc.Arbitrary<[(typeof parts)[number] | undefined, Mutation | undefined]> =
      parts.length > 0
        ? fc.constantFrom(...parts).chain((part) => fc.tuple(fc.constant(part), mutations(fieldPaths(def[part]))))
        : fc.constant([undefined, undefined]);
    await check(
      fc.asyncProperty(target, junkQuery, headerJunk, fc.boolean(), async ([part, mutation], junk, extraHeaders, rawParam) => {
        const params = { ...(example.params ?? {}) };
        let query: Record<string, string> = { ...(example.query ?? {}), ...(part === undefined ? junk : {}) };
        let body: unknown = example.body ?? (def.body ? {} : undefined);
        // The field a single broken field of a valid request must be named by (routes with an example only).
        let named: string[] | undefined;
        if (part === 'body' && mutation) {
          body = apply(body, mutation);
          // Only where the broken field's parents were in the valid request: a new nested object has its own gaps.
          if (ROUTE_EXAMPLES[name] && (mutation.op === 'replace' || mutation.op === 'delete') && parentsExist(example.body, mutation.path)) named = mutation.path;
        } else if (part === 'query' && mutation) {
          if (mutation.op === 'replace') query = { ...query, [mutation.path[0]!]: asQueryValue(mutation.value) };
          else if (mutation.op === 'delete') delete query[mutation.path[0]!];
          else if (mutation.op === 'add') query = { ...query, [mutation.key]: asQueryValue(mutation.value) };
          else query = { ...query, ...junk };
        } else if (part === 'params' && mutation) {
          const key = Object.keys(params)[0] ?? fieldPaths(def.params)[0]?.[0] ?? 'id';
          params[key] = mutation.op === 'replace' || mutation.op === 'add' ? asQueryValue(mutation.value) : '';
        }
        const bodyText = body === undefined ? undefined : JSON.stringify(body);
        const headers = { ...headersFor(name), ...extraHeaders, ...(name === 'telephonyEvent' && bodyText ? signed(bodyText) : {}) };
        await send(
          {
            route: name,
            method: def.method,
            url: urlOf(def.route, params, query, rawParam && part === 'params'),
            headers,
            body: bodyText,
            strings: [...stringsOf(body), ...stringsOf(query), ...Object.values(params)],
          },
          { namedField: named, deletion: mutation?.op === 'delete' },
        );
      }),
      RUNS,
    );
  });

  it('broken JSON, wrong content types and oversized bodies', async () => {
    const bodyRoutes = ROUTES.filter((n) => 'body' in API_ROUTES[n]);
    const broken = fc.oneof(
      fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', 'nul', '{"a":"\\u12"}', '\u0000', "{'a':1}", '{"a":1,}', ''),
      fc.string({ maxLength: 30 }),
      fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
    );
    const contentType = fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/xml', 'application/json', 'application/json; charset=utf-8', 'application/jsonx', 'APPLICATION/JSON');
    await check(
      fc.asyncProperty(fc.constantFrom(...bodyRoutes), broken, contentType, async (name, bodyText, type) => {
        const def = API_ROUTES[name];
        const example = ROUTE_EXAMPLES[name] ?? {};
        const headers = { ...headersFor(name, { 'content-type': type }), ...(name === 'telephonyEvent' ? signed(bodyText) : {}) };
        const { status, error } = await send({ route: name, method: def.method, url: urlOf(def.route, example.params ?? { id: 'x', clientKey: KEY }, {}), headers, body: bodyText, strings: [bodyText] });
        if (status !== 0) expect([name, error?.code]).not.toEqual([name, undefined]);
      }),
      RUNS * 8,
    );
    // Over the host's 10 MB limit: 413 payload_too_large, and the app survives it.
    const big = await send({ route: 'searchPatients', method: 'POST', url: `${stack.functionsUrl}/patients/search`, headers: headersFor('searchPatients'), body: `{"fullName":"${'Я'.repeat(6 * 1024 * 1024)}"}`, strings: [] });
    expect([big.status, big.error?.code]).toEqual([413, 'payload_too_large']);
  });

  it('missing, malformed and forged tokens on every operator route', async () => {
    const issuer = process.env.AUTH_ISSUER!;
    const audience = process.env.AUTH_AUDIENCE!;
    const { privateKey } = await generateKeyPair('RS256');
    const claims = { oid: 'op-forged', roles: ['EER.Operator', 'EER.Supervisor'], name: 'Forged' };
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'dev-key-1' }).setIssuer(issuer).setAudience(audience).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: issuer, aud: audience, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    const expired = await stack.identity.issueToken({ operatorId: 'op-old', expiresInSeconds: -120 });
    const otherAudience = await stack.identity.issueToken({ operatorId: 'op-aud', audience: 'api://someone-else' });
    const noRole = await stack.identity.issueToken({ operatorId: 'op-norole', roles: [] });
    const fixed = [undefined, '', 'Bearer', 'Bearer ', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${forged}`, `Bearer ${unsigned}`, `Bearer ${expired}`, `Bearer ${otherAudience}`, `Bearer ${noRole}`, `Bearer ${token}x`, `bearer ${token.split('.').slice(0, 2).join('.')}.`];
    const operatorRoutes = ROUTES.filter((n) => API_ROUTES[n].auth === 'operator');
    const authorization = fc.oneof(fc.constantFrom(...fixed), text.map((t) => `Bearer ${t}`), fc.string({ maxLength: 40 }));
    await check(
      fc.asyncProperty(fc.constantFrom(...operatorRoutes), authorization, async (name, auth) => {
        const def = API_ROUTES[name];
        const example = ROUTE_EXAMPLES[name] ?? {};
        const headers = headersFor(name, { authorization: auth });
        const { status, error } = await send({
          route: name,
          method: def.method,
          url: urlOf(def.route, example.params ?? { id: 'x', clientKey: KEY }, example.query ?? {}),
          headers,
          body: example.body === undefined ? ('body' in def ? '{}' : undefined) : JSON.stringify(example.body),
          strings: [auth ?? ''],
        });
        if (status === 0 || status === 431) return;
        // Only the dev issuer's own, current, operator-role token for this audience gets in.
        expect([name, auth, status, error?.code]).toEqual([name, auth, expect.any(Number), expect.stringMatching(/^(unauthenticated|forbidden)$/)]);
        expect(error?.field).toBe('authorization');
      }),
      Math.max(RUNS * 6, fixed.length * 4),
    );
  });

  it('the telephony webhook: unsigned, wrongly signed, replayed and tampered events reach no one', async () => {
    const example = ROUTE_EXAMPLES.telephonyEvent!.body;
    const secret = process.env.TELEPHONY_WEBHOOK_SECRET!;
    const variants = fc.oneof(
      fc.record({ kind: fc.constant('none' as const) }),
      fc.record({ kind: fc.constant('garbage' as const), value: fc.oneof(text, fc.string({ maxLength: 80 })) }),
      fc.record({ kind: fc.constant('wrongKey' as const), key: fc.string({ minLength: 16, maxLength: 40 }) }),
      fc.record({ kind: fc.constant('stale' as const), seconds: fc.integer({ min: 301, max: 10 ** 7 }), sign: fc.constantFrom(-1, 1) }),
      fc.record({ kind: fc.constant('tampered' as const), mutation: mutations(fieldPaths(API_ROUTES.telephonyEvent.body)) }),
      fc.record({ kind: fc.constant('badTimestamp' as const), value: fc.oneof(text, fc.constantFrom('', 'NaN', '1e99', '-1', '0x10')) }),
    );
    await check(
      fc.asyncProperty(variants, async (v) => {
        const body = JSON.stringify({ ...(example as object), eventId: `ev-${randomUUID()}` });
        const now = Math.floor(Date.now() / 1000);
        let headers: Record<string, string> = { 'content-type': 'application/json', 'x-eer-timestamp': String(now) };
        let sent = body;
        if (v.kind === 'garbage') headers['x-eer-signature'] = asQueryValue(v.value).replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '');
        if (v.kind === 'wrongKey') headers['x-eer-signature'] = sign(v.key, now, body);
        if (v.kind === 'stale') {
          const ts = now + v.sign * v.seconds;
          headers = { ...headers, 'x-eer-timestamp': String(ts), 'x-eer-signature': sign(secret, ts, body) };
        }
        if (v.kind === 'tampered') {
          headers['x-eer-signature'] = sign(secret, now, body);
          sent = JSON.stringify(apply(JSON.parse(body), v.mutation));
          if (sent === body) return;
        }
        if (v.kind === 'badTimestamp') headers = { ...headers, 'x-eer-timestamp': asQueryValue(v.value).replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, ''), 'x-eer-signature': sign(secret, now, body) };
        const { status, error } = await send({ route: 'telephonyEvent', method: 'POST', url: `${stack.functionsUrl}/telephony/events`, headers, body: sent, strings: [sent] });
        if (status === 0 || status === 431) return; // no request, or a header block over the server's limit
        // The size is checked first (64 KB): an oversized tampered event is refused for that.
        if (status === 413 && Buffer.byteLength(sent) > 64 * 1024) return expect(error?.code).toBe('payload_too_large');
        expect([v.kind, status]).toEqual([v.kind, v.kind === 'stale' ? 409 : 401]);
        expect(error?.code).toBe(v.kind === 'stale' ? 'stale_event' : 'signature_invalid');
      }),
      RUNS * 3,
    );
  });

  it('functions outside the contract (the OpenAPI document) take junk queries and headers', async () => {
    const others = loadDefinitions().filter((d) => !(d.name in API_ROUTES));
    expect(others.length).toBeGreaterThanOrEqual(1);
    await check(
      fc.asyncProperty(fc.constantFrom(...others), fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), injection), text.map(asQueryValue), { maxKeys: 3 }), async (definition, query) => {
        const route = definition.options.route ?? definition.name;
        const method = definition.options.methods?.[0] ?? 'GET';
        await send({ route: definition.name, method, url: urlOf(route, {}, query), headers: { 'x-correlation-id': INJECTIONS[0]! }, strings: stringsOf(query) });
      }),
      RUNS,
    );
  });
});
