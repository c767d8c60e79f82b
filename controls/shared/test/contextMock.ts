/**
 * The one PCF context mock for every control's tests: parameters, bound columns with field security,
 * mode (disabled, width), resx strings in Russian or English, user settings, a record of outputs, and an in-memory
 * `webAPI` (Dataverse tables with enough OData for the controls: $select, $filter, $expand, $top, $orderby).
 */
import { randomUUID } from 'node:crypto';
import { loadResx, type Lcid } from './resx';

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
// controls use. Unsupported query options throw, so a test never passes on a query the real service would treat
// differently.

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

// ---- OData query options ----------------------------------------------------------------------------------------

export interface ODataQuery {
  select?: string[];
  filter?: FilterNode;
  expand?: Array<{ name: string; query: ODataQuery }>;
  top?: number;
  orderby?: Array<{ column: string; desc: boolean }>;
  skiptoken?: number;
}

/** Splits on `separator` outside parentheses and quotes. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function parseODataQuery(options?: string, separator = '&'): ODataQuery {
  const query: ODataQuery = {};
  const text = (options ?? '').trim().replace(/^\?/, '');
  for (const part of splitTop(text, separator)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = decode(part.slice(eq + 1)).trim();
    switch (key) {
      case '$select':
        query.select = value.split(',').map((c) => c.trim());
        break;
      case '$filter':
        query.filter = parseFilter(value);
        break;
      case '$top':
        query.top = Number(value);
        break;
      case '$skiptoken':
        query.skiptoken = Number(value);
        break;
      case '$orderby':
        query.orderby = value.split(',').map((item) => {
          const [column, direction] = item.trim().split(/\s+/);
          return { column: column!, desc: direction?.toLowerCase() === 'desc' };
        });
        break;
      case '$expand':
        query.expand = splitTop(value, ',').map((item) => {
          const open = item.indexOf('(');
          if (open < 0) return { name: item.trim(), query: {} };
          return { name: item.slice(0, open).trim(), query: parseODataQuery(item.slice(open + 1, item.lastIndexOf(')')), ';') };
        });
        break;
      default:
        throw new Error(`webAPI mock: unsupported query option ${key || part}`);
    }
  }
  return query;
}

function runQuery(rows: Row[], query: ODataQuery): Row[] {
  let out = query.filter ? rows.filter((row) => evaluate(query.filter!, row)) : [...rows];
  if (query.orderby) {
    const order = query.orderby;
    out.sort((a, b) => {
      for (const { column, desc } of order) {
        const c = compare(a[column], b[column]);
        if (c !== 0) return desc ? -c : c;
      }
      return 0;
    });
  }
  if (query.top !== undefined) out = out.slice(0, query.top);
  return out;
}

// $filter: comparisons (eq ne gt ge lt le), and / or / not, parentheses, contains / startswith / endswith.
type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: string; column: string; value: unknown }
  | { kind: 'call'; fn: string; column: string; value: string };

const TOKEN = /\s*(\(|\)|,|'(?:[^']|'')*'|[A-Za-z_][\w./]*|-?\d+(?:\.\d+)?|[0-9a-fA-F-]{36})/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`webAPI mock: cannot read $filter near "${text.slice(TOKEN.lastIndex)}"`);
    tokens.push(m[1]!);
  }
  return tokens;
}

function literal(token: string): unknown {
  if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  if (token === 'null') return null;
  if (token === 'true' || token === 'false') return token === 'true';
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(token)) return token;
  throw new Error(`webAPI mock: unsupported $filter value ${token}`);
}

function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let i = 0;
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (tokens[i++] !== t) throw new Error(`webAPI mock: expected "${t}" in $filter "${text}"`);
  };
  const or = (): FilterNode => {
    let left = and();
    while (tokens[i] === 'or') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): FilterNode => {
    let left = unary();
    while (tokens[i] === 'and') {
      i++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): FilterNode => {
    if (tokens[i] === 'not') {
      i++;
      return { kind: 'not', operand: unary() };
    }
    if (tokens[i] === '(') {
      i++;
      const inner = or();
      expect(')');
      return inner;
    }
    const first = next();
    if (first === undefined) throw new Error(`webAPI mock: incomplete $filter "${text}"`);
    if (['contains', 'startswith', 'endswith'].includes(first.toLowerCase())) {
      expect('(');
      const column = next()!;
      expect(',');
      const value = literal(next()!);
      expect(')');
      return { kind: 'call', fn: first.toLowerCase(), column, value: String(value) };
    }
    const op = next();
    if (!op || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) throw new Error(`webAPI mock: unsupported $filter operator ${op} in "${text}"`);
    return { kind: 'compare', op, column: first, value: literal(next()!) };
  };
  const node = or();
  if (i !== tokens.length) throw new Error(`webAPI mock: unexpected "${tokens[i]}" in $filter "${text}"`);
  return node;
}

/** Dataverse compares text case-insensitively; GUIDs without braces. */
function normal(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/^\{(.*)\}$/, '$1').toLowerCase() : value instanceof Date ? value.toISOString() : value;
}

function compare(a: unknown, b: unknown): number {
  const x = normal(a);
  const y = normal(b);
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  return (x as number | string) < (y as number | string) ? -1 : 1;
}

function evaluate(node: FilterNode, row: Row): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, row) && evaluate(node.right, row);
    case 'or':
      return evaluate(node.left, row) || evaluate(node.right, row);
    case 'not':
      return !evaluate(node.operand, row);
    case 'call': {
      const value = String(normal(row[node.column]) ?? '');
      const needle = String(normal(node.value));
      return node.fn === 'contains' ? value.includes(needle) : node.fn === 'startswith' ? value.startsWith(needle) : value.endsWith(needle);
    }
    case 'compare': {
      const value = row[node.column] ?? null;
      if (node.value === null || value === null) {
        const same = node.value === null && value === null;
        return node.op === 'eq' ? same : node.op === 'ne' ? !same : false;
      }
      const c = compare(value, node.value);
      return { eq: c === 0, ne: c !== 0, gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[node.op as 'eq']!;
    }
  }
}
