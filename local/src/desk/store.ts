/**
 * The desk's local Dataverse: tables, columns, types and choices exactly as the solution defines them (read from
 * the shipped XML by `readSolutionModel()`), plus the few platform tables the controls read (system users,
 * environment variables). Every name is checked: a wrong table, column, navigation property or choice value fails
 * the way Dataverse fails it (see errors.ts). Rows are kept in memory as Web API JSON (lookups as `_x_value`).
 */
import { randomUUID } from 'node:crypto';
import type { ModelColumn, ModelTable, SolutionModel } from '@eer/solution';
import { DataverseError } from './errors';
import { filterColumns, parseODataQuery, runQuery, type ODataQuery } from './odata';

export type Row = Record<string, unknown>;

/** A one-to-many relationship: `name` is the collection navigation property on the referenced table. */
export interface StoreRelationship {
  name: string;
  /** The referenced (one) table. */
  from: string;
  /** The referencing (many) table and its lookup column (logical name). */
  to: string;
  lookup: string;
}

export interface StoreTable extends ModelTable {
  /** Option values per column for choices (global or local). */
  options: Map<string, number[]>;
}

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const MAX_PAGE = 5000;
/** Platform columns the service sets itself; a body naming them is refused. */
const SYSTEM_SET = new Set(['createdon', 'modifiedon', 'createdby', 'modifiedby', 'createdonbehalfby', 'modifiedonbehalfby', 'owningbusinessunit', 'owningteam', 'owninguser', 'versionnumber']);

export function normalGuid(id: string): string | null {
  const m = GUID.exec(id.trim());
  return m ? m[1]!.toLowerCase() : null;
}

const label = (ru: string, en = ru) => ({ ru, en });
function platformColumn(logicalName: string, type: ModelColumn['type'], extra: Partial<ModelColumn> = {}): ModelColumn {
  return {
    logicalName,
    schemaName: logicalName,
    type,
    custom: false,
    required: 'none',
    primaryName: false,
    displayName: label(logicalName),
    description: label(''),
    secured: false,
    ...extra,
  };
}

/** The platform tables the shared modules read (systemuser for the UPN; environment variables for settings). */
export function platformTables(): ModelTable[] {
  const table = (logicalName: string, entitySetName: string, primaryName: string, columns: ModelColumn[]): ModelTable => ({
    logicalName,
    schemaName: logicalName,
    entitySetName,
    primaryIdAttribute: `${logicalName}id`,
    primaryNameAttribute: primaryName,
    displayName: label(logicalName),
    pluralName: label(entitySetName),
    description: label(''),
    columns: [platformColumn(`${logicalName}id`, 'primarykey'), ...columns],
  });
  return [
    table('systemuser', 'systemusers', 'fullname', [
      platformColumn('fullname', 'nvarchar', { primaryName: true, maxLength: 200 }),
      platformColumn('domainname', 'nvarchar', { maxLength: 1024 }),
      platformColumn('internalemailaddress', 'nvarchar', { maxLength: 100 }),
      platformColumn('azureactivedirectoryobjectid', 'nvarchar', { maxLength: 100 }),
      platformColumn('isdisabled', 'bit'),
    ]),
    table('environmentvariabledefinition', 'environmentvariabledefinitions', 'displayname', [
      platformColumn('schemaname', 'nvarchar', { maxLength: 100 }),
      platformColumn('displayname', 'nvarchar', { primaryName: true, maxLength: 100 }),
      platformColumn('description', 'ntext', { maxLength: 2000 }),
      platformColumn('defaultvalue', 'ntext', { maxLength: 2000 }),
      platformColumn('type', 'int'),
      platformColumn('isrequired', 'bit'),
    ]),
    table('environmentvariablevalue', 'environmentvariablevalues', 'schemaname', [
      platformColumn('schemaname', 'nvarchar', { primaryName: true, maxLength: 100 }),
      platformColumn('value', 'ntext', { maxLength: 2000 }),
      platformColumn('environmentvariabledefinitionid', 'lookup', { schemaName: 'EnvironmentVariableDefinitionId', target: 'environmentvariabledefinition' }),
    ]),
  ];
}

export const PLATFORM_RELATIONSHIPS: StoreRelationship[] = [
  { name: 'environmentvariabledefinition_environmentvariablevalue', from: 'environmentvariabledefinition', to: 'environmentvariablevalue', lookup: 'environmentvariabledefinitionid' },
];

export interface RetrieveMultipleResult {
  value: Row[];
  nextSkip?: number;
}

export class DeskStore {
  private readonly tables = new Map<string, StoreTable>();
  private readonly rows = new Map<string, Row[]>();
  private readonly versions = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  private version = 1;
  private readonly listeners = new Set<(change: { table: string; id: string; operation: 'create' | 'update' | 'delete' }) => void>();

  constructor(
    model: Pick<SolutionModel, 'tables' | 'choices'>,
    readonly relationships: StoreRelationship[] = [],
  ) {
    for (const t of [...Object.values(model.tables), ...platformTables()]) {
      const options = new Map<string, number[]>();
      for (const c of t.columns) {
        const values = c.choice ? model.choices[c.choice]?.options.map((o) => o.value) : c.options?.map((o) => o.value);
        if (values) options.set(c.logicalName, values);
      }
      this.tables.set(t.logicalName, { ...t, options });
      this.rows.set(t.logicalName, []);
    }
    this.relationships = [...PLATFORM_RELATIONSHIPS, ...relationships];
  }

  /** Calls `listener` after every change (the desk's change feed; tests). */
  onChange(listener: (change: { table: string; id: string; operation: 'create' | 'update' | 'delete' }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /** A table by logical name; unknown → the error Dataverse gives for an unknown entity. */
  table(logicalName: string): StoreTable {
    const t = this.tables.get(logicalName);
    if (!t) throw new DataverseError('unknownTable', `Resource not found for the segment '${logicalName}'.`);
    return t;
  }

  tableBySet(entitySetName: string): StoreTable {
    for (const t of this.tables.values()) if (t.entitySetName === entitySetName) return t;
    throw new DataverseError('unknownTable', `Resource not found for the segment '${entitySetName}'.`);
  }

  /** Copies of every row of a table (tests and the desk's record lists). */
  all(table: string): Row[] {
    this.table(table);
    return this.rows.get(table)!.map((r) => ({ ...r }));
  }

  /** The name a column has in a Web API row: lookups as `_x_value`. */
  private readName(column: ModelColumn): string {
    return column.type === 'lookup' || column.type === 'owner' ? `_${column.logicalName}_value` : column.logicalName;
  }

  private readableColumn(t: StoreTable, name: string): ModelColumn {
    const column = t.columns.find((c) => this.readName(c) === name);
    if (!column) throw new DataverseError('unknownProperty', `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${t.logicalName}'.`);
    return column;
  }

  private checkQuery(t: StoreTable, query: ODataQuery): void {
    for (const name of query.select ?? []) this.readableColumn(t, name);
    for (const name of query.filter ? filterColumns(query.filter) : []) this.readableColumn(t, name);
    for (const { column } of query.orderby ?? []) this.readableColumn(t, column);
    for (const expand of query.expand ?? []) {
      const rel = this.relationships.find((r) => r.name === expand.name && r.from === t.logicalName);
      if (!rel) throw new DataverseError('unknownProperty', `Could not find a property named '${expand.name}' on type 'Microsoft.Dynamics.CRM.${t.logicalName}'.`);
      this.checkQuery(this.table(rel.to), expand.query);
    }
  }

  private shape(t: StoreTable, row: Row, query: ODataQuery): Row {
    const out: Row = { '@odata.etag': `W/"${this.versions.get(`${t.logicalName}:${String(row[t.primaryIdAttribute])}`) ?? 1}"` };
    const names = query.select ? [...query.select, t.primaryIdAttribute] : t.columns.map((c) => this.readName(c));
    for (const name of names) out[name] = row[name] ?? null;
    for (const expand of query.expand ?? []) {
      const rel = this.relationships.find((r) => r.name === expand.name && r.from === t.logicalName)!;
      const target = this.table(rel.to);
      const related = this.rows.get(rel.to)!.filter((r) => r[`_${rel.lookup}_value`] === row[t.primaryIdAttribute]);
      out[expand.name] = runQuery(related, expand.query).map((r) => this.shape(target, r, { ...expand.query, expand: [] }));
    }
    return out;
  }

  private find(t: StoreTable, id: string): Row {
    const key = normalGuid(id);
    const row = key ? this.rows.get(t.logicalName)!.find((r) => r[t.primaryIdAttribute] === key) : undefined;
    if (!row) throw new DataverseError('notFound', `${t.logicalName} With Id = ${id} Does Not Exist`);
    return row;
  }

  retrieve(table: string, id: string, options?: string): Row {
    const t = this.table(table);
    const query = parseODataQuery(options);
    if (query.filter || query.top !== undefined || query.orderby) throw new DataverseError('queryInvalid', 'retrieve takes $select and $expand only');
    this.checkQuery(t, query);
    return this.shape(t, this.find(t, id), query);
  }

  /** `$skiptoken` continues a paged answer; `maxPageSize` is the `Prefer: odata.maxpagesize` of the request. */
  retrieveMultiple(table: string, options?: string, maxPageSize?: number): RetrieveMultipleResult {
    const t = this.table(table);
    const query = parseODataQuery(options);
    this.checkQuery(t, query);
    const all = runQuery(this.rows.get(table)!, query);
    const start = query.skiptoken ?? 0;
    const size = maxPageSize && maxPageSize > 0 ? Math.min(maxPageSize, MAX_PAGE) : MAX_PAGE;
    const value = all.slice(start, start + size).map((row) => this.shape(t, row, query));
    return start + size < all.length ? { value, nextSkip: start + size } : { value };
  }

  create(table: string, body: Row, userId?: string): string {
    const t = this.table(table);
    const given = body[t.primaryIdAttribute];
    const id = given === undefined || given === null ? randomUUID() : normalGuid(String(given));
    if (!id) throw new DataverseError('invalidValue', `Invalid id '${String(given)}' for ${t.primaryIdAttribute}`);
    if (this.rows.get(table)!.some((r) => r[t.primaryIdAttribute] === id)) {
      throw new DataverseError('duplicate', `A record with id ${id} already exists on ${table}.`);
    }
    const values = this.values(t, body, 'create');
    const now = isoNow();
    const row: Row = {};
    for (const c of t.columns) row[this.readName(c)] = null;
    Object.assign(row, { statecode: 0, statuscode: 1 }, values, {
      [t.primaryIdAttribute]: id,
      createdon: now,
      modifiedon: now,
    });
    if (userId) Object.assign(row, { _createdby_value: userId, _modifiedby_value: userId, _ownerid_value: row._ownerid_value ?? userId, _owninguser_value: userId });
    for (const c of t.columns) {
      if (c.autoNumber && (row[c.logicalName] === null || row[c.logicalName] === undefined)) row[c.logicalName] = this.autoNumber(t, c);
    }
    this.rows.get(table)!.push(row);
    this.versions.set(`${table}:${id}`, this.version++);
    this.emit(table, id, 'create');
    return id;
  }

  update(table: string, id: string, body: Row, userId?: string): void {
    const t = this.table(table);
    const row = this.find(t, id);
    const values = this.values(t, body, 'update');
    Object.assign(row, values, { modifiedon: isoNow() }, userId ? { _modifiedby_value: userId } : {});
    this.versions.set(`${table}:${String(row[t.primaryIdAttribute])}`, this.version++);
    this.emit(table, String(row[t.primaryIdAttribute]), 'update');
  }

  delete(table: string, id: string): void {
    const t = this.table(table);
    const row = this.find(t, id);
    const rows = this.rows.get(table)!;
    rows.splice(rows.indexOf(row), 1);
    this.emit(table, String(row[t.primaryIdAttribute]), 'delete');
  }

  private emit(table: string, id: string, operation: 'create' | 'update' | 'delete'): void {
    for (const listener of this.listeners) listener({ table, id, operation });
  }

  private autoNumber(t: StoreTable, c: ModelColumn): string {
    const key = `${t.logicalName}.${c.logicalName}`;
    const next = (this.sequences.get(key) ?? 0) + 1;
    this.sequences.set(key, next);
    const now = new Date();
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return c
      .autoNumber!.replace(/\{SEQNUM:(\d+)\}/g, (_, width: string) => pad(next, Number(width)))
      .replace(/\{DATETIMEUTC:yyyyMMdd\}/g, `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`);
  }

  /** Checks and converts a create/update body to stored values, as Dataverse validates it. */
  private values(t: StoreTable, body: Row, operation: 'create' | 'update'): Row {
    const out: Row = {};
    const type = `Microsoft.Dynamics.CRM.${t.logicalName}`;
    for (const [key, value] of Object.entries(body)) {
      if (key.startsWith('@odata.')) continue;
      const bind = /^(.+)@odata\.bind$/.exec(key);
      if (bind) {
        const column = t.columns.find((c) => (c.type === 'lookup' || c.type === 'owner') && c.schemaName === bind[1]);
        if (!column) {
          throw new DataverseError('unknownBodyProperty', `An undeclared property '${bind[1]}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`);
        }
        out[this.readName(column)] = this.bindValue(column, value);
        continue;
      }
      const column = t.columns.find((c) => c.logicalName === key && c.type !== 'lookup' && c.type !== 'owner');
      if (!column || SYSTEM_SET.has(key) || (column.type === 'primarykey' && operation === 'update')) {
        throw new DataverseError('unknownBodyProperty', `The property '${key}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`);
      }
      if (column.type === 'primarykey') continue;
      out[key] = this.checkValue(t, column, value);
    }
    return out;
  }

  private bindValue(column: ModelColumn, value: unknown): string | null {
    if (value === null) return null;
    const m = typeof value === 'string' ? /^\/?([\w]+)\(([^)]+)\)$/.exec(value.trim()) : null;
    const target = m ? [...this.tables.values()].find((x) => x.entitySetName === m[1]) : undefined;
    const id = m ? normalGuid(m[2]!) : null;
    const allowed = column.type === 'owner' ? ['systemuser', 'team'] : [column.target];
    if (!m || !target || !id || !allowed.includes(target.logicalName)) {
      throw new DataverseError('invalidValue', `Invalid @odata.bind value '${String(value)}' for ${column.schemaName}: expected /<${column.target ?? 'systemusers'}>(<id>)`);
    }
    this.find(target, id);
    return id;
  }

  private checkValue(t: StoreTable, c: ModelColumn, value: unknown): unknown {
    const invalid = (why: string) =>
      new DataverseError('invalidValue', `A validation error occurred. The value of '${c.logicalName}' on record of type '${t.logicalName}' ${why}.`);
    if (value === null) return null;
    switch (c.type) {
      case 'nvarchar':
      case 'ntext':
        if (typeof value !== 'string') throw invalid('is not text');
        if (c.maxLength !== undefined && value.length > c.maxLength) {
          throw new DataverseError('invalidValue', `A validation error occurred. The length of the '${c.logicalName}' attribute of the '${t.logicalName}' entity exceeded the maximum allowed length of '${c.maxLength}'.`);
        }
        return value;
      case 'int':
      case 'decimal': {
        if (typeof value !== 'number' || !Number.isFinite(value) || (c.type === 'int' && !Number.isInteger(value))) throw invalid(`is not ${c.type === 'int' ? 'a whole number' : 'a number'}`);
        if ((c.min !== undefined && value < c.min) || (c.max !== undefined && value > c.max)) {
          throw invalid(`is outside the valid range. Accepted Values: ${c.min ?? '…'} to ${c.max ?? '…'}`);
        }
        return c.type === 'decimal' && c.precision !== undefined ? Number(value.toFixed(c.precision)) : value;
      }
      case 'bit':
        if (typeof value !== 'boolean') throw invalid('is not true or false');
        return value;
      case 'datetime': {
        const time = typeof value === 'string' ? Date.parse(value) : NaN;
        if (Number.isNaN(time)) throw invalid('is not a date and time');
        return c.dateOnly ? new Date(time).toISOString().slice(0, 10) : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
      }
      case 'picklist':
      case 'state':
      case 'status': {
        const options = t.options.get(c.logicalName) ?? [];
        if (typeof value !== 'number' || !options.includes(value)) throw invalid(`${String(value)} is outside the valid range. Accepted Values: ${options.join(',')}`);
        return value;
      }
      default:
        throw invalid('cannot be set');
    }
  }
}

function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
