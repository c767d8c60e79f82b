/**
 * The one PCF context mock for every control's tests: parameters, bound columns with field security,
 * mode (disabled, width), resx strings in Russian or English, user settings, a record of outputs, and an in-memory
 * `webAPI` (Dataverse tables with enough OData for the controls: $select, $filter, $expand, $top, $orderby).
 */
import { randomUUID } from 'node:crypto';
// The desk's OData engine (@eer/local, never deployed): one parser and evaluator for both Dataverse stand-ins.
import { parseODataQuery, runQuery, type ODataQuery } from '@eer/local/src/desk/odata';
import { loadResx, type Lcid } from './resx';

export { parseODataQuery };

type Security = ComponentFramework.PropertyHelper.SecurityValues;

export interface MockProperty<T> {
  raw: T | null;
  formatted?: string;
  error: boolean;
  errorMessage: string;
  type: string;
  security?: Security;
  attributes?: Record<string, unknown>;
}

/** A bound or input property value as the platform passes it. */
export function property<T>(raw: T | null, options: { type?: string; security?: Partial<Security>; formatted?: string } = {}): MockProperty<T> {
  return {
    raw,
    formatted: options.formatted ?? (raw === null || raw === undefined ? '' : String(raw)),
    error: false,
    errorMessage: '',
    type: options.type ?? 'SingleLine.Text',
    security: options.security ? { editable: true, readable: true, secured: true, ...options.security } : undefined,
  };
}

export interface ContextMockOptions<TInputs> {
  control: string;
  parameters: TInputs;
  lcid?: Lcid;
  disabled?: boolean;
  width?: number;
  height?: number;
  tokenTheme?: unknown;
  /** The in-memory Dataverse behind `context.webAPI`: pass one to share or pre-fill it (`createWebApiMock`). */
  webAPI?: WebApiMock;
}

export interface ContextMock<TInputs> {
  context: ComponentFramework.Context<TInputs>;
  /** Change parameters or mode and call the control's updateView again, as the host does. */
  update(change: Partial<Pick<ContextMockOptions<TInputs>, 'parameters' | 'disabled' | 'width'>>): ComponentFramework.Context<TInputs>;
  strings: Record<string, string>;
  trackContainerResize: jest.Mock;
  /** The context's webAPI, with its tables to seed and inspect. */
  webAPI: WebApiMock;
}

export function createContextMock<TInputs>(options: ContextMockOptions<TInputs>): ContextMock<TInputs> {
  const lcid = options.lcid ?? 1049;
  const strings = loadResx(options.control, lcid);
  const trackContainerResize = jest.fn();
  const state = { ...options };
  const webAPI = options.webAPI ?? createWebApiMock();

  const build = (): ComponentFramework.Context<TInputs> =>
    ({
      parameters: state.parameters,
      mode: {
        isControlDisabled: state.disabled ?? false,
        isVisible: true,
        label: options.control,
        allocatedWidth: state.width ?? 800,
        allocatedHeight: state.height ?? -1,
        trackContainerResize,
        setControlState: jest.fn(),
        setFullScreen: jest.fn(),
      },
      resources: {
        getString: (key: string) => strings[key] ?? '',
        getResource: jest.fn(),
      },
      userSettings: {
        languageId: lcid,
        isRTL: false,
        userId: '{00000000-0000-0000-0000-000000000001}',
        userName: 'Оператор Тестовый',
        dateFormattingInfo: {},
        numberFormattingInfo: {},
        securityRoles: [],
        getTimeZoneOffsetMinutes: () => 180,
      },
      fluentDesignLanguage: state.tokenTheme ? { tokenTheme: state.tokenTheme, isDarkTheme: false } : undefined,
      client: { getClient: () => 'Web', getFormFactor: () => 1, isOffline: () => false, disableScroll: false },
      formatting: {},
      utils: {},
      navigation: {},
      webAPI,
      device: {},
      factory: { requestRender: jest.fn() },
      events: {},
      updatedProperties: [],
    }) as unknown as ComponentFramework.Context<TInputs>;

  let context = build();
  return {
    get context() {
      return context;
    },
    update(change) {
      const parameters = change.parameters ? { ...state.parameters, ...change.parameters } : state.parameters;
      Object.assign(state, change, { parameters });
      context = build();
      return context;
    },
    strings,
    trackContainerResize,
    webAPI,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// In-memory webAPI: Dataverse tables as arrays of rows keyed by logical name, queried with the OData subset the
// operator desk answers (local/src/desk/odata.ts). Unsupported query options reject with Dataverse's error code, so a
// test never passes on a query the real service would treat differently.

export type Row = Record<string, unknown>;

/** A one-to-many relationship: `name` is the collection navigation property on `from` (what `$expand` names). */
export interface Relationship {
  name: string;
  /** The referenced (one) table. */
  from: string;
  /** The referencing (many) table. */
  to: string;
  /** The lookup column on `to`, as the Web API returns it: `_<lookup logical name>_value`. */
  column: string;
}

/** Relationships of system tables the shared modules read; controls add their own with `createWebApiMock`. */
export const SYSTEM_RELATIONSHIPS: Relationship[] = [
  {
    name: 'environmentvariabledefinition_environmentvariablevalue',
    from: 'environmentvariabledefinition',
    to: 'environmentvariablevalue',
    column: '_environmentvariabledefinitionid_value',
  },
];

type WebApi = ComponentFramework.WebApi;

export interface WebApiMock extends WebApi {
  createRecord: jest.Mock<ReturnType<WebApi['createRecord']>, Parameters<WebApi['createRecord']>>;
  deleteRecord: jest.Mock<ReturnType<WebApi['deleteRecord']>, Parameters<WebApi['deleteRecord']>>;
  updateRecord: jest.Mock<ReturnType<WebApi['updateRecord']>, Parameters<WebApi['updateRecord']>>;
  retrieveMultipleRecords: jest.Mock<ReturnType<WebApi['retrieveMultipleRecords']>, Parameters<WebApi['retrieveMultipleRecords']>>;
  retrieveRecord: jest.Mock<ReturnType<WebApi['retrieveRecord']>, Parameters<WebApi['retrieveRecord']>>;
  /** Rows per table logical name; tests may read and change them directly. */
  tables: Record<string, Row[]>;
  relationships: Relationship[];
  /** Adds rows to a table, giving each a primary key (`<table>id`) when it has none; answers the stored rows. */
  seed(table: string, rows: Row[]): Row[];
  /** The next call of that operation rejects with a Dataverse-style error (default: a privilege error). */
  failNext(operation: keyof WebApi, error?: Partial<WebApiMockError>): void;
}

/** What the host rejects a webAPI call with: `errorCode` (a Dataverse HRESULT) and a message. */
export interface WebApiMockError extends Error {
  errorCode: number;
  code?: string;
}

export function webApiError(errorCode: number, message: string): WebApiMockError {
  return Object.assign(new Error(message), { errorCode });
}

const NOT_FOUND = -2147220969; // 0x80040217 ObjectDoesNotExist
const PRIVILEGE = -2147220960; // 0x80040220 PrivilegeDenied
// The host's nextLink is absolute; callers pass its query part back, which is all the mock reads.
// eslint-disable-next-line @microsoft/power-apps/use-relative-uri -- test double of the host's own answer
const MOCK_ORG = 'https://mock.crm.dynamics.com/api/data/v9.2';

export function primaryKey(table: string): string {
  return `${table}id`;
}

const sameId = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.replace(/[{}]/g, '').toLowerCase() === b.replace(/[{}]/g, '').toLowerCase();

export function createWebApiMock(seed: { tables?: Record<string, Row[]>; relationships?: Relationship[] } = {}): WebApiMock {
  const tables: Record<string, Row[]> = {};
  const relationships = [...SYSTEM_RELATIONSHIPS, ...(seed.relationships ?? [])];
  const failures = new Map<keyof WebApi, WebApiMockError>();
  const rowsOf = (table: string) => (tables[table] ??= []);

  const add = (table: string, rows: Row[]): Row[] =>
    rows.map((row) => {
      const stored = { ...row, [primaryKey(table)]: row[primaryKey(table)] ?? randomId() };
      rowsOf(table).push(stored);
      return stored;
    });
  for (const [table, rows] of Object.entries(seed.tables ?? {})) add(table, rows);

  const find = (table: string, id: string): Row => {
    const row = rowsOf(table).find((r) => sameId(r[primaryKey(table)], id));
    if (!row) throw webApiError(NOT_FOUND, `${table} With Id = ${id} Does Not Exist`);
    return row;
  };
  const failure = (operation: keyof WebApi) => {
    const error = failures.get(operation);
    failures.delete(operation);
    if (error) throw error;
  };
  // Every operation answers asynchronously, as the host does, and rejects instead of throwing.
  const op =
    <A extends unknown[], R>(operation: keyof WebApi, fn: (...args: A) => R) =>
    (...args: A): Promise<R> =>
      Promise.resolve().then(() => {
        failure(operation);
        return fn(...args);
      });

  const shape = (table: string, row: Row, query: ODataQuery): Row => {
    const out: Row = {};
    if (query.select) {
      for (const column of [...query.select, primaryKey(table)]) out[column] = row[column] ?? null;
    } else {
      Object.assign(out, row);
    }
    out['@odata.etag'] = 'W/"1"';
    for (const expand of query.expand ?? []) {
      const rel = relationships.find((r) => r.name === expand.name && r.from === table);
      if (!rel) throw new Error(`webAPI mock: no relationship ${expand.name} from ${table}`);
      const related = rowsOf(rel.to).filter((r) => sameId(r[rel.column], row[primaryKey(table)]));
      out[expand.name] = runQuery(related, expand.query).map((r) => shape(rel.to, r, { ...expand.query, expand: [] }));
    }
    return out;
  };

  const mock: WebApiMock = {
    tables,
    relationships,
    seed: add,
    failNext(operation, error) {
      failures.set(operation, Object.assign(webApiError(PRIVILEGE, 'Principal user is missing prvRead privilege'), error));
    },
    createRecord: jest.fn(
      op('createRecord', (table: string, data: ComponentFramework.WebApi.Entity) => {
        const [row] = add(table, [withBinds(data)]);
        return { entityType: table, id: String(row![primaryKey(table)]) };
      }),
    ),
    updateRecord: jest.fn(
      op('updateRecord', (table: string, id: string, data: ComponentFramework.WebApi.Entity) => {
        Object.assign(find(table, id), withBinds(data));
        return { entityType: table, id };
      }),
    ),
    deleteRecord: jest.fn(
      op('deleteRecord', (table: string, id: string) => {
        const row = find(table, id);
        rowsOf(table).splice(rowsOf(table).indexOf(row), 1);
        return { entityType: table, id };
      }),
    ),
    retrieveRecord: jest.fn(
      op('retrieveRecord', (table: string, id: string, options?: string) => {
        const query = parseODataQuery(options);
        if (query.filter || query.top !== undefined || query.orderby) throw new Error('webAPI mock: retrieveRecord takes $select and $expand only');
        return shape(table, find(table, id), query);
      }),
    ),
    retrieveMultipleRecords: jest.fn(
      op('retrieveMultipleRecords', (table: string, options?: string, maxPageSize?: number) => {
        const query = parseODataQuery(options);
        const all = runQuery(rowsOf(table), query);
        const start = query.skiptoken ?? 0;
        const size = maxPageSize && maxPageSize > 0 ? maxPageSize : 5000;
        const page = all.slice(start, start + size).map((row) => shape(table, row, query));
        const result: ComponentFramework.WebApi.RetrieveMultipleResponse = { entities: page, nextLink: undefined as unknown as string };
        if (start + size < all.length) {
          const rest = (options ?? '').replace(/^\?/, '').replace(/&?\$skiptoken=\d+/, '');
          result.nextLink = `${MOCK_ORG}/${table}s?${rest}${rest ? '&' : ''}$skiptoken=${start + size}`;
        } else {
          delete (result as Partial<typeof result>).nextLink;
        }
        return result;
      }),
    ),
  };
  return mock;
}

/** Seeds environment variable definitions and current values, as the solution and an admin would set them. */
export function seedEnvironmentVariables(webAPI: WebApiMock, variables: Record<string, { defaultValue?: string; value?: string }>): void {
  for (const [schemaname, v] of Object.entries(variables)) {
    const [definition] = webAPI.seed('environmentvariabledefinition', [{ schemaname, defaultvalue: v.defaultValue ?? null, displayname: schemaname }]);
    if (v.value !== undefined) {
      webAPI.seed('environmentvariablevalue', [
        { schemaname, value: v.value, _environmentvariabledefinitionid_value: definition!.environmentvariabledefinitionid },
      ]);
    }
  }
}

function randomId(): string {
  return randomUUID();
}

/** `"eer_callid@odata.bind": "/eer_calls(<id>)"` sets the lookup column `_eer_callid_value`, as Dataverse does. */
function withBinds(data: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(data)) {
    const bind = /^(.+)@odata\.bind$/.exec(key);
    if (!bind) {
      out[key] = value;
      continue;
    }
    const id = typeof value === 'string' ? /\(([^)]+)\)\s*$/.exec(value)?.[1] : undefined;
    if (!id) throw webApiError(-2147220989, `webAPI mock: bad @odata.bind value for ${bind[1]}`);
    out[`_${bind[1]!.toLowerCase()}_value`] = id.replace(/[{}]/g, '');
  }
  return out;
}
