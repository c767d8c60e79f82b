import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { API_ROUTES, routePath, type ApiBody, type ApiResponse } from './api';
import * as contract from './index';
import { FIELD_LABELS } from './messages';

type AnySchema = z.core.$ZodType;
const isSchema = (v: unknown): v is AnySchema => typeof v === 'object' && v !== null && '_zod' in v;

/** Every object key path reachable in a schema (array indices dropped), through wrappers, pipes and unions. */
function keyPaths(schema: AnySchema, prefix: string[] = [], seen = new Set<AnySchema>()): string[][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (s: unknown, p = prefix) => (isSchema(s) ? keyPaths(s, p, seen) : []);
  switch (def.type) {
    case 'object': {
      const out: string[][] = [];
      for (const [key, child] of Object.entries(def.shape as Record<string, AnySchema>)) {
        out.push([...prefix, key], ...walk(child, [...prefix, key]));
      }
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(def.innerType);
    case 'pipe':
      return [...walk(def.in), ...walk(def.out)];
    case 'array':
      return walk(def.element);
    case 'record':
      return walk(def.valueType);
    case 'union':
      return (def.options as AnySchema[]).flatMap((o) => walk(o));
    default:
      return [];
  }
}

const exportedSchemas: [string, AnySchema][] = Object.entries(contract as Record<string, unknown>).flatMap(([name, value]) =>
  isSchema(value) ? [[name, value] as [string, AnySchema]] : [],
);

describe('API_ROUTES', () => {
  const routes = Object.entries(API_ROUTES);

  it('names every operation the brief lists, each once', () => {
    const seen = routes.map(([, d]) => `${d.method} ${d.route}`);
    expect(new Set(seen).size).toBe(seen.length);
    for (const expected of [
      'GET health',
      'POST patients/search',
      'GET patients/{id}',
      'PUT patients/{id}/phone',
      'POST patients/by-phone',
      'GET districts',
      'GET organisations',
      'GET departments',
      'GET localities',
      'GET organisations/{id}/hours',
      'GET specialties',
      'GET doctors',
      'POST slots/search',
      'POST bookings',
      'GET patients/{id}/tickets',
      'POST tickets/{id}/cancel',
      'GET schedule/export',
      'POST address/resolve',
      'POST home-visits',
      'POST appeals',
      'GET vaccination/points',
      'GET vaccination/slots',
      'POST vaccination/registrations',
      'POST telephony/events',
      'POST negotiate',
      'POST calls/{id}/claim',
      'GET announcements',
    ]) {
      expect(seen).toContain(expected);
    }
  });

  it('placeholders and params agree; GET has no body; writes with a body carry a clientKey where they create', () => {
    for (const [name, def] of routes) {
      const placeholders = [...def.route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = 'params' in def ? Object.keys((def.params as z.ZodMiniObject)._zod.def.shape) : [];
      expect([name, params.sort()]).toEqual([name, placeholders.sort()]);
      if (def.method === 'GET') expect([name, 'body' in def]).toEqual([name, false]);
      expect(def.route).not.toMatch(/^\/|\/$/);
    }
    for (const name of ['book', 'cancelTicket', 'createHomeVisit', 'createAppeal', 'registerVaccination', 'updatePatientPhone'] as const) {
      const body = API_ROUTES[name].body as z.ZodMiniObject;
      expect([name, 'clientKey' in body._zod.def.shape]).toEqual([name, true]);
    }
  });

  it('no route puts a personal identifier in the URL (URLs are logged)', () => {
    const personal = ['snils', 'policy', 'passport', 'phone', 'fullName', 'birthDate', 'callerNumber'];
    for (const [name, def] of routes) {
      if (!('query' in def)) continue;
      const keys = keyPaths(def.query).map((p) => p[p.length - 1]);
      for (const k of personal) expect([name, keys.includes(k)]).toEqual([name, false]);
    }
  });

  it('every schema converts to JSON Schema both ways (for the OpenAPI generator)', () => {
    for (const [name, def] of routes) {
      for (const part of ['params', 'query', 'body', 'response'] as const) {
        const schema = (def as Record<string, unknown>)[part];
        if (!isSchema(schema)) continue;
        expect(() => z.toJSONSchema(schema, { io: 'input' })).not.toThrow();
        const out = z.toJSONSchema(schema, { io: 'output' });
        expect([name, part, typeof out]).toEqual([name, part, 'object']);
      }
    }
    // the output side of Phone states its E.164 form
    expect(z.toJSONSchema(contract.Phone, { io: 'output' })).toMatchObject({ type: 'string', pattern: '^\\+7\\d{10}$' });
  });

  it('routePath fills and encodes placeholders', () => {
    expect(routePath('getPatient', { id: 'a/b c' })).toBe('patients/a%2Fb%20c');
    expect(routePath('claimCall', { id: 'call-1' })).toBe('calls/call-1/claim');
    expect(routePath('listDistricts')).toBe('districts');
    expect(() => routePath('getPatient')).toThrow(RangeError);
  });

  it('types follow the schemas: body is the input, response the output', () => {
    const body: ApiBody<'book'> = { patientId: 'P', slotId: 'S', clientKey: 'k-12345678', notifySms: false };
    const parsed: ApiResponse<'getPatient'>['phone'] = '+79161234567';
    expect(API_ROUTES.book.body.safeParse(body).success).toBe(true);
    expect(parsed).toBe('+79161234567');
  });
});

describe('field labels cover the contract', () => {
  it('every field of every exported schema has a label in both languages', () => {
    const missing = new Set<string>();
    for (const [, schema] of exportedSchemas) {
      for (const path of keyPaths(schema)) {
        const found = path.some((_, i) => FIELD_LABELS[path.slice(i).join('.')] !== undefined);
        if (!found) missing.add(path.join('.'));
      }
    }
    expect([...missing]).toEqual([]);
  });
});

describe('the package stays browser-safe and small', () => {
  const dir = __dirname;
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(sources)('%s imports only zod/mini and sibling modules', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) expect([file, spec]).toEqual([file, spec === 'zod/mini' ? 'zod/mini' : expect.stringMatching(/^\.\/\w+$/)]);
    expect(text).not.toMatch(/\b(?:process\.|require\(|Buffer\.|fetch\(|XMLHttpRequest|window\.|document\.|localStorage)/);
  });

  it('index re-exports every module', () => {
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    for (const file of sources.filter((f) => f !== 'index.ts')) {
      expect(index).toContain(`export * from './${file.replace(/\.ts$/, '')}';`);
    }
  });

  it('each exported schema has its type under the same name', () => {
    // a type-only export leaves no trace at run time, so check the source text
    const text = sources.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    for (const [name] of exportedSchemas) {
      if (/^[A-Z][a-z]/.test(name) && text.includes(`export const ${name} =`)) {
        expect([name, text.includes(`export type ${name} = z.infer<typeof ${name}>`)]).toEqual([name, true]);
      }
    }
  });
});
