/// <reference lib="dom" />
/**
 * What Microsoft's PCF harness lacks for our controls, supplied from the test: its `webAPI` and `navigation` stubs
 * (which `alert()` "not yet supported") are routed to an in-page Dataverse of a few tables, and the function app's
 * routes are answered from fixtures on a localhost URL (the environment variable eer_FunctionsBaseUrl points there).
 * The control's production bundle, React, Fluent and the harness itself are the real ones.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import { ENVIRONMENT_VARIABLES } from '@eer/contract';

/** The function app as the control sees it in these tests (http is allowed for localhost only). */
export const FUNCTIONS_BASE = 'http://localhost:7999/api';

type Row = Record<string, unknown>;

export interface HostCall {
  op: 'createRecord' | 'updateRecord' | 'openForm';
  args: unknown[];
}

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** Fixture answers per `METHOD path` (path relative to the API root); a function gets the parsed body. */
export type ApiRoutes = Record<string, unknown | ((body: unknown) => { status?: number; body: unknown })>;

const BRIDGED = /(createRecord|updateRecord|retrieveMultipleRecords|retrieveRecord|openForm):function\(([a-z,]*)\)\{/g;

/**
 * Installs the in-page Dataverse (`tables`, plus the environment variable pointing at the function app) and routes
 * harness.js through it. Call before `openControl`.
 */
export async function bridgeHarness(context: BrowserContext, tables: Record<string, Row[]>, options: { functionsBaseUrl?: string } = {}): Promise<void> {
  await context.route(/\/harness\.js(\?.*)?$/, async (route: Route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(BRIDGED, '$1:function($2){if(window.__eerHarness&&window.__eerHarness.$1)return window.__eerHarness.$1($2);');
    await route.fulfill({ response, body });
  });
  const definitions = [
    {
      schemaname: ENVIRONMENT_VARIABLES.functionsBaseUrl,
      defaultvalue: null,
      environmentvariabledefinition_environmentvariablevalue: [{ value: options.functionsBaseUrl ?? FUNCTIONS_BASE }],
    },
  ];
  await context.addInitScript(
    ({ seed, definitions }) => {
      type R = Record<string, unknown>;
      const store: Record<string, R[]> = { ...seed, environmentvariabledefinition: definitions };
      const log: Array<{ op: string; args: unknown[] }> = [];
      const literal = (t: string): unknown =>
        t.startsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : t === 'true' ? true : t === 'false' ? false : Number(t);
      const query = (table: string, options = '') => {
        const params = new URLSearchParams(options.replace(/^\?/, ''));
        let rows = [...(store[table] ?? [])];
        const filter = params.get('$filter');
        // the OData the controls send to these tables: `a eq x and b eq y` (environment variables: all of ours)
        if (filter && table !== 'environmentvariabledefinition') {
          for (const clause of filter.split(' and ')) {
            const m = /^\s*(\w+) eq (.+?)\s*$/.exec(clause);
            if (m) rows = rows.filter((r) => r[m[1]!] === literal(m[2]!));
          }
        }
        const order = params.get('$orderby')?.split(',')[0]?.trim().split(/\s+/);
        if (order) rows.sort((a, b) => (Number(a[order[0]!] ?? 0) - Number(b[order[0]!] ?? 0)) * (order[1] === 'desc' ? -1 : 1));
        const top = params.get('$top');
        return top ? rows.slice(0, Number(top)) : rows;
      };
      (window as unknown as { __eerHarness: unknown }).__eerHarness = {
        log,
        retrieveMultipleRecords: (table: string, options?: string) => Promise.resolve({ entities: query(table, options), nextLink: undefined }),
        retrieveRecord: (table: string, id: string) => {
          const row = (store[table] ?? []).find((r) => r[`${table}id`] === id);
          return row ? Promise.resolve(row) : Promise.reject(new Error('not found'));
        },
        createRecord: (table: string, data: R) => {
          const id = `00000000-0000-4000-8000-${String(log.length + 1).padStart(12, '0')}`;
          (store[table] ??= []).push({ ...data, [`${table}id`]: id });
          log.push({ op: 'createRecord', args: [table, data] });
          return Promise.resolve({ id, entityType: table });
        },
        updateRecord: (table: string, id: string, data: R) => {
          const row = (store[table] ?? []).find((r) => r[`${table}id`] === id);
          if (row) Object.assign(row, data);
          log.push({ op: 'updateRecord', args: [table, id, data] });
          return Promise.resolve({ id, entityType: table });
        },
        openForm: (options: unknown) => {
          log.push({ op: 'openForm', args: [options] });
          return Promise.resolve({ savedEntityReference: [] });
        },
      };
    },
    { seed: tables, definitions },
  );
}

/** The host calls the control made (webAPI writes, navigation). */
export function hostCalls(page: Page): Promise<HostCall[]> {
  return page.evaluate(() => (window as unknown as { __eerHarness: { log: HostCall[] } }).__eerHarness.log);
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-expose-headers': 'x-correlation-id',
};

/** Answers the function app's routes from `routes`; unknown routes get 404. Answers the list of calls seen. */
export async function serveFunctions(context: BrowserContext, routes: ApiRoutes): Promise<ApiCall[]> {
  const seen: ApiCall[] = [];
  await context.route(`${FUNCTIONS_BASE}/**`, async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: CORS });
      return;
    }
    const path = request.url().slice(FUNCTIONS_BASE.length + 1).split('?')[0]!;
    const key = `${request.method()} ${path}`;
    let body: unknown = undefined;
    try {
      body = request.postDataJSON();
    } catch {
      body = undefined;
    }
    seen.push({ method: request.method(), path, body, headers: request.headers() });
    const answer = routes[key];
    const result = typeof answer === 'function' ? (answer as (b: unknown) => { status?: number; body: unknown })(body) : answer === undefined ? { status: 404, body: {} } : { body: answer };
    await route.fulfill({
      status: result.status ?? 200,
      headers: { ...CORS, 'content-type': 'application/json', 'x-correlation-id': 'harness-corr-1' },
      body: JSON.stringify(result.body),
    });
  });
  return seen;
}

/** A serious or critical axe-core finding (WCAG 2 A/AA rules, colour contrast included). */
export interface AxeFinding {
  id: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on part of the page (the control's container by default) and answers the serious and critical
 * violations. Fluent's focus sentinels (`<i data-tabster-dummy>`, aria-hidden, never read out) are left out.
 */
export async function axeFindings(page: Page, include = '#TestControl-pcf-container-id'): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const results = await page.evaluate(
    (selector) =>
      (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe.run(
        { include: [[selector]], exclude: [['[data-tabster-dummy]']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
      ),
    include,
  );
  const { violations } = results as { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
